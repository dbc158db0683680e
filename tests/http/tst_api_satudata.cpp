// Satu Data over HTTP: multipart upload parsed on arrival, refusals as 400/413 with the reason,
// preview, admin-only verification, delete rules; sync per file with results per target, bulk
// sync (plain and SSE) with its summary, targets validated, conflicts, logs, queue, schedule;
// operators may, other roles may not.
#include "SatuDataFixtures.h"
#include "SseClient.h"

#include <QJsonArray>
#include <QTest>

using namespace tu;
using test::SseClient;

class TestApiIntegrations : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QByteArray admin, op;

    test::HttpResult upload(const QByteArray &token, const QByteArray &file, const QByteArray &title = "Jumlah Guru 2025",
                            const QString &path = QStringLiteral("/api/integrations/files"))
    {
        QByteArray body;
        for (const auto &[k, v] : {std::pair<QByteArray, QByteArray>{"title", title}, {"period", "2025"}, {"tags", "guru,ptk"},
                                   {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}})
            body += "--B\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
        body += "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guru.csv\"\r\nContent-Type: text/csv\r\n\r\n" + file + "\r\n--B--\r\n";
        return ts->request("POST", path, body, {{"Content-Type", "multipart/form-data; boundary=B"}, {"Authorization", "Bearer " + token}});
    }
    static QJsonObject data(const test::HttpResult &r) { return r.json().value(QLatin1String("data")).toObject(); }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        admin = ts->adminToken();
        op = ts->loginAs(Role::Operator);
    }
    void cleanup() { ts.reset(); }

    void uploadPreviewVerifyDelete()
    {
        auto up = upload(op, "jenjang;jumlah\nSD;120\nSMP;64\n");
        QCOMPARE(up.status, 201);
        const QJsonObject f = data(up);
        QCOMPARE(f.value(QLatin1String("rowCount")).toInt(), 2);
        QCOMPARE(f.value(QLatin1String("columns")).toArray(), (QJsonArray{"jenjang", "jumlah"}));
        QCOMPARE(f.value(QLatin1String("tags")).toArray(), (QJsonArray{"guru", "ptk"}));
        QVERIFY(!f.value(QLatin1String("verified")).toBool());
        const QString id = f.value(QLatin1String("id")).toString();
        auto one = ts->get(QStringLiteral("/api/integrations/files/") + id, op);
        QCOMPARE(data(one).value(QLatin1String("preview")).toArray().at(1).toArray(), (QJsonArray{"SMP", "64"}));

        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/integrations/files/%1/verify").arg(id), {}, op).status, 403);
        auto v = ts->sendJson("POST", QStringLiteral("/api/integrations/files/%1/verify").arg(id), {}, admin);
        QCOMPARE(v.status, 200);
        QVERIFY(data(v).value(QLatin1String("verified")).toBool());
        QCOMPARE(data(v).value(QLatin1String("verifiedBy")).toString(), QStringLiteral("admin"));
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/files?verified=true"), op).json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 1);
        auto meta = ts->sendJson("PUT", QStringLiteral("/api/integrations/files/") + id, {{"unit", "orang"}}, op);
        QVERIFY(!data(meta).value(QLatin1String("verified")).toBool()); // a change takes verification back
        auto replaced = upload(op, "jenjang,jumlah\nSD,121\n", "x", QStringLiteral("/api/integrations/files/%1/replace").arg(id));
        QCOMPARE(replaced.status, 200);
        QCOMPARE(data(replaced).value(QLatin1String("rowCount")).toInt(), 1);
        QCOMPARE(ts->request("DELETE", QStringLiteral("/api/integrations/files/") + id, {}, {{"Authorization", "Bearer " + op}}).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/files/") + id, op).status, 404);
    }

    void refusals()
    {
        auto ragged = upload(op, "a,b\n1\n");
        QCOMPARE(ragged.status, 400);
        QVERIFY(ragged.json().value(QLatin1String("fields")).toObject().value(QLatin1String("file")).toString().contains(QStringLiteral("Baris 2")));
        auto badMeta = upload(op, "a\n1\n", "");
        QCOMPARE(badMeta.status, 400);
        QVERIFY(badMeta.json().value(QLatin1String("fields")).toObject().contains(QLatin1String("title")));
        QByteArray big("a\n");
        big.append(QByteArray(10 * 1024 * 1024 + 10, '1'));
        QCOMPARE(upload(op, big).status, 413);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/files?verified=maybe"), op).status, 400);
        for (Role r : {Role::Ppdb, Role::Kesiswaan, Role::Osis, Role::Siswa})
            QCOMPARE(upload(ts->loginAs(r), "a\n1\n").status, 403);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/files"), op).json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 0);
    }

    void syncOneFileAndTheBulkRun()
    {
        test::UpstreamSim sim;
        QVERIFY(sim.ok());
        TU_VERIFY_OK(test::pointSatuDataAtSim(*ts->core.core, sim));
        auto f = test::uploadVerified(*ts->core.core, QStringLiteral("Jumlah Siswa"));
        TU_VERIFY_OK(f);
        TU_VERIFY_OK(test::uploadVerified(*ts->core.core, QStringLiteral("Belum dicek"), test::sampleCsv(), false));
        const QString path = QStringLiteral("/api/integrations/files/%1/sync").arg(f->id);
        for (const QJsonObject &bad : {QJsonObject{}, QJsonObject{{"targets", QJsonArray{}}}, QJsonObject{{"targets", QJsonArray{"splp", "bps"}}}}) {
            auto r = ts->sendJson("POST", path, bad, op);
            QCOMPARE(r.status, 400);
            QVERIFY(r.json().value(QLatin1String("fields")).toObject().contains(QLatin1String("targets")));
        }
        auto one = ts->sendJson("POST", path, {{"targets", QJsonArray{"splp", "sipd"}}}, op);
        QCOMPARE(one.status, 200);
        const QJsonArray results = data(one).value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QVERIFY(!results[0].toObject().value(QLatin1String("remoteId")).toString().isEmpty());
        QCOMPARE(results[1].toObject().value(QLatin1String("rowsOk")).toInt(), 3);
        QCOMPARE(results[1].toObject().value(QLatin1String("log")).toArray().size(), 3);
        // The file list shows each target's state.
        auto list = ts->get(QStringLiteral("/api/integrations/files?verified=true"), op);
        QCOMPARE(list.json().value(QLatin1String("data")).toArray()[0].toObject().value(QLatin1String("sync")).toObject()
                     .value(QLatin1String("splp")).toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));

        // Unverified: 409 with the reason.
        const QString unverified = ts->get(QStringLiteral("/api/integrations/files?verified=false"), op).json().value(QLatin1String("data")).toArray()[0]
                                       .toObject().value(QLatin1String("id")).toString();
        auto refused = ts->sendJson("POST", QStringLiteral("/api/integrations/files/%1/sync").arg(unverified), {{"targets", QJsonArray{"splp"}}}, op);
        QCOMPARE(refused.status, 409);
        QVERIFY(refused.json().value(QLatin1String("error")).toString().contains(QStringLiteral("belum diverifikasi")));

        // Bulk: unchanged + skipped, per target.
        auto all = ts->sendJson("POST", QStringLiteral("/api/integrations/sync-all"), {{"targets", QJsonArray{"splp", "sipd"}}}, op);
        QCOMPARE(all.status, 200);
        const QJsonObject splp = data(all).value(QLatin1String("summary")).toObject().value(QLatin1String("splp")).toObject();
        QCOMPARE(splp.value(QLatin1String("unchanged")).toInt(), 1);
        QCOMPARE(splp.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(splp.value(QLatin1String("failed")).toInt(), 0);
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/integrations/sync-all"), {{"targets", QJsonArray{}}}, op).status, 400);

        // SSE variant: progress never decreases, the last frame is done with the summary.
        SseClient stream;
        stream.open(ts->base() + QStringLiteral("/api/integrations/sync-all/events?targets=sipd"), op);
        QVERIFY(stream.waitDone());
        int last = -1;
        for (const QJsonObject &e : stream.events) {
            QVERIFY(e.value(QLatin1String("progress")).toInt() >= last);
            last = e.value(QLatin1String("progress")).toInt();
        }
        QCOMPARE(last, 100);
        const QJsonObject summary = stream.events.last().value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("targets")).toArray(), QJsonArray{"sipd"});
        QCOMPARE(summary.value(QLatin1String("summary")).toObject().value(QLatin1String("sipd")).toObject().value(QLatin1String("skipped")).toInt(), 1);
        SseClient badStream;
        badStream.open(ts->base() + QStringLiteral("/api/integrations/sync-all/events?targets=x"), op);
        QTRY_VERIFY(badStream.reply->isFinished());
        QCOMPARE(badStream.status(), 400);

        // Every attempt is in the log, newest first; filters are checked.
        auto logs = ts->get(QStringLiteral("/api/integrations/logs?target=splp&limit=5"), op);
        QCOMPARE(logs.status, 200);
        QCOMPARE(logs.json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 2); // ok, then unchanged
        QCOMPARE(logs.json().value(QLatin1String("data")).toArray()[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("unchanged"));
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/logs?target=bps"), op).status, 400);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/logs?page=0"), op).status, 400);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/queue"), op).json().value(QLatin1String("data")).toArray().size(), 0);
        auto status = ts->get(QStringLiteral("/api/integrations/sync-all/status"), op);
        QVERIFY(!data(status).value(QLatin1String("running")).toBool());
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/integrations/sync-all/cancel"), {}, op).status, 409);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/files/%1/conflict?target=splp").arg(f->id), op).status, 404);
        for (Role r : {Role::Ppdb, Role::Kesiswaan, Role::Osis, Role::Siswa})
            QCOMPARE(ts->sendJson("POST", path, {{"targets", QJsonArray{"splp"}}}, ts->loginAs(r)).status, 403);
    }

    void conflictOverHttp()
    {
        test::UpstreamSim sim;
        QVERIFY(sim.ok());
        TU_VERIFY_OK(test::pointSatuDataAtSim(*ts->core.core, sim));
        auto f = test::uploadVerified(*ts->core.core, QStringLiteral("Data Guru"));
        TU_VERIFY_OK(f);
        const QString base = QStringLiteral("/api/integrations/files/") + f->id;
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/sync"), {{"targets", QJsonArray{"splp"}}}, op).status, 200);
        const QString remoteId = data(ts->get(base, op)).value(QLatin1String("sync")).toObject().value(QLatin1String("splp")).toObject().value(QLatin1String("remoteId")).toString();
        sim.control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", "Versi portal"}});
        QCOMPARE(ts->sendJson("PUT", base, {{"title", "Versi sekolah"}}, op).status, 200);
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/verify"), {}, admin).status, 200);
        auto r = ts->sendJson("POST", base + QStringLiteral("/sync"), {{"targets", QJsonArray{"splp"}}}, op);
        QCOMPARE(data(r).value(QLatin1String("results")).toArray()[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("conflict"));
        auto c = ts->get(base + QStringLiteral("/conflict?target=splp"), op);
        QCOMPARE(c.status, 200);
        QCOMPARE(data(c).value(QLatin1String("remote")).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Versi portal"));
        QCOMPARE(data(c).value(QLatin1String("local")).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Versi sekolah"));
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/resolve"), {{"keep", "keduanya"}}, op).status, 400);
        auto resolved = ts->sendJson("POST", base + QStringLiteral("/resolve"), {{"target", "splp"}, {"keep", "remote"}}, op);
        QCOMPARE(resolved.status, 200);
        QCOMPARE(data(ts->get(base, op)).value(QLatin1String("title")).toString(), QStringLiteral("Versi portal"));
    }

    void schedule()
    {
        auto bad = ts->sendJson("PUT", QStringLiteral("/api/integrations/schedule"), {{"frequency", "hourly"}}, op);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().value(QLatin1String("fields")).toObject().contains(QLatin1String("frequency")));
        auto ok = ts->sendJson("PUT", QStringLiteral("/api/integrations/schedule"),
                               {{"frequency", "weekly"}, {"weekday", 5}, {"time", "15:30"}, {"targets", QJsonArray{"splp"}}}, op);
        QCOMPARE(ok.status, 200);
        auto got = ts->get(QStringLiteral("/api/integrations/schedule"), op);
        QCOMPARE(data(got).value(QLatin1String("description")).toString(), QStringLiteral("Setiap Jumat pukul 15:30"));
        QVERIFY(data(got).value(QLatin1String("updatedBy")).toString().startsWith(QStringLiteral("operator")));
        const QDateTime next = QDateTime::fromString(data(got).value(QLatin1String("nextRun")).toString(), Qt::ISODate);
        QVERIFY(next > QDateTime::currentDateTimeUtc());
        QCOMPARE(next.toTimeZone(QTimeZone("Asia/Jakarta")).date().dayOfWeek(), 5);
        QCOMPARE(ts->get(QStringLiteral("/api/integrations/schedule"), ts->loginAs(Role::Ppdb)).status, 403);
    }
};

QTEST_MAIN(TestApiIntegrations)
#include "tst_api_satudata.moc"
