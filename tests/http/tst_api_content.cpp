// Public content and its administration over HTTP (docs/school-api.md): paging edges, filters, drafts,
// bad parameters as 400, per-role access on every admin route, images by content with ETag.
#include "ContentFixtures.h"
#include "ApiFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace tu;

class TestApiContent : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QByteArray admin;

    static QJsonObject data(const test::HttpResult &r) { return r.json().value(QLatin1String("data")).toObject(); }
    static QJsonArray items(const test::HttpResult &r) { return r.json().value(QLatin1String("data")).toArray(); }
    static QJsonObject meta(const test::HttpResult &r) { return r.json().value(QLatin1String("meta")).toObject(); }
    test::HttpResult del(const QString &path, const QByteArray &token)
    {
        return ts->request("DELETE", path, {}, {{"Authorization", "Bearer " + token}});
    }
    test::HttpResult uploadImage(const QByteArray &bytes, const QByteArray &token, const QByteArray &declared = "image/gif")
    {
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"foto.gif\"\r\nContent-Type: " + declared +
                                "\r\n\r\n" + bytes + "\r\n--B--\r\n";
        return ts->request("POST", QStringLiteral("/api/admin/media"), body,
                           {{"Content-Type", "multipart/form-data; boundary=B"}, {"Authorization", "Bearer " + token}});
    }
    QString createNews(const QString &title, const QString &status = QStringLiteral("published"), const QString &category = QStringLiteral("Kegiatan"))
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/admin/content/news"), test::newsInput(title, status, category), admin);
        return r.status == 201 ? data(r).value(QLatin1String("id")).toString() : QString();
    }

