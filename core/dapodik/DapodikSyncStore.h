#pragma once
#include "Paging.h"
#include "Result.h"

#include <QJsonObject>
#include <QStringList>

namespace tu {

class Database;

struct DapodikSyncCounts {
    int kecamatan = 0, sekolah = 0, ptk = 0, inactive = 0, errors = 0;
};

struct DapodikSyncLogEntry {
    QString id, kind, params, status, startedAt, finishedAt, startedBy, message;
    DapodikSyncCounts counts;
    bool resumed = false;
    QJsonObject toJson() const;
};

// The sync bookkeeping tables: metadata (LAST_GLOBAL_SYNC), one log row per job with per-item
// errors, and checkpoints that let an unfinished job resume.
class DapodikSyncStore
{
public:
    static constexpr const char *LastGlobalSync = "LAST_GLOBAL_SYNC";
    static const QStringList &kinds();    // global, kecamatan, all-ptk, all-sekolah, ptk
    static const QStringList &statuses(); // running, success, error, cancelled, interrupted
    explicit DapodikSyncStore(Database &db) : m_db(db) {}

    Result<QJsonObject> metadata(const QString &key = QLatin1String(LastGlobalSync)); // {id, key, value}
    Status setMetadata(const QString &key, const QString &value);

    Result<QString> startLog(const QString &kind, const QString &params, const QString &startedBy, bool resumed);
    Status finishLog(const QString &id, const QString &status, const DapodikSyncCounts &counts, const QString &message);
    Status addError(const QString &logId, const QString &item, const QString &message);
    Result<QList<DapodikSyncLogEntry>> logs(const PageRequest &page, qint64 *total);
    Result<QList<QJsonObject>> errors(const QString &logId);

    Result<QStringList> checkpoints(const QString &jobKey);
    Status addCheckpoint(const QString &jobKey, const QString &item); // inside the caller's transaction
    Status clearCheckpoints(const QString &jobKey);

    // At start-up: a job left RUNNING by a crash becomes "ERROR: interrupted", its log row
    // "interrupted". Returns whether anything was recovered.
    Result<bool> recoverInterrupted();

private:
    Database &m_db;
};

} // namespace tu
