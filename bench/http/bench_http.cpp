// bench-http: requests/s of GET /api/health against a trivial route on the same server (the
// ceiling: routing + envelope + headers, no work), 50 keep-alive connections, with wrk as the
// load generator in a separate process. Login throughput is reported separately against raw
// bcrypt verifications per second on this machine (login is bcrypt-bound by design). The public
// news list (page 1 of 1,000 published articles, the web frontend's home page) is measured
// against the same trivial route.
//
//   bench-http [--seconds N] [--connections N] [--database URL]
#include "app/Core.h"
#include "auth/PasswordHasher.h"
#include "api/ApiServer.h"
#include "http/Envelope.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace tu;

namespace {
struct WrkResult { double rps = 0; QString latency; QString raw; };

WrkResult runWrk(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The server lives on this thread: serve from a real event loop (sleeping in poll, as
    // tatausaha-server does) until wrk is done.
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    p.start(QStringLiteral("wrk"), args);
    loop.exec();
    WrkResult r;
    r.raw = QString::fromUtf8(p.readAll());
    const auto m = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(r.raw);
    r.rps = m.hasMatch() ? m.captured(1).toDouble() : 0;
    const auto l = QRegularExpression(QStringLiteral("Latency\\s+(\\S+)")).match(r.raw);
    r.latency = l.hasMatch() ? l.captured(1) : QStringLiteral("?");
    return r;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Duration of each run."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption connOpt(QStringLiteral("connections"), QStringLiteral("Keep-alive connections."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption dbOpt(QStringLiteral("database"), QStringLiteral("Storage URL (default: SQLite in a temporary folder)."), QStringLiteral("URL"));
    parser.addOptions({secondsOpt, connOpt, dbOpt});
    parser.process(app);
    const QString seconds = parser.value(secondsOpt) + QLatin1Char('s');
    const QString conns = parser.value(connOpt);
    QTextStream out(stdout);

    if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()) {
        out << "wrk not found: run scripts/setup.sh\n";
        return 1;
    }
    QLoggingCategory::setFilterRules(QStringLiteral("tatausaha.*=false"));
    qputenv("TATAUSAHA_RATE_LIMITS", "off");
    qputenv("TATAUSAHA_MAX_CONNECTIONS_PER_IP", "100000"); // wrk's connections all come from 127.0.0.1
    qputenv("TATAUSAHA_ADMIN_PASSWORD", "Bench-Admin-123");
    QTemporaryDir dir;
    auto core = Core::open({dir.path(), parser.value(dbOpt)});
    if (!core.ok()) {
        out << core.error().message << "\n";
        return 1;
    }
    ApiServer server(*core.value());
    server.router().get(QStringLiteral("/__bench/trivial")).publicAccess().handle([](ApiRequest &) {
        return envelope::ok(QJsonObject{{"ok", true}});
    });
    if (!server.start(QStringLiteral("127.0.0.1"), 0).ok())
        return 1;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());

    out << "TataUsaha bench-http: wrk -t2 -c" << conns << " -d" << seconds << " on " << base << "\n";
    out.flush();
    const WrkResult trivial = runWrk({QStringLiteral("-t2"), QStringLiteral("-c") + conns, QStringLiteral("-d") + seconds, base + QStringLiteral("/__bench/trivial")});
    const WrkResult health = runWrk({QStringLiteral("-t2"), QStringLiteral("-c") + conns, QStringLiteral("-d") + seconds, base + QStringLiteral("/api/health")});
    out << Qt::left << qSetFieldWidth(28) << "route" << qSetFieldWidth(14) << "requests/s" << qSetFieldWidth(12) << "latency"
        << qSetFieldWidth(0) << "ratio\n";
    out << qSetFieldWidth(28) << "trivial route (baseline)" << qSetFieldWidth(14) << QString::number(trivial.rps, 'f', 0)
        << qSetFieldWidth(12) << trivial.latency << qSetFieldWidth(0) << "1.00\n";
    out << qSetFieldWidth(28) << "GET /api/health" << qSetFieldWidth(14) << QString::number(health.rps, 'f', 0)
        << qSetFieldWidth(12) << health.latency << qSetFieldWidth(0)
        << QString::number(trivial.rps > 0 ? health.rps / trivial.rps : 0, 'f', 2) << "\n";
    out.flush();