private slots:
    void init()
    {
        TU_START_SERVER_AS_ADMIN(ts, admin);
    }
    void cleanup() { ts.reset(); }

    void newsPagingAndFilters()
    {
        auto empty = ts->get(QStringLiteral("/api/public/news"));
        QCOMPARE(empty.status, 200);
        QCOMPARE(items(empty).size(), 0);
        QCOMPARE(meta(empty), (QJsonObject{{"page", 1}, {"limit", 10}, {"total", 0}, {"totalPages", 0}}));
        for (int i = 0; i < 12; ++i)
            QVERIFY(!createNews(QStringLiteral("Berita %1").arg(i), QStringLiteral("published"), i % 3 ? QStringLiteral("Kegiatan") : QStringLiteral("Prestasi")).isEmpty());
        const QString draft = createNews(QStringLiteral("Rahasia"), QStringLiteral("draft"));
        QVERIFY(!draft.isEmpty());

        auto p2 = ts->get(QStringLiteral("/api/public/news?page=2&limit=5"));
        QCOMPARE(items(p2).size(), 5);
        QCOMPARE(meta(p2), (QJsonObject{{"page", 2}, {"limit", 5}, {"total", 12}, {"totalPages", 3}}));
        auto last = ts->get(QStringLiteral("/api/public/news?page=3&limit=5"));
        QCOMPARE(items(last).size(), 2);
        auto beyond = ts->get(QStringLiteral("/api/public/news?page=9&limit=5"));
        QCOMPARE(beyond.status, 200);
        QCOMPARE(items(beyond).size(), 0);
        auto clamp = ts->get(QStringLiteral("/api/public/news?limit=1000"));
        QCOMPARE(meta(clamp).value(QLatin1String("limit")).toInt(), 100);
        QCOMPARE(items(clamp).size(), 12);
        auto prestasi = ts->get(QStringLiteral("/api/public/news?category=Prestasi"));
        QCOMPARE(meta(prestasi).value(QLatin1String("total")).toInt(), 4);
        for (const QJsonValue &v : items(clamp))
            QVERIFY(v.toObject().value(QLatin1String("title")).toString() != QStringLiteral("Rahasia"));

        QCOMPARE(ts->get(QStringLiteral("/api/public/news/") + draft).status, 404);
        QCOMPARE(ts->get(QStringLiteral("/api/public/news/00000000-0000-4000-8000-000000000000")).status, 404);
        QCOMPARE(ts->get(QStringLiteral("/api/public/news/%27%20OR%201=1--")).status, 404);
        const QString id = items(p2).first().toObject().value(QLatin1String("id")).toString();
        auto one = ts->get(QStringLiteral("/api/public/news/") + id);
        QCOMPARE(one.status, 200);
        QVERIFY(data(one).value(QLatin1String("content")).toString().startsWith(QStringLiteral("<p>Isi berita")));
        // Staff see the draft too.
        auto staff = ts->get(QStringLiteral("/api/admin/content/news?status=draft"), admin);
        QCOMPARE(meta(staff).value(QLatin1String("total")).toInt(), 1);
    }

    void badParametersAre400_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("page text") << "/api/public/news?page=abc";
        QTest::newRow("page zero") << "/api/public/news?page=0";
        QTest::newRow("limit negative") << "/api/public/teachers?limit=-5";
        QTest::newRow("limit zero") << "/api/public/facilities?limit=0";
        QTest::newRow("priority") << "/api/public/announcements?priority=urgent";
        QTest::newRow("month 13") << "/api/public/calendar?month=13&year=2025";
        QTest::newRow("month text") << "/api/public/calendar?month=Juli";
        QTest::newRow("year") << "/api/public/calendar?year=20255";
        QTest::newRow("huge page") << "/api/public/extracurricular?page=99999999999999999999";
        QTest::newRow("long category") << QStringLiteral("/api/public/news?category=") + QString(300, QLatin1Char('a'));
        QTest::newRow("admin page") << "/api/admin/content/news?page=x";
        QTest::newRow("audit area") << "/api/admin/audit?area=semua";
        QTest::newRow("audit date") << "/api/admin/audit?from=kemarin";
    }
    void badParametersAre400()
    {
        QFETCH(QString, path);
        auto r = ts->get(path, admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY(!r.json().value(QLatin1String("error")).toString().isEmpty());
    }

    void calendarAndAnnouncements()
    {
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Jakarta")).date();
        auto ev = ts->sendJson("POST", QStringLiteral("/api/admin/content/calendar"),
                               {{"title", "Ujian Tengah Semester"}, {"category", "ujian"},
                                {"startDate", today.toString(Qt::ISODate)}, {"endDate", today.addDays(2).toString(Qt::ISODate)}}, admin);
        QCOMPARE(ev.status, 201);
        auto now = ts->get(QStringLiteral("/api/public/calendar"));
        QCOMPARE(now.status, 200);
        QCOMPARE(items(now).size(), 1);
        QCOMPARE(meta(now).value(QLatin1String("month")).toInt(), today.month());
        const QDate other = today.addMonths(3);
        auto later = ts->get(QStringLiteral("/api/public/calendar?month=%1&year=%2").arg(other.month()).arg(other.year()));
        QCOMPARE(items(later).size(), 0);

        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/admin/content/announcements"),
                              {{"title", "Pembagian rapor"}, {"priority", "high"}, {"content", "Hadir pukul 08.00"},
                               {"activeFrom", today.addDays(-1).toString(Qt::ISODate)}}, admin).status, 201);
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/admin/content/announcements"),
                              {{"title", "Lama"}, {"priority", "low"}, {"content", "x"},
                               {"activeFrom", today.addDays(-9).toString(Qt::ISODate)}, {"activeUntil", today.addDays(-2).toString(Qt::ISODate)}}, admin).status, 201);
        auto active = ts->get(QStringLiteral("/api/public/announcements"));
        QCOMPARE(items(active).size(), 1);
        QCOMPARE(items(ts->get(QStringLiteral("/api/public/announcements?priority=low"))).size(), 0);
    }

    void validationErrorsLeaveDataUntouched()
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/admin/content/teachers"), {{"name", ""}, {"nip", "12"}, {"subject", "IPA"}}, admin);
        QCOMPARE(r.status, 400);
        const QJsonObject f = r.json().value(QLatin1String("fields")).toObject();
        QCOMPARE(f.value(QLatin1String("name")).toString(), QStringLiteral("Nama wajib diisi."));
        QCOMPARE(f.value(QLatin1String("nip")).toString(), QStringLiteral("NIP harus 18 angka."));
        QCOMPARE(meta(ts->get(QStringLiteral("/api/admin/content/teachers"), admin)).value(QLatin1String("total")).toInt(), 0);
        auto ok = ts->sendJson("POST", QStringLiteral("/api/admin/content/teachers"),
                               {{"name", "Dra. Sri Wahyuni"}, {"nip", "196805121994032004"}, {"subject", "Bahasa Indonesia"}}, admin);
        QCOMPARE(ok.status, 201);
        const QString id = data(ok).value(QLatin1String("id")).toString();
        auto bad = ts->sendJson("PUT", QStringLiteral("/api/admin/content/teachers/") + id, {{"nuptk", "abc"}}, admin);
        QCOMPARE(bad.status, 400);
        QVERIFY(data(ts->get(QStringLiteral("/api/admin/content/teachers/") + id, admin)).value(QLatin1String("nuptk")).isNull());
        QCOMPARE(ts->sendJson("PUT", QStringLiteral("/api/admin/content/teachers/00000000-0000-4000-8000-000000000000"), {{"name", "X"}}, admin).status, 404);
    }

    // Plain-text fields come back as typed (the frontend escapes them); the HTML body comes
    // back sanitised, and the list's excerpt is plain text.
    void sqlAndHtmlComeBackSafe()
    {
        const QString title = QStringLiteral("'; DROP TABLE news; -- <img src=x onerror=alert(1)> \"kutip\" & ampersand");
        const QString body = QStringLiteral("<script>document.cookie</script>\n1' OR '1'='1 <img src=x onerror=alert(1)><svg onload=alert(1)>"
                                            "</svg><a href=javascript:alert(1)>klik</a><b");
        auto c = ts->sendJson("POST", QStringLiteral("/api/admin/content/news"),
                              {{"title", title}, {"category", "Kegiatan"}, {"status", "published"}, {"content", body}}, admin);
        QCOMPARE(c.status, 201);
        const QString id = data(c).value(QLatin1String("id")).toString();
        auto pub = ts->get(QStringLiteral("/api/public/news/") + id);
        QCOMPARE(data(pub).value(QLatin1String("title")).toString(), title);
        QCOMPARE(data(pub).value(QLatin1String("content")).toString(),
                 QStringLiteral("\n1' OR '1'='1 <a rel=\"noopener noreferrer nofollow\">klik</a>"));
        QCOMPARE(items(ts->get(QStringLiteral("/api/public/news"))).first().toObject().value(QLatin1String("excerpt")).toString(),
                 QStringLiteral("1' OR '1'='1 klik"));
        QCOMPARE(pub.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(items(ts->get(QStringLiteral("/api/public/news"))).first().toObject().value(QLatin1String("title")).toString(), title);
    }

    // OSIS over HTTP: its items wait for approval by admin or kesiswaan (POST .../approve,
    // refused to OSIS, siswa and ppdb), its edits wait again, and other people's items are 403.
    void osisApprovalPerRole()
    {
        const QByteArray osis = ts->loginAs(Role::Osis);
        const QByteArray osis2 = ts->loginAs(Role::Osis);
        const QByteArray kesiswaan = ts->loginAs(Role::Kesiswaan);
        const QByteArray siswa = ts->loginAs(Role::Siswa);
        const QByteArray ppdb = ts->loginAs(Role::Ppdb);
        const QString base = QStringLiteral("/api/admin/content/news");
        auto c = ts->sendJson("POST", base, test::newsInput(QStringLiteral("Pentas seni")), osis);
        QCOMPARE(c.status, 201);
        const QString id = data(c).value(QLatin1String("id")).toString();
        QCOMPARE(data(c).value(QLatin1String("approved")).toBool(true), false);
        QCOMPARE(meta(ts->get(QStringLiteral("/api/public/news"))).value(QLatin1String("total")).toInt(), 0);
        QCOMPARE(ts->get(QStringLiteral("/api/public/news/") + id).status, 404);
        QCOMPARE(data(ts->get(base + QLatin1Char('/') + id, admin)).value(QLatin1String("approved")).toBool(true), false);

        const QString approve = base + QLatin1Char('/') + id + QStringLiteral("/approve");
        for (const QByteArray &token : {osis, siswa, ppdb})
            QCOMPARE(ts->sendJson("POST", approve, {}, token).status, 403);
        QCOMPARE(ts->sendJson("POST", base + QStringLiteral("/00000000-0000-4000-8000-000000000000/approve"), {}, kesiswaan).status, 404);
        auto ok = ts->sendJson("POST", approve, {}, kesiswaan);
        QCOMPARE(ok.status, 200);
        QVERIFY(data(ok).value(QLatin1String("approved")).toBool());
        QCOMPARE(meta(ts->get(QStringLiteral("/api/public/news"))).value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(ts->get(QStringLiteral("/api/public/news/") + id).status, 200);

        QCOMPARE(ts->sendJson("PUT", base + QLatin1Char('/') + id, {{"title", "Pentas seni 2026"}}, osis).status, 200);
        QCOMPARE(meta(ts->get(QStringLiteral("/api/public/news"))).value(QLatin1String("total")).toInt(), 0);
        QCOMPARE(ts->sendJson("POST", approve, {}, admin).status, 200);
        QCOMPARE(meta(ts->get(QStringLiteral("/api/public/news"))).value(QLatin1String("total")).toInt(), 1);

        QCOMPARE(ts->sendJson("PUT", base + QLatin1Char('/') + id, {{"title", "Dibajak"}}, osis2).status, 403);
        QCOMPARE(del(base + QLatin1Char('/') + id, osis2).status, 403);
        const QString staffNews = createNews(QStringLiteral("Dari admin"));
        QCOMPARE(ts->sendJson("PUT", base + QLatin1Char('/') + staffNews, {{"title", "Dibajak"}}, osis).status, 403);
        QCOMPARE(del(base + QLatin1Char('/') + staffNews, osis).status, 403);
        QCOMPARE(del(base + QLatin1Char('/') + id, osis).status, 200);
        // Staff-only types have no approve route at all.
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/admin/content/teachers/") + id + QStringLiteral("/approve"), {}, admin).status, 404);
        auto audit = ts->get(QStringLiteral("/api/admin/audit?limit=100"), admin);
        QVERIFY(audit.body.contains("\"approve\""));
    }

    void rolesPerContentType()
    {
        const QByteArray kesiswaan = ts->loginAs(Role::Kesiswaan);
        const QByteArray osis = ts->loginAs(Role::Osis);
        const QByteArray siswa = ts->loginAs(Role::Siswa);
        const QByteArray ppdb = ts->loginAs(Role::Ppdb);
        const QHash<QString, QJsonObject> valid{
            {"news", test::newsInput(QStringLiteral("Lomba"))},
            {"announcements", {{"title", "A"}, {"priority", "low"}, {"content", "x"}, {"activeFrom", "2025-01-01"}}},
            {"calendar", {{"title", "A"}, {"category", "libur"}, {"startDate", "2025-01-01"}, {"endDate", "2025-01-01"}}},
            {"teachers", {{"name", "A"}, {"subject", "IPA"}}},
            {"facilities", {{"name", "A"}, {"description", "B"}}},
            {"extracurricular", {{"name", "A"}, {"description", "B"}}},
        };
        for (const ContentType &t : content::types()) {
            const QString base = QStringLiteral("/api/admin/content/") + t.name;
            const bool osisMay = t.name == QLatin1String("news") || t.name == QLatin1String("announcements") || t.name == QLatin1String("extracurricular");
            for (const auto &[token, expected] : {std::pair{kesiswaan, 201}, std::pair{osis, osisMay ? 201 : 403},
                                                  std::pair{siswa, 403}, std::pair{ppdb, 403}}) {
                auto r = ts->sendJson("POST", base, valid.value(t.name), token);
                QVERIFY2(r.status == expected, qPrintable(t.name + QStringLiteral(": ") + QString::number(r.status)));
                if (r.status == 201) {
                    const QString id = data(r).value(QLatin1String("id")).toString();
                    QCOMPARE(ts->sendJson("PUT", base + QLatin1Char('/') + id, {{"title", "B"}, {"name", "B"}}, token).status, 200);
                    QCOMPARE(del(base + QLatin1Char('/') + id, token).status, 200);
                }
                QCOMPARE(ts->get(base, token).status, expected == 201 ? 200 : 403);
            }
        }
    }

    void imagesByContentWithCaching()
    {
        const QByteArray png = test::imageBytes("PNG", 800, 600);
        auto up = uploadImage(png, admin); // declared image/gif, named .gif: content decides
        QCOMPARE(up.status, 201);
        const QJsonObject m = data(up);
        QCOMPARE(m.value(QLatin1String("mime")).toString(), QStringLiteral("image/png"));
        const QString url = m.value(QLatin1String("url")).toString();
        QVERIFY(url.startsWith(QStringLiteral("/api/media/")));

        auto full = ts->get(url);
        QCOMPARE(full.status, 200);
        QCOMPARE(full.body, png);
        QCOMPARE(full.header("Content-Type"), QByteArray("image/png"));
        const QByteArray etag = full.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.size() == 66);
        QVERIFY(full.header("Cache-Control").contains("max-age"));
        auto again = ts->request("GET", url, {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        auto thumb = ts->get(m.value(QLatin1String("thumbUrl")).toString());
        QCOMPARE(thumb.status, 200);
        QCOMPARE(QImage::fromData(thumb.body).width(), 480);
        QCOMPARE(ts->get(QStringLiteral("/api/media/00000000-0000-4000-8000-000000000000")).status, 404);

        // The image shows up in the news list as the small copy, in the article as the original.
        QJsonObject in = test::newsInput(QStringLiteral("Dengan gambar"));
        in.insert(QStringLiteral("image"), url);
        auto n = ts->sendJson("POST", QStringLiteral("/api/admin/content/news"), in, admin);
        QCOMPARE(n.status, 201);
        QCOMPARE(items(ts->get(QStringLiteral("/api/public/news"))).first().toObject().value(QLatin1String("image")).toString(),
                 m.value(QLatin1String("thumbUrl")).toString());
        QCOMPARE(data(ts->get(QStringLiteral("/api/public/news/") + data(n).value(QLatin1String("id")).toString())).value(QLatin1String("image")).toString(), url);

        QCOMPARE(uploadImage("GIF89a\x01\x00\x01\x00", admin).status, 415);
        QCOMPARE(uploadImage("<?php echo 1; ?>", admin, "image/png").status, 415);
        QCOMPARE(uploadImage(png, ts->loginAs(Role::Siswa)).status, 403);
        QCOMPARE(uploadImage(png, ts->loginAs(Role::Osis)).status, 201);
        QByteArray big = png;
        big.append(QByteArray(5 * 1024 * 1024, '\0'));
        QCOMPARE(uploadImage(big, admin).status, 413);
    }
};

QTEST_MAIN(TestApiContent)
#include "tst_api_content.moc"
