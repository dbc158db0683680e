// Dapodik sync against the real simulator (docs/dapodik-sync.md): every record lands,
// retries and re-authentication survive faults, quirks are understood, one job at a time,
// cancel and resume, crash recovery, inactive marking, analytics equal on both databases.
#include "DapodikFixtures.h"
#include "db/QueryInterrupt.h"
#include "sync/UpstreamHttp.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>

using namespace tu;

class TestDapodikSync : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    std::unique_ptr<test::UpstreamSim> sim;
    Actor op = Actor::system(QStringLiteral("operator"));
    DapodikService &svc() { return tc->core->dapodik(); }
    qint64 count(const char *sql) { return test::count(*tc->core, QLatin1String(sql)); }
    void startSim(const QStringList &args)
    {
        sim = std::make_unique<test::UpstreamSim>(QStringList{"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4"} + args);
        QVERIFY(sim->ok());
        QVERIFY(test::pointAtSim(*tc->core, *sim).ok());
    }
    QJsonObject dapodikStats() { return sim->stats().value(QLatin1String("dapodik")).toObject(); }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
    }
    void cleanup()
    {
        if (tc && tc->core)
            svc().jobs().waitForIdle(10000);
        sim.reset();
        tc.reset();
    }

    void globalSyncStoresEverything()
    {
        startSim({});
        QList<Progress> events;
        connect(&svc().jobs(), &JobRunner::progress, this, [&](const Progress &p) { events.append(p); });
        TU_VERIFY_OK(svc().startGlobal(op));
        QCOMPARE(tc->core->dapodik().lastGlobalSync()->value(QLatin1String("value")).toString(), QStringLiteral("RUNNING"));
        const Progress last = test::waitForJob(*tc->core);
        QVERIFY2(last.done && last.error.isEmpty(), qPrintable(last.error));
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_kecamatan WHERE active = 1"), 3);
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_sekolah WHERE active = 1"), 9);
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 36);
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_kecamatan WHERE nama = 'Gamping' AND kode_wilayah = '34.04.01'"), 1);
        const QString value = svc().lastGlobalSync()->value(QLatin1String("value")).toString();
        QVERIFY2(QDateTime::fromString(value, Qt::ISODateWithMs).isValid() && value.endsWith(QLatin1Char('Z')), qPrintable(value));
        QCOMPARE(last.lastSync, value);
        // Events: first "Memulai", progress never decreases, the last one done at 100.
        QTRY_VERIFY(!events.isEmpty() && events.last().done);
        QVERIFY(events.first().message.contains(QStringLiteral("Memulai")));
        for (int i = 1; i < events.size(); ++i)
            QVERIFY2(events[i].progress >= events[i - 1].progress, qPrintable(QStringLiteral("%1 after %2").arg(events[i].progress).arg(events[i - 1].progress)));
        QCOMPARE(events.last().progress, 100);
        QVERIFY(std::any_of(events.begin(), events.end(), [](const Progress &p) { return p.message.startsWith(QStringLiteral("📦 Wilayah: Gamping")); }));
        QVERIFY(std::any_of(events.begin(), events.end(), [](const Progress &p) { return p.subProgress > 0 && p.subProgress < 100; }));
        // Log and audit.
        qint64 total = 0;
        auto logs = svc().syncLogs({}, &total);
        QCOMPARE(logs->first().status, QStringLiteral("success"));
        QCOMPARE(logs->first().counts.ptk, 36);
        QCOMPARE(tc->core->audit().recent(10, QStringLiteral("dapodik_sync")).value().size(), 1);
    }

    void analyticsMatchTheData()
    {
        startSim({});
        TU_VERIFY_OK(svc().startGlobal(op));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        auto a = svc().analytics();
        TU_VERIFY_OK(a);
        QCOMPARE(a->value(QLatin1String("totals")).toObject().value(QLatin1String("ptk")).toInteger(), 36);
        qint64 perKec = 0, byStatus = 0, byGender = 0;
        for (const QJsonValue &v : a->value(QLatin1String("ptkPerKecamatan")).toArray())
            perKec += v.toObject().value(QLatin1String("jumlah")).toInteger();
        for (const QJsonValue &v : a->value(QLatin1String("statusKepegawaian")).toArray())
            byStatus += v.toObject().value(QLatin1String("jumlah")).toInteger();
        for (const QJsonValue &v : a->value(QLatin1String("jenisKelamin")).toArray())
            byGender += v.toObject().value(QLatin1String("jumlah")).toInteger();
        QCOMPARE(perKec, 36);
        QCOMPARE(byStatus, 36);
        QCOMPARE(byGender, 36);
        QCOMPARE(a->value(QLatin1String("ptkPerKecamatan")).toArray().size(), 3);
        // The same numbers as a direct query, whichever storage (materialized view or table).
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk p JOIN dapodik_sekolah s ON s.npsn = p.npsn WHERE s.kode_wilayah = '34.04.02' AND p.active = 1"),
                 a->value(QLatin1String("ptkPerKecamatan")).toArray().at(1).toObject().value(QLatin1String("jumlah")).toInteger());
    }

    void survivesFaultsAndTokenExpiry()
    {
        startSim({});
        // At most three in a row: the first request absorbs them with its three retries.
        for (const char *kind : {"5xx", "429", "malformed"})
            sim->forceFault(QLatin1String(kind), 1);
        TU_VERIFY_OK(svc().startGlobal(op));
        const Progress done = test::waitForJob(*tc->core);
        QVERIFY2(done.error.isEmpty(), qPrintable(done.error + QLatin1Char(' ') + svc().syncLogErrors(svc().jobs().current().jobId).value().value(0).value(QLatin1String("message")).toString()));
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 36);
        QVERIFY(sim->stats().value(QLatin1String("injected_failures")).toInt() >= 3);
        qint64 total = 0;
        QCOMPARE(svc().syncLogs({}, &total)->first().counts.errors, 0);
    }

    void reauthenticatesOnceOn401()
    {
        startSim({});
        DapodikClient client(DapodikConfig::fromSettings(tc->core->settings()));
        auto first = client.kecamatan(QStringLiteral("34.04"));
        TU_VERIFY_OK(first);
        QCOMPARE(first->size(), 3);
        sim->control("POST", QStringLiteral("/__sim/dapodik/expire-tokens"));
        auto second = client.sekolah(QStringLiteral("34.04.01"));
        TU_VERIFY_OK(second);
        QCOMPARE(second->size(), 3);
        QCOMPARE(client.logins(), 2);
        QCOMPARE(dapodikStats().value(QLatin1String("unauthorized")).toInt(), 1);
    }

    void hedgesAStalledRequest()
    {
        startSim({"--latency-ms", "5"});
        // A long timeout, so that a stall nobody hedged would be obvious.
        QVERIFY(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"upstream_timeout_ms", "5000"}}).ok());
        DapodikClient client(DapodikConfig::fromSettings(tc->core->settings()));
        TU_VERIFY_OK(client.kecamatan(QStringLiteral("34.04"))); // login and wilayah: the answer times the delay follows
        QCOMPARE(client.hedges(), 0);
        sim->forceFault(QStringLiteral("timeout"), 1); // the next request stalls until the client gives up
        QElapsedTimer t;
        t.start();
        auto rows = client.sekolah(QStringLiteral("34.04.01"));
        TU_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 3);
        QVERIFY2(t.elapsed() < 1500, qPrintable(QStringLiteral("%1 ms: the stalled GET was not hedged").arg(t.elapsed())));
        QCOMPARE(client.hedges(), 1);
        QCOMPARE(sim->stats().value(QLatin1String("injected_failures")).toInt(), 1);
        // Answers in the usual time get no second copy.
        for (int i = 0; i < 5; ++i)
            TU_VERIFY_OK(client.sekolah(QStringLiteral("34.04.02")));
        QCOMPARE(client.hedges(), 1);

        // Only idempotent requests are hedged: a stalled POST waits for its timeout.
        sim->forceFault(QStringLiteral("timeout"), 1);
        UpstreamRequest post;
        post.method = "POST";
        post.url = QUrl(sim->url() + QStringLiteral("/dapodik/api/auth/login"));
        post.body = R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})";
        post.timeoutMs = 700;
        post.retries = 0;
        post.hedgeAfterMs = 50;
        t.restart();
        const UpstreamReply r = UpstreamHttp::send(QStringLiteral("Dapodik"), post);
        QCOMPARE(r.failure, UpstreamFailure::Timeout);
        QCOMPARE(r.hedges, 0);
        QVERIFY(t.elapsed() >= 650);
        // The same stall on a GET with hedging off costs the timeout too.
        sim->forceFault(QStringLiteral("timeout"), 1);
        UpstreamRequest get;
        get.url = QUrl(sim->url() + QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"));
        get.headers = {{"X-API-KEY", "sim-dapodik-key"}};
        get.timeoutMs = 700;
        get.retries = 0;
        get.expectJson = false;
        QCOMPARE(UpstreamHttp::send(QStringLiteral("Dapodik"), get).failure, UpstreamFailure::Timeout);
        // … and with hedging on, the hedge answers well before it.
        sim->forceFault(QStringLiteral("timeout"), 1);
        get.hedgeAfterMs = 50;
        t.restart();
        const UpstreamReply h = UpstreamHttp::send(QStringLiteral("Dapodik"), get);
        QVERIFY2(h.status != 0 && h.failure != UpstreamFailure::Timeout, qPrintable(h.message));
        QCOMPARE(h.hedges, 1);
        QVERIFY2(t.elapsed() < 600, qPrintable(QString::number(t.elapsed())));
    }

    void supersededReadIsInterrupted()
    {
        if (tc->core->db().isPostgres())
            QSKIP("PostgreSQL: a superseded read is abandoned, not interrupted");
        // A read of several seconds on a worker's own connection, stopped from this thread.
        QueryInterrupt stop;
        QElapsedTimer t;
        t.start();
        auto read = QtConcurrent::run([this, &stop] {
            QueryInterrupt::Guard guard(stop, tc->core->db());
            return tc->core->db()
                .exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000000) SELECT COUNT(*) FROM n"))
                .ok();
        });
        QTest::qWait(100);
        stop.interrupt();
        read.waitForFinished();
        QVERIFY(!read.result()); // interrupted, not finished
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        // The same connection reads normally afterwards, and a Guard made after the interrupt
        // is told so before it starts.
        auto again = QtConcurrent::run([this] { return tc->core->db().exec(QStringLiteral("SELECT 1")).ok(); });
        QVERIFY(again.result());
        QVERIFY(stop.interrupted());
    }

    void quirksAreUnderstood()
    {
        startSim({});
        DapodikClient client(DapodikConfig::fromSettings(tc->core->settings()));
        // "Sekolah tidak ditemukan" in a 200: no schools there; for PTK: the school is gone.
        auto none = client.sekolah(QStringLiteral("34.04.99"));
        TU_VERIFY_OK(none);
        QVERIFY(none->isEmpty());
        QCOMPARE(client.ptk(QStringLiteral("99999999")).error().code, ErrorCode::NotFound);
        // "Access denied" in a 200: a clear message about the API key, and the job stops.
        QVERIFY(test::pointAtSim(*tc->core, *sim, QStringLiteral("salah")).ok());
        DapodikClient denied(DapodikConfig::fromSettings(tc->core->settings()));
        auto r = denied.kecamatan(QStringLiteral("34.04"));
        QCOMPARE(r.error().code, ErrorCode::UpstreamError);
        QVERIFY2(r.error().message.contains(QStringLiteral("API key")), qPrintable(r.error().message));
        TU_VERIFY_OK(svc().startGlobal(op));
        const Progress p = test::waitForJob(*tc->core);
        QVERIFY(p.error.contains(QStringLiteral("API key")));
        QVERIFY(svc().lastGlobalSync()->value(QLatin1String("value")).toString().startsWith(QStringLiteral("ERROR: ")));
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_kecamatan"), 0);
        // Wrong password: 401 at login.
        QVERIFY(test::pointAtSim(*tc->core, *sim, QStringLiteral("sim-dapodik-key"), QStringLiteral("salah")).ok());
        DapodikClient wrong(DapodikConfig::fromSettings(tc->core->settings()));
        QVERIFY(wrong.kecamatan(QStringLiteral("34.04")).error().message.contains(QStringLiteral("password")));
    }

    void oneJobAtATime()
    {
        startSim({"--latency-ms", "40"});
        TU_VERIFY_OK(svc().startGlobal(op));
        QCOMPARE(svc().startGlobal(op).error().code, ErrorCode::Conflict);
        QCOMPARE(svc().startAllPtk(op).error().code, ErrorCode::Conflict);
        QCOMPARE(svc().syncPtk(op, QStringLiteral("3404010101010001"), QStringLiteral("20400101")).error().code, ErrorCode::Conflict);
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        QCOMPARE(svc().cancel(op).error().code, ErrorCode::Conflict); // nothing to cancel
        QCOMPARE(svc().cancel(op).error().message, QStringLiteral("Tidak ada sinkronisasi yang sedang berjalan."));
    }

    void cancelThenResume()
    {
        startSim({"--latency-ms", "30"});
        QString cancelledAfter;
        auto c = connect(&svc().jobs(), &JobRunner::progress, this, [&](const Progress &p) {
            if (p.message.startsWith(QStringLiteral("📦 Wilayah")) && cancelledAfter.isEmpty()) {
                cancelledAfter = p.message;
                (void)svc().cancel(op);
            }
        }, Qt::DirectConnection); // on the job thread, before it writes the next kecamatan
        TU_VERIFY_OK(svc().startGlobal(op));
        const Progress stopped = test::waitForJob(*tc->core);
        disconnect(c);
        QVERIFY(stopped.cancelled);
        QVERIFY(!stopped.error.isEmpty());
        QVERIFY(svc().lastGlobalSync()->value(QLatin1String("value")).toString().startsWith(QStringLiteral("ERROR: ")));
        const qint64 kept = count("SELECT COUNT(*) FROM dapodik_sekolah");
        QVERIFY(kept >= 3 && kept < 9); // the first kecamatan stayed, whole
        QVERIFY(count("SELECT COUNT(*) FROM sync_checkpoints WHERE job_key = 'global'") >= 1);
        const int sekolahRequests = dapodikStats().value(QLatin1String("requests")).toObject().value(QLatin1String("sekolah")).toInt();

        TU_VERIFY_OK(svc().startGlobal(op));
        const Progress resumed = test::waitForJob(*tc->core);
        QVERIFY2(resumed.error.isEmpty(), qPrintable(resumed.error));
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 36);
        qint64 total = 0;
        QVERIFY(svc().syncLogs({}, &total)->first().resumed);
        const int after = dapodikStats().value(QLatin1String("requests")).toObject().value(QLatin1String("sekolah")).toInt();
        QVERIFY2(after - sekolahRequests < 3, "resumed run skipped the finished kecamatan");
        QCOMPARE(count("SELECT COUNT(*) FROM sync_checkpoints"), 0); // success clears them
    }

    void crashRecovery()
    {
        QVERIFY(DapodikSyncStore(tc->core->db()).setMetadata(QStringLiteral("LAST_GLOBAL_SYNC"), QStringLiteral("RUNNING")).ok());
        QVERIFY(DapodikSyncStore(tc->core->db()).startLog(QStringLiteral("global"), {}, QStringLiteral("x"), false).ok());
        auto r = svc().recoverAtStartup();
        TU_VERIFY_OK(r);
        QVERIFY(r.value());
        QCOMPARE(svc().lastGlobalSync()->value(QLatin1String("value")).toString(), QStringLiteral("ERROR: interrupted"));
        QCOMPARE(count("SELECT COUNT(*) FROM sync_log WHERE status = 'interrupted'"), 1);
        QVERIFY(!svc().recoverAtStartup().value()); // nothing more to do
    }

    void goneUpstreamBecomesInactive()
    {
        startSim({});
        TU_VERIFY_OK(svc().startGlobal(op));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        auto q = tc->core->db().exec(QStringLiteral("SELECT ptk_id, npsn FROM dapodik_ptk WHERE npsn <> '20400101' ORDER BY ptk_id LIMIT 1"));
        QVERIFY(q.ok() && q.value().next());
        const QString ptkId = q.value().value(0).toString();
        q.value().finish(); // an open SQLite statement would pin this thread's read snapshot
        sim->control("POST", QStringLiteral("/__sim/dapodik/remove-sekolah"), {{"npsn", "20400101"}});
        sim->control("POST", QStringLiteral("/__sim/dapodik/remove-ptk"), {{"ptk_id", ptkId}});
        TU_VERIFY_OK(svc().startGlobal(op));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_sekolah"), 9); // never deleted
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_sekolah WHERE active = 0 AND npsn = '20400101' AND inactive_at IS NOT NULL"), 1);
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 0"), 5); // 4 of the school + 1
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 31);
        QCOMPARE(svc().analytics()->value(QLatin1String("totals")).toObject().value(QLatin1String("ptk")).toInteger(), 31);
        // Back upstream: active again.
        sim->control("POST", QStringLiteral("/__sim/reset"));
        TU_VERIFY_OK(svc().startGlobal(op));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 36);
    }

    void singlePtkAndBackgroundJobs()
    {
        startSim({});
        QCOMPARE(svc().startAllPtk(op).error().code, ErrorCode::Conflict); // no schools yet
        QCOMPARE(svc().startAllSekolah(op).error().code, ErrorCode::Conflict); // no kecamatan yet
        TU_VERIFY_OK(svc().startKecamatan(op, {QStringLiteral("34.04.02")}));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 12);
        auto q = tc->core->db().exec(QStringLiteral("SELECT nik, npsn, nama FROM dapodik_ptk ORDER BY nik LIMIT 1"));
        QVERIFY(q.ok() && q.value().next());
        const QString nik = q.value().value(0).toString(), npsn = q.value().value(1).toString(), nama = q.value().value(2).toString();
        q.value().finish();
        auto one = svc().syncPtk(op, nik, npsn);
        TU_VERIFY_OK(one);
        QCOMPARE(one.value(), nama);
        QCOMPARE(svc().syncPtk(op, QStringLiteral("123"), npsn).error().code, ErrorCode::Validation);
        QCOMPARE(svc().syncPtk(op, QStringLiteral("3404999999999999"), npsn).error().code, ErrorCode::NotFound);
        QCOMPARE(svc().startKecamatan(op, {QStringLiteral("34.04")}).error().code, ErrorCode::Validation);
        QCOMPARE(svc().startKecamatan(op, {}).error().code, ErrorCode::Validation);
        TU_VERIFY_OK(svc().startAllPtk(op));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        QCOMPARE(count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1"), 12);
    }
};

QTEST_MAIN(TestDapodikSync)
#include "tst_dapodiksync.moc"
