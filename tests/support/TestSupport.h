#pragma once
// Shared test fixtures: a fresh database on the backend chosen by TATAUSAHA_TEST_BACKEND
// (sqlite default, or postgres on the throwaway cluster), a Core over it, the real API server
// on an ephemeral port, and a small synchronous HTTP client.

#include "app/Core.h"
#include "api/ApiServer.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace tu::test {

bool usePostgres();
// QSKIP message when PostgreSQL was asked for but the cluster is not there (empty: fine).
QString postgresUnavailableReason();

// A brand-new empty database for one test.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }
    bool ok() const { return !m_url.isEmpty(); }

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_pgName;
    QString m_pgAdminUrl;
};

// Core over a fresh database, with an admin (`admin` / AdminPassword).
struct TestCore {
    static constexpr const char *AdminPassword = "Rahasia-Admin-1";
    TestDatabase database;
    std::unique_ptr<Core> core;
    TestCore();
    // As the desktop app does before it exits: reads still running on a pool (pages read their
    // lists on the global one or on a pool of the application's) finish before the Core they
    // use goes away.
    ~TestCore()
    {
        QThreadPool::globalInstance()->waitForDone();
        if (QCoreApplication *app = QCoreApplication::instance())
            for (QThreadPool *pool : app->findChildren<QThreadPool *>(Qt::FindDirectChildrenOnly))
                pool->waitForDone();
    }
    Core &operator*() { return *core; }
    Core *operator->() { return core.get(); }
    User createUser(const QString &username, Role role, const QString &password = QStringLiteral("Password-123"));
};

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
    QList<QByteArray> headerAll(const QByteArray &name) const;
};

// The real server, in-process, on 127.0.0.1:<ephemeral>.
class TestServer
{
public:
    explicit TestServer(const QString &rateLimits = QStringLiteral("off"));
    TestCore core;
    std::unique_ptr<ApiServer> server;
    QString base() const;

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);
    HttpResult get(const QString &path, const QByteArray &token = {});
    HttpResult sendJson(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token = {});
    // Logs in and returns the JWT.
    QByteArray login(const QString &username, const QString &password);
    QByteArray loginAs(Role role); // creates a user of that role first
    QByteArray adminToken();

private:
    QNetworkAccessManager m_nam;
    int m_userCounter = 0;
};

// The real upstream simulator (app/upstream-sim) as a child process on an ephemeral port.
class UpstreamSim
{
public:
    explicit UpstreamSim(const QStringList &extraArgs = {});
    ~UpstreamSim();
    bool ok() const { return !m_url.isEmpty(); }
    QString url() const { return m_url; }
    // Control endpoints (/__sim/...).
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonObject stats() { return control("GET", QStringLiteral("/__sim/stats")); }
    void forceFault(const QString &kind, int count) { control("POST", QStringLiteral("/__sim/faults"), {{"kind", kind}, {"count", count}}); }

private:
    QProcess *m_process = nullptr;
    QString m_url;
};

// Raw TCP exchange for the cases a well-behaved client cannot produce (huge Content-Length,
// keep-alive sequences, malformed heads). Returns everything read until close or timeout.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 3000, bool waitForClose = true);

} // namespace tu::test

#define TU_REQUIRE_BACKEND()                                                        \
    do {                                                                            \
        const QString why = tu::test::postgresUnavailableReason();                  \
        if (!why.isEmpty())                                                         \
            QSKIP(qPrintable(why));                                                 \
    } while (0)

// Fails with the service's own message when a Result is an error. Evaluates `expr` once.
#define TU_VERIFY_OK(expr)                                                                                      \
    do {                                                                                                        \
        const auto &tuResult_ = (expr);                                                                         \
        QVERIFY2(tuResult_.ok(), qPrintable(tuResult_.ok() ? QString()                                          \
                                                          : tuResult_.error().message + QLatin1Char(' ')        \
                                                              + QStringList(tuResult_.error().fields.values()).join(QLatin1Char(' ')))); \
    } while (0)
