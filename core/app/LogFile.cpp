#include "LogFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <cstdio>

namespace tu {

namespace {
QMutex logMutex;
QFile *logFile = nullptr;
QString logPath;
constexpr qint64 MaxBytes = 10 * 1024 * 1024;

void rotate()
{
    logFile->close();
    QFile::remove(logPath + QStringLiteral(".3"));
    QFile::rename(logPath + QStringLiteral(".2"), logPath + QStringLiteral(".3"));
    QFile::rename(logPath + QStringLiteral(".1"), logPath + QStringLiteral(".2"));
    QFile::rename(logPath, logPath + QStringLiteral(".1"));
    logFile->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    static const char *levels[] = {"DEBUG", "WARN", "CRIT", "FATAL", "INFO"};
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' '
        + levels[type] + ' ' + (ctx.category ? ctx.category : "default") + ": " + msg.toUtf8() + '\n';
    {
        QMutexLocker l(&logMutex);
        if (logFile && logFile->isOpen()) {
            logFile->write(line);
            logFile->flush();
            if (logFile->size() > MaxBytes)
                rotate();
        }
    }
    fputs(line.constData() + 25, stderr); // without the timestamp: terminals and journald add theirs
    if (type == QtFatalMsg)
        abort();
}
} // namespace

void installLogFile(const QString &dataDir)
{
    QDir().mkpath(dataDir + QStringLiteral("/logs"));
    QMutexLocker l(&logMutex);
    logPath = dataDir + QStringLiteral("/logs/tatausaha.log");
    delete logFile;
    logFile = new QFile(logPath);
    logFile->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
    qInstallMessageHandler(handler);
}

} // namespace tu
