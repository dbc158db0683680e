// bench-ppdb: registration day. Starts a fresh `tatausaha-server --demo` (registration open
// today) as a separate process and submits N registrations over C concurrent connections, each
// connection bound to its own source address in 127.0.0.0/8 so that the per-IP limit of 5
// registrations per hour holds exactly as in production. Prints registrations/s with p50/p99
// latency beside a baseline from the same run (POST /api/ppdb/check-nisn, same pattern), then
// checks integrity through the admin API: 0 lost, 0 duplicate, numbers gap-free.
//
//   bench-ppdb [--count 600] [--connections 40] [--database postgresql://…]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>

namespace {
QTextStream out(stdout);
quint16 serverPort = 0;

struct Reply { int status = 0; QByteArray body; double ms = 0; };

// One request on its own connection from `source`; asynchronous, calls done(reply).
void send(const QHostAddress &source, const QByteArray &method, const QByteArray &path, const QByteArray &body,
          const QByteArray &extraHeaders, std::function<void(Reply)> done)
{
    auto *s = new QTcpSocket;
    auto *timer = new QElapsedTimer;
    timer->start();
    auto *buf = new QByteArray;
    s->bind(source, 0);
    QObject::connect(s, &QTcpSocket::connected, s, [=] {
        s->write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });
    auto finish = [=] {
        Reply r;
        r.ms = timer->nsecsElapsed() / 1e6;
        r.status = buf->startsWith("HTTP/1.1 ") ? buf->mid(9, 3).toInt() : 0;
        const int he = buf->indexOf("\r\n\r\n");
        r.body = he >= 0 ? buf->mid(he + 4) : QByteArray();
        delete timer;
        delete buf;
        s->deleteLater();
        done(r);
    };
    QObject::connect(s, &QTcpSocket::readyRead, s, [=] { buf->append(s->readAll()); });
    QObject::connect(s, &QTcpSocket::disconnected, s, finish);
    QObject::connect(s, &QTcpSocket::errorOccurred, s, [=](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError && s->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    s->connectToHost(QHostAddress::LocalHost, serverPort);
}

QHostAddress sourceFor(int i)
{
    // 127.0.x.y, skipping .0 and .1 hosts: at most 4 registrations per address.
    const int n = i / 4 + 2;
    return QHostAddress(QStringLiteral("127.0.%1.%2").arg(n / 250).arg(n % 250 + 2));
}

QByteArray registration(int i)
{
    const QDate birth = QDate::currentDate().addYears(-12).addDays(-(i % 300));
    return QJsonDocument(QJsonObject{
        {"fullName", QStringLiteral("Calon Siswa %1").arg(i)}, {"birthPlace", "Sleman"}, {"birthDate", birth.toString(Qt::ISODate)},
        {"gender", i % 2 ? "L" : "P"}, {"religion", "Islam"}, {"nisn", QStringLiteral("%1").arg(3000000000LL + i)},
        {"address", "Jl. Kaliurang Km 5"}, {"province", "DI Yogyakarta"}, {"city", "Sleman"}, {"district", "Depok"},
        {"postalCode", "55281"}, {"fatherName", "Ayah"}, {"fatherPhone", "081234567890"}, {"motherName", "Ibu"},
        {"motherPhone", "081234567891"}, {"previousSchool", "SD Negeri 1"}, {"email", QStringLiteral("s%1@example.id").arg(i)},
        {"phone", "081298765432"}}).toJson(QJsonDocument::Compact);
}

struct RunResult { QList<Reply> replies; double seconds = 0; };

RunResult run(int count, int connections, const std::function<QByteArray(int)> &path, const std::function<QByteArray(int)> &body)
{
    RunResult rr;
    QEventLoop loop;
    int next = 0, finished = 0;
    QElapsedTimer wall;
    wall.start();
    std::function<void()> launch = [&] {
        if (next >= count)
            return;
        const int i = next++;
        send(sourceFor(i), "POST", path(i), body(i), {}, [&](Reply r) {
            rr.replies << r;
            if (++finished == count)
                loop.quit();
            else
                launch();
        });
    };
    for (int c = 0; c < connections && c < count; ++c)
        launch();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit); // bounded: never hangs
    loop.exec();
    rr.seconds = wall.nsecsElapsed() / 1e9;
    return rr;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, int(p * v.size()))];
}

