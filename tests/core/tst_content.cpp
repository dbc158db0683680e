// School content at the service level (docs/school-api.md): validation per type, verbatim text, drafts and
// schedules, "active now", calendar months, paging, roles and the audit trail, on both databases.
#include "CoreSuite.h"
#include "ContentFixtures.h"
#include "TestSupport.h"
#include "content/Html.h"

#include <QTest>

using namespace tu;

class TestContent : public test::CoreSuite
{
    Q_OBJECT
    Actor admin;
    QDateTime clock = QDateTime(QDate(2025, 7, 14), QTime(2, 0), Qt::UTC); // 09:00 WIB
    ContentService &svc() { return tc->core->content(); }
    const ContentType &type(const char *name) { return *content::type(QLatin1String(name)); }
    qint64 count(const char *name) { return svc().list(type(name), {}).value().total; }
    qint64 audits(const QString &entity) { return tc->core->audit().recent(1000, entity).value().size(); }

    void prepare() override
    {
        const User u = tc->createUser(QStringLiteral("kesiswaan1"), Role::Kesiswaan);
        admin = test::actorOf(u.id, u.username, Role::Kesiswaan);
        clock = QDateTime(QDate(2025, 7, 14), QTime(2, 0), Qt::UTC);
        svc().setClock([this] { return clock; });
    }

private slots:
    void validationPerType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("news title required") << "news" << QJsonObject{{"category", "A"}, {"status", "draft"}, {"content", "x"}} << "title" << "Judul wajib diisi.";
        QTest::newRow("news status option") << "news" << QJsonObject{{"title", "A"}, {"category", "A"}, {"status", "terbit"}, {"content", "x"}} << "status" << "Status harus salah satu dari: draft, published.";
        QTest::newRow("news title length") << "news" << QJsonObject{{"title", QString(201, QLatin1Char('a'))}, {"category", "A"}, {"status", "draft"}, {"content", "x"}} << "title" << "Judul paling banyak 200 karakter.";
        QTest::newRow("news title not text") << "news" << QJsonObject{{"title", 12}, {"category", "A"}, {"status", "draft"}, {"content", "x"}} << "title" << "Judul harus berupa teks.";
        QTest::newRow("news control chars") << "news" << QJsonObject{{"title", "A\u0007B"}, {"category", "A"}, {"status", "draft"}, {"content", "x"}} << "title" << "Judul mengandung karakter yang tidak diizinkan.";
        QTest::newRow("news bad publishedAt") << "news" << QJsonObject{{"title", "A"}, {"category", "A"}, {"status", "draft"}, {"content", "x"}, {"publishedAt", "kemarin"}} << "publishedAt" << "Waktu terbit harus tanggal dan jam yang benar (mis. 2025-07-14T07:00:00+07:00).";
        QTest::newRow("news unknown image") << "news" << QJsonObject{{"title", "A"}, {"category", "A"}, {"status", "draft"}, {"content", "x"}, {"image", "00000000-0000-4000-8000-000000000000"}} << "image" << "Gambar tidak ditemukan. Unggah gambar terlebih dahulu.";
        QTest::newRow("announcement until before from") << "announcements" << QJsonObject{{"title", "A"}, {"priority", "high"}, {"content", "x"}, {"activeFrom", "2025-07-10"}, {"activeUntil", "2025-07-09"}} << "activeUntil" << "Tampil sampai harus sesudah Tampil mulai.";
        QTest::newRow("announcement priority") << "announcements" << QJsonObject{{"title", "A"}, {"priority", "urgent"}, {"content", "x"}, {"activeFrom", "2025-07-10"}} << "priority" << "Prioritas harus salah satu dari: low, medium, high.";
        QTest::newRow("calendar end before start") << "calendar" << QJsonObject{{"title", "UTS"}, {"category", "ujian"}, {"startDate", "2025-09-10"}, {"endDate", "2025-09-09"}} << "endDate" << "Tanggal selesai tidak boleh sebelum tanggal mulai.";
        QTest::newRow("calendar impossible date") << "calendar" << QJsonObject{{"title", "UTS"}, {"category", "ujian"}, {"startDate", "2025-02-30"}, {"endDate", "2025-03-01"}} << "startDate" << "Tanggal mulai harus tanggal yang benar (format TTTT-BB-HH).";
        QTest::newRow("teacher nip digits") << "teachers" << QJsonObject{{"name", "Bu Rina"}, {"subject", "IPA"}, {"nip", "19800101 200501 2 003"}} << "nip" << "NIP harus 18 angka.";
        QTest::newRow("teacher nuptk digits") << "teachers" << QJsonObject{{"name", "Bu Rina"}, {"subject", "IPA"}, {"nuptk", "123"}} << "nuptk" << "NUPTK harus 16 angka.";
        QTest::newRow("facility description") << "facilities" << QJsonObject{{"name", "Lab IPA"}} << "description" << "Deskripsi wajib diisi.";
        QTest::newRow("extracurricular name") << "extracurricular" << QJsonObject{{"description", "Pramuka"}} << "name" << "Nama wajib diisi.";
    }
    void validationPerType()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, input);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const ContentType &t = *content::type(type);
        auto r = svc().create(admin, t, input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QCOMPARE(r.error().fields.value(field), message);
        QCOMPARE(svc().list(t, {}).value().total, 0); // nothing stored
        QCOMPARE(audits(t.entity), 0);
    }

    // Plain-text fields keep what was typed (SQL-looking text included); the news body is HTML
    // and keeps only the allow-list, its text and whitespace untouched.
    void textIsStoredVerbatim()
    {
        const QString title = QStringLiteral("Robert'); DROP TABLE news;-- <script>alert(\"x\")</script> & 100%_");
        const QString body = QStringLiteral("<p onclick=\"x()\">Baris 1</p>\n\t'; DELETE FROM users; --\n  spasi  ganda  ");
        auto r = svc().create(admin, type("news"), {{"title", title}, {"category", "Kegiatan"}, {"status", "published"}, {"content", body}});
        TU_VERIFY_OK(r);
        auto back = svc().get(type("news"), r->value(QLatin1String("id")).toString());
        QCOMPARE(back->value(QLatin1String("title")).toString(), title);
        QCOMPARE(back->value(QLatin1String("content")).toString(), QStringLiteral("<p>Baris 1</p>\n\t'; DELETE FROM users; --\n  spasi  ganda  "));
        // Search with LIKE wildcards takes them literally.
        ContentFilter f;
        f.q = QStringLiteral("100%_");
        QCOMPARE(svc().list(type("news"), f)->total, 1);
        f.q = QStringLiteral("%");
        QCOMPARE(svc().list(type("news"), f)->total, 1);
        f.q = QStringLiteral("_x_");
        QCOMPARE(svc().list(type("news"), f)->total, 0);
        QCOMPARE(tc->core->users().count().value(), 2); // the users table is still there
    }

    void draftsAndSchedulesStayPrivate()
    {
        const ContentType &news = type("news");
        auto pub = svc().create(admin, news, test::newsInput(QStringLiteral("Terbit")));
        auto draft = svc().create(admin, news, test::newsInput(QStringLiteral("Draf"), QStringLiteral("draft")));
        QJsonObject later = test::newsInput(QStringLiteral("Nanti"));
        later.insert(QStringLiteral("publishedAt"), QStringLiteral("2025-07-20T07:00:00+07:00"));
        auto scheduled = svc().create(admin, news, later);
        QVERIFY(pub.ok() && draft.ok() && scheduled.ok());
        QCOMPARE(pub->value(QLatin1String("publishedAt")).toString(), QStringLiteral("2025-07-14T02:00:00.000Z")); // defaulted to now
        QVERIFY(draft->value(QLatin1String("publishedAt")).isNull());
        QCOMPARE(scheduled->value(QLatin1String("publishedAt")).toString(), QStringLiteral("2025-07-20T00:00:00.000Z"));

        auto visible = svc().publicList(news, {});
        QCOMPARE(visible->total, 1);
        const QJsonObject item = visible->items.first().toObject();
        QCOMPARE(item.value(QLatin1String("title")).toString(), QStringLiteral("Terbit"));
        QCOMPARE(QStringList(item.keys()), (QStringList{"category", "excerpt", "id", "image", "publishedAt", "title"}));
        QCOMPARE(item.value(QLatin1String("excerpt")).toString(), QStringLiteral("Isi berita Terbit untuk warga sekolah."));
        QCOMPARE(svc().publicItem(*content::type(QStringLiteral("news")), draft->value(QLatin1String("id")).toString()).error().code, ErrorCode::NotFound);
        QCOMPARE(svc().publicItem(*content::type(QStringLiteral("news")), scheduled->value(QLatin1String("id")).toString()).error().code, ErrorCode::NotFound);
        QVERIFY(svc().publicItem(*content::type(QStringLiteral("news")), pub->value(QLatin1String("id")).toString()).ok());

        clock = QDateTime(QDate(2025, 7, 20), QTime(0, 0), Qt::UTC);
        QCOMPARE(svc().publicList(news, {})->total, 2); // the schedule arrived

        // Publish and unpublish from the desktop.
        QVERIFY(svc().setPublished(admin, draft->value(QLatin1String("id")).toString(), true).ok());
        QCOMPARE(svc().publicList(news, {})->total, 3);
        QVERIFY(svc().setPublished(admin, pub->value(QLatin1String("id")).toString(), false).ok());
        QCOMPARE(svc().publicList(news, {})->total, 2);
        ContentFilter cat;
        cat.category = QStringLiteral("Prestasi");
        QCOMPARE(svc().publicList(news, cat)->total, 0);
    }

    void announcementsActiveNow()
    {
        const ContentType &a = type("announcements");
        auto mk = [&](const char *title, const char *prio, const char *from, const QJsonValue &until) {
            return svc().create(admin, a, {{"title", title}, {"priority", prio}, {"content", "x"}, {"activeFrom", from}, {"activeUntil", until}}).ok();
        };
        QVERIFY(mk("Libur", "low", "2025-07-01", QJsonValue::Null));
        QVERIFY(mk("Rapat wali", "high", "2025-07-10", "2025-07-14")); // until end of the 14th, school time
        QVERIFY(mk("Kedaluwarsa", "high", "2025-07-01", "2025-07-13"));
        QVERIFY(mk("Belum", "medium", "2025-07-15", QJsonValue::Null));
        auto now = svc().publicList(a, {});
        QCOMPARE(now->total, 2);
        QCOMPARE(now->items.at(0).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Rapat wali")); // high first
        ContentFilter high;
        high.priority = QStringLiteral("high");
        QCOMPARE(svc().publicList(a, high)->total, 1);
        high.priority = QStringLiteral("urgent");
        QCOMPARE(svc().publicList(a, high).error().code, ErrorCode::Validation);
        clock = QDateTime(QDate(2025, 7, 14), QTime(17, 30), Qt::UTC); // 00:30 WIB on the 15th
        QCOMPARE(svc().publicList(a, {})->total, 2); // Rapat wali ended, Belum began
    }

    void calendarMonths()
    {
        const ContentType &c = type("calendar");
        auto mk = [&](const char *title, const char *from, const char *to) {
            return svc().create(admin, c, {{"title", title}, {"category", "kegiatan"}, {"startDate", from}, {"endDate", to}}).ok();
        };
        QVERIFY(mk("MPLS", "2025-07-14", "2025-07-16"));
        QVERIFY(mk("Libur semester", "2025-06-23", "2025-07-12")); // overlaps June and July
        QVERIFY(mk("HUT RI", "2025-08-17", "2025-08-17"));
        QVERIFY(mk("Satu hari akhir Juli", "2025-07-31", "2025-07-31"));
        auto july = svc().publicCalendar(QStringLiteral("2025"), QStringLiteral("7"));
        QCOMPARE(july->events.size(), 3);
        QCOMPARE(july->events.first().toObject().value(QLatin1String("title")).toString(), QStringLiteral("Libur semester"));
        QCOMPARE(svc().publicCalendar(QStringLiteral("2025"), QStringLiteral("6"))->events.size(), 1);
        QCOMPARE(svc().publicCalendar(QStringLiteral("2025"), QStringLiteral("8"))->events.size(), 1);
        // Default month is the school's: 31 July 18:00 UTC is already 1 August in Jakarta.
        clock = QDateTime(QDate(2025, 7, 31), QTime(18, 0), Qt::UTC);
        auto def = svc().publicCalendar({}, {});
        QCOMPARE(def->month, 8);
        QCOMPARE(def->year, 2025);
        for (const char *bad : {"0", "13", "x", "7.5"})
            QCOMPARE(svc().publicCalendar(QStringLiteral("2025"), QLatin1String(bad)).error().code, ErrorCode::Validation);
        QCOMPARE(svc().publicCalendar(QStringLiteral("99999"), QStringLiteral("1")).error().code, ErrorCode::Validation);
    }

    void pagingEdges()
    {
        const ContentType &t = type("teachers");
        ContentFilter f;
        auto empty = svc().publicList(t, f);
        QCOMPARE(empty->total, 0);
        QCOMPARE(empty->items.size(), 0);
        QCOMPARE(empty->meta().value(QLatin1String("totalPages")).toInt(), 0);
        for (int i = 0; i < 23; ++i)
            QVERIFY(svc().create(admin, t, {{"name", QStringLiteral("Guru %1").arg(i, 2, 10, QLatin1Char('0'))}, {"subject", "IPA"}}).ok());
        f.page = PageRequest::parse(QStringLiteral("3"), QStringLiteral("10")).value();
        auto last = svc().publicList(t, f);
        QCOMPARE(last->items.size(), 3);
        QCOMPARE(last->items.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("Guru 20"));
        QCOMPARE(last->meta(), (QJsonObject{{"page", 3}, {"limit", 10}, {"total", 23}, {"totalPages", 3}}));
        f.page = PageRequest::parse(QStringLiteral("4"), {}).value();
        QCOMPARE(svc().publicList(t, f)->items.size(), 0);
        QCOMPARE(PageRequest::parse({}, QStringLiteral("1000"))->limit, 100);
        QCOMPARE(PageRequest::parse({}, {})->limit, 10);
        for (const char *bad : {"0", "-1", "abc", "1e3"})
            QVERIFY2(!PageRequest::parse(QLatin1String(bad), {}).ok(), bad);
        QVERIFY(!PageRequest::parse({}, QStringLiteral("0")).ok());
    }

    void updateKeepsAbsentKeysAndAudits()
    {
        const ContentType &t = type("extracurricular");
        auto c = svc().create(admin, t, {{"name", "Pramuka"}, {"description", "Gerakan pramuka"}, {"coach", "Pak Joko"}});
        QVERIFY(c.ok());
        const QString id = c->value(QLatin1String("id")).toString();
        auto u = svc().update(admin, t, id, {{"schedule", "Jumat 14.00"}});
        QVERIFY(u.ok());
        QCOMPARE(u->value(QLatin1String("coach")).toString(), QStringLiteral("Pak Joko"));
        QCOMPARE(u->value(QLatin1String("schedule")).toString(), QStringLiteral("Jumat 14.00"));
        auto bad = svc().update(admin, t, id, {{"name", ""}});
        QCOMPARE(bad.error().fields.value(QStringLiteral("name")), QStringLiteral("Nama wajib diisi."));
        QCOMPARE(svc().get(t, id)->value(QLatin1String("name")).toString(), QStringLiteral("Pramuka"));
        QVERIFY(svc().remove(admin, t, id).ok());
        QCOMPARE(svc().get(t, id).error().code, ErrorCode::NotFound);
        QCOMPARE(svc().remove(admin, t, id).error().code, ErrorCode::NotFound);

        const auto entries = tc->core->audit().recent(10, t.entity, id).value();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).action, QStringLiteral("delete"));
        QCOMPARE(entries.at(0).before.value(QLatin1String("schedule")).toString(), QStringLiteral("Jumat 14.00"));
        QCOMPARE(entries.at(1).action, QStringLiteral("update"));
        QVERIFY(entries.at(1).before.value(QLatin1String("schedule")).isNull());
        QCOMPARE(entries.at(1).after.value(QLatin1String("schedule")).toString(), QStringLiteral("Jumat 14.00"));
        QCOMPARE(entries.at(2).action, QStringLiteral("create"));
        QCOMPARE(entries.at(2).username, QStringLiteral("kesiswaan1"));
    }

    // Public lists are kept for a few seconds; changes through the service show at once,
    // changes by another process sharing the database within PublicCacheMs.
    void publicListCache()
    {
        const ContentType &news = type("news");
        auto a = svc().create(admin, news, test::newsInput(QStringLiteral("Satu")));
        QCOMPARE(svc().publicList(news, {})->total, 1);
        QVERIFY(svc().create(admin, news, test::newsInput(QStringLiteral("Dua"))).ok());
        QCOMPARE(svc().publicList(news, {})->total, 2); // own change: at once
        QVERIFY(tc->core->db().exec(QStringLiteral("UPDATE news SET status = 'draft'")).ok()); // "another process"
        QCOMPARE(svc().publicList(news, {})->total, 2);
        clock = clock.addMSecs(ContentService::PublicCacheMs);
        QCOMPARE(svc().publicList(news, {})->total, 0);
        QVERIFY(svc().setPublished(admin, a->value(QLatin1String("id")).toString(), true).ok());
        QCOMPARE(svc().publicList(news, {})->total, 1);
    }

    // Both HTML bodies are sanitised on save and the excerpt is stored as plain text (the
    // sanitiser's cases are in tst_html); one database for all payloads.
    void htmlIsSanitisedOnSave()
    {
        const QStringList payloads{QStringLiteral("<script>alert(1)</script><p>ok</p>"), QStringLiteral("<img src=x onerror=alert(1)>"),
                                   QStringLiteral("<a href=\"javascript:alert(1)\">klik</a>"), QStringLiteral("<svg onload=alert(1)>x</svg>"),
                                   QStringLiteral("<p>aman <b"), QStringLiteral("&lt;script&gt; &#60;b&#62;"), QStringLiteral("<scr<script>ipt>alert(1)</script>")};
        for (const QString &p : payloads) {
            const QString body = QStringLiteral("<p>sisa</p>") + p;
            auto a = svc().create(admin, type("announcements"), {{"title", "A"}, {"priority", "low"}, {"activeFrom", "2025-07-01"}, {"content", body}});
            TU_VERIFY_OK(a);
            QJsonObject in = test::newsInput(QStringLiteral("Berita"));
            in.insert(QStringLiteral("content"), body);
            in.insert(QStringLiteral("excerpt"), p + QStringLiteral(" ringkas"));
            auto n = svc().create(admin, type("news"), in);
            TU_VERIFY_OK(n);
            const QString stored = svc().get(type("announcements"), a->value(QLatin1String("id")).toString())->value(QLatin1String("content")).toString();
            QCOMPARE(stored, html::sanitize(body));
            const QJsonObject news = svc().get(type("news"), n->value(QLatin1String("id")).toString()).value();
            QCOMPARE(news.value(QLatin1String("content")).toString(), html::sanitize(body));
            QCOMPARE(news.value(QLatin1String("excerpt")).toString(), html::toPlainText(p + QStringLiteral(" ringkas")));
            for (const QString &v : {stored, news.value(QLatin1String("content")).toString()}) {
                QVERIFY2(!v.contains(QStringLiteral("<script"), Qt::CaseInsensitive) && !v.contains(QStringLiteral("onerror"))
                             && !v.contains(QStringLiteral("javascript:")) && !v.contains(QStringLiteral("<svg")) && !v.contains(QStringLiteral("<b")),
                         qPrintable(v));
            }
        }
        // The public list's excerpt, computed from the body, is plain text as well.
        QJsonObject in = test::newsInput(QStringLiteral("Tanpa ringkasan"));
        in.insert(QStringLiteral("content"), QStringLiteral("<p>Halo <b>semua</b> &amp; selamat</p><b"));
        TU_VERIFY_OK(svc().create(admin, type("news"), in));
        ContentFilter f;
        f.page.limit = 100;
        bool seen = false;
        const auto list = svc().publicList(type("news"), f); // a named result: its items outlive the loop
        for (const QJsonValue &v : list->items)
            if (v.toObject().value(QLatin1String("title")).toString() == QLatin1String("Tanpa ringkasan")) {
                QCOMPARE(v.toObject().value(QLatin1String("excerpt")).toString(), QStringLiteral("Halo semua & selamat"));
                seen = true;
            }
        QVERIFY(seen);
    }

    // OSIS: own items only, and nothing public before admin or kesiswaan approves.
    void osisItemsNeedApproval()
    {
        const ContentType &news = type("news");
        const Actor osis = test::actorOf(QStringLiteral("o1"), QStringLiteral("osis1"), Role::Osis);
        const Actor otherOsis = test::actorOf(QStringLiteral("o2"), QStringLiteral("osis2"), Role::Osis);
        auto staffItem = svc().create(admin, news, test::newsInput(QStringLiteral("Dari kesiswaan")));
        TU_VERIFY_OK(staffItem);
        QVERIFY(staffItem->value(QLatin1String("approved")).toBool());
        auto mine = svc().create(osis, news, test::newsInput(QStringLiteral("Class meeting")));
        TU_VERIFY_OK(mine);
        const QString id = mine->value(QLatin1String("id")).toString();
        QVERIFY(!mine->value(QLatin1String("approved")).toBool());
        QCOMPARE(svc().publicList(news, {})->total, 1);
        QCOMPARE(svc().publicItem(*content::type(QStringLiteral("news")), id).error().code, ErrorCode::NotFound);

        QCOMPARE(svc().approve(osis, news, id).error().code, ErrorCode::Forbidden);
        QCOMPARE(svc().approve(admin, type("teachers"), id).error().code, ErrorCode::Validation);
        auto approved = svc().approve(admin, news, id);
        TU_VERIFY_OK(approved);
        QVERIFY(approved->value(QLatin1String("approved")).toBool());
        QCOMPARE(svc().publicList(news, {})->total, 2);
        QVERIFY(svc().publicItem(*content::type(QStringLiteral("news")), id).ok());
        QVERIFY(!svc().publicItem(*content::type(QStringLiteral("news")), id)->contains(QStringLiteral("approved")));
        QCOMPARE(tc->core->audit().recent(10, QStringLiteral("news")).value().first().action, QStringLiteral("approve"));

        // Its own edit takes the approval back; an admin's edit does not.
        auto edited = svc().update(osis, news, id, {{"title", "Class meeting 2"}});
        TU_VERIFY_OK(edited);
        QVERIFY(!edited->value(QLatin1String("approved")).toBool());
        QCOMPARE(svc().publicList(news, {})->total, 1);
        TU_VERIFY_OK(svc().approve(admin, news, id));
        TU_VERIFY_OK(svc().update(admin, news, id, {{"category", "Prestasi"}}));
        QCOMPARE(svc().publicList(news, {})->total, 2);

        // Other people's items: neither another OSIS account's nor staff's.
        QCOMPARE(svc().update(otherOsis, news, id, {{"title", "Dibajak"}}).error().code, ErrorCode::Forbidden);
        QCOMPARE(svc().remove(otherOsis, news, id).error().code, ErrorCode::Forbidden);
        QCOMPARE(svc().setPublished(otherOsis, id, false).error().code, ErrorCode::Forbidden);
        const QString staffId = staffItem->value(QLatin1String("id")).toString();
        QCOMPARE(svc().update(osis, news, staffId, {{"title", "Dibajak"}}).error().code, ErrorCode::Forbidden);
        QCOMPARE(svc().remove(osis, news, staffId).error().code, ErrorCode::Forbidden);
        QCOMPARE(svc().get(news, staffId)->value(QLatin1String("title")).toString(), QStringLiteral("Dari kesiswaan"));
        TU_VERIFY_OK(svc().remove(osis, news, id));
        QCOMPARE(count("news"), 1);

        // Extracurricular and announcements follow the same rule; teachers are staff-only anyway.
        auto ekskul = svc().create(osis, type("extracurricular"), {{"name", "Futsal"}, {"description", "Latihan"}});
        TU_VERIFY_OK(ekskul);
        QCOMPARE(svc().publicList(type("extracurricular"), {})->total, 0);
        TU_VERIFY_OK(svc().approve(admin, type("extracurricular"), ekskul->value(QLatin1String("id")).toString()));
        QCOMPARE(svc().publicList(type("extracurricular"), {})->total, 1);
    }

    void osisEditsOnlyItsTypes()
    {
        const Actor osis = test::actorOf(QStringLiteral("o1"), QStringLiteral("osis"), Role::Osis);
        QVERIFY(svc().create(osis, type("news"), test::newsInput(QStringLiteral("Class meeting"))).ok());
        QVERIFY(svc().create(osis, type("extracurricular"), {{"name", "Futsal"}, {"description", "Latihan"}}).ok());
        auto t = svc().create(osis, type("teachers"), {{"name", "Pak A"}, {"subject", "IPS"}});
        QCOMPARE(t.error().code, ErrorCode::Forbidden);
        QCOMPARE(count("teachers"), 0);
        const Actor siswa = test::actorOf(QStringLiteral("s1"), QStringLiteral("siswa"), Role::Siswa);
        QCOMPARE(svc().create(siswa, type("news"), test::newsInput(QStringLiteral("X"))).error().code, ErrorCode::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestContent)
#include "tst_content.moc"
