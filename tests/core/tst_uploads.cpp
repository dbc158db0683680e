// Every upload stores its file, then writes its row and audit entry in one transaction: when the
// row or the audit cannot be written, the file must not stay behind (files::PendingFile). The
// audit table is taken away to make the transaction fail the same way on both databases.
#include "CoreSuite.h"
#include "ContentFixtures.h"
#include "PpdbFixtures.h"
#include "SatuDataFixtures.h"
#include "TestSupport.h"
#include "files/Upload.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace tu;

class TestUploads : public test::CoreSuite
{
    Q_OBJECT

    QStringList filesUnder(const QString &dir)
    {
        QStringList out;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
        return out;
    }
    QString uploads() { return tc->database.dataDir() + QStringLiteral("/uploads"); }
    // Failed at the audit (a server error), not refused earlier for its content.
    template<typename R>
    void failsAtTheAudit(const R &r, const char *what)
    {
        QVERIFY2(!r.ok(), what);
        QVERIFY2(r.error().code == ErrorCode::ServerError, qPrintable(QLatin1String(what) + QLatin1Char(' ') + r.error().message));
    }
    void breakTheAudit() { TU_VERIFY_OK(tc->core->db().exec(QStringLiteral("ALTER TABLE audit_log RENAME TO audit_log_gone"))); }

private slots:
    void pendingFileGoesUnlessKept()
    {
        QTemporaryDir dir;
        QBuffer b;
        b.setData("isi berkas");
        b.open(QIODevice::ReadOnly);
        const QString dropped = dir.filePath(QStringLiteral("a/dropped.bin")), kept = dir.filePath(QStringLiteral("a/kept.bin"));
        {
            auto p = files::PendingFile::save(b, dropped, {});
            TU_VERIFY_OK(p);
            QVERIFY(QFile::exists(dropped));
            QCOMPARE(p->saved().size, qint64(10));
        }
        QVERIFY(!QFile::exists(dropped));
        {
            auto p = files::PendingFile::save(b, kept, {});
            TU_VERIFY_OK(p);
            files::PendingFile moved = std::move(p).value(); // the moved-from one removes nothing
            moved.keep();
        }
        QVERIFY(QFile::exists(kept));
    }

    void noFileLeftWhenTheRowCannotBeWritten()
    {
        const Actor staff = test::actorOf(QStringLiteral("s1"), QStringLiteral("staf"), Role::Admin);
        const User siswaUser = tc->createUser(QStringLiteral("siswa1"), Role::Siswa);
        const Actor siswa = test::actorOf(siswaUser.id, siswaUser.username, Role::Siswa);
        QVERIFY(test::openRegistration(*tc->core));
        auto reg = tc->core->ppdb().submit(staff, test::validRegistration(QStringLiteral("1234567890")));
        TU_VERIFY_OK(reg);
        const int before = int(filesUnder(uploads()).size());
        breakTheAudit();

        QBuffer image;
        image.setData(test::imageBytes("PNG"));
        image.open(QIODevice::ReadOnly);
        failsAtTheAudit(tc->core->media().store(staff, image, QStringLiteral("foto.png")), "media");

        QBuffer work;
        work.setData(test::pngBytes());
        work.open(QIODevice::ReadOnly);
        failsAtTheAudit(tc->core->studentWorks().submit(siswa, {{"title", "Lukisan"}, {"category", "seni"}, {"description", "Karya untuk pameran"}}, &work,
                                                        QStringLiteral("karya.png")),
                        "student work");

        QBuffer doc;
        doc.setData(test::pngBytes());
        doc.open(QIODevice::ReadOnly);
        failsAtTheAudit(tc->core->ppdb().upload(staff, reg->id, QStringLiteral("photo"), doc, QStringLiteral("foto.png")), "ppdb");

        failsAtTheAudit(test::uploadVerified(*tc->core, QStringLiteral("Jumlah Siswa"), test::sampleCsv(), false), "satu data");

        QCOMPARE(int(filesUnder(uploads()).size()), before);
    }
};

QTEST_GUILESS_MAIN(TestUploads)
#include "tst_uploads.moc"