Reply blocking(const QByteArray &method, const QByteArray &path, const QByteArray &body, const QByteArray &headers)
{
    Reply out;
    QEventLoop loop;
    send(QHostAddress(QStringLiteral("127.0.0.1")), method, path, body, headers, [&](Reply r) { out = r; loop.quit(); });
    loop.exec();
    return out;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Registrations."), QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption connOpt(QStringLiteral("connections"), QStringLiteral("Concurrent connections."), QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption dbOpt(QStringLiteral("database"), QStringLiteral("Server --database (default SQLite)."), QStringLiteral("URL"));
    p.addOptions({countOpt, connOpt, dbOpt});
    p.process(app);
    const int count = p.value(countOpt).toInt();
    const int conns = p.value(connOpt).toInt();

    QTemporaryDir dir;
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TATAUSAHA_ADMIN_PASSWORD"), QStringLiteral("Bench-Admin-123"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tatausaha.access=false"));
    env.remove(QStringLiteral("TATAUSAHA_RATE_LIMITS")); // production limits: spread over source addresses instead
    server.setProcessEnvironment(env);
    QStringList args{QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    if (p.isSet(dbOpt))
        args << QStringLiteral("--database") << p.value(dbOpt);
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QCoreApplication::applicationDirPath() + QStringLiteral("/tatausaha-server"), args);
    QElapsedTimer t;
    t.start();
    QByteArray line;
    while (t.elapsed() < 15000 && !line.contains("listening on")) {
        server.waitForReadyRead(200);
        line += server.readAllStandardOutput();
    }
    const int colon = line.lastIndexOf(':');
    serverPort = static_cast<quint16>(line.mid(colon + 1).trimmed().toUInt());
    if (!serverPort) {
        out << "server did not start: " << server.readAllStandardError() << "\n";
        return 1;
    }
    out << "bench-ppdb: " << count << " registrations, " << conns << " connections, backend "
        << (p.isSet(dbOpt) ? "postgresql" : "sqlite") << ", server pid " << server.processId() << "\n";
    out.flush();

    const RunResult base = run(count, conns, [](int) { return QByteArray("/api/ppdb/check-nisn"); },
                               [](int i) { return QByteArray("{\"nisn\":\"") + QByteArray::number(4000000000LL + i) + "\"}"; });
    const RunResult reg = run(count, conns, [](int) { return QByteArray("/api/ppdb/register"); }, registration);

    auto summary = [&](const char *name, const RunResult &r, int okStatus, double baseRate) {
        QList<double> lat;
        int ok = 0;
        for (const Reply &x : r.replies) {
            lat << x.ms;
            ok += x.status == okStatus;
        }
        const double rate = r.replies.size() / r.seconds;
        out << Qt::left << qSetFieldWidth(34) << name << qSetFieldWidth(0) << QString::number(rate, 'f', 0) << " req/s  p50 "
            << QString::number(percentile(lat, 0.5), 'f', 1) << " ms  p99 " << QString::number(percentile(lat, 0.99), 'f', 1)
            << " ms  ok " << ok << "/" << r.replies.size();
        if (baseRate > 0)
            out << "  ratio " << QString::number(rate / baseRate, 'f', 2);
        out << "\n";
        return rate;
    };
    const double baseRate = summary("check-nisn (baseline)", base, 200, 0);
    summary("register", reg, 201, baseRate);

    // Integrity through the admin API.
    const Reply login = blocking("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"Bench-Admin-123\"}", {});
    const QByteArray token = QJsonDocument::fromJson(login.body).object().value(QLatin1String("data")).toObject()
                                 .value(QLatin1String("token")).toString().toLatin1();
    QSet<QString> numbers, nisns, allNumbers;
    int rows = 0, allRows = 0;
    for (int page = 1;; ++page) {
        const Reply r = blocking("GET", "/api/admin/ppdb/registrations?limit=100&page=" + QByteArray::number(page), {},
                                 "Authorization: Bearer " + token + "\r\n");
        const QJsonArray items = QJsonDocument::fromJson(r.body).object().value(QLatin1String("data")).toArray();
        for (const QJsonValue &v : items) {
            const QString nisn = v.toObject().value(QLatin1String("nisn")).toString();
            allNumbers.insert(v.toObject().value(QLatin1String("registrationNumber")).toString());
            ++allRows;
            if (!nisn.startsWith(QLatin1Char('3')))
                continue; // --demo's own applicants
            numbers.insert(v.toObject().value(QLatin1String("registrationNumber")).toString());
            nisns.insert(nisn);
            ++rows;
        }
        if (items.size() < 100)
            break;
    }
    int accepted = 0;
    for (const Reply &x : reg.replies)
        accepted += x.status == 201;
    int lost = 0;
    for (int i = 0; i < count; ++i)
        lost += !nisns.contains(QStringLiteral("%1").arg(3000000000LL + i));
    const int firstYear = numbers.isEmpty() ? 0 : numbers.values().first().mid(5, 4).toInt();
    int gaps = 0; // over every number of the year: demo applicants and bench alike
    for (int i = 1; i <= allRows; ++i)
        gaps += !allNumbers.contains(QStringLiteral("PPDB-%1-%2").arg(firstYear).arg(i, 4, 10, QLatin1Char('0')));
    out << "integrity: stored " << rows << ", answered 201: " << accepted << ", lost " << lost << ", duplicate numbers "
        << (allRows - allNumbers.size()) << ", gaps " << gaps << (lost == 0 && allRows == allNumbers.size() && gaps == 0 && rows == count ? "  OK" : "  FAILED")
        << "\n";
    server.terminate();
    server.waitForFinished(5000);
    return lost == 0 && gaps == 0 && allRows == allNumbers.size() && rows == count ? 0 : 2;
}
