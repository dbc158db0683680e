// bench-robustness: can one hostile host take the API down? Starts a separate
// `tatausaha-server --demo` (temp data dir, production rate limits except a higher public limit,
// see below) and runs four attacks from loopback source addresses 127.0.x.y (never 127.0.0.1),
// each bounded in time and in connections opened:
//   slow-head  1,000 connections trickling a request head one byte at a time
//   big-body   50 anonymous uploads to POST /api/integrations/files, multipart, 11 MB declared
//   pipeline   20 connections sending a valid GET followed by up to 64 MB of junk
//   flood      2,000 connections opened as fast as possible and held
// Meanwhile a legitimate client on 127.0.0.1 (its own thread) calls GET /api/public/news every
// 100 ms over keep-alive and logs in once per attack. Printed per attack: the client's p50/p99
// and errors, the server's peak RSS and CPU during the attack, and its CPU in the 2 s after.
//
//   bench-robustness [--seconds 15] [--server PATH] [--only slow-head,big-body,pipeline,flood]
//
// Rate limits: the production defaults, except public=1200/min so that one client polling every
// 100 ms (600/min) is not limited; buckets are per address, so the attackers gain nothing from
// it. The login (auth scope 5/min) runs once per attack, at most 5 times in the run.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace {
QTextStream out(stdout);
quint16 serverPort = 0;
const QByteArray AdminPassword = "Bench-Admin-123";

struct Sample { double ms = 0; int status = 0; };

// The legitimate client: its own thread and event loop, so the attackers' sockets in the main
// thread do not delay it.
class LegitClient : public QObject
{
public:
    void begin()
    {
        if (!m_nam) {
            m_nam = new QNetworkAccessManager(this);
            m_timer = new QTimer(this);
            m_timer->setInterval(100);
            QObject::connect(m_timer, &QTimer::timeout, this, [this] { pollNews(); });
        }
        QMutexLocker l(&m_mutex);
        m_news.clear();
        m_logins.clear();
        m_inFlight = 0;
        m_timer->start();
    }
    void end() { m_timer->stop(); }
    void login()
    {
        QNetworkRequest req(url("/api/auth/login"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        req.setTransferTimeout(10000);
        send(m_nam->post(req, "{\"username\":\"admin\",\"password\":\"" + AdminPassword + "\"}"), &m_logins);
    }
    int inFlight() { QMutexLocker l(&m_mutex); return m_inFlight; }
    QList<Sample> newsSamples() const { QMutexLocker l(&m_mutex); return m_news; }
    QList<Sample> loginSamples() const { QMutexLocker l(&m_mutex); return m_logins; }

private:
    static QUrl url(const char *path) { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort).arg(QLatin1String(path))); }
    void pollNews()
    {
        QNetworkRequest req(url("/api/public/news?page=1&limit=10"));
        req.setTransferTimeout(5000); // a request left unanswered for 5 s counts as refused
        send(m_nam->get(req), &m_news);
    }
    void send(QNetworkReply *reply, QList<Sample> *into)
    {
        auto *t = new QElapsedTimer;
        t->start();
        { QMutexLocker l(&m_mutex); ++m_inFlight; }
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, t, into] {
            Sample s;
            s.ms = t->nsecsElapsed() / 1e6;
            s.status = reply->error() == QNetworkReply::NoError || reply->error() >= QNetworkReply::ContentAccessDenied
                ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
            delete t;
            reply->deleteLater();
            QMutexLocker l(&m_mutex);
            --m_inFlight;
            into->append(s);
        });
    }
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_timer = nullptr;
    mutable QMutex m_mutex;
    QList<Sample> m_news, m_logins;
    int m_inFlight = 0;
};