    // Public news: 1,000 published articles (and some drafts that must stay out), page 1 of 10.
    {
        const ContentType &news = *content::type(QStringLiteral("news"));
        const Actor bench = Actor::system(QStringLiteral("bench"));
        const QString paragraph = QStringLiteral("<p>Kegiatan sekolah berjalan lancar dengan partisipasi seluruh warga sekolah, "
                                                 "orang tua, dan komite. Siswa menampilkan hasil belajar proyek.</p>");
        const QStringList categories{QStringLiteral("Kegiatan"), QStringLiteral("Prestasi"), QStringLiteral("Pengumuman")};
        for (int i = 0; i < 1100; ++i) {
            const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3600LL * i);
            auto r = core.value()->content().create(bench, news, {{"title", QStringLiteral("Berita sekolah nomor %1").arg(i)},
                                                                 {"category", categories[i % 3]},
                                                                 {"status", i % 11 == 10 ? "draft" : "published"},
                                                                 {"publishedAt", at.toString(Qt::ISODateWithMs)},
                                                                 {"content", paragraph.repeated(8)}});
            if (!r.ok()) {
                out << "seeding news failed: " << r.error().message << "\n";
                return 1;
            }
        }
    }
    const WrkResult news = runWrk({QStringLiteral("-t2"), QStringLiteral("-c") + conns, QStringLiteral("-d") + seconds,
                                   base + QStringLiteral("/api/public/news?page=1&limit=10")});
    out << qSetFieldWidth(28) << "GET /api/public/news p1" << qSetFieldWidth(14) << QString::number(news.rps, 'f', 0)
        << qSetFieldWidth(12) << news.latency << qSetFieldWidth(0)
        << QString::number(trivial.rps > 0 ? news.rps / trivial.rps : 0, 'f', 2) << "  (1,000 published of 1,100; goal >= 0.50)\n";
    out.flush();

    // Login: bcrypt-bound. Baseline = raw bcrypt verifications/s on the pool's threads.
    const QByteArray hash = PasswordHasher::hash(QStringLiteral("Bench-Admin-123"));
    QElapsedTimer t;
    t.start();
    const int threads = QThread::idealThreadCount();
    QList<QFuture<int>> futures;
    for (int i = 0; i < threads; ++i)
        futures << QtConcurrent::run([&hash] {
            int n = 0;
            QElapsedTimer w;
            w.start();
            while (w.elapsed() < 3000) {
                PasswordHasher::verify(QStringLiteral("Bench-Admin-123"), hash);
                ++n;
            }
            return n;
        });
    int verifies = 0;
    for (auto &f : futures)
        verifies += f.result();
    const double bcryptPerSec = verifies * 1000.0 / t.elapsed();

    QFile lua(dir.filePath(QStringLiteral("login.lua")));
    lua.open(QIODevice::WriteOnly);
    lua.write("wrk.method = \"POST\"\nwrk.body = '{\"username\":\"admin\",\"password\":\"Bench-Admin-123\"}'\n"
              "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    lua.close();
    const WrkResult login = runWrk({QStringLiteral("-t2"), QStringLiteral("-c8"), QStringLiteral("-d5s"), QStringLiteral("-s"), lua.fileName(),
                                    base + QStringLiteral("/api/auth/login")});
    out << qSetFieldWidth(28) << "bcrypt verify (baseline)" << qSetFieldWidth(14) << QString::number(bcryptPerSec, 'f', 1)
        << qSetFieldWidth(12) << "-" << qSetFieldWidth(0) << "1.00\n";
    out << qSetFieldWidth(28) << "POST /api/auth/login (c8)" << qSetFieldWidth(14) << QString::number(login.rps, 'f', 1)
        << qSetFieldWidth(12) << login.latency << qSetFieldWidth(0)
        << QString::number(bcryptPerSec > 0 ? login.rps / bcryptPerSec : 0, 'f', 2) << "\n";
    if (trivial.rps == 0 || health.rps == 0 || news.rps == 0 || login.rps == 0)
        out << "wrk output:\n" << trivial.raw << health.raw << news.raw << login.raw;
    return 0;
}
