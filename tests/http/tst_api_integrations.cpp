// Satu Data files over HTTP: multipart upload parsed on arrival, refusals as 400/413 with the
// reason, preview, admin-only verification, delete rules; operators may, other roles may not.
#include "TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace tu;

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
};

QTEST_MAIN(TestApiIntegrations)
#include "tst_api_integrations.moc"
