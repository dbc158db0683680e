#pragma once
// Publishing verified data files to SPLP Satu Data Indonesia and SIPD e-walidata (seed 002):
// per file and per target, bulk runs on a worker thread with one Progress stream, failures
// classified with hints, content-hash skip of unchanged files, updates of the same remote
// dataset (never duplicates), conflict detection when the portal changed the dataset since our
// last push, a persistent retry queue with backoff, the schedule and a per-attempt log.

#include "SatuDataStore.h"
#include "SatuDataTypes.h"
#include "SyncSchedule.h"
#include "auth/Actor.h"
#include "sync/Progress.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <functional>

class QThread;

namespace tu {

class AuditLog;
class Database;
class DataFileService;
class SettingsStore;
struct DataFile;

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
    bool isRunning() const;
    Progress current() const;
    RunSummary lastRun() const;
    void cancel();
    bool waitForIdle(int timeoutMs);

    // Our state per target for a file ("splp" → …); missing targets were never tried.
    Result<QMap<QString, TargetState>> states(const QString &fileId);
    Result<QHash<QString, QMap<QString, TargetState>>> allStates(); // fileId → target → state
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
    void progress(const tu::Progress &progress); // from the run's thread: connect queued
    void runFinished(const tu::RunSummary &summary);

private:
    struct Item { QString fileId; QStringList targets; };
    Result<QString> startRun(const Actor &actor, const QString &trigger, const QStringList &targets, QList<Item> items);
    void execute(RunSummary run, const Actor &actor, QList<Item> items);
    TargetResult pushOne(const Actor &actor, const QString &runId, const DataFile &file, const QString &target, bool force);
    void publish(Progress p);
    QDateTime now() const { return m_now ? m_now() : QDateTime::currentDateTimeUtc(); }

    Database &m_db;
    AuditLog &m_audit;
    SettingsStore &m_settings;
    DataFileService &m_files;
    SatuDataStore m_store; // stateless over m_db: safe from any thread
    std::function<QDateTime()> m_now;
    mutable QMutex m_mutex;
    QMutex m_pushMutex;
    bool m_running = false;
    Progress m_current;
    RunSummary m_last;
    std::atomic<bool> m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace tu
