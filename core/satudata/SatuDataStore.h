#pragma once
// Storage of the Satu Data sync: per-target state, the attempt log, the retry queue and the
// schedule (migration 008). SQL only; the rules live in SatuDataSync.

#include "SatuDataTypes.h"
#include "SyncSchedule.h"

namespace tu {

class Database;

class SatuDataStore
{
public:
    explicit SatuDataStore(Database &db) : m_db(db) {}

    Result<QMap<QString, TargetState>> states(const QString &fileId);
    Result<QHash<QString, QMap<QString, TargetState>>> allStates();
    Status saveState(const TargetState &state);

    Status appendLog(const PushLogEntry &entry);
    Result<QList<PushLogEntry>> logs(const PushLogFilter &filter, qint64 *total);

    Status enqueue(const RetryItem &item);
    Status dequeue(const QString &fileId, const QString &target);
    int attempts(const QString &fileId, const QString &target); // 0 when not queued
    Result<QList<RetryItem>> queue(const QString &dueBefore = {}); // all, or those due

    Result<SyncSchedule> schedule();
    Status saveSchedule(const SyncSchedule &schedule);
    QString lastRunSlot();
    // Claims a schedule slot: true for exactly one caller, also across processes sharing the
    // database (desktop and server both run the scheduler).
    Result<bool> claimSlot(const QString &slot);

private:
    Database &m_db;
};

} // namespace tu