// The server's memory and CPU from /proc.
struct ProcSample { qint64 rssKb = 0, hwmKb = 0; double cpuSeconds = 0; };
ProcSample readProc(qint64 pid)
{
    ProcSample s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                s.rssKb = line.mid(6).trimmed().split(' ').first().toLongLong();
            else if (line.startsWith("VmHWM:"))
                s.hwmKb = line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray all = stat.readAll();
        const QList<QByteArray> f = all.mid(all.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 13)
            s.cpuSeconds = (f[11].toLongLong() + f[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    return s;
}

// A bounded population of attacking connections: keeps `concurrency` open (reopening those the
// server closes) until stopped or `maxOpens` were opened.
class Attack : public QObject
{
public:
    struct Spec {
        QString name;
        int concurrency = 0;
        int perAddress = 10;  // connections per source address (below the per-address cap)
        int maxOpens = 0;
        std::function<void(QTcpSocket *)> onConnected; // what the attacker sends first
        std::function<void(QTcpSocket *)> onTick;      // every tickMs while connected
        int tickMs = 0;
    };
    explicit Attack(Spec spec) : m_spec(std::move(spec))
    {
        if (m_spec.tickMs > 0) {
            m_tick.setInterval(m_spec.tickMs);
            QObject::connect(&m_tick, &QTimer::timeout, this, [this] {
                for (QTcpSocket *s : std::as_const(m_live))
                    if (s->state() == QAbstractSocket::ConnectedState)
                        m_spec.onTick(s);
            });
        }
    }
    ~Attack() override { stop(); }
    void start()
    {
        m_running = true;
        for (int i = 0; i < m_spec.concurrency; ++i)
            open(i);
        if (m_spec.tickMs > 0)
            m_tick.start();
    }
    void stop()
    {
        m_running = false;
        m_tick.stop();
        const auto live = m_live;
        m_live.clear();
        for (QTcpSocket *s : live) {
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
    }
    int opened() const { return m_opened; }
    int refusedByServer() const { return m_closedByServer; }
    int live() const { return int(m_live.size()); }

private:
    void open(int slot)
    {
        if (!m_running || m_opened >= m_spec.maxOpens)
            return;
        ++m_opened;
        auto *s = new QTcpSocket(this);
        const int a = slot / m_spec.perAddress + 2; // 127.0.0.2 and up: never the legitimate client's 127.0.0.1
        s->bind(QHostAddress(QStringLiteral("127.0.%1.%2").arg(a / 250).arg(a % 250 + 2)), 0);
        m_live.insert(s);
        QObject::connect(s, &QTcpSocket::connected, this, [this, s] {
            if (m_spec.onConnected)
                m_spec.onConnected(s);
        });
        QObject::connect(s, &QTcpSocket::readyRead, this, [s] { s->skip(s->bytesAvailable()); });
        auto gone = [this, s, slot] {
            if (!m_live.remove(s))
                return;
            ++m_closedByServer;
            s->deleteLater();
            QTimer::singleShot(0, this, [this, slot] { open(slot); });
        };
        QObject::connect(s, &QTcpSocket::disconnected, this, gone);
        QObject::connect(s, &QTcpSocket::errorOccurred, this, gone);
        s->connectToHost(QHostAddress::LocalHost, serverPort);
    }

    Spec m_spec;
    bool m_running = false;
    int m_opened = 0;
    int m_closedByServer = 0;
    QSet<QTcpSocket *> m_live;
    QTimer m_tick;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, int(p * v.size()))];
}

void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct PhaseResult { bool ok = true; };

PhaseResult runPhase(const QString &name, qint64 pid, LegitClient *legit, int seconds, Attack::Spec *spec)
{
    std::unique_ptr<Attack> attack;
    if (spec)
        attack = std::make_unique<Attack>(*spec);
    QMetaObject::invokeMethod(legit, [legit] { legit->begin(); }, Qt::BlockingQueuedConnection);
    const ProcSample before = readProc(pid);
    qint64 peakRss = before.rssKb;
    if (attack)
        attack->start();
    QElapsedTimer t;
    t.start();
    bool loggedIn = false;
    while (t.elapsed() < seconds * 1000) {
        pump(100);
        peakRss = qMax(peakRss, readProc(pid).rssKb);
        if (!loggedIn && t.elapsed() > seconds * 1000 / 3) {
            loggedIn = true;
            QMetaObject::invokeMethod(legit, [legit] { legit->login(); }, Qt::QueuedConnection);
        }
    }
    const ProcSample during = readProc(pid);
    const int opened = attack ? attack->opened() : 0;
    const int closedByServer = attack ? attack->refusedByServer() : 0;
    attack.reset(); // every attacking socket closed here
    QMetaObject::invokeMethod(legit, [legit] { legit->end(); }, Qt::BlockingQueuedConnection);
    QElapsedTimer drain;
    drain.start();
    while (legit->inFlight() > 0 && drain.elapsed() < 6000)
        pump(20);
    // CPU in the 2 s after the attack stopped.
    const ProcSample calm0 = readProc(pid);
    pump(2000);
    const ProcSample calm1 = readProc(pid);
    peakRss = qMax(peakRss, calm1.rssKb);

    QList<double> lat;
    int errors = 0;
    const QList<Sample> news = legit->newsSamples();
    for (const Sample &s : news) {
        lat << s.ms;
        errors += s.status != 200;
    }
    QStringList loginText;
    int loginErrors = 0;
    for (const Sample &s : legit->loginSamples()) {
        loginText << QStringLiteral("%1 (%2 ms)").arg(s.status).arg(s.ms, 0, 'f', 0);
        loginErrors += s.status != 200;
    }
    const double cpuDuring = 100.0 * (during.cpuSeconds - before.cpuSeconds) / (seconds);
    const double cpuAfter = 100.0 * (calm1.cpuSeconds - calm0.cpuSeconds) / 2.0;
    const double p99 = percentile(lat, 0.99);
    const bool served = errors == 0 && loginErrors == 0 && !news.isEmpty();
    out << Qt::left << qSetFieldWidth(10) << name << qSetFieldWidth(0)
        << " legit news " << news.size() << " p50 " << QString::number(percentile(lat, 0.5), 'f', 1) << " ms p99 "
        << QString::number(p99, 'f', 1) << " ms errors " << errors << " | login " << (loginText.isEmpty() ? QStringLiteral("-") : loginText.join(QLatin1Char(' ')))
        << " | server RSS peak " << peakRss / 1024 << " MB (VmHWM " << calm1.hwmKb / 1024 << " MB) CPU "
        << QString::number(cpuDuring, 'f', 0) << "% during, " << QString::number(cpuAfter, 'f', 1) << "% in 2 s after"
        << " | attack opened " << opened << ", closed by server " << closedByServer
        << " | " << (served ? "served all" : "REFUSED SOME") << "\n";
    out.flush();
    PhaseResult r;
    r.ok = served && p99 < 100 && peakRss < 150 * 1024 && cpuAfter < 10;
    return r;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Length of each attack."), QStringLiteral("S"), QStringLiteral("15"));
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("tatausaha-server binary (default: next to this one)."), QStringLiteral("PATH"));
    const QCommandLineOption onlyOpt(QStringLiteral("only"), QStringLiteral("Comma-separated attacks to run."), QStringLiteral("LIST"));
    p.addOptions({secondsOpt, serverOpt, onlyOpt});
    p.process(app);
    const int seconds = qMax(3, p.value(secondsOpt).toInt());
    const QStringList only = p.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);

    // 2,000 attacking sockets plus the client's: the default soft limit (1024) is too low here too.
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    QTemporaryDir dir;
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TATAUSAHA_ADMIN_PASSWORD"), QString::fromLatin1(AdminPassword));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tatausaha.access=false;tatausaha.http=false"));
    env.insert(QStringLiteral("TATAUSAHA_RATE_LIMITS"), QStringLiteral("public=1200"));
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::SeparateChannels);
    const QString binary = p.isSet(serverOpt) ? p.value(serverOpt) : QCoreApplication::applicationDirPath() + QStringLiteral("/tatausaha-server");
    server.start(binary, {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QElapsedTimer t;
    t.start();
    QByteArray line;
    while (t.elapsed() < 20000 && !line.contains("listening on")) {
        server.waitForReadyRead(200);
        line += server.readAllStandardOutput();
    }
    serverPort = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).trimmed().toUInt());
    if (!serverPort) {
        out << "server did not start: " << server.readAllStandardError() << "\n";
        return 1;
    }
    const qint64 pid = server.processId();
    out << "bench-robustness: server " << binary << " pid " << pid << ", " << seconds << " s per attack\n";
    out.flush();

    QThread legitThread;
    auto *legit = new LegitClient;
    legit->moveToThread(&legitThread);
    legitThread.start();

    const QByteArray headStart = "GET /api/public/news?page=1&limit=10 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    const QByteArray uploadHead = "POST /api/integrations/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 11534336\r\n\r\n"
                                  "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\n\r\n";
    const QByteArray chunk(64 * 1024, 'a');
    const QByteArray junk(1024 * 1024, 'j');

    QList<Attack::Spec> attacks;
    {
        Attack::Spec a;
        a.name = QStringLiteral("slow-head");
        a.concurrency = 1000;
        a.perAddress = 10;
        a.maxOpens = 5000;
        a.onConnected = [headStart](QTcpSocket *s) { s->write(headStart.left(1)); s->setProperty("sent", 1); };
        a.tickMs = 500;
        a.onTick = [headStart](QTcpSocket *s) {
            // One more byte of an endless header value every 500 ms.
            const int sent = s->property("sent").toInt();
            s->write(sent < headStart.size() ? headStart.mid(sent, 1) : QByteArray("a"));
            s->setProperty("sent", sent + 1);
        };
        attacks << a;
    }
    {
        Attack::Spec a;
        a.name = QStringLiteral("big-body");
        a.concurrency = 50;
        a.perAddress = 5;
        a.maxOpens = 5000;
        a.onConnected = [uploadHead](QTcpSocket *s) { s->write(uploadHead); };
        a.tickMs = 100;
        a.onTick = [chunk](QTcpSocket *s) {
            if (s->bytesToWrite() < 256 * 1024)
                s->write(chunk);
        };
        attacks << a;
    }
    {
        Attack::Spec a;
        a.name = QStringLiteral("pipeline");
        a.concurrency = 20;
        a.perAddress = 4;
        a.maxOpens = 2000;
        a.onConnected = [](QTcpSocket *s) {
            s->write("GET /api/public/news?page=1&limit=10 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            s->setProperty("junk", 0);
        };
        a.tickMs = 20;
        a.onTick = [junk](QTcpSocket *s) {
            const int sent = s->property("junk").toInt();
            if (sent < 64 && s->bytesToWrite() < 2 * junk.size()) {
                s->write(junk);
                s->setProperty("junk", sent + 1);
            }
        };
        attacks << a;
    }
    {
        Attack::Spec a;
        a.name = QStringLiteral("flood");
        a.concurrency = 2000;
        a.perAddress = 20;
        a.maxOpens = 20000;
        attacks << a;
    }

    bool allOk = true;
    runPhase(QStringLiteral("baseline"), pid, legit, 5, nullptr);
    for (Attack::Spec &a : attacks)
        if (only.isEmpty() || only.contains(a.name))
            allOk = runPhase(a.name, pid, legit, seconds, &a).ok && allOk;

    QMetaObject::invokeMethod(legit, [legit] { delete legit; }, Qt::BlockingQueuedConnection);
    legitThread.quit();
    legitThread.wait();
    server.terminate();
    server.waitForFinished(5000);
    out << (allOk ? "all goals met" : "GOALS NOT MET") << " (legit p99 < 100 ms, none refused, RSS < 150 MB, CPU < 10 % after)\n";
    return allOk ? 0 : 2;
}
