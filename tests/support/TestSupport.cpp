#include "TestSupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSettings>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {
// Every test process keeps its QSettings (window geometry, column widths, sort orders) in a
// folder of its own that goes with it: a run never sees what an earlier run remembered.
void isolateSettings()
{
    static QTemporaryDir dir;
    for (auto format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, dir.path());
}
} // namespace
Q_COREAPP_STARTUP_FUNCTION(isolateSettings)

namespace tu::test {

bool usePostgres()
{
    return qEnvironmentVariable("TATAUSAHA_TEST_BACKEND") == QLatin1String("postgres");
}

static QString pgAdminUrl()
{
    QFile f(qEnvironmentVariable("TATAUSAHA_TEST_PG_DIR") + QStringLiteral("/url"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString postgresUnavailableReason()
{
    if (!usePostgres())
        return {};
    if (pgAdminUrl().isEmpty())
        return QStringLiteral("SKIPPED: PostgreSQL test cluster not available (server binaries missing; "
                              "scripts/setup.sh installs postgresql-15)");
    return {};
}

namespace {
bool adminExec(const QString &adminUrl, const QString &sql)
{
    auto cfg = DatabaseConfig::fromUrl(adminUrl);
    if (!cfg.ok())
        return false;
    const QString name = QStringLiteral("tu-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(cfg->host);
        db.setPort(cfg->port);
        db.setUserName(cfg->user);
        db.setDatabaseName(cfg->name);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning() << "admin sql failed" << sql << q.lastError().text();
        } else {
            qWarning() << "cannot reach test cluster" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

TestDatabase::TestDatabase()
{
    if (!usePostgres()) {
        m_url = QStringLiteral("sqlite:") + m_dir.path() + QStringLiteral("/test.sqlite");
        return;
    }
    m_pgAdminUrl = pgAdminUrl();
    if (m_pgAdminUrl.isEmpty())
        return;
    static int counter = 0;
    m_pgName = QStringLiteral("tu_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    if (!adminExec(m_pgAdminUrl, QStringLiteral("CREATE DATABASE %1").arg(m_pgName)))
        return;
    QString base = m_pgAdminUrl;
    base.chop(QStringLiteral("postgres").size());
    m_url = base + m_pgName;
}

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty())
        adminExec(m_pgAdminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
}

TestCore::TestCore()
{
    if (!database.ok())
        return;
    auto c = Core::open({database.dataDir(), database.url()});
    if (!c.ok()) {
        qWarning() << "Core::open failed:" << c.error().message;
        return;
    }
    core = std::move(c.value());
    auto admin = core->users().ensureInitialAdmin(QString::fromLatin1(AdminPassword));
    if (!admin.ok())
        qWarning() << "cannot create admin" << admin.error().message;
}

User TestCore::createUser(const QString &username, Role role, const QString &password)
{
    UserInput in;
    in.username = username;
    in.name = QStringLiteral("Pengguna ") + username;
    in.role = roleName(role);
    in.password = password;
    auto u = core->users().create(Actor::system(QStringLiteral("test")), in);
    if (!u.ok())
        qWarning() << "createUser failed" << u.error().message << u.error().fields;
    return u.ok() ? u.value() : User{};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QList<QByteArray> HttpResult::headerAll(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            out << h.second;
    return out;
}

TestServer::TestServer(const QString &rateLimits)
{
    if (!core.core)
        return;
    if (!rateLimits.isEmpty())
        qputenv("TATAUSAHA_RATE_LIMITS", rateLimits.toUtf8());
    else
        qunsetenv("TATAUSAHA_RATE_LIMITS");
    server = std::make_unique<ApiServer>(*core.core);
    auto s = server->start(QStringLiteral("127.0.0.1"), 0);
    if (!s.ok())
        qWarning() << "server start failed" << s.error().message;
}

QString TestServer::base() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(server->port());
}

HttpResult TestServer::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest req(QUrl(base() + path));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Each test decides which cookies it sends: no cookie jar behind its back.
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.networkError = reply->errorString();
    if (!reply->isFinished())
        r.networkError = QStringLiteral("timeout");
    reply->abort();
    reply->deleteLater();
    return r;
}

HttpResult TestServer::get(const QString &path, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
    return request("GET", path, {}, h);
}

HttpResult TestServer::sendJson(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
    if (!token.isEmpty())
        h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
    return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

QByteArray TestServer::login(const QString &username, const QString &password)
{
    const HttpResult r = sendJson("POST", QStringLiteral("/api/auth/login"), {{"username", username}, {"password", password}});
    return r.json().value(QLatin1String("data")).toObject().value(QLatin1String("token")).toString().toLatin1();
}

QByteArray TestServer::loginAs(Role role)
{
    const QString name = QStringLiteral("%1%2").arg(roleName(role)).arg(++m_userCounter);
    core.createUser(name, role, QStringLiteral("Password-123"));
    return login(name, QStringLiteral("Password-123"));
}

QByteArray TestServer::adminToken()
{
    return login(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
}

UpstreamSim::UpstreamSim(const QStringList &extraArgs)
{
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If the test dies, the simulator goes with it instead of holding its port and pipes.
#ifdef Q_OS_LINUX
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->start(QStringLiteral(TU_SIM_BINARY), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extraArgs);
    if (!m_process->waitForStarted(5000))
        return;
    QElapsedTimer t;
    t.start();
    while (!m_process->canReadLine() && t.elapsed() < 5000)
        m_process->waitForReadyRead(100);
    const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
    if (line.startsWith(QStringLiteral("listening on ")))
        m_url = line.mid(13);
}

UpstreamSim::~UpstreamSim()
{
    m_process->terminate();
    if (!m_process->waitForFinished(3000))
        m_process->kill();
    m_process->waitForFinished(1000);
    delete m_process;
}

QJsonObject UpstreamSim::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(m_url + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return out;
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs, bool waitForClose)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(bytes);
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        // Pump the event loop so the in-process server can answer.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (s.bytesAvailable())
            out += s.readAll();
        if (s.state() != QAbstractSocket::ConnectedState)
            break;
        if (!waitForClose) {
            // One complete response: head plus Content-Length bytes.
            const int headEnd = out.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const int cl = out.toLower().indexOf("content-length: ");
                const int len = cl >= 0 ? out.mid(cl + 16, out.indexOf("\r\n", cl) - cl - 16).toInt() : 0;
                if (out.size() >= headEnd + 4 + len)
                    break;
            }
        }
        s.waitForReadyRead(5);
    }
    out += s.readAll();
    return out;
}

} // namespace tu::test
