#pragma once
// The one runner of every long job (Dapodik syncs, Satu Data runs, and each later job): one job
// per family at a time ("single flight"), in this process and, on PostgreSQL, across every
// process on the same database: on PostgreSQL a session advisory lock taken on the job thread's
// own connection, on SQLite a lock file beside the database file (QLockFile: a crashed holder's
// lock is taken over); the job on its own thread; cancellation; one Progress stream that never goes
// backwards within a job; a finished signal; waiting for idle. What a job writes (log rows,
// summaries, audit entries) belongs to its area; the runner knows nothing of it.

#include "Progress.h"
#include "Result.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRecursiveMutex>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

class QLockFile;
class QThread;

namespace tu {

class Database;
class JobRunner;

// What a running job body sees.
class JobControl
{
public:
    bool cancelled() const;
    // Thread-safe (a job's pool threads may report too). An empty jobId or kind keeps the
    // job's; `progress` is clamped to 0–100 and never decreases within the job.
    void report(Progress p) const;
    // The id the job's progress carries from now on (e.g. once its log row exists).
    void setJobId(const QString &id) const;

private:
    friend class JobRunner;
    explicit JobControl(JobRunner &runner) : m_runner(runner) {}
    JobRunner &m_runner;
};

class JobRunner : public QObject
{
    Q_OBJECT
public:
    // `family` names the jobs that exclude each other ("dapodik", "satudata"); it also derives
    // the advisory lock key, so every process agrees on it. `label` names them for people at
    // the start of a sentence ("Sinkronisasi Satu Data"), `inSentence` inside one, with proper
    // names kept capitalised ("sinkronisasi Satu Data").
    JobRunner(Database &db, const QString &family, const QString &label, const QString &inSentence, QObject *parent = nullptr);
    ~JobRunner() override; // cancels the running job and waits for it

    using Body = std::function<void(const JobControl &)>;
    // Starts `body` on a new thread. `prepare` runs on that thread once the locks are held and
    // before start() returns (state that callers must see at once, e.g. a RUNNING marker).
    // CONFLICT while a job of the family runs here or in another process.
    Status start(const Progress &first, Body body, std::function<void()> prepare = {});
    // The same rules for a short job on the calling thread.
    Status runHere(const Progress &first, Body body);
    Status cancel(); // CONFLICT when nothing runs
    bool isRunning() const;
    Progress current() const; // the running job's last progress, or the last job's final one
    bool waitForIdle(int timeoutMs); // < 0: as long as it takes
    // Runs `f` only when no process runs a job of the family (start-up recovery: a RUNNING left
    // by a crash is only stale when nobody holds the lock). False, without running it, if busy.
    bool whenIdleEverywhere(const std::function<void()> &f);

    static qint64 lockKeyOf(const QString &family); // stable across processes and builds

signals:
    void progress(const tu::Progress &progress); // from the job's thread: connect queued
    void finished(const tu::Progress &last);      // from the job's thread, after isRunning() is false

private:
    friend class JobControl;
    Status claim(const Progress &first);
    void release();
    void publish(Progress p);
    void run(const Body &body);
    bool tryLock();
    void unlock();
    Error busyHere() const;
    Error busyElsewhere() const;

    Database &m_db;
    const QString m_family, m_label, m_inSentence;
    const qint64 m_lockKey;
    mutable QMutex m_mutex;
    QRecursiveMutex m_publishOrder; // held from making a progress monotonic to emitting it
    bool m_running = false;
    Progress m_current;
    QElapsedTimer m_clock;
    std::atomic<bool> m_cancel{false};
    QMutex m_threadMutex;
    QThread *m_thread = nullptr;
    std::unique_ptr<QLockFile> m_lockFile; // SQLite: held while a job runs
};

} // namespace tu
