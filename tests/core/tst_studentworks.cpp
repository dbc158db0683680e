// Student works: a student sees only their own, staff see all and feature; files by content.
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QTest>

using namespace tu;

class TestStudentWorks : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    Actor ani, budi, kesiswaan, admin;
    StudentWorkService &svc() { return tc->core->studentWorks(); }
    Result<StudentWork> submit(const Actor &who, const QString &title, const QByteArray &file = {}, const QString &category = QStringLiteral("seni"))
    {
        QJsonObject in{{"title", title}, {"category", category}, {"description", "Karya untuk pameran sekolah"}};
        if (file.isEmpty())
            return svc().submit(who, in);
        QBuffer b;
        b.setData(file);
        b.open(QIODevice::ReadOnly);
        return svc().submit(who, in, &b, QStringLiteral("karya.bin"));
    }
    QStringList titles(const Actor &who, StudentWorkFilter f = {})
    {
        QStringList out;
        const auto page = svc().list(who, f);
        for (const StudentWork &w : page.value().items)
            out << w.title;
        out.sort();
        return out;
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
        auto mk = [&](const char *name, Role role) {
            const User u = tc->createUser(QLatin1String(name), role);
            return test::actorOf(u.id, u.username, role);
        };
        ani = mk("ani", Role::Siswa);
        budi = mk("budi", Role::Siswa);
        kesiswaan = mk("kesiswaan", Role::Kesiswaan);
        admin = mk("admin2", Role::Admin);
    }
    void cleanup() { tc.reset(); }

    void visibilityBetweenStudents()
    {
        auto a = submit(ani, QStringLiteral("Lukisan Merapi"));
        TU_VERIFY_OK(a);
        QVERIFY(submit(budi, QStringLiteral("Puisi Hujan"), {}, QStringLiteral("tulisan")).ok());
        QCOMPARE(titles(ani), QStringList{QStringLiteral("Lukisan Merapi")});
        QCOMPARE(titles(budi), QStringList{QStringLiteral("Puisi Hujan")});
        QCOMPARE(titles(kesiswaan), (QStringList{QStringLiteral("Lukisan Merapi"), QStringLiteral("Puisi Hujan")}));
        // A student cannot reach another's work, even when asking for it by id or by filter.
        QCOMPARE(svc().get(budi, a->id).error().code, ErrorCode::NotFound);
        QCOMPARE(svc().remove(budi, a->id).error().code, ErrorCode::NotFound);
        StudentWorkFilter other;
        other.studentId = ani.userId;
        QCOMPARE(titles(budi, other), QStringList{QStringLiteral("Puisi Hujan")});
        QCOMPARE(titles(admin, other), QStringList{QStringLiteral("Lukisan Merapi")});
        QCOMPARE(svc().get(ani, a->id)->studentName, QStringLiteral("Pengguna ani"));
        StudentWorkFilter cat;
        cat.category = QStringLiteral("tulisan");
        QCOMPARE(titles(admin, cat), QStringList{QStringLiteral("Puisi Hujan")});
    }

    void onlyStudentsSubmitAndInputIsChecked()
    {
        QCOMPARE(submit(kesiswaan, QStringLiteral("X")).error().code, ErrorCode::Forbidden);
        auto bad = svc().submit(ani, {{"title", ""}, {"category", "masak"}, {"link", "javascript:alert(1)"}});
        QCOMPARE(bad.error().code, ErrorCode::Validation);
        QCOMPARE(bad.error().fields.value(QStringLiteral("title")), QStringLiteral("Judul wajib diisi."));
        QVERIFY(bad.error().fields.contains(QStringLiteral("category")));
        QCOMPARE(bad.error().fields.value(QStringLiteral("link")), QStringLiteral("Tautan harus alamat web lengkap yang diawali http:// atau https://."));
        auto nothing = svc().submit(ani, {{"title", "Kosong"}, {"category", "seni"}});
        QCOMPARE(nothing.error().fields.value(QStringLiteral("description")), QStringLiteral("Isi deskripsi, tautan, atau lampirkan berkas karya."));
        QVERIFY(svc().submit(ani, {{"title", "Video"}, {"category", "teknologi"}, {"link", "https://youtu.be/abc"}}).ok());
        QCOMPARE(svc().list(admin, {})->total, 1);
    }

    void filesByContent()
    {
        auto pdf = submit(ani, QStringLiteral("Makalah"), QByteArray("%PDF-1.7\n1 0 obj\n%%EOF\n"), QStringLiteral("tulisan"));
        TU_VERIFY_OK(pdf);
        QCOMPARE(pdf->fileMime, QStringLiteral("application/pdf"));
        auto png = submit(ani, QStringLiteral("Poster"), test::imageBytes("PNG"));
        QCOMPARE(png->fileMime, QStringLiteral("image/png"));
        QCOMPARE(submit(ani, QStringLiteral("Exe"), QByteArray("MZ\x90\x00 not allowed")).error().code, ErrorCode::UnsupportedMediaType);
        QCOMPARE(submit(ani, QStringLiteral("Besar"), QByteArray("%PDF-") + QByteArray(5 * 1024 * 1024, 'x')).error().code, ErrorCode::PayloadTooLarge);
        QCOMPARE(svc().list(admin, {})->total, 2);
        auto path = svc().file(ani, pdf->id);
        QVERIFY(path.ok());
        QVERIFY(QFile::exists(path->first));
        QCOMPARE(svc().file(budi, pdf->id).error().code, ErrorCode::NotFound);
        QVERIFY(svc().file(kesiswaan, pdf->id).ok());
    }

    void featuredAndWithdrawal()
    {
        auto a = submit(ani, QStringLiteral("Lukisan"));
        auto b = submit(ani, QStringLiteral("Sketsa"));
        QCOMPARE(svc().setFeatured(ani, a->id, true).error().code, ErrorCode::Forbidden);
        auto f = svc().setFeatured(kesiswaan, a->id, true);
        QVERIFY(f.ok() && f->featured);
        StudentWorkFilter featured;
        featured.featured = true;
        QCOMPARE(titles(admin, featured), QStringList{QStringLiteral("Lukisan")});
        QCOMPARE(svc().list(ani, {})->items.first().title, QStringLiteral("Lukisan")); // featured first
        QCOMPARE(svc().remove(ani, a->id).error().code, ErrorCode::Conflict);
        QVERIFY(svc().remove(ani, b->id).ok());
        QVERIFY(svc().remove(kesiswaan, a->id).ok());
        QCOMPARE(svc().list(admin, {})->total, 0);
        const auto log = tc->core->audit().recent(20, QStringLiteral("student_work")).value();
        QStringList actions;
        for (const AuditEntry &e : log)
            actions << e.action;
        QCOMPARE(actions, (QStringList{"delete", "delete", "feature", "create", "create"}));
    }
};

QTEST_GUILESS_MAIN(TestStudentWorks)
#include "tst_studentworks.moc"
