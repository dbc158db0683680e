#include "ApiServerHost.h"
#include "ApiServer.h"

#include <QStringList>
#include <memory>

namespace tu {

// Lives in the host's thread-of-its-own; owns the ApiServer there. Each request from the host
// arrives as a queued call, so they run in order and never overlap.
class ApiServerWorker : public QObject
{
public:
    ApiServerWorker(Core &core, ApiServerHost *host) : m_core(core), m_host(host) {}

    void start(const QString &host, quint16 port, const QString &cert, const QString &key)
    {
        // A fresh ApiServer each time: TLS set once can't be undone on a listening server.
        m_server.reset();
        auto server = std::make_unique<ApiServer>(m_core);
        const Status s = server->start(host, port, cert, key);
        if (!s.ok()) {
            // Validation failures (a bad host) carry their text in the fields.
            const QString text = s.error().fields.isEmpty()
                ? s.error().message
                : QStringList(s.error().fields.values()).join(QLatin1Char(' '));
            report(false, QString(), text);
            return;
        }
        m_server = std::move(server);
        report(true, m_server->address(), QString());
    }

    void stop()
    {
        m_server.reset();
        report(false, QString(), QString());
    }

    void reloadPolicy()
    {
        if (m_server)
            m_server->reloadPolicy();
    }

private:
    void report(bool running, const QString &address, const QString &error)
    {
        // Queued onto the host's thread; dropped by Qt if the host is already gone.
        ApiServerHost *host = m_host;
        QMetaObject::invokeMethod(host, [host, running, address, error] {
            host->onWorkerState(running, address, error);
        }, Qt::QueuedConnection);
    }

    Core &m_core;
    ApiServerHost *m_host;
    std::unique_ptr<ApiServer> m_server;
};

ApiServerHost::ApiServerHost(Core &core, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("tatausaha-api"));
    m_worker = new ApiServerWorker(core, this);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ApiServerHost::~ApiServerHost()
{
    // The ApiServer must die on its own thread: its sockets and timers belong there.
    ApiServerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ApiServerHost::start(const QString &host, quint16 port, const QString &tlsCert, const QString &tlsKey)
{
    m_host = host;
    m_port = port;
    m_tlsCert = tlsCert;
    m_tlsKey = tlsKey;
    ApiServerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [=] { worker->start(host, port, tlsCert, tlsKey); }, Qt::QueuedConnection);
}

void ApiServerHost::restart(const QString &host, quint16 port, const QString &tlsCert, const QString &tlsKey)
{
    start(host, port, tlsCert, tlsKey);
}

void ApiServerHost::stop()
{
    ApiServerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->stop(); }, Qt::QueuedConnection);
}

void ApiServerHost::reloadPolicy()
{
    ApiServerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->reloadPolicy(); }, Qt::QueuedConnection);
}

void ApiServerHost::onWorkerState(bool running, const QString &address, const QString &error)
{
    m_running = running;
    m_address = address;
    m_error = error;
    emit stateChanged(running, address, error);
}

} // namespace tu
