#include "JobRunner.h"
#include "db/Database.h"

#include <QLockFile>
#include <QLoggingCategory>
#include <QThread>
#include <future>

Q_LOGGING_CATEGORY(lcJobs, "tatausaha.jobs")

namespace tu {

bool JobControl::cancelled() const { return m_runner.m_cancel.load(); }
void JobControl::report(Progress p) const { m_runner.publish(std::move(p)); }
void JobControl::setJobId(const QString &id) const
{
    QMutexLocker lock(&m_runner.m_mutex);
    m_runner.m_current.jobId = id;
}

qint64 JobRunner::lockKeyOf(const QString &family)
{
    // FNV-1a over a fixed prefix and the family: not qHash, whose seed differs per process.
    quint64 h = 14695981039346656037ULL;
    for (const char c : QByteArray("tatausaha-job:") + family.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return qint64(h & 0x7fffffffffffffffULL);
}

JobRunner::JobRunner(Database &db, const QString &family, const QString &label, const QString &inSentence, QObject *parent)
    : QObject(parent), m_db(db), m_family(family), m_label(label), m_inSentence(inSentence), m_lockKey(lockKeyOf(family))
{
    qRegisterMetaType<tu::Progress>("tu::Progress");
}

JobRunner::~JobRunner()
{
    m_cancel = true;
    waitForIdle(-1);
}

Error JobRunner::busyHere() const
{
    return Error::conflict(QStringLiteral("%1 lain (%2) sedang berjalan. Tunggu sampai selesai atau batalkan.").arg(m_label, m_current.kind));
}

Error JobRunner::busyElsewhere() const
{
    return Error::conflict(QStringLiteral("%1 sedang berjalan dari komputer lain yang memakai basis data yang sama. "
                                          "Tunggu sampai selesai.").arg(m_label));
}

bool JobRunner::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

Progress JobRunner::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

Status JobRunner::claim(const Progress &first)
{
    QMutexLocker lock(&m_mutex);
    if (m_running)
        return busyHere();
    m_running = true;
    m_cancel = false;
    m_clock.start();
    m_current = first;
    return {};
}

void JobRunner::release()
{
    QMutexLocker lock(&m_mutex);
    m_running = false;
}

void JobRunner::publish(Progress p)
{
    // Workers of one job publish from several threads: the order in which they are emitted must
    // be the order in which they were made monotonic, or a listener sees 68 then 38.
    QMutexLocker order(&m_publishOrder);
    {
        QMutexLocker lock(&m_mutex);
        if (p.jobId.isEmpty())
            p.jobId = m_current.jobId;
        if (p.kind.isEmpty())
            p.kind = m_current.kind;
        p.progress = qBound(0, qMax(p.progress, m_current.progress), 100); // never backwards
        p.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        m_current = p;
    }
    emit progress(p);
}

bool JobRunner::tryLock()
{
    if (!m_db.isPostgres()) {
        const QString path = m_db.config().sqlitePath;
        if (path.isEmpty() || path == QLatin1String(":memory:"))
            return true;
        m_lockFile = std::make_unique<QLockFile>(path + QLatin1Char('.') + m_family + QStringLiteral(".lock"));
        m_lockFile->setStaleLockTime(0); // a job may run for hours: only a dead holder's lock is stale
        if (m_lockFile->tryLock(0))
            return true;
        m_lockFile.reset();
        return false;
    }
    auto q = m_db.exec(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {m_lockKey});
    return q.ok() && q.value().next() && q.value().value(0).toBool();
}

void JobRunner::unlock()
{
    // The lock belongs to this thread's session; a job thread's connection closes with the
    // thread, which releases it even if this statement fails.
    if (m_db.isPostgres())
        (void)m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(?)"), {m_lockKey});
    else
        m_lockFile.reset(); // unlocks
}

void JobRunner::run(const Body &body)
{
    const JobControl control(*this);
    body(control);
    unlock();
    release();
    const Progress last = current();
    qCInfo(lcJobs).noquote() << m_family << last.kind << (last.cancelled ? "cancelled" : last.error.isEmpty() ? "done" : "failed")
                             << "in" << last.elapsedMs << "ms";
    emit finished(last);
}

Status JobRunner::start(const Progress &first, Body body, std::function<void()> prepare)
{
    if (auto s = claim(first); !s.ok())
        return s;
    QMutexLocker threadLock(&m_threadMutex);
    if (m_thread) { // the previous job's thread has done its work
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    auto locked = std::make_shared<std::promise<bool>>();
    std::future<bool> lockResult = locked->get_future();
    m_thread = QThread::create([this, body = std::move(body), prepare = std::move(prepare), locked] {
        const bool ok = tryLock();
        if (ok && prepare)
            prepare();
        locked->set_value(ok);
        if (ok)
            run(body);
    });
    m_thread->setObjectName(m_family + QStringLiteral("-job"));
    m_thread->start();
    if (!lockResult.get()) {
        m_thread->wait();
        release();
        return busyElsewhere();
    }
    return {};
}

Status JobRunner::runHere(const Progress &first, Body body)
{
    if (auto s = claim(first); !s.ok())
        return s;
    if (!tryLock()) {
        release();
        return busyElsewhere();
    }
    run(body);
    return {};
}

Status JobRunner::cancel()
{
    QMutexLocker lock(&m_mutex);
    if (!m_running)
        return Error::conflict(QStringLiteral("Tidak ada %1 yang sedang berjalan.").arg(m_inSentence));
    m_cancel = true;
    qCInfo(lcJobs).noquote() << m_family << "cancel requested";
    return {};
}

bool JobRunner::waitForIdle(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    // runHere() jobs have no thread to wait on: poll the flag first.
    while (isRunning()) {
        if (timeoutMs >= 0 && t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(5);
    }
    QMutexLocker threadLock(&m_threadMutex);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    return true;
}

bool JobRunner::whenIdleEverywhere(const std::function<void()> &f)
{
    if (isRunning() || !tryLock())
        return false;
    f();
    unlock();
    return true;
}

} // namespace tu
