// Student works: a student sees only their own, staff see all and feature; files by content.
#include "CoreSuite.h"
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QTest>

using namespace tu;

class TestStudentWorks : public test::CoreSuite
{
    Q_OBJECT
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

    void prepare() override
    {
        auto mk = [&](const char *name, Role role) {
            const User u = tc->createUser(QLatin1String(name), role);
            return test::actorOf(u.id, u.username, role);
        };
        ani = mk("ani", Role::Siswa);
        budi = mk("budi", Role::Siswa);
        kesiswaan = mk("kesiswaan", Role::Kesiswaan);
        admin = mk("admin2", Role::Admin);
    }

private slots:
    void eachStudentHasAQuota()
    {
        for (int i = 0; i < StudentWorkService::MaxWorksPerStudent; ++i)
            TU_VERIFY_OK(submit(ani, QStringLiteral("Karya %1").arg(i)));
        auto over = submit(ani, QStringLiteral("Satu lagi"));
        QCOMPARE(over.error().code, ErrorCode::Conflict);
        QVERIFY(over.error().message.contains(QStringLiteral("%1 karya").arg(StudentWorkService::MaxWorksPerStudent)));
        TU_VERIFY_OK(submit(budi, QStringLiteral("Karya Budi"))); // per student
        // Withdrawing a work frees its place.
        const QString first = svc().list(ani, {})->items.first().id;
        TU_VERIFY_OK(svc().remove(ani, first));
        TU_VERIFY_OK(submit(ani, QStringLiteral("Pengganti")));

        // Bytes: attachments already stored count (a row standing for 99 MB of earlier files).
        TU_VERIFY_OK(tc->core->db().exec(QStringLiteral("INSERT INTO student_works (id, student_id, title, category, file_name, file_mime, "
                                                        "file_size, featured, created_at, updated_at) VALUES (?, ?, 'Video', 'seni', "
                                                        "'x.pdf', 'application/pdf', ?, 0, ?, ?)"),
                                         {newId(), budi.userId, qint64(99) * 1024 * 1024, nowIso(), nowIso()}));
        const QByteArray twoMb = QByteArray("%PDF-1.7\n") + QByteArray(2 * 1024 * 1024, 'p');
        auto big = submit(budi, QStringLiteral("Makalah"), twoMb, QStringLiteral("tulisan"));
        QCOMPARE(big.error().code, ErrorCode::Conflict);
        QVERIFY(big.error().message.contains(QStringLiteral("100 MB")));
        QCOMPARE(QDir(tc->database.dataDir() + QStringLiteral("/uploads/works")).entryList(QDir::Files).size(), 0);
        TU_VERIFY_OK(submit(budi, QStringLiteral("Makalah kecil"), QByteArray("%PDF-1.7\n") + QByteArray(100 * 1024, 'p'), QStringLiteral("tulisan")));
    }

    void attachmentsKeepTheDiskReserve()
    {
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        auto refused = submit(ani, QStringLiteral("Makalah"), QByteArray("%PDF-1.7\n1 0 obj\n%%EOF\n"), QStringLiteral("tulisan"));
        QCOMPARE(refused.error().code, ErrorCode::InsufficientStorage);
        QVERIFY(titles(ani).isEmpty());
        TU_VERIFY_OK(submit(ani, QStringLiteral("Puisi tanpa berkas"))); // nothing to store: still fine
    }

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
