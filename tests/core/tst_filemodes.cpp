// The data folder holds applicants' documents, the database and the JWT secret: owner only.
#include "TestSupport.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace tu;

namespace {
#ifdef Q_OS_UNIX
int modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

void write(const QString &path, const QByteArray &bytes, int mode)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
}

QString octal(int mode) { return QString::number(mode, 8); }
#endif
} // namespace

class TestFileModes : public QObject
{
    Q_OBJECT
private slots:
    void init() { TU_REQUIRE_BACKEND(); }

    void existingDataDirIsMadePrivateAtStart()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX modes only");
#else
        ::umask(022); // what earlier versions ran with
        test::TestDatabase database;
        QVERIFY(database.ok());
        const QString dir = database.dataDir();
        const bool sqlite = !test::usePostgres();
        const QString dbFile = dir + QStringLiteral("/test.sqlite");
        {
            auto first = Core::open({dir, database.url()});
            QVERIFY(first.ok());
        }
        ::umask(022);
        // The layout an earlier version left behind: everything readable by everyone.
        QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0);
        if (sqlite) {
            QCOMPARE(::chmod(QFile::encodeName(dbFile).constData(), 0644), 0);
            write(dbFile + QStringLiteral("-wal"), QByteArray(), 0644);
            write(dbFile + QStringLiteral("-shm"), QByteArray(), 0644);
        }
        QCOMPARE(::chmod(QFile::encodeName(dir + QStringLiteral("/jwt.secret")).constData(), 0644), 0);
        write(dir + QStringLiteral("/uploads/ppdb/2025/akta.pdf"), "%PDF-1.4 akta", 0644);
        write(dir + QStringLiteral("/uploads/media/foto.jpg"), "\xFF\xD8\xFF", 0664);
        write(dir + QStringLiteral("/logs/tatausaha.log"), "log\n", 0644);
        write(dir + QStringLiteral("/tmp/upload-123"), "x", 0666);
        for (const char *sub : {"/uploads", "/uploads/ppdb", "/uploads/ppdb/2025", "/uploads/media", "/logs", "/tmp"})
            QCOMPARE(::chmod(QFile::encodeName(dir + QLatin1String(sub)).constData(), 0755), 0);
        // Not ours to change: a link out of the data folder, and an unrelated file next to it.
        QTemporaryDir outside;
        const QString foreign = outside.filePath(QStringLiteral("elsewhere.txt"));
        write(foreign, "x", 0644);
        QVERIFY(QFile::link(foreign, dir + QStringLiteral("/uploads/link.txt")));
        write(dir + QStringLiteral("/upstream-sim.log"), "sim", 0644);

        auto opened = Core::open({dir, database.url()});
        QVERIFY(opened.ok());
        std::unique_ptr<Core> core = std::move(opened.value());

        QCOMPARE(octal(modeOf(dir)), QStringLiteral("700"));
        QStringList files{dir + QStringLiteral("/jwt.secret"), dir + QStringLiteral("/uploads/ppdb/2025/akta.pdf"),
                          dir + QStringLiteral("/uploads/media/foto.jpg"), dir + QStringLiteral("/logs/tatausaha.log"),
                          dir + QStringLiteral("/tmp/upload-123")};
        if (sqlite)
            files << dbFile << dbFile + QStringLiteral("-wal") << dbFile + QStringLiteral("-shm");
        for (const QString &f : files)
            QVERIFY2(modeOf(f) == 0600, qPrintable(f + QLatin1Char(' ') + octal(modeOf(f))));
        for (const char *sub : {"/uploads", "/uploads/ppdb", "/uploads/ppdb/2025", "/uploads/media", "/logs", "/tmp"})
            QVERIFY2(modeOf(dir + QLatin1String(sub)) == 0700, sub);
        QCOMPARE(octal(modeOf(foreign)), QStringLiteral("644"));
        QCOMPARE(octal(modeOf(dir + QStringLiteral("/upstream-sim.log"))), QStringLiteral("644"));

        // New uploads (and the folders made for them) are private whatever the caller's umask was.
        core.reset();
        ::umask(022);
        auto again = Core::open({dir, database.url()});
        QVERIFY(again.ok());
        core = std::move(again.value());
        QImage img(32, 32, QImage::Format_RGB32);
        img.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer out(&png);
        out.open(QIODevice::WriteOnly);
        QVERIFY(img.save(&out, "PNG"));
        QBuffer in(&png);
        in.open(QIODevice::ReadOnly);
        auto stored = core->media().store(Actor::system(QStringLiteral("t")), in, QStringLiteral("baru.png"));
        TU_VERIFY_OK(stored);
        auto file = core->media().file(stored->id, false);
        TU_VERIFY_OK(file);
        QCOMPARE(octal(modeOf(file->path)), QStringLiteral("600"));
        int seen = 0;
        QDirIterator it(dir + QStringLiteral("/uploads"), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (it.fileInfo().isSymLink())
                continue;
            const int want = it.fileInfo().isDir() ? 0700 : 0600;
            QVERIFY2(modeOf(it.filePath()) == want, qPrintable(it.filePath() + QLatin1Char(' ') + octal(modeOf(it.filePath()))));
            ++seen;
        }
        QVERIFY2(seen >= 6, qPrintable(QString::number(seen))); // five left from before, the new picture and any folder made for it
#endif
    }

    void newDataDirIsPrivateFromTheStart()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX modes only");
#else
        ::umask(022);
        test::TestDatabase database;
        QVERIFY(database.ok());
        const QString dir = database.dataDir() + QStringLiteral("/baru");
        QString url = database.url();
        if (!test::usePostgres())
            url = QStringLiteral("sqlite:") + dir + QStringLiteral("/tatausaha.sqlite");
        auto core = Core::open({dir, url});
        QVERIFY(core.ok());
        QCOMPARE(octal(modeOf(dir)), QStringLiteral("700"));
        QCOMPARE(octal(modeOf(dir + QStringLiteral("/jwt.secret"))), QStringLiteral("600"));
        if (!test::usePostgres())
            QCOMPARE(octal(modeOf(dir + QStringLiteral("/tatausaha.sqlite"))), QStringLiteral("600"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
