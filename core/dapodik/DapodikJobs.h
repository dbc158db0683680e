#pragma once
// The Dapodik sync jobs' bookkeeping over the shared JobRunner: a log row per job with its
// counts and per-item errors, checkpoints that let an unfinished job resume where it stopped,
// LAST_GLOBAL_SYNC (RUNNING during a global sync, the time after success, "ERROR: …" after a
// failure), the analytics refresh after every job and one audit entry per job. Single flight,
// the cross-process lock, the thread, cancellation and monotonic progress are the runner's.

#include "DapodikSyncStore.h"
#include "Result.h"
#include "auth/Actor.h"
#include "sync/JobRunner.h"

#include <functional>

namespace tu {

class AuditLog;
class Database;

// What a running Dapodik job body sees.
class DapodikJob
{
public:
    QString id, kind, params, jobKey;
    Actor actor;
    bool resumed = false;
    QStringList done; // checkpointed items of an earlier unfinished run (to skip)
    DapodikSyncCounts counts;

    bool cancelled() const { return m_control->cancelled(); }
    // Thread-safe: pool threads of the job may report too; progress never decreases.
    void report(Progress p) const;
    // Records a per-item failure in the job's log (job thread only).
    void itemError(const QString &item, const QString &message);
    DapodikSyncStore &store() { return *m_store; }

private:
    friend class DapodikJobs;
    const JobControl *m_control = nullptr;
    DapodikSyncStore *m_store = nullptr;
};

// A job body returns its closing message, or an error.
using DapodikJobBody = std::function<Result<QString>(DapodikJob &)>;

class DapodikJobs
{
public:
    DapodikJobs(Database &db, AuditLog &audit);

    struct Spec {
        QString kind;    // global, kecamatan, all-ptk, all-sekolah, ptk
        QString params;  // for the log ("34.04.01,34.04.02")
        QString jobKey;  // checkpoints: the same key resumes (empty: no checkpoints)
        bool global = false; // maintains LAST_GLOBAL_SYNC
        bool refreshAfter = true;
        QString title;   // "Global Sync", for messages
    };

    // On the runner's thread; CONFLICT while another Dapodik job runs (here or elsewhere).
    Status start(const Actor &actor, const Spec &spec, DapodikJobBody body);
    // A short job on the calling thread with the same rules (single PTK); its closing message.
    Result<QString> runNow(const Actor &actor, const Spec &spec, DapodikJobBody body);

    JobRunner &runner() { return m_runner; }
    DapodikSyncStore &store() { return m_store; }
    // After every job: refreshes analytics (set by the owner, the Dapodik service).
    void setAfterJob(std::function<Status()> refresh) { m_afterJob = std::move(refresh); }
    // At start-up: RUNNING left by a crash becomes "ERROR: interrupted" (PostgreSQL: only when
    // no other process holds the lock).
    Result<bool> recoverAtStartup();

private:
    Result<QString> execute(DapodikJob &job, const Spec &spec, const DapodikJobBody &body);

    AuditLog &m_audit;
    DapodikSyncStore m_store;
    JobRunner m_runner;
    std::function<Status()> m_afterJob;
};

} // namespace tu
