// The Dapodik sync API over HTTP (shapes in docs/dapodik-sync.md): SSE frames in order with monotonic progress
// and a final done, a second stream attaches, closing a stream leaves the job running,
// background jobs answer their fixed messages and 409 while busy.
#include "DapodikFixtures.h"
#include "SseClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace tu;
using test::SseClient;


class TestApiSync : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    std::unique_ptr<test::UpstreamSim> sim;
    QByteArray op;

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        sim = std::make_unique<test::UpstreamSim>(QStringList{"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4", "--latency-ms", "15"});
        QVERIFY(sim->ok());
        QVERIFY(test::pointAtSim(*ts->core.core, *sim).ok());
        op = ts->loginAs(Role::Operator);
    }
    void cleanup()
    {
        if (ts)
            ts->core->dapodik().jobs().waitForIdle(10000);
        ts.reset();
        sim.reset();
    }

    void globalStreamAndAttach()
    {
        auto meta = ts->get(QStringLiteral("/api/sync/metadata"), op);
        QCOMPARE(meta.status, 200);
        QCOMPARE(meta.json(), (QJsonObject{{"id", 1}, {"key", "LAST_GLOBAL_SYNC"}, {"value", ""}}));

        SseClient first, second, leaver;
        first.open(ts->base() + QStringLiteral("/api/sync/global"), op);
        QTRY_VERIFY(!first.events.isEmpty());
        QCOMPARE(first.reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/event-stream; charset=utf-8"));
        second.open(ts->base() + QStringLiteral("/api/sync/global"), op); // attaches, does not start another
        leaver.open(ts->base() + QStringLiteral("/api/sync/kecamatan?kode_kecamatan=34.04.01"), op);
        QTRY_VERIFY(!leaver.events.isEmpty());
        leaver.reply->abort(); // closing a stream never stops the job
        QCOMPARE(ts->get(QStringLiteral("/api/sync/metadata"), op).json().value(QLatin1String("value")).toString(), QStringLiteral("RUNNING"));
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/sync/all-ptk"), {}, op).status, 409);
        QVERIFY(first.waitDone());
        QVERIFY(second.waitDone());

        QVERIFY2(first.events.first().value(QLatin1String("message")).toString().contains(QStringLiteral("Memulai")), qPrintable(QJsonDocument(first.events.first()).toJson()));
        int last = 0;
        for (const QJsonObject &e : first.events) {
            const int p = e.value(QLatin1String("progress")).toInt();
            QVERIFY2(p >= last, qPrintable(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))));
            last = p;
        }
        const QJsonObject end = first.events.last();
        QCOMPARE(end.value(QLatin1String("progress")).toInt(), 100);
        QVERIFY(end.value(QLatin1String("message")).toString().contains(QStringLiteral("SELESAI")));
        const QString lastSync = end.value(QLatin1String("last_sync")).toString();
        QVERIFY(!lastSync.isEmpty());
        QCOMPARE(second.events.last().value(QLatin1String("last_sync")).toString(), lastSync);
        QVERIFY(std::any_of(first.events.begin(), first.events.end(), [](const QJsonObject &e) {
            return e.value(QLatin1String("total")).toInt() == 3 && e.value(QLatin1String("message")).toString().startsWith(QStringLiteral("📦 Wilayah"));
        }));
        QCOMPARE(ts->get(QStringLiteral("/api/sync/metadata"), op).json().value(QLatin1String("value")).toString(), lastSync);
        qint64 total = 0;
        QCOMPARE(ts->core->dapodik().syncLogs({}, &total).value().size(), 1); // one job for three streams

        // Data and analytics over the API.
        auto ptk = ts->get(QStringLiteral("/api/dapodik/ptk?limit=5&npsn=20400101"), op);
        QCOMPARE(ptk.json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 4);
        auto sekolah = ts->get(QStringLiteral("/api/dapodik/sekolah?kode_wilayah=34.04.02"), op);
        QCOMPARE(sekolah.json().value(QLatin1String("data")).toArray().size(), 3);
        auto kec = ts->get(QStringLiteral("/api/dapodik/kecamatan?q=gamping"), op);
        QCOMPARE(kec.json().value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("nama")).toString(), QStringLiteral("Gamping"));
        auto dash = ts->get(QStringLiteral("/api/dashboard/analitik"), op);
        QCOMPARE(dash.json().value(QLatin1String("data")).toObject().value(QLatin1String("totals")).toObject().value(QLatin1String("ptk")).toInt(), 36);
        auto logs = ts->get(QStringLiteral("/api/sync/logs"), op);
        QCOMPARE(logs.json().value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("success"));
    }

    void backgroundJobsAndSinglePtk()
    {
        SseClient global;
        global.open(ts->base() + QStringLiteral("/api/sync/global"), op);
        QVERIFY(global.waitDone());
        auto allPtk = ts->sendJson("POST", QStringLiteral("/api/sync/all-ptk"), {}, op);
        QCOMPARE(allPtk.status, 200);
        QCOMPARE(allPtk.json(), (QJsonObject{{"message", "Sync PTK Turbo (With Max Error Handling) Started!"}}));
        auto busy = ts->sendJson("POST", QStringLiteral("/api/sync/all-sekolah"), {}, op);
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.json().value(QLatin1String("code")).toString(), QStringLiteral("CONFLICT"));
        QVERIFY(ts->core->dapodik().jobs().waitForIdle(20000));
        auto allSekolah = ts->sendJson("POST", QStringLiteral("/api/sync/all-sekolah"), {}, op);
        QCOMPARE(allSekolah.json(), (QJsonObject{{"message", "Turbo Raw Sync Sekolah dimulai!"}}));
        QVERIFY(ts->core->dapodik().jobs().waitForIdle(20000));

        auto row = ts->get(QStringLiteral("/api/dapodik/ptk?limit=1"), op).json().value(QLatin1String("data")).toArray().first().toObject();
        auto one = ts->sendJson("POST", QStringLiteral("/api/sync/ptk"), {{"nik", row.value(QLatin1String("nik"))}, {"npsn", row.value(QLatin1String("npsn"))}}, op);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json(), (QJsonObject{{"message", QStringLiteral("Sync detail %1 berhasil!").arg(row.value(QLatin1String("nama")).toString())}}));
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/sync/ptk"), {{"nik", "12"}, {"npsn", "x"}}, op).status, 400);
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/sync/ptk"), {{"nik", "3404999999999999"}, {"npsn", "20400101"}}, op).status, 404);
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/sync/cancel"), {}, op).status, 409);
        QCOMPARE(ts->get(QStringLiteral("/api/sync/kecamatan?kode_kecamatan=3404"), op).status, 400);
        QCOMPARE(ts->get(QStringLiteral("/api/sync/kecamatan"), op).status, 400);
    }

    void upstreamDownIsReportedOnTheStream()
    {
        QVERIFY(test::pointAtSim(*ts->core.core, *sim, QStringLiteral("kunci-salah")).ok());
        SseClient s;
        s.open(ts->base() + QStringLiteral("/api/sync/global"), op);
        QVERIFY(s.waitDone());
        QVERIFY(s.events.last().value(QLatin1String("error")).toString().contains(QStringLiteral("API key")));
        QVERIFY(ts->get(QStringLiteral("/api/sync/metadata"), op).json().value(QLatin1String("value")).toString().startsWith(QStringLiteral("ERROR: ")));
        // Other roles: refused (the route walk covers every route; this is the streaming one).
        QCOMPARE(ts->get(QStringLiteral("/api/sync/global"), ts->loginAs(Role::Ppdb)).status, 403);
    }
};

QTEST_MAIN(TestApiSync)
#include "tst_api_dapodik.moc"
