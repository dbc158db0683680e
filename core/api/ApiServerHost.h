#pragma once
#include <QObject>
#include <QString>
#include <QThread>

namespace tu {

class Core;
class ApiServerWorker;

// Hosts the in-process ApiServer of the desktop app on a thread of its own, so the GUI stays
// responsive under API load and the desktop never talks HTTP to itself. The ApiServer is created
// and destroyed inside that thread (its sockets and timers belong there). Every call is
// asynchronous: the outcome arrives as stateChanged(), delivered on the host's thread.
class ApiServerHost : public QObject
{
    Q_OBJECT
public:
    explicit ApiServerHost(Core &core, QObject *parent = nullptr);
    ~ApiServerHost() override; // stops the server and joins the thread

    // Starting while running replaces the running server (a restart).
    void start(const QString &host, quint16 port, const QString &tlsCert = {}, const QString &tlsKey = {});
    void restart(const QString &host, quint16 port, const QString &tlsCert = {}, const QString &tlsKey = {});
    void stop();
    // Re-reads CORS origins, trusted proxies and rate limits from the settings.
    void reloadPolicy();

    // Last reported state (host thread).
    bool isRunning() const { return m_running; }
    QString address() const { return m_address; }
    QString errorText() const { return m_error; }
    // What was last asked for, so a restart after a settings change keeps the TLS files.
    QString requestedHost() const { return m_host; }
    quint16 requestedPort() const { return m_port; }
    QString tlsCert() const { return m_tlsCert; }
    QString tlsKey() const { return m_tlsKey; }

signals:
    // running: listening; address: http(s)://host:port while running; error: Indonesian text
    // of the last failure (empty when none).
    void stateChanged(bool running, const QString &address, const QString &error);

private:
    friend class ApiServerWorker;
    void onWorkerState(bool running, const QString &address, const QString &error);

    QThread m_thread;
    ApiServerWorker *m_worker = nullptr; // lives in m_thread
    bool m_running = false;
    QString m_address, m_error;
    QString m_host, m_tlsCert, m_tlsKey;
    quint16 m_port = 0;
};

} // namespace tu
