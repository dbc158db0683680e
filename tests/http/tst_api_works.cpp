// Student works and the audit log over HTTP: two students never see each other's works, staff
// see and feature all, files by content; every mutation in the program leaves an audit entry.
#include "ContentFixtures.h"
#include "PpdbFixtures.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace tu;

class TestApiWorks : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QByteArray admin;

    static QJsonObject data(const test::HttpResult &r) { return r.json().value(QLatin1String("data")).toObject(); }
    static QJsonArray items(const test::HttpResult &r) { return r.json().value(QLatin1String("data")).toArray(); }
    test::HttpResult submitFile(const QByteArray &token, const QString &title, const QByteArray &bytes)
    {
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title.toUtf8() +
                                "\r\n--B\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\ntulisan"
                                "\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"karya.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
                                bytes + "\r\n--B--\r\n";
        return ts->request("POST", QStringLiteral("/api/student/works"), body,
                           {{"Content-Type", "multipart/form-data; boundary=B"}, {"Authorization", "Bearer " + token}});
    }
    qint64 auditCount(const QString &area = {})
    {
        auto r = ts->get(QStringLiteral("/api/admin/audit?limit=1") + (area.isEmpty() ? QString() : QStringLiteral("&area=") + area), admin);
        return r.json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInteger();
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        admin = ts->adminToken();
    }
    void cleanup() { ts.reset(); }

    void twoStudents()
    {
        const QByteArray ani = ts->loginAs(Role::Siswa);
        const QByteArray budi = ts->loginAs(Role::Siswa);
        auto a = ts->sendJson("POST", QStringLiteral("/api/student/works"),
                              {{"title", "Cerpen Senja"}, {"category", "tulisan"}, {"description", "Cerita pendek"}}, ani);
        QCOMPARE(a.status, 201);
        const QString aId = data(a).value(QLatin1String("id")).toString();
        auto b = submitFile(budi, QStringLiteral("Makalah Energi"), "%PDF-1.4\n%%EOF\n");
        QCOMPARE(b.status, 201);
        const QString bId = data(b).value(QLatin1String("id")).toString();
        QCOMPARE(data(b).value(QLatin1String("file")).toObject().value(QLatin1String("mime")).toString(), QStringLiteral("application/pdf"));

        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works"), ani)).size(), 1);
        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works"), ani)).first().toObject().value(QLatin1String("id")).toString(), aId);
        QCOMPARE(ts->get(QStringLiteral("/api/student/works/") + bId, ani).status, 404);
        QCOMPARE(ts->get(QStringLiteral("/api/student/works/") + bId + QStringLiteral("/file"), ani).status, 404);
        QCOMPARE(ts->request("DELETE", QStringLiteral("/api/student/works/") + bId, {}, {{"Authorization", "Bearer " + ani}}).status, 404);
        auto own = ts->get(QStringLiteral("/api/student/works/") + bId + QStringLiteral("/file"), budi);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.body, QByteArray("%PDF-1.4\n%%EOF\n"));

        const QByteArray kesiswaan = ts->loginAs(Role::Kesiswaan);
        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works"), kesiswaan)).size(), 2);
        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works?category=tulisan&q=energi"), admin)).size(), 1);
        auto feat = ts->sendJson("PATCH", QStringLiteral("/api/student/works/") + aId, {{"featured", true}}, kesiswaan);
        QCOMPARE(feat.status, 200);
        QVERIFY(data(feat).value(QLatin1String("featured")).toBool());
        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works?featured=true"), admin)).size(), 1);
        QCOMPARE(ts->get(QStringLiteral("/api/student/works?featured=maybe"), admin).status, 400);
        QCOMPARE(ts->sendJson("PATCH", QStringLiteral("/api/student/works/") + aId, {{"featured", "ya"}}, kesiswaan).status, 400);
        QCOMPARE(ts->sendJson("PATCH", QStringLiteral("/api/student/works/") + aId, {{"featured", false}}, ani).status, 403);
        QCOMPARE(ts->request("DELETE", QStringLiteral("/api/student/works/") + aId, {}, {{"Authorization", "Bearer " + ani}}).status, 409);
    }

    void submissionsUseTheUploadScopeAndTheDiskReserve()
    {
        ts = std::make_unique<test::TestServer>(QStringLiteral("upload=2"));
        const QByteArray siswa = ts->loginAs(Role::Siswa);
        QCOMPARE(submitFile(siswa, QStringLiteral("Satu"), "%PDF-1.4\n%%EOF\n").status, 201);
        QCOMPARE(submitFile(siswa, QStringLiteral("Dua"), "%PDF-1.4\n%%EOF\n").status, 201);
        auto limited = submitFile(siswa, QStringLiteral("Tiga"), "%PDF-1.4\n%%EOF\n");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json().value(QLatin1String("code")).toString(), QStringLiteral("RATE_LIMITED"));
        QVERIFY(limited.header("Retry-After").toInt() > 60); // the hour-long upload window

        ts = std::make_unique<test::TestServer>();
        TU_VERIFY_OK(ts->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        auto full = submitFile(ts->loginAs(Role::Siswa), QStringLiteral("Makalah"), "%PDF-1.4\n%%EOF\n");
        QCOMPARE(full.status, 507);
        QCOMPARE(full.json().value(QLatin1String("code")).toString(), QStringLiteral("INSUFFICIENT_STORAGE"));
        QVERIFY(full.json().value(QLatin1String("error")).toString().contains(QStringLiteral("Ruang penyimpanan server hampir penuh")));
    }

    void onlyStudentsSubmitAndFilesAreChecked()
    {
        const QByteArray siswa = ts->loginAs(Role::Siswa);
        for (Role r : {Role::Admin, Role::Kesiswaan, Role::Osis, Role::Ppdb, Role::Operator})
            QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/student/works"), {{"title", "X"}, {"category", "seni"}, {"description", "y"}},
                                  r == Role::Admin ? admin : ts->loginAs(r)).status, 403);
        QCOMPARE(ts->get(QStringLiteral("/api/student/works"), ts->loginAs(Role::Osis)).status, 403);
        QCOMPARE(submitFile(siswa, QStringLiteral("Virus"), "MZ\x90\x00this is not a pdf").status, 415);
        QByteArray big("%PDF-");
        big.append(QByteArray(5 * 1024 * 1024, 'x'));
        QCOMPARE(submitFile(siswa, QStringLiteral("Besar"), big).status, 413);
        auto bad = ts->sendJson("POST", QStringLiteral("/api/student/works"), {{"title", ""}, {"category", "masak"}}, siswa);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().value(QLatin1String("fields")).toObject().contains(QLatin1String("category")));
        QCOMPARE(items(ts->get(QStringLiteral("/api/student/works"), admin)).size(), 0);
    }

    // One mutation of every kind the program has so far: each adds entries to the audit log
    // under its area, with who did it.
    void everyMutationIsAudited()
    {
        QVERIFY(test::openRegistration(*ts->core.core));
        struct Step { const char *area; std::function<int()> act; int expected; };
        QString userId, newsId, yearId, regId;
        const QList<Step> steps{
            {"users", [&] { auto r = ts->sendJson("POST", QStringLiteral("/api/admin/users"), {{"username", "guru.bk"}, {"name", "Bu Tari"}, {"role", "kesiswaan"}, {"password", "Sandi-Kuat-1"}}, admin);
                           userId = data(r).value(QLatin1String("id")).toString(); return r.status; }, 201},
            {"users", [&] { return ts->sendJson("PUT", QStringLiteral("/api/admin/users/") + userId, {{"name", "Ibu Tari"}}, admin).status; }, 200},
            {"content", [&] { auto r = ts->sendJson("POST", QStringLiteral("/api/admin/content/news"), test::newsInput(QStringLiteral("A")), admin);
                             newsId = data(r).value(QLatin1String("id")).toString(); return r.status; }, 201},
            {"content", [&] { return ts->sendJson("PUT", QStringLiteral("/api/admin/content/news/") + newsId, {{"status", "draft"}}, admin).status; }, 200},
            {"content", [&] { return ts->request("DELETE", QStringLiteral("/api/admin/content/news/") + newsId, {}, {{"Authorization", "Bearer " + admin}}).status; }, 200},
            {"ppdb", [&] { auto r = ts->sendJson("POST", QStringLiteral("/api/ppdb/register"), test::validRegistration(QStringLiteral("0012345678")));
                          regId = data(r).value(QLatin1String("registrationId")).toString(); return r.status; }, 201},
            {"ppdb", [&] { return ts->sendJson("PATCH", QStringLiteral("/api/admin/ppdb/registrations/") + regId + QStringLiteral("/status"), {{"status", "verified"}}, admin).status; }, 200},
            {"tahun_ajaran", [&] { auto r = ts->sendJson("POST", QStringLiteral("/admin/pendaftaran/master/tahun-ajaran/store"),
                                                        {{"tahun_ajaran", "2030/2031"}, {"periode_awal_pendaftaran", "2030-05-01"}, {"periode_akhir_pendaftaran", "2030-06-01"}, {"sts_aktif", 2}}, admin);
                                  yearId = data(r).value(QLatin1String("id_tahun_ajaran")).toString(); return r.status; }, 200},
            {"tahun_ajaran", [&] { return ts->sendJson("POST", QStringLiteral("/admin/pendaftaran/master/tahun-ajaran/delete"), {{"id_tahun_ajaran", yearId}}, admin).status; }, 200},
            {"student_works", [&] { return ts->sendJson("POST", QStringLiteral("/api/student/works"), {{"title", "Puisi"}, {"category", "tulisan"}, {"description", "x"}}, ts->loginAs(Role::Siswa)).status; }, 201},
            {"users", [&] { return ts->request("DELETE", QStringLiteral("/api/admin/users/") + userId, {}, {{"Authorization", "Bearer " + admin}}).status; }, 200},
        };
        for (const Step &s : steps) {
            const qint64 before = auditCount(QLatin1String(s.area));
            const int status = s.act();
            QVERIFY2(status == s.expected, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(s.area)).arg(status)));
            QVERIFY2(auditCount(QLatin1String(s.area)) > before, s.area);
        }
        // Who, when, what, target, before/after.
        auto log = ts->get(QStringLiteral("/api/admin/audit?area=users&limit=1"), admin);
        const QJsonObject e = items(log).first().toObject();
        QCOMPARE(e.value(QLatin1String("action")).toString(), QStringLiteral("delete"));
        QCOMPARE(e.value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        QCOMPARE(e.value(QLatin1String("entityId")).toString(), userId);
        QCOMPARE(e.value(QLatin1String("before")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Ibu Tari"));
        QVERIFY(e.value(QLatin1String("at")).toString().endsWith(QLatin1Char('Z')));
        // Admin only.
        QCOMPARE(ts->get(QStringLiteral("/api/admin/audit"), ts->loginAs(Role::Kesiswaan)).status, 403);
    }
};

QTEST_MAIN(TestApiWorks)
#include "tst_api_works.moc"
