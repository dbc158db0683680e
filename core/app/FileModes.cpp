#include "FileModes.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace tu {

#ifdef Q_OS_UNIX
namespace {
struct Tightener {
    int failed = 0;
    QString firstFailure;

    // Only our own files and folders, never through a symbolic link.
    void apply(const QString &path, bool dir)
    {
        struct stat st;
        const QByteArray native = QFile::encodeName(path);
        if (::lstat(native.constData(), &st) != 0 || S_ISLNK(st.st_mode))
            return;
        const mode_t want = dir ? 0700 : 0600;
        if ((st.st_mode & 07777) == want || (dir != S_ISDIR(st.st_mode)))
            return;
        if (::chmod(native.constData(), want) != 0 && failed++ == 0)
            firstFailure = path;
    }

    void tree(const QString &root)
    {
        const QFileInfo info(root);
        if (!info.exists() || info.isSymLink() || !info.isDir())
            return;
        apply(root, true);
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo f = it.fileInfo();
            if (!f.isSymLink())
                apply(f.filePath(), f.isDir());
        }
    }
};
} // namespace
#endif

void restrictNewFileModes()
{
#ifdef Q_OS_UNIX
    ::umask(077);
#endif
}

void tightenDataDirModes(const QString &dataDir, const QString &sqlitePath)
{
#ifdef Q_OS_UNIX
    Tightener t;
    t.apply(dataDir, true);
    QStringList files{dataDir + QStringLiteral("/jwt.secret")};
    if (!sqlitePath.isEmpty())
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            files << sqlitePath + QLatin1String(suffix);
    for (const QString &f : files)
        t.apply(f, false);
    for (const char *sub : {"uploads", "logs", "tmp"})
        t.tree(dataDir + QLatin1Char('/') + QLatin1String(sub));
    if (t.failed)
        qCWarning(lcCore).noquote() << "could not make" << t.failed << "path(s) in the data folder private (owner only), e.g."
                                    << t.firstFailure << "- change their owner or permissions by hand";
#else
    Q_UNUSED(dataDir);
    Q_UNUSED(sqlitePath);
#endif
}

} // namespace tu
