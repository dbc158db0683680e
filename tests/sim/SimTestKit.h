#pragma once

// The kit the simulator's black-box suites share: the real tatausaha-upstream-sim binary as a
// child process on an ephemeral port, and one HTTP request over QNetworkAccessManager, which
// is what the main app's clients use. Deliberately free of the main app's code (unlike
// tests/support), so the simulator is tested independently of the clients it serves.

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace simtest {

// Request headers, in the order they are set; a later one of the same name wins.
using Headers = QList<QPair<QByteArray, QByteArray>>;

// One running simulator process. It is started with --listen 127.0.0.1:0 and the first line it
// prints ("listening on http://127.0.0.1:<port>") carries the port it got.
class SimProcess
{
public:
    ~SimProcess() { stop(); }

    // `args` come after --listen. *startupMs (optional): from start to the first line.
    bool start(const QStringList &args, QString *error, qint64 *startupMs = nullptr);
    void stop();

    QProcess &process() { return m_proc; }

    quint16 port = 0;
    QString base; // "http://127.0.0.1:<port>"

private:
    QProcess m_proc;
};

// A further simulator beside a suite's shared one; nullptr (and a warning saying why) if it
// does not come up.
std::unique_ptr<SimProcess> startSim(const QStringList &args, qint64 *startupMs = nullptr);

struct HttpResult
{
    bool finished = false; // false: our client-side timeout fired first
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    qint64 elapsedMs = 0;

    QByteArray contentType() const { return headers.value("content-type"); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }

    // The envelopes of the simulated upstreams.
    // SIAKAD: {"data":[…]}.
    QJsonArray data() const { return json().value(QStringLiteral("data")).toArray(); }
    // Dapodik pusat: {"results":n,"rows":[…],…}.
    QJsonArray rows() const { return json().value(QStringLiteral("rows")).toArray(); }
    int results() const { return json().value(QStringLiteral("results")).toInt(-1); }
    // SPLP (CKAN): {"success":true,"result":…} / {"success":false,"error":{"__type":…}}.
    QJsonObject result() const { return json().value(QStringLiteral("result")).toObject(); }
    QJsonObject ckanError() const { return json().value(QStringLiteral("error")).toObject(); }
    // SIPD e-walidata: {"code":…,"log":[…]}.
    QJsonArray log() const { return json().value(QStringLiteral("log")).toArray(); }
    int code() const { return json().value(QStringLiteral("code")).toInt(-1); }
};

// Sends one request and waits for the reply, at most `timeoutMs`; then the request is aborted,
// like a client's own timeout, and the result is not `finished`. A non-empty body is sent as
// application/json.
HttpResult httpRequest(QNetworkAccessManager &nam, const QByteArray &method, const QString &url,
                       const QByteArray &body, const Headers &headers, int timeoutMs);

} // namespace simtest
