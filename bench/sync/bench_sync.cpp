// bench-sync: a global Dapodik sync of 17 kecamatan × 12 sekolah × 20 PTK against the real
// simulator (separate process) with 20 ms latency and 5 % injected faults. Prints the total
// time beside the sequential lower bound from the same run (requests × latency: what a client
// doing one request at a time could at best achieve, faults aside), checks that every record is
// present, and measures the upsert rate beside a raw prepared-insert loop on the same database.
//
//   bench-sync [--database URL] [--concurrency N] [--latency-ms N] [--fail-rate F]
#include "app/Core.h"
#include "dapodik/DapodikRepository.h"
#include "db/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace tu;

namespace {
QJsonObject simStats(const QString &base)
{
    QNetworkAccessManager nam;
    QNetworkReply *r = nam.get(QNetworkRequest(QUrl(base + QStringLiteral("/__sim/stats"))));
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
    r->deleteLater();
    return o;
}

qint64 scalar(Database &db, const QString &sql)
{
    auto q = db.exec(sql);
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

QList<QJsonObject> fakePtk(int n, const QString &tag)
{
    QList<QJsonObject> rows;
    for (int i = 0; i < n; ++i)
        rows.append({{"ptk_id", QStringLiteral("%1-%2").arg(tag).arg(i)}, {"nik", QStringLiteral("3404%1").arg(i, 12, 10, QLatin1Char('0'))},
                     {"nama", QStringLiteral("Guru Nomor %1, S.Pd.").arg(i)}, {"jenis_kelamin", i % 2 ? "L" : "P"},
                     {"tanggal_lahir", "1985-04-12"}, {"nuptk", QStringLiteral("%1").arg(1000000000000000LL + i)}, {"nip", ""},
                     {"jenis_ptk", "Guru Mapel"}, {"status_kepegawaian", "PNS"}, {"pendidikan_terakhir", "S1"},
                     {"npsn", QStringLiteral("%1").arg(20400000 + i % 200)}});
    return rows;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("database"), QStringLiteral("Storage URL (default: SQLite in a temporary folder)."), QStringLiteral("URL"));
    const QCommandLineOption concOpt(QStringLiteral("concurrency"), QStringLiteral("Parallel upstream requests."), QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption latOpt(QStringLiteral("latency-ms"), QStringLiteral("Simulator latency."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption failOpt(QStringLiteral("fail-rate"), QStringLiteral("Simulator fault rate."), QStringLiteral("F"), QStringLiteral("0.05"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout-ms"), QStringLiteral("Client request timeout."), QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({dbOpt, concOpt, latOpt, failOpt, timeoutOpt});
    parser.process(app);
    QTextStream out(stdout);
    QLoggingCategory::setFilterRules(QStringLiteral("tatausaha.*=false\ntatausaha.sync=true\ntatausaha.upstream=true"));

    const int latency = parser.value(latOpt).toInt();
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(QStringLiteral(TU_SIM_BINARY), {"--listen", "127.0.0.1:0", "--seed", "7", "--kecamatan", "17", "--sekolah-per-kecamatan", "12",
                                            "--ptk-per-sekolah", "20", "--latency-ms", QString::number(latency), "--fail-rate", parser.value(failOpt)});
    if (!sim.waitForStarted(5000) || !sim.waitForReadyRead(5000)) {
        out << "simulator did not start\n";
        return 1;
    }
    const QString base = QString::fromUtf8(sim.readLine()).trimmed().mid(13);

    QTemporaryDir dir;
    auto opened = Core::open({dir.path(), parser.value(dbOpt)});
    if (!opened.ok()) {
        out << opened.error().message << "\n";
        return 1;
    }
    Core &core = *opened.value();
    if (auto s = core.settings().set(Actor::system(QStringLiteral("bench")),
                                     {{"dapodik_url", base}, {"dapodik_username", "sim-dapodik"}, {"dapodik_password", "sim-dapodik-pass"},
                                      {"dapodik_api_key", "sim-dapodik-key"}, {"sync_concurrency", parser.value(concOpt)},
                                      {"upstream_timeout_ms", parser.value(timeoutOpt)}, {"upstream_backoff_ms", "50"}});
        !s.ok()) {
        out << s.error().message << "\n";
        return 1;
    }
    out << "TataUsaha bench-sync: " << core.db().config().kindName() << ", simulator " << base << " (17 kecamatan × 12 sekolah × 20 PTK, "
        << latency << " ms latency, fail rate " << parser.value(failOpt) << "), concurrency " << parser.value(concOpt)
        << ", timeout " << parser.value(timeoutOpt) << " ms\n";
    out.flush();

    // --- global sync ----------------------------------------------------------------------
    const QJsonObject before = simStats(base);
    QElapsedTimer t;
    t.start();
    if (auto s = core.dapodik().startGlobal(Actor::system(QStringLiteral("bench"))); !s.ok()) {
        out << s.error().message << "\n";
        return 1;
    }
    while (core.dapodik().jobs().isRunning())
        QThread::msleep(5);
    core.dapodik().jobs().waitForIdle(1000);
    const qint64 totalMs = t.elapsed();
    const Progress last = core.dapodik().jobs().current();
    const QJsonObject after = simStats(base);
    const qint64 requests = after.value(QLatin1String("requests")).toInteger() - before.value(QLatin1String("requests")).toInteger();
    const qint64 faults = after.value(QLatin1String("injected_failures")).toInteger() - before.value(QLatin1String("injected_failures")).toInteger();
    const qint64 bound = requests * latency;
    const qint64 kec = scalar(core.db(), QStringLiteral("SELECT COUNT(*) FROM dapodik_kecamatan WHERE active = 1"));
    const qint64 sek = scalar(core.db(), QStringLiteral("SELECT COUNT(*) FROM dapodik_sekolah WHERE active = 1"));
    const qint64 ptk = scalar(core.db(), QStringLiteral("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"));
    const bool complete = kec == 17 && sek == 204 && ptk == 4080;
    out << Qt::left << qSetFieldWidth(36) << "global sync" << qSetFieldWidth(0) << totalMs << " ms  (" << requests << " requests, "
        << faults << " injected faults, " << (last.error.isEmpty() ? QStringLiteral("ok") : last.error) << ")\n";
    out << qSetFieldWidth(36) << "sequential bound (requests × latency)" << qSetFieldWidth(0) << bound << " ms\n";
    out << qSetFieldWidth(36) << "ratio (goal <= 0.30)" << qSetFieldWidth(0) << QString::number(bound > 0 ? double(totalMs) / bound : 0, 'f', 2) << "\n";
    out << qSetFieldWidth(36) << "records" << qSetFieldWidth(0) << kec << " kecamatan, " << sek << " sekolah, " << ptk << " PTK  "
        << (complete ? "(all present)" : "(MISSING RECORDS)") << "\n";
    {
        // The analytics refresh closes every job: its share of the total, for reading the ratio.
        QElapsedTimer a;
        a.start();
        (void)DapodikRepository(core.db()).refreshAnalytics();
        out << qSetFieldWidth(36) << "analytics refresh (in the sync)" << qSetFieldWidth(0) << a.elapsed() << " ms\n";
    }
    out.flush();

    // --- upsert rate vs a raw prepared-insert loop ------------------------------------------
    Database &db = core.db();
    const int n = 20000;
    const QList<QJsonObject> rows = fakePtk(n, QStringLiteral("bench"));
    (void)db.exec(QStringLiteral("CREATE TABLE bench_raw (ptk_id TEXT PRIMARY KEY, nik TEXT, nama TEXT, jenis_kelamin TEXT, tanggal_lahir TEXT, nuptk TEXT, "
                                 "nip TEXT, jenis_ptk TEXT, status_kepegawaian TEXT, pendidikan_terakhir TEXT, npsn TEXT, active INTEGER, synced_at TEXT)"));
    auto raw = [&] {
        QElapsedTimer w;
        w.start();
        Transaction tx(db);
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
        const QString at = nowIso();
        for (const QJsonObject &r : rows) {
            int i = 0;
            for (const char *k : {"ptk_id", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "nuptk", "nip", "jenis_ptk", "status_kepegawaian",
                                  "pendidikan_terakhir", "npsn"})
                q.bindValue(i++, r.value(QLatin1String(k)).toString());
            q.bindValue(i, at);
            q.exec();
        }
        (void)tx.commit();
        return w.elapsed();
    };
    auto upsert = [&] {
        QElapsedTimer w;
        w.start();
        Transaction tx(db);
        (void)DapodikRepository(db).upsertPtk(rows, nowIso());
        (void)tx.commit();
        return w.elapsed();
    };
    const qint64 rawMs = qMax<qint64>(1, raw());
    const qint64 insertMs = qMax<qint64>(1, upsert()); // new rows
    const qint64 updateMs = qMax<qint64>(1, upsert()); // the same rows again: the update path
    const double rawRate = n * 1000.0 / rawMs, insRate = n * 1000.0 / insertMs, updRate = n * 1000.0 / updateMs;
    out << qSetFieldWidth(36) << "raw prepared insert (baseline)" << qSetFieldWidth(0) << QString::number(rawRate, 'f', 0) << " rows/s  1.00\n";
    out << qSetFieldWidth(36) << "upsertPtk, new rows" << qSetFieldWidth(0) << QString::number(insRate, 'f', 0) << " rows/s  "
        << QString::number(insRate / rawRate, 'f', 2) << " (goal >= 0.70)\n";
    out << qSetFieldWidth(36) << "upsertPtk, existing rows" << qSetFieldWidth(0) << QString::number(updRate, 'f', 0) << " rows/s  "
        << QString::number(updRate / rawRate, 'f', 2) << "\n";
    sim.terminate();
    sim.waitForFinished(3000);
    return complete ? 0 : 2;
}
