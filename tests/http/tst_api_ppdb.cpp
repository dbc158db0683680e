// PPDB over HTTP: the shapes and messages of docs/school-api.md, statuses, uploads, staff endpoints.
#include "PpdbFixtures.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tu;

class TestApiPpdb : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;

    test::HttpResult registerNisn(const QString &nisn, const QString &name = QStringLiteral("Andi Kurniawan"))
    {
        return ts->sendJson("POST", QStringLiteral("/api/ppdb/register"), test::validRegistration(nisn, name));
    }
    test::HttpResult uploadFile(const QString &reg, const QString &type, const QByteArray &bytes, const QByteArray &path = "/api/ppdb/upload")
    {
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"registrationId\"\r\n\r\n" + reg.toUtf8() +
                                "\r\n--B\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\n" + type.toUtf8() +
                                "\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dok.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
                                bytes + "\r\n--B--\r\n";
        return ts->request("POST", QString::fromLatin1(path), body, {{"Content-Type", "multipart/form-data; boundary=B"}});
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        QVERIFY(test::openRegistration(*ts->core.core));
    }
    void cleanup() { ts.reset(); }

    void registerCheckAndStatus()
    {
        auto r = registerNisn(QStringLiteral("1234567890"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("Pendaftaran berhasil"));
        const QJsonObject d = r.json().value(QLatin1String("data")).toObject();
        QCOMPARE(d.value(QLatin1String("registrationNumber")).toString(), QStringLiteral("PPDB-2026-0001"));
        QCOMPARE(d.value(QLatin1String("registrationId")).toString().size(), 36);

        auto post = ts->sendJson("POST", QStringLiteral("/api/ppdb/check-nisn"), {{"nisn", "1234567890"}});
        QCOMPARE(post.json().value(QLatin1String("data")).toObject(), QJsonObject({{"isRegistered", true}}));
        auto get = ts->get(QStringLiteral("/api/ppdb/check-nisn?nisn=1234567890")).json().value(QLatin1String("data")).toObject();
        QCOMPARE(get.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(get.value(QLatin1String("retries")).toInt(), 0);
        QCOMPARE(get.value(QLatin1String("allowRetry")).toBool(), false);
        QCOMPARE(ts->get(QStringLiteral("/api/ppdb/check-nisn?nisn=0000000000")).json().value(QLatin1String("data")).toObject(),
                 QJsonObject({{"isRegistered", false}}));
        QCOMPARE(ts->get(QStringLiteral("/api/ppdb/check-nisn?nisn=12")).status, 400);

        // Without the NISN the sequential number answers the status only: no name, not even masked.
        auto status = ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001")).json().value(QLatin1String("data")).toObject();
        QVERIFY(status.contains(QLatin1String("fullName")));
        QVERIFY(status.value(QLatin1String("fullName")).isNull());
        QVERIFY(status.value(QLatin1String("submittedAt")).isNull());
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(status.value(QLatin1String("registrationNumber")).toString(), QStringLiteral("PPDB-2026-0001"));
        auto wrong = ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001?nisn=1234567899"));
        QVERIFY(!wrong.body.contains("A***"));
        QVERIFY(wrong.json().value(QLatin1String("data")).toObject().value(QLatin1String("fullName")).isNull());
        auto own = ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001?nisn=1234567890")).json().value(QLatin1String("data")).toObject();
        QCOMPARE(own.value(QLatin1String("fullName")).toString(), QStringLiteral("Andi Kurniawan"));
        QVERIFY(own.value(QLatin1String("submittedAt")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0404")).status, 404);
    }

    void conflictsUseTheSeedMessages()
    {
        QCOMPARE(registerNisn(QStringLiteral("1234567890")).status, 201);
        auto dup = registerNisn(QStringLiteral("1234567890"));
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.json().value(QLatin1String("error")).toString(), QStringLiteral("NISN sudah terdaftar dan berstatus PENDING."));
        QCOMPARE(dup.json().value(QLatin1String("code")).toString(), QStringLiteral("CONFLICT"));
    }

    void validationAndClosedPeriod()
    {
        QJsonObject bad = test::validRegistration(QStringLiteral("123"));
        bad.insert(QStringLiteral("gender"), QStringLiteral("X"));
        auto r = ts->sendJson("POST", QStringLiteral("/api/ppdb/register"), bad);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QLatin1String("fields")).toObject().contains(QStringLiteral("nisn")));
        QVERIFY(r.json().value(QLatin1String("fields")).toObject().contains(QStringLiteral("gender")));
        ts->core->ppdb().setToday([] { return QDate::currentDate().addDays(31); });
        auto closed = registerNisn(QStringLiteral("1234567890"));
        QCOMPARE(closed.status, 403);
        QCOMPARE(closed.json().value(QLatin1String("code")).toString(), QStringLiteral("REGISTRATION_CLOSED"));
        QVERIFY(closed.json().value(QLatin1String("error")).toString().contains(QStringLiteral("hanya dibuka")));
    }

    void registerRateLimitIsFivePerHour()
    {
        ts = std::make_unique<test::TestServer>(QString()); // design defaults
        QVERIFY(test::openRegistration(*ts->core.core));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(registerNisn(QStringLiteral("100000000%1").arg(i)).status, 201);
        auto limited = registerNisn(QStringLiteral("1000000009"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json().value(QLatin1String("error")).toString(), QStringLiteral("Terlalu banyak percobaan pendaftaran. Silakan coba lagi nanti."));
        QVERIFY(limited.header("Retry-After").toInt() > 60); // an hour-long window
    }

    void uploadsOverHttp()
    {
        const QString id = registerNisn(QStringLiteral("1234567890")).json().value(QLatin1String("data")).toObject()
                               .value(QLatin1String("registrationId")).toString();
        auto ok = uploadFile(id, QStringLiteral("photo"), test::pngBytes());
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.json().value(QLatin1String("data")).toObject().value(QLatin1String("mimeType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(uploadFile(id, QStringLiteral("akta"), QByteArray("%PDF-1.7 x"), "/api/ppdb/upload-r2").status, 201);
        QCOMPARE(uploadFile(id, QStringLiteral("kk"), QByteArray("plain text, not an image")).status, 415);
        QCOMPARE(uploadFile(id, QStringLiteral("rapor"), test::pngBytes()).status, 400);
        QCOMPARE(uploadFile(QStringLiteral("00000000-0000-4000-8000-000000000000"), QStringLiteral("kk"), test::pngBytes()).status, 404);
        QCOMPARE(uploadFile(id, QStringLiteral("kk"), test::pngBytes() + QByteArray(5 * 1024 * 1024, 'x')).status, 413);
        const QByteArray over = test::rawExchange(ts->server->port(), "POST /api/ppdb/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                                      "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 7000000\r\n\r\n", 3000, false);
        QVERIFY(over.startsWith("HTTP/1.1 413"));
    }

    void uploadsNameTheRegistrationByIdWhilePending()
    {
        auto reg = registerNisn(QStringLiteral("1234567890")).json().value(QLatin1String("data")).toObject();
        const QString id = reg.value(QLatin1String("registrationId")).toString();
        const QString number = reg.value(QLatin1String("registrationNumber")).toString();
        for (const QByteArray &path : {QByteArray("/api/ppdb/upload"), QByteArray("/api/ppdb/upload-r2")}) {
            auto byNumber = uploadFile(number, QStringLiteral("photo"), test::pngBytes(), path);
            QCOMPARE(byNumber.status, 400);
            QCOMPARE(byNumber.json().value(QLatin1String("code")).toString(), QStringLiteral("VALIDATION_ERROR"));
            QVERIFY(byNumber.json().value(QLatin1String("fields")).toObject().value(QLatin1String("registrationId"))
                        .toString().contains(QStringLiteral("bukti pendaftaran")));
        }
        QCOMPARE(uploadFile(id, QStringLiteral("photo"), test::pngBytes()).status, 201);

        const QByteArray staff = ts->loginAs(Role::Ppdb);
        QCOMPARE(ts->sendJson("PATCH", QStringLiteral("/api/admin/ppdb/registrations/%1/status").arg(id),
                              {{"status", "verified"}, {"note", "Lengkap"}}, staff).status, 200);
        for (const QByteArray &path : {QByteArray("/api/ppdb/upload"), QByteArray("/api/ppdb/upload-r2")}) {
            auto late = uploadFile(id, QStringLiteral("photo"), test::pngBytes() + "2", path);
            QCOMPARE(late.status, 409);
            QCOMPARE(late.json().value(QLatin1String("code")).toString(), QStringLiteral("CONFLICT"));
            QVERIFY(late.json().value(QLatin1String("error")).toString().contains(QStringLiteral("tidak dapat diubah")));
        }
        // The verified photo is untouched.
        auto detail = ts->get(QStringLiteral("/api/admin/ppdb/registrations/") + id, staff).json().value(QLatin1String("data")).toObject();
        QCOMPARE(detail.value(QLatin1String("documents")).toArray().size(), 1);
    }

    void uploadBelowTheDiskReserveIs507()
    {
        const QString id = registerNisn(QStringLiteral("1234567890")).json().value(QLatin1String("data")).toObject()
                               .value(QLatin1String("registrationId")).toString();
        TU_VERIFY_OK(ts->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        auto full = uploadFile(id, QStringLiteral("photo"), test::pngBytes());
        QCOMPARE(full.status, 507);
        QCOMPARE(full.json().value(QLatin1String("code")).toString(), QStringLiteral("INSUFFICIENT_STORAGE"));
        QVERIFY(full.json().value(QLatin1String("error")).toString().contains(QStringLiteral("Ruang penyimpanan server hampir penuh")));
    }

    void lookupsHaveTheirOwnStricterScope()
    {
        ts = std::make_unique<test::TestServer>(QString()); // design defaults: lookup 20/min
        QVERIFY(test::openRegistration(*ts->core.core));
        QCOMPARE(registerNisn(QStringLiteral("1234567890")).status, 201);
        for (int i = 0; i < 20; ++i) {
            test::HttpResult r;
            switch (i % 3) {
            case 0: r = ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-%1").arg(i + 1, 4, 10, QLatin1Char('0'))); break;
            case 1: r = ts->get(QStringLiteral("/api/ppdb/check-nisn?nisn=10000000%1").arg(i, 2, 10, QLatin1Char('0'))); break;
            default: r = ts->sendJson("POST", QStringLiteral("/api/ppdb/check-nisn"), {{"nisn", "1234567890"}}); break;
            }
            QVERIFY2(r.status == 200 || r.status == 404, qPrintable(QString::number(r.status)));
        }
        for (const auto &over : {ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001")),
                                 ts->get(QStringLiteral("/api/ppdb/check-nisn?nisn=1234567890")),
                                 ts->sendJson("POST", QStringLiteral("/api/ppdb/check-nisn"), {{"nisn", "1234567890"}})}) {
            QCOMPARE(over.status, 429);
            QVERIFY(over.json().value(QLatin1String("error")).toString().contains(QStringLiteral("status atau NISN")));
        }
        // Only the lookups: other public calls keep their own budget.
        QCOMPARE(ts->get(QStringLiteral("/api/public/news")).status, 200);

        ts = std::make_unique<test::TestServer>(QStringLiteral("lookup=3")); // TATAUSAHA_RATE_LIMITS syntax
        for (int i = 0; i < 3; ++i)
            QCOMPARE(ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001")).status, 404);
        QCOMPARE(ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0001")).status, 429);
    }

    void staffWorkflow()
    {
        QCOMPARE(registerNisn(QStringLiteral("1234567890"), QStringLiteral("Budi Santoso")).status, 201);
        QCOMPARE(registerNisn(QStringLiteral("1234567891"), QStringLiteral("Citra Lestari")).status, 201);
        const QByteArray staff = ts->loginAs(Role::Ppdb);
        auto list = ts->get(QStringLiteral("/api/admin/ppdb/registrations?q=citra"), staff);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QLatin1String("data")).toArray().size(), 1);
        const QJsonObject meta = list.json().value(QLatin1String("meta")).toObject();
        QCOMPARE(meta.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(meta.value(QLatin1String("counts")).toObject().value(QLatin1String("pending")).toInt(), 2);
        const QString id = list.json().value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("id")).toString();

        QCOMPARE(uploadFile(id, QStringLiteral("photo"), test::pngBytes()).status, 201);
        auto detail = ts->get(QStringLiteral("/api/admin/ppdb/registrations/") + id, staff).json().value(QLatin1String("data")).toObject();
        QCOMPARE(detail.value(QLatin1String("fullName")).toString(), QStringLiteral("Citra Lestari"));
        const QString docId = detail.value(QLatin1String("documents")).toArray().first().toObject().value(QLatin1String("id")).toString();
        auto file = ts->get(QStringLiteral("/api/admin/ppdb/registrations/%1/documents/%2").arg(id, docId), staff);
        QCOMPARE(file.status, 200);
        QCOMPARE(file.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(file.body, test::pngBytes());

        auto bad = ts->sendJson("PATCH", QStringLiteral("/api/admin/ppdb/registrations/%1/status").arg(id), {{"status", "accepted"}}, staff);
        QCOMPARE(bad.status, 409);
        QCOMPARE(ts->sendJson("PATCH", QStringLiteral("/api/admin/ppdb/registrations/%1/status").arg(id),
                              {{"status", "verified"}, {"note", "Lengkap"}}, staff).status, 200);
        QCOMPARE(ts->sendJson("PATCH", QStringLiteral("/api/admin/ppdb/registrations/PPDB-2026-0002/status"),
                              {{"status", "accepted"}}, staff).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/ppdb/status/PPDB-2026-0002")).json().value(QLatin1String("data")).toObject()
                     .value(QLatin1String("status")).toString(), QStringLiteral("accepted"));

        auto csv = ts->get(QStringLiteral("/api/admin/ppdb/export?format=csv"), staff);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        QVERIFY(csv.body.contains("Budi Santoso") && csv.body.contains("Citra Lestari"));
        auto xlsx = ts->get(QStringLiteral("/api/admin/ppdb/export"), staff);
        QCOMPARE(xlsx.status, 200);
        QVERIFY(xlsx.header("Content-Type").contains("spreadsheetml"));
        QVERIFY(xlsx.body.startsWith("PK"));

        // Walk-in entry by staff.
        auto walk = ts->sendJson("POST", QStringLiteral("/api/admin/ppdb/registrations"), test::validRegistration(QStringLiteral("1234567892")), staff);
        QCOMPARE(walk.status, 201);
        QCOMPARE(walk.json().value(QLatin1String("data")).toObject().value(QLatin1String("source")).toString(), QStringLiteral("walkin"));
        // Other roles are refused.
        QCOMPARE(ts->get(QStringLiteral("/api/admin/ppdb/registrations"), ts->loginAs(Role::Operator)).status, 403);
    }
};

QTEST_GUILESS_MAIN(TestApiPpdb)
#include "tst_api_ppdb.moc"
