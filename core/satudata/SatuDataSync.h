#pragma once
// Publishing verified data files to SPLP Satu Data Indonesia and SIPD e-walidata (docs/satudata.md):
// per file and per target, bulk runs on a worker thread with one Progress stream, failures
// classified with hints, content-hash skip of unchanged files, updates of the same remote
// dataset (never duplicates), conflict detection when the portal changed the dataset since our
// last push, a persistent retry queue with backoff, the schedule and a per-attempt log.
// The run loop is SatuDataSync.cpp, each upstream a SatuDataTarget (SatuDataTarget.h), the
// bookkeeping SatuDataRunLog.cpp and the schedule SatuDataScheduler.cpp.

#include "DataFileService.h"
#include "SatuDataStore.h"
#include "SatuDataTypes.h"
#include "SyncSchedule.h"
#include "auth/Actor.h"
#include "sync/JobRunner.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <functional>

namespace tu {

class AuditLog;
class Database;
class DataFileService;
class SatuDataTarget;
class SettingsStore;
struct SatuDataConfig;

// A data file with what we know of it at each target ("splp" / "sipd"; missing: never tried).
struct FileWithStates {
    DataFile file;
    QMap<QString, TargetState> states;
};

class SatuDataSync : public QObject
{
    Q_OBJECT
public:
    SatuDataSync(Database &db, AuditLog &audit, SettingsStore &settings, DataFileService &files, QObject *parent = nullptr);
    ~SatuDataSync() override;

    // One file to `targets` ("splp", "sipd"), blocking on the calling thread (a worker, not the
    // GUI). CONFLICT when the file is not verified. Per-target failures are results, not errors.
    Result<FileSyncResult> syncFile(const Actor &actor, const QString &fileId, const QStringList &targets);

    // Every file to `targets` on a worker thread (unverified ones counted as skipped).
    // CONFLICT while another run is going. Returns the run id; progress() reports, runFinished()
    // ends it.
    Result<QString> startAll(const Actor &actor, const QStringList &targets);
    // startAll and wait (HTTP's plain POST, tests).
    Result<RunSummary> runAll(const Actor &actor, const QStringList &targets);
    // The run on its thread: progress and finished signals, isRunning, current, cancel,
    // waitForIdle. Runs exclude each other across every process on one PostgreSQL database.
    JobRunner &jobs() { return m_runner; }
    bool isRunning() const { return m_runner.isRunning(); }
    Progress current() const { return m_runner.current(); }
    RunSummary lastRun() const;
    void cancel() { (void)m_runner.cancel(); }
    bool waitForIdle(int timeoutMs) { return m_runner.waitForIdle(timeoutMs); }

    // Our state per target for a file ("splp" → …); missing targets were never tried.
    Result<QMap<QString, TargetState>> states(const QString &fileId);
    Result<QHash<QString, QMap<QString, TargetState>>> allStates(); // fileId → target → state
    // One page of files (DataFileService::list) joined with their states; every file when the
    // filter's limit is 0.
    Result<QList<FileWithStates>> filesWithStates(const DataFileFilter &filter, qint64 *total);
    Result<SyncConflict> conflict(const QString &fileId, const QString &target);
    // keep "local": push ours over the portal's; keep "remote": take the portal's title and
    // description into the file and accept the remote as the synced state.
    Result<TargetResult> resolveConflict(const Actor &actor, const QString &fileId, const QString &target, const QString &keep);

    Result<QList<PushLogEntry>> logs(const PushLogFilter &filter, qint64 *total);
    Result<QList<RetryItem>> retryQueue();

    Result<SyncSchedule> schedule();
    Result<SyncSchedule> setSchedule(const Actor &actor, const QJsonObject &json);
    QDateTime nextScheduledRun(); // invalid when off
    QDateTime nextScheduledRun(const SyncSchedule &schedule) const; // of that schedule, by this service's clock

    // Called every half minute while the program runs (and by tests with an injected clock):
    // starts the scheduled run when its slot has come and has not run yet, else retries the
    // queue items that are due. Returns the started run's trigger ("scheduled", "retry") or "".
    Result<QString> tick();
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // Backoff of the retry queue after the n-th failed attempt (1 min, 5 min, 15 min, 1 h, 6 h).
    static qint64 retryDelaySeconds(int attempts);
    static constexpr int MaxRetryAttempts = 6;

signals:
    void runFinished(const tu::RunSummary &summary);

private:
    struct Item { QString fileId; QStringList targets; };
    Result<QString> startRun(const Actor &actor, const QString &trigger, const QStringList &targets, QList<Item> items);
    void execute(const JobControl &control, RunSummary run, const Actor &actor, const QList<Item> &items);
    TargetResult pushOne(const Actor &actor, const QString &runId, const DataFile &file, const QString &target, bool force);
    TargetResult send(const SatuDataTarget &to, const SatuDataConfig &config, const DataFile &file, TargetState &state, bool force, QByteArray *answer);
    // Bookkeeping (SatuDataRunLog.cpp): the attempt's state, retry queue entry and log line;
    // the end of a run.
    void recordAttempt(const Actor &actor, const QString &runId, const DataFile &file, TargetState &state, const QString &hash,
                       const QByteArray &answer, TargetResult &result);
    void retryOrDrop(const TargetState &state, int attempt, TargetResult &result);
    void finishRun(const JobControl &control, RunSummary run, const Actor &actor, int fileCount);
    QDateTime now() const { return m_now ? m_now() : QDateTime::currentDateTimeUtc(); }

    Database &m_db;
    AuditLog &m_audit;
    SettingsStore &m_settings;
    DataFileService &m_files;
    SatuDataStore m_store; // stateless over m_db: safe from any thread
    std::function<QDateTime()> m_now;
    mutable QMutex m_mutex; // m_last
    QMutex m_pushMutex;
    RunSummary m_last;
    JobRunner m_runner;
};

} // namespace tu
