#include "SatuDataStore.h"
#include "SatuDataSync.h"
#include "SatuDataSyncParts.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

// The bookkeeping of the Satu Data sync: each attempt's state, retry queue entry and log line,
// and the end of a run (its summary, audit entry and last progress).

namespace tu {

void SatuDataSync::recordAttempt(const Actor &actor, const QString &runId, const DataFile &file, TargetState &state,
                                 const QString &hash, const QByteArray &answer, TargetResult &r)
{
    const QString &target = state.target;
    const QString at = satudata::iso(now());
    int attempt = 1;
    if (r.status != QLatin1String("unchanged")) {
        state.lastAttemptAt = at;
        attempt = m_store.attempts(file.id, target) + 1;
        if (r.status == QLatin1String("ok")) {
            state.status = r.status;
            state.pushedHash = hash;
            state.lastSyncAt = at;
            state.failureClass.clear();
            state.error.clear();
            state.conflictRemote = {};
            satudata::warnIf(m_store.dequeue(file.id, target), "m_store.dequeue");
            satudata::warnIf(m_files.markSynced(file.id), "m_files.markSynced");
        } else {
            state.status = r.status;
            state.failureClass = r.failureClass;
            state.error = r.message;
            retryOrDrop(state, attempt, r);
        }
        if (auto s = m_store.saveState(state); !s.ok())
            qCWarning(lcSatuData) << "state not saved" << s.error().message;
    }
    PushLogEntry log;
    log.id = newId();
    log.runId = runId;
    log.fileId = file.id;
    log.fileTitle = file.title;
    log.target = target;
    log.status = r.status;
    log.failureClass = r.failureClass;
    log.message = r.message;
    log.answer = QString::fromUtf8(answer);
    log.durationMs = r.durationMs;
    log.attempt = attempt;
    log.actor = actor.username;
    log.at = at;
    if (auto s = m_store.appendLog(log); !s.ok())
        qCWarning(lcSatuData) << "log not written" << s.error().message;
}

// A transient failure goes (back) on the retry queue until its attempts run out; anything a
// person has to act on leaves it.
void SatuDataSync::retryOrDrop(const TargetState &state, int attempt, TargetResult &r)
{
    const QString &target = state.target;
    if (r.status == QLatin1String("conflict") || !satudata::failureIsTransient(r.failureClass)) {
        satudata::warnIf(m_store.dequeue(state.fileId, target),
                         "m_store.dequeue"); // a person has to act: retrying would fail the same way
    } else if (attempt <= MaxRetryAttempts) {
        const QDateTime next = now().addSecs(retryDelaySeconds(attempt));
        RetryItem item;
        item.fileId = state.fileId;
        item.target = target;
        item.attempts = attempt;
        item.nextAt = satudata::iso(next);
        item.failureClass = r.failureClass;
        item.lastError = r.message;
        satudata::warnIf(m_store.enqueue(item), "m_store.enqueue");
        r.queued = true;
        r.message += QStringLiteral(" Dicoba ulang otomatis pukul %1.")
                         .arg(next.toTimeZone(m_settings.schoolZone()).toString(QStringLiteral("HH:mm")));
    } else {
        satudata::warnIf(m_store.dequeue(state.fileId, target), "m_store.dequeue");
        r.message += QStringLiteral(" Sudah dicoba %1 kali; sinkronkan manual setelah masalahnya diatasi.").arg(attempt);
    }
}

void SatuDataSync::finishRun(const JobControl &control, RunSummary run, const Actor &actor, int fileCount)
{
    run.finishedAt = satudata::iso(now());
    const QJsonObject summary = run.toJson();
    satudata::warnIf(
        m_audit.record(
            actor, QStringLiteral("sync_all"), satudata::FileEntity, run.runId, {},
            {{"trigger", run.trigger}, {"summary", summary.value(QLatin1String("summary"))}, {"cancelled", run.cancelled}}),
        "m_audit.record");
    Progress final = Progress::of(run.message(), 100, fileCount, fileCount);
    final.done = true;
    final.cancelled = run.cancelled;
    if (run.cancelled)
        final.error = QStringLiteral("Dibatalkan.");
    else
        final.lastSync = run.finishedAt;
    {
        QMutexLocker l(&m_mutex);
        m_last = run;
    }
    control.report(final);
}

Result<QList<PushLogEntry>> SatuDataSync::logs(const PushLogFilter &filter, qint64 *total) { return m_store.logs(filter, total); }
Result<QList<RetryItem>> SatuDataSync::retryQueue() { return m_store.queue(); }

qint64 SatuDataSync::retryDelaySeconds(int attempts)
{
    static const qint64 steps[] = {60, 300, 900, 3600, 21600};
    return steps[qBound(1, attempts, 5) - 1];
}

RunSummary SatuDataSync::lastRun() const
{
    QMutexLocker l(&m_mutex);
    return m_last;
}

} // namespace tu
