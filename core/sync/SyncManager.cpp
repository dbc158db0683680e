#include "SyncManager.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QLoggingCategory>
#include <future>
#include <optional>

Q_LOGGING_CATEGORY(lcSync, "tatausaha.sync")

namespace tu {

namespace {
constexpr qint64 AdvisoryKey = 7350612026; // "the TataUsaha sync", shared by every process on one database
}

void SyncJob::report(Progress p)
{
    p.jobId = id;
    p.kind = kind;
    m_manager->publish(std::move(p));
}

void SyncJob::itemError(const QString &item, const QString &message)
{
    ++counts.errors;
    if (auto s = m_store->addError(id, item, message); !s.ok())
        qCWarning(lcSync) << "cannot log item error" << s.error().message;
}

SyncManager::SyncManager(Database &db, AuditLog &audit, QObject *parent) : QObject(parent), m_db(db), m_audit(audit), m_store(db)
{
    qRegisterMetaType<tu::Progress>("tu::Progress");
}

SyncManager::~SyncManager()
{
    m_cancel = true;
    waitForIdle(30000);
}

bool SyncManager::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

Progress SyncManager::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

void SyncManager::publish(Progress p)
{
    {
        QMutexLocker lock(&m_mutex);
        if (p.jobId == m_current.jobId)
            p.progress = qMax(p.progress, m_current.progress); // never backwards
        p.progress = qBound(0, p.progress, 100);
        p.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        m_current = p;
    }
    emit progress(p);
}

bool SyncManager::tryLock()
{
    if (!m_db.isPostgres())
        return true;
    auto q = m_db.exec(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {AdvisoryKey});
    return q.ok() && q.value().next() && q.value().value(0).toBool();
}

void SyncManager::unlock()
{
    if (m_db.isPostgres())
        (void)m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(?)"), {AdvisoryKey});
}

Result<bool> SyncManager::recoverAtStartup()
{
    if (!tryLock())
        return false; // another process is syncing: its RUNNING is real
    auto r = m_store.recoverInterrupted();
    unlock();
    return r;
}

void SyncManager::execute(SyncJob &job, const Spec &spec, const SyncBody &body)
{
    job.m_manager = this;
    job.m_store = &m_store;
    job.m_cancel = &m_cancel;
    if (!spec.jobKey.isEmpty()) {
        auto done = m_store.checkpoints(spec.jobKey);
        if (done.ok())
            job.done = done.value();
        job.resumed = !job.done.isEmpty();
    }
    auto log = m_store.startLog(spec.kind, spec.params, job.actor.username, job.resumed);
    if (log.ok())
        job.id = log.value();
    if (spec.global)
        (void)m_store.setMetadata(QLatin1String(SyncStore::LastGlobalSync), QStringLiteral("RUNNING"));
    job.report(Progress::of(QStringLiteral("🚀 Memulai %1…").arg(spec.title), 0));

    Result<QString> outcome = body(job);

    Progress last;
    last.done = true;
    last.progress = 100;
    QString status;
    if (m_cancel.load()) {
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
        (void)m_store.setMetadata(QLatin1String(SyncStore::LastGlobalSync),
                                  status == QLatin1String("success") ? last.lastSync : QStringLiteral("ERROR: ") + last.error);
    (void)m_store.finishLog(job.id, status, job.counts, last.error.isEmpty() ? outcome.value() : last.error);
    (void)m_audit.record(job.actor, QStringLiteral("sync-") + spec.kind, QStringLiteral("dapodik_sync"), job.id, {},
                         {{"status", status}, {"params", spec.params}, {"kecamatan", job.counts.kecamatan}, {"sekolah", job.counts.sekolah},
                          {"ptk", job.counts.ptk}, {"inactive", job.counts.inactive}, {"errors", job.counts.errors}});
    job.report(last);
    emit jobFinished(current());
    qCInfo(lcSync).noquote() << "job" << spec.kind << status << "in" << m_clock.elapsed() << "ms";
}

Result<QString> SyncManager::start(const Actor &actor, const Spec &spec, SyncBody body)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running)
            return Error::conflict(QStringLiteral("Sinkronisasi lain (%1) sedang berjalan. Tunggu sampai selesai atau batalkan.").arg(m_current.kind));
        m_running = true;
        m_cancel = false;
        m_clock.start();
        m_current = Progress::of(QStringLiteral("🚀 Memulai %1…").arg(spec.title), 0);
        m_current.kind = spec.kind;
    }
    QMutexLocker threadLock(&m_threadMutex);
    if (m_thread) { // the previous job's thread has finished its work
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    auto locked = std::make_shared<std::promise<bool>>();
    std::future<bool> lockResult = locked->get_future();
    auto job = std::make_shared<SyncJob>();
    job->kind = spec.kind;
    job->params = spec.params;
    job->jobKey = spec.jobKey;
    job->actor = actor;
    m_thread = QThread::create([this, job, spec, body, locked] {
        const bool ok = tryLock();
        if (ok && spec.global) // visible as soon as start() returns
            (void)m_store.setMetadata(QLatin1String(SyncStore::LastGlobalSync), QStringLiteral("RUNNING"));
        locked->set_value(ok);
        if (!ok)
            return;
        execute(*job, spec, body);
        unlock();
        QMutexLocker lock(&m_mutex);
        m_running = false;
    });
    m_thread->setObjectName(QStringLiteral("sync-") + spec.kind);
    m_thread->start();
    if (!lockResult.get()) {
        m_thread->wait();
        QMutexLocker lock(&m_mutex);
        m_running = false;
        return Error::conflict(QStringLiteral("Sinkronisasi sedang berjalan dari komputer lain yang memakai basis data yang sama. Tunggu sampai selesai."));
    }
    // The job id is known once its log row exists; callers that need it read current().
    return QString();
}

Result<QString> SyncManager::runNow(const Actor &actor, const Spec &spec, SyncBody body)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running)
            return Error::conflict(QStringLiteral("Sinkronisasi lain (%1) sedang berjalan. Tunggu sampai selesai atau batalkan.").arg(m_current.kind));
        m_running = true;
        m_cancel = false;
        m_clock.start();
        m_current = Progress{};
        m_current.kind = spec.kind;
    }
    std::optional<Result<QString>> result;
    if (tryLock()) {
        SyncJob job;
        job.kind = spec.kind;
        job.params = spec.params;
        job.actor = actor;
        execute(job, spec, [&](SyncJob &j) {
            result = body(j);
            return *result;
        });
        unlock();
    } else {
        result = Error::conflict(QStringLiteral("Sinkronisasi sedang berjalan dari komputer lain yang memakai basis data yang sama. Tunggu sampai selesai."));
    }
    QMutexLocker lock(&m_mutex);
    m_running = false;
    return *result;
}

Status SyncManager::cancel(const Actor &actor)
{
    QMutexLocker lock(&m_mutex);
    if (!m_running)
        return Error::conflict(QStringLiteral("Tidak ada sinkronisasi yang sedang berjalan."));
    m_cancel = true;
    qCInfo(lcSync).noquote() << "cancel requested by" << actor.username;
    return {};
}

bool SyncManager::waitForIdle(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (isRunning()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(10);
    }
    QMutexLocker threadLock(&m_threadMutex);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    return true;
}

} // namespace tu
