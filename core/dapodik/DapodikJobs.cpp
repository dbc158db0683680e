#include "DapodikJobs.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QLoggingCategory>
#include <optional>

Q_LOGGING_CATEGORY(lcSync, "tatausaha.sync")

namespace tu {

void DapodikJob::report(Progress p) const
{
    p.jobId = id;
    p.kind = kind;
    m_control->report(std::move(p));
}

void DapodikJob::itemError(const QString &item, const QString &message)
{
    ++counts.errors;
    if (auto s = m_store->addError(id, item, message); !s.ok())
        qCWarning(lcSync) << "cannot log item error" << s.error().message;
}

DapodikJobs::DapodikJobs(Database &db, AuditLog &audit)
    : m_audit(audit), m_store(db), m_runner(db, QStringLiteral("dapodik"), QStringLiteral("Sinkronisasi"), QStringLiteral("sinkronisasi"))
{
}

Result<bool> DapodikJobs::recoverAtStartup()
{
    Result<bool> r = false; // another process is syncing: its RUNNING is real
    m_runner.whenIdleEverywhere([&] { r = m_store.recoverInterrupted(); });
    return r;
}

namespace {
Progress firstOf(const DapodikJobs::Spec &spec)
{
    Progress p = Progress::of(QStringLiteral("🚀 Memulai %1…").arg(spec.title), 0);
    p.kind = spec.kind;
    return p;
}
} // namespace

Result<QString> DapodikJobs::execute(DapodikJob &job, const Spec &spec, const DapodikJobBody &body)
{
    job.m_store = &m_store;
    if (!spec.jobKey.isEmpty()) {
        auto done = m_store.checkpoints(spec.jobKey);
        if (done.ok())
            job.done = done.value();
        job.resumed = !job.done.isEmpty();
    }
    auto log = m_store.startLog(spec.kind, spec.params, job.actor.username, job.resumed);
    if (log.ok())
        job.id = log.value();
    job.m_control->setJobId(job.id);
    if (spec.global)
        (void)m_store.setMetadata(QLatin1String(DapodikSyncStore::LastGlobalSync), QStringLiteral("RUNNING"));
    job.report(firstOf(spec));

    Result<QString> outcome = body(job);

    Progress last;
    last.done = true;
    last.progress = 100;
    QString status;
    if (job.cancelled()) {
        status = QStringLiteral("cancelled");
        last.cancelled = true;
        last.error = QStringLiteral("Dibatalkan. Data yang sudah tersimpan tetap ada; jalankan lagi untuk melanjutkan.");
        last.message = QStringLiteral("⏹ Dibatalkan");
    } else if (!outcome.ok()) {
        status = QStringLiteral("error");
        last.error = outcome.error().message;
        last.message = QStringLiteral("❌ Gagal: ") + outcome.error().message;
    } else if (job.counts.errors > 0) {
        status = QStringLiteral("error");
        last.error = QStringLiteral("%1 item gagal diambil; lihat log sinkronisasi. Jalankan lagi untuk mengulang yang gagal.").arg(job.counts.errors);
        last.message = QStringLiteral("⚠ Selesai dengan %1 kesalahan").arg(job.counts.errors);
    } else {
        status = QStringLiteral("success");
        last.message = QStringLiteral("🏁 SELESAI! ") + outcome.value();
        last.lastSync = nowIso();
        if (!spec.jobKey.isEmpty())
            (void)m_store.clearCheckpoints(spec.jobKey);
    }
    if (spec.refreshAfter && m_afterJob)
        if (auto s = m_afterJob(); !s.ok())
            qCWarning(lcSync) << "analytics refresh failed" << s.error().message;
    if (spec.global)
        (void)m_store.setMetadata(QLatin1String(DapodikSyncStore::LastGlobalSync),
                                  status == QLatin1String("success") ? last.lastSync : QStringLiteral("ERROR: ") + last.error);
    (void)m_store.finishLog(job.id, status, job.counts, last.error.isEmpty() ? outcome.value() : last.error);
    (void)m_audit.record(job.actor, QStringLiteral("sync-") + spec.kind, QStringLiteral("dapodik_sync"), job.id, {},
                         {{"status", status}, {"params", spec.params}, {"kecamatan", job.counts.kecamatan}, {"sekolah", job.counts.sekolah},
                          {"ptk", job.counts.ptk}, {"inactive", job.counts.inactive}, {"errors", job.counts.errors}});
    job.report(last);
    return outcome;
}

Status DapodikJobs::start(const Actor &actor, const Spec &spec, DapodikJobBody body)
{
    auto job = std::make_shared<DapodikJob>();
    job->kind = spec.kind;
    job->params = spec.params;
    job->jobKey = spec.jobKey;
    job->actor = actor;
    // RUNNING is visible as soon as start() returns.
    auto prepare = [this, global = spec.global] {
        if (global)
            (void)m_store.setMetadata(QLatin1String(DapodikSyncStore::LastGlobalSync), QStringLiteral("RUNNING"));
    };
    return m_runner.start(firstOf(spec), [this, job, spec, body](const JobControl &control) {
        job->m_control = &control;
        (void)execute(*job, spec, body);
    }, prepare);
}

Result<QString> DapodikJobs::runNow(const Actor &actor, const Spec &spec, DapodikJobBody body)
{
    std::optional<Result<QString>> result;
    auto started = m_runner.runHere(firstOf(spec), [&](const JobControl &control) {
        DapodikJob job;
        job.kind = spec.kind;
        job.params = spec.params;
        job.actor = actor;
        job.m_control = &control;
        result = execute(job, spec, body);
    });
    if (!started.ok())
        return started.error();
    return *result;
}

} // namespace tu
