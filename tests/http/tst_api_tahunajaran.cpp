// Tahun ajaran over HTTP, with the real SIAKAD simulator for get-sync.
#include "PpdbFixtures.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tu;

class TestApiTahunAjaran : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    std::unique_ptr<test::UpstreamSim> sim;
    QByteArray op;
    const QString base = QStringLiteral("/admin/pendaftaran/master/tahun-ajaran");

    QJsonArray listData(const QString &query = {})
    {
        return ts->get(base + query, op).json().value(QLatin1String("data")).toArray();
    }
    void pointAtSimulator()
    {
        QVERIFY(ts->core->settings().set(Actor::system(QStringLiteral("t")),
                                         {{QStringLiteral("siakad_url"), sim->url()},
                                          {QStringLiteral("siakad_api_key"), QStringLiteral("sim-siakad-key")},
                                          {QStringLiteral("upstream_timeout_ms"), QStringLiteral("500")},
                                          {QStringLiteral("upstream_backoff_ms"), QStringLiteral("20")}}).ok());
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        op = ts->loginAs(Role::Operator);
        sim = std::make_unique<test::UpstreamSim>();
        QVERIFY(sim->ok());
        pointAtSimulator();
    }
    void cleanup()
    {
        sim.reset();
        ts.reset();
    }

    void storeListAndPageMeansTrash()
    {
        auto r = ts->sendJson("POST", base + QStringLiteral("/store"),
                              {{"tahun_ajaran", "2024/2025"}, {"periode_awal_pendaftaran", "2024-03-01"},
                               {"periode_akhir_pendaftaran", "2024-03-31"}, {"sts_aktif", 1}}, op);
        QCOMPARE(r.status, 200);
        const QString id = r.json().value(QLatin1String("data")).toObject().value(QLatin1String("id_tahun_ajaran")).toString();
        QCOMPARE(id.size(), 36);
        QVERIFY(ts->sendJson("POST", base + QStringLiteral("/store"),
                             {{"tahun_ajaran", "2025/2026"}, {"periode_awal_pendaftaran", "2025-03-01"},
                              {"periode_akhir_pendaftaran", "2025-03-31"}, {"sts_aktif", "2"}}, op).status == 200);
        const QJsonArray all = listData();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().toObject().value(QLatin1String("tahun_ajaran")).toString(), QStringLiteral("2025/2026")); // newest first
        for (const char *key : {"id_tahun_ajaran", "tahun_ajaran", "periode_awal_pendaftaran", "periode_akhir_pendaftaran", "sts_aktif", "sts_hapus", "updated_at"})
            QVERIFY2(all.first().toObject().contains(QLatin1String(key)), key);
        QCOMPARE(listData(QStringLiteral("?filter_aktif=1")).size(), 1);
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/delete"), {{"id_tahun_ajaran", id}}, op).status, 200);
        QCOMPARE(listData(QStringLiteral("?page=1")).size(), 1);
        const QJsonArray trash = listData(QStringLiteral("?page=2"));
        QCOMPARE(trash.size(), 1);
        QCOMPARE(trash.first().toObject().value(QLatin1String("sts_hapus")).toInt(), 2);
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/restore"), {{"id_tahun_ajaran", id}}, op).status, 200);
        QCOMPARE(listData().size(), 2);
    }

    void validationErrorsCarryFieldsAndStoreNothing()
    {
        auto r = ts->sendJson("POST", base + QStringLiteral("/store"),
                              {{"tahun_ajaran", "2024/2026"}, {"periode_awal_pendaftaran", "2024-13-01"},
                               {"periode_akhir_pendaftaran", ""}, {"sts_aktif", 5}}, op);
        QCOMPARE(r.status, 400);
        const QJsonObject f = r.json().value(QLatin1String("fields")).toObject();
        QCOMPARE(f.size(), 4);
        QCOMPARE(listData().size(), 0);
    }

    void fullSyncFollowsSiakad()
    {
        // One local year SIAKAD does not know: it must end in the trash.
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/store"),
                              {{"tahun_ajaran", "2019/2020"}, {"periode_awal_pendaftaran", "2019-03-01"},
                               {"periode_akhir_pendaftaran", "2019-03-31"}, {"sts_aktif", 2}}, op).status, 200);
        auto r = ts->get(base + QStringLiteral("/get-sync"), op);
        QCOMPARE(r.status, 200);
        const QJsonObject s = r.json().value(QLatin1String("data")).toObject();
        QCOMPARE(s.value(QLatin1String("inserted")).toInt(), 3);
        QCOMPARE(s.value(QLatin1String("trashed")).toInt(), 1);
        QCOMPARE(listData().size(), 3);
        QCOMPARE(listData(QStringLiteral("?page=2")).size(), 1);
        // SIAKAD received our full local list.
        QCOMPARE(sim->stats().value(QLatin1String("pushed")).toObject().value(QLatin1String("siakad")).toArray().size(), 1);
        // Second run: nothing changes.
        auto again = ts->get(base + QStringLiteral("/get-sync"), op).json().value(QLatin1String("data")).toObject();
        QCOMPARE(again.value(QLatin1String("unchanged")).toInt(), 3);
        QCOMPARE(again.value(QLatin1String("inserted")).toInt() + again.value(QLatin1String("updated")).toInt()
                     + again.value(QLatin1String("trashed")).toInt(), 0);
        // SIAKAD changes one year and drops another.
        QJsonArray list = sim->control("GET", QStringLiteral("/__sim/siakad/tahun-ajaran")).value(QLatin1String("data")).toArray();
        QJsonObject first = list[0].toObject();
        first.insert(QStringLiteral("periode_akhir_pendaftaran"), first.value(QLatin1String("periode_awal_pendaftaran")).toString().left(8) + QStringLiteral("28"));
        QJsonArray changed{first, list[1]};
        sim->control("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"), {{"data", changed}});
        auto third = ts->get(base + QStringLiteral("/get-sync"), op).json().value(QLatin1String("data")).toObject();
        QCOMPARE(third.value(QLatin1String("updated")).toInt(), 1);
        QCOMPARE(third.value(QLatin1String("trashed")).toInt(), 1);
        QCOMPARE(third.value(QLatin1String("unchanged")).toInt(), 1);
    }

    // The dry run says what a sync would do, including to the open registration period and
    // its applicants, and changes nothing on either side; applying with the preview's
    // fingerprint is refused once SIAKAD's list has changed since.
    void previewChangesNothingAndApplyingChecksItsFingerprint()
    {
        QVERIFY(test::openRegistration(*ts->core)); // local active 2026/2027, registration open today
        QVERIFY(ts->core->ppdb().submit(Actor::system(QStringLiteral("t")), test::validRegistration(QStringLiteral("0012345678"))).ok());
        const QJsonArray before = listData();
        QCOMPARE(before.size(), 1);

        auto r = ts->get(base + QStringLiteral("/get-sync?preview=1"), op);
        QCOMPARE(r.status, 200);
        const QJsonObject plan = r.json().value(QLatin1String("data")).toObject();
        QCOMPARE(plan.value(QLatin1String("add")).toArray().size(), 3);
        QCOMPARE(plan.value(QLatin1String("trash")).toArray().size(), 1);
        QCOMPARE(plan.value(QLatin1String("trash")).toArray().first().toObject().value(QLatin1String("tahun_ajaran")).toString(),
                 QStringLiteral("2026/2027"));
        QCOMPARE(plan.value(QLatin1String("activeBefore")).toObject().value(QLatin1String("tahun_ajaran")).toString(), QStringLiteral("2026/2027"));
        QVERIFY(plan.value(QLatin1String("activeYearLost")).toBool());
        QVERIFY(plan.value(QLatin1String("registrationOpenNow")).toBool());
        QCOMPARE(plan.value(QLatin1String("applicantsOfActiveYear")).toInt(), 1);
        QVERIFY(plan.value(QLatin1String("needsSecondConfirmation")).toBool());
        const QString fingerprint = plan.value(QLatin1String("fingerprint")).toString();
        QCOMPARE(fingerprint.size(), 64);
        // Nothing changed here, nothing was sent there.
        QCOMPARE(listData(), before);
        QCOMPARE(listData(QStringLiteral("?page=2")).size(), 0);
        QCOMPARE(sim->stats().value(QLatin1String("pushed")).toObject().value(QLatin1String("siakad")).toArray().size(), 0);

        // SIAKAD changes before the person confirms: refused, still nothing changed.
        QJsonArray list = sim->control("GET", QStringLiteral("/__sim/siakad/tahun-ajaran")).value(QLatin1String("data")).toArray();
        sim->control("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"), {{"data", QJsonArray{list[0], list[1]}}});
        auto stale = ts->get(base + QStringLiteral("/get-sync?expect=") + fingerprint, op);
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.json().value(QLatin1String("code")).toString(), QStringLiteral("CONFLICT"));
        QCOMPARE(listData(), before);

        // A fresh preview, applied with its own fingerprint.
        const QString fresh = ts->get(base + QStringLiteral("/get-sync?preview=1"), op).json().value(QLatin1String("data"))
                                  .toObject().value(QLatin1String("fingerprint")).toString();
        QVERIFY(fresh != fingerprint);
        auto applied = ts->get(base + QStringLiteral("/get-sync?expect=") + fresh, op);
        QCOMPARE(applied.status, 200);
        QCOMPARE(applied.json().value(QLatin1String("data")).toObject().value(QLatin1String("inserted")).toInt(), 2);
        QCOMPARE(applied.json().value(QLatin1String("data")).toObject().value(QLatin1String("trashed")).toInt(), 1);
    }

    void upstreamFailuresLeaveDataUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("5xx") << "5xx" << "gangguan";
        QTest::newRow("malformed") << "malformed" << "JSON tidak valid";
        QTest::newRow("timeout") << "timeout" << "tidak menjawab";
        QTest::newRow("drop") << "drop" << "terhubung";
    }
    void upstreamFailuresLeaveDataUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/store"),
                              {{"tahun_ajaran", "2019/2020"}, {"periode_awal_pendaftaran", "2019-03-01"},
                               {"periode_akhir_pendaftaran", "2019-03-31"}, {"sts_aktif", 1}}, op).status, 200);
        const QJsonArray before = listData();
        sim->forceFault(kind, 8); // more than the first try plus three retries (and Qt's own resend)
        auto r = ts->request("GET", base + QStringLiteral("/get-sync"), {}, {{"Authorization", "Bearer " + op}}, 20000);
        QCOMPARE(r.status, 502);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("UPSTREAM_ERROR"));
        QVERIFY2(r.json().value(QLatin1String("error")).toString().contains(text), qPrintable(r.json().value(QLatin1String("error")).toString()));
        QCOMPARE(listData(), before);
    }

    void retriesRecoverFromATransientFailure()
    {
        sim->forceFault(QStringLiteral("5xx"), 2);
        auto r = ts->get(base + QStringLiteral("/get-sync"), op);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("data")).toObject().value(QLatin1String("inserted")).toInt(), 3);
    }

    void wrongApiKeyIsUpstreamError()
    {
        QVERIFY(ts->core->settings().set(Actor::system(QStringLiteral("t")), {{QStringLiteral("siakad_api_key"), QStringLiteral("salah")}}).ok());
        auto r = ts->get(base + QStringLiteral("/get-sync"), op);
        QCOMPARE(r.status, 502);
        QVERIFY(r.json().value(QLatin1String("error")).toString().contains(QStringLiteral("API key")));
    }

    void webhookNeedsTheKey()
    {
        const QJsonObject rec{{"id_tahun_ajaran", "6f1f5d0e-8c1b-4b47-9d0e-0000000000bb"}, {"tahun_ajaran", "2030/2031"},
                              {"periode_awal_pendaftaran", "2030-03-01"}, {"periode_akhir_pendaftaran", "2030-03-31"}, {"sts_aktif", 2}};
        const QByteArray body = QJsonDocument(rec).toJson();
        QCOMPARE(ts->request("POST", base + QStringLiteral("/update-from-sync"), body, {{"Content-Type", "application/json"}}).status, 401);
        QCOMPARE(ts->request("POST", base + QStringLiteral("/update-from-sync"), body,
                             {{"Content-Type", "application/json"}, {"X-API-KEY", "sim-siakad-keX"}}).status, 401);
        auto ok = ts->request("POST", base + QStringLiteral("/update-from-sync"), body,
                              {{"Content-Type", "application/json"}, {"X-API-KEY", "sim-siakad-key"}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(listData().size(), 1);
        auto log = ts->core->audit().recent(5, QStringLiteral("tahun_ajaran"));
        QCOMPARE(log->first().username, QStringLiteral("siakad-webhook"));
        // An empty configured key never matches an empty header.
        QVERIFY(ts->core->settings().set(Actor::system(QStringLiteral("t")), {{QStringLiteral("siakad_api_key"), QString()}}).ok());
        QCOMPARE(ts->request("POST", base + QStringLiteral("/update-from-sync"), body,
                             {{"Content-Type", "application/json"}, {"X-API-KEY", ""}}).status, 401);
    }

    void rolesForTahunAjaran()
    {
        for (const Route &r : ts->server->router().routes())
            if (r.pattern.startsWith(base) && !r.pattern.endsWith(QLatin1String("update-from-sync")))
                QCOMPARE(r.roles, (QList<Role>{Role::Admin, Role::Operator}));
        QCOMPARE(ts->get(base, ts->loginAs(Role::Ppdb)).status, 403);
        QCOMPARE(ts->get(base, ts->adminToken()).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiTahunAjaran)
#include "tst_api_tahunajaran.moc"
