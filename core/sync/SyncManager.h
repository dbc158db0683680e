#pragma once
// Shared job machinery for syncs (DESIGN.md sections 1 and 4): one job at a time (single
// flight; on PostgreSQL also across processes through an advisory lock), each on its own thread
// with its own database connection, a log row per job, cancellation, checkpoints for resuming,
// and one Progress stream that never goes backwards. The desktop binds `progress` to its bars
// directly; the HTTP layer streams the same values as SSE.

#include "Progress.h"
#include "Result.h"
#include "SyncStore.h"
#include "auth/Actor.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>

namespace tu {

class AuditLog;
class Database;

// What a running job body sees.
class SyncJob
{
public:
    QString id, kind, params, jobKey;
    Actor actor;
    bool resumed = false;
    QStringList done; // checkpointed items of an earlier unfinished run (to skip)
    SyncCounts counts;

    bool cancelled() const { return m_cancel->load(); }
    // Thread-safe: pool threads of the job may report too. `progress` is clamped so that it
    // never decreases.
    void report(Progress p);
    // Records a per-item failure in the job's log (job thread only).
    void itemError(const QString &item, const QString &message);
    SyncStore &store() { return *m_store; }

private:
    friend class SyncManager;
    class SyncManager *m_manager = nullptr;
    SyncStore *m_store = nullptr;
    std::atomic<bool> *m_cancel = nullptr;
};

// A job body returns its closing message, or an error.
using SyncBody = std::function<Result<QString>(SyncJob &)>;

class SyncManager : public QObject
{
    Q_OBJECT
public:
    SyncManager(Database &db, AuditLog &audit, QObject *parent = nullptr);
    ~SyncManager() override;

    struct Spec {
        QString kind;    // global, kecamatan, all-ptk, all-sekolah, ptk
        QString params;  // for the log ("34.04.01,34.04.02")
        QString jobKey;  // checkpoints: the same key resumes (empty: no checkpoints)
        bool global = false; // maintains LAST_GLOBAL_SYNC
        bool refreshAfter = true;
        QString title;   // "Global Sync", for messages
    };

    // Starts `body` on a new thread. CONFLICT while another job runs (here or, on PostgreSQL,
    // in another process).
    Result<QString> start(const Actor &actor, const Spec &spec, SyncBody body);
    // Runs a short job on the calling thread with the same rules (single PTK).
    Result<QString> runNow(const Actor &actor, const Spec &spec, SyncBody body);
    Status cancel(const Actor &actor);
    bool isRunning() const;
    Progress current() const;  // the last progress of the running (or last) job
    bool waitForIdle(int timeoutMs);

    // After every job: refreshes analytics (set by the owner, e.g. Dapodik repository).
    void setAfterJob(std::function<Status()> refresh) { m_afterJob = std::move(refresh); }
    SyncStore &store() { return m_store; }
    // At start-up: RUNNING left by a crash becomes "ERROR: interrupted" (PostgreSQL: only when
    // no other process holds the sync lock).
    Result<bool> recoverAtStartup();

signals:
    void progress(const tu::Progress &progress); // from any thread: connect queued
    void jobFinished(const tu::Progress &final);

private:
    friend class SyncJob;
    void publish(Progress p);
    void execute(SyncJob &job, const Spec &spec, const SyncBody &body);
    bool tryLock();   // PostgreSQL advisory lock on this thread's connection
    void unlock();

    Database &m_db;
    AuditLog &m_audit;
    SyncStore m_store;
    std::function<Status()> m_afterJob;
    mutable QMutex m_mutex;
    bool m_running = false;
    Progress m_current;
    QElapsedTimer m_clock;
    std::atomic<bool> m_cancel{false};
    QMutex m_threadMutex;
    QThread *m_thread = nullptr;
};

} // namespace tu
