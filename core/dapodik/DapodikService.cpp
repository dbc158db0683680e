#include "DapodikService.h"
#include "auth/Permissions.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDapodik, "tatausaha.dapodik")

namespace tu {

namespace {
using Rows = Result<QList<QJsonObject>>;

QStringList keys(const QList<QJsonObject> &rows, const char *key)
{
    QStringList out;
    for (const QJsonObject &r : rows)
        out << r.value(QLatin1String(key)).toString();
    return out;
}

bool fatal(const Error &e)
{
    // Credentials and access problems stop the whole job: every other request would fail too.
    return e.message.contains(QLatin1String("Pengaturan"));
}

// The services' start* calls answer with a job id once the job's log row exists; callers read it
// from jobs().current(). An empty string is "started".
Result<QString> started(const Status &s)
{
    if (!s.ok())
        return s.error();
    return QString();
}

int scale(int from, int to, qint64 done, qint64 total)
{
    return total <= 0 ? to : from + int((to - from) * done / total);
}
} // namespace

DapodikService::DapodikService(Database &db, AuditLog &audit, SettingsStore &settings)
    : m_db(db), m_audit(audit), m_settings(settings), m_repo(db), m_jobs(db, audit)
{
    m_jobs.setAfterJob([this] { return m_repo.refreshAnalytics(); });
}

DapodikService::~DapodikService() = default;

Status DapodikService::cancel(const Actor &actor)
{
    qCInfo(lcDapodik).noquote() << "cancel requested by" << actor.username;
    return m_jobs.runner().cancel();
}

Result<QJsonObject> DapodikService::lastGlobalSync() { return m_jobs.store().metadata(); }

Result<QList<DapodikSyncLogEntry>> DapodikService::syncLogs(const PageRequest &page, qint64 *total)
{
    return m_jobs.store().logs(page, total);
}

Result<QList<QJsonObject>> DapodikService::syncLogErrors(const QString &logId) { return m_jobs.store().errors(logId); }

namespace {
template<typename Read>
Result<DapodikListPage> guarded(Database &db, QueryInterrupt *cancel, Read read)
{
    if (!cancel)
        return read();
    if (cancel->interrupted()) // superseded before it started
        return Error::conflict(QStringLiteral("Pencarian digantikan yang lebih baru."));
    QueryInterrupt::Guard guard(*cancel, db);
    return read();
}
} // namespace

Result<DapodikListPage> DapodikService::kecamatanList(const DapodikListFilter &f, ListCancel *cancel)
{
    return guarded(m_db, cancel, [&] { return m_repo.kecamatanList(f); });
}

Result<DapodikListPage> DapodikService::sekolahList(const DapodikListFilter &f, ListCancel *cancel)
{
    return guarded(m_db, cancel, [&] { return m_repo.sekolahList(f); });
}

Result<DapodikListPage> DapodikService::ptkList(const DapodikListFilter &f, ListCancel *cancel)
{
    return guarded(m_db, cancel, [&] { return m_repo.ptkList(f); });
}

std::unique_ptr<DapodikClient> DapodikService::client()
{
    if (m_clientFactory)
        return m_clientFactory();
    return std::make_unique<DapodikClient>(DapodikConfig::fromSettings(m_settings));
}

int DapodikService::concurrency() const
{
    // Twice the requests allowed on the wire: a thread waiting out a Retry-After gives its
    // permit to another (DapodikClient's semaphore keeps the limit).
    return 2 * qBound(1, m_settings.value(QStringLiteral("sync_concurrency")).toInt(), 16);
}

Result<QString> DapodikService::syncKecamatanSet(DapodikJob &job, DapodikClient &client, QStringList codes, bool withPtk, int from, int to)
{
    std::atomic<bool> abort{false};
    const auto cancelled = [&job, &abort] { return job.cancelled() || abort.load(); };
    QStringList todo;
    for (const QString &c : codes)
        if (!job.done.contains(c))
            todo << c;
    const int skipped = int(codes.size() - todo.size());
    if (skipped > 0)
        job.report(Progress::of(QStringLiteral("↩ Melanjutkan: %1 dari %2 kecamatan sudah selesai sebelumnya").arg(skipped).arg(codes.size()),
                    scale(from, to, skipped, codes.size()), skipped, int(codes.size())));
    QHash<QString, QString> names;
    for (const QString &c : todo)
        names.insert(c, m_repo.kecamatanName(c).ok() ? m_repo.kecamatanName(c).value() : c);

    QThreadPool pool;
    pool.setMaxThreadCount(concurrency());
    pool.setExpiryTimeout(-1);
    QList<QFuture<Rows>> lists;
    for (const QString &code : todo)
        lists << QtConcurrent::run(&pool, [&client, code, cancelled] { return client.sekolah(code, cancelled); });

    // As each kecamatan's schools arrive, their PTK requests join the queue: the pool never idles.
    const int listSpan = withPtk ? qMax(1, (to - from) / 20) : (to - from);
    struct School { QJsonObject row; QFuture<Rows> ptk; };
    QList<QList<School>> schools(todo.size());
    auto kecDone = std::make_unique<std::atomic<int>[]>(todo.size());
    std::atomic<int> schoolsDone{0};
    std::atomic<int> schoolsTotal{0};
    // In the order the lists arrive: a slow list (a 429 with Retry-After) holds up nobody else.
    QList<int> pending;
    for (int i = 0; i < todo.size(); ++i)
        pending << i;
    int listsDone = 0;
    while (!pending.isEmpty()) {
        int ready = -1;
        for (int i : pending)
            if (lists[i].isFinished()) {
                ready = i;
                break;
            }
        if (ready < 0) {
            QThread::msleep(2);
            continue;
        }
        pending.removeOne(ready);
        const int i = ready;
        const Rows &list = lists[i].result();
        ++listsDone;
        if (!list.ok() || !withPtk)
            continue;
        kecDone[i] = 0;
        for (const QJsonObject &s : list.value()) {
            const QString npsn = s.value(QLatin1String("npsn")).toString();
            const int kecSize = int(list.value().size());
            const QString name = names.value(todo[i]);
            School school{s, QtConcurrent::run(&pool, [&, npsn, i, kecSize, name] {
                              Rows r = client.ptk(npsn, cancelled);
                              const int doneHere = ++kecDone[i];
                              const int all = ++schoolsDone;
                              Progress p;
                              p.message = QStringLiteral("Sync PTK %1/%2 di %3…").arg(doneHere).arg(kecSize).arg(name);
                              p.progress = scale(from + listSpan, to, all, qMax(1, schoolsTotal.load()));
                              p.current = skipped + i + 1;
                              p.total = int(codes.size());
                              p.subProgress = doneHere * 100 / qMax(1, kecSize);
                              job.report(p);
                              return r;
                          })};
            schools[i].append(school);
        }
        schoolsTotal += int(list.value().size());
        job.report(Progress::of(QStringLiteral("🏫 Daftar sekolah %1 diterima (%2 sekolah)").arg(names.value(todo[i])).arg(list.value().size()),
                                scale(from, from + listSpan, listsDone, todo.size()), skipped + i, int(codes.size())));
    }

    // Writes, kecamatan by kecamatan in the order their answers are complete (a school waiting
    // out a Retry-After holds up nobody else's writes), each in one transaction with its checkpoint.
    QString fatalMessage;
    QList<int> unwritten;
    for (int i = 0; i < todo.size(); ++i)
        unwritten << i;
    const auto complete = [&](int i) {
        if (!lists[i].isFinished())
            return false;
        for (const School &s : schools[i])
            if (!s.ptk.isFinished())
                return false;
        return true;
    };
    while (!unwritten.isEmpty() && !cancelled()) {
        int i = -1;
        for (int k : unwritten)
            if (complete(k)) {
                i = k;
                break;
            }
        if (i < 0) {
            QThread::msleep(2);
            continue;
        }
        unwritten.removeOne(i);
        const QString code = todo[i];
        const QString name = names.value(code);
        const Rows &list = lists[i].result();
        if (!list.ok()) {
            if (job.cancelled())
                break;
            job.itemError(QStringLiteral("Kecamatan %1 (%2)").arg(name, code), list.error().message);
            if (fatal(list.error())) {
                fatalMessage = list.error().message;
                abort = true;
            }
            continue;
        }
        bool allPtk = true;
        if (job.cancelled())
            break;
        const QString at = nowIso();
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        auto up = m_repo.upsertSekolah(list.value(), at);
        if (!up.ok())
            return up.error();
        auto gone = m_repo.retireSekolah(code, keys(list.value(), "npsn"), at);
        if (!gone.ok())
            return gone.error();
        int ptkCount = 0, inactive = gone.value();
        QList<std::pair<QString, QString>> failures;
        for (School &s : schools[i]) {
            const QString npsn = s.row.value(QLatin1String("npsn")).toString();
            const Rows &ptk = s.ptk.result();
            if (!ptk.ok()) {
                allPtk = false;
                failures.append({QStringLiteral("Sekolah %1 (NPSN %2)").arg(s.row.value(QLatin1String("nama")).toString(), npsn), ptk.error().message});
                if (fatal(ptk.error()) && fatalMessage.isEmpty()) {
                    fatalMessage = ptk.error().message;
                    abort = true;
                }
                continue;
            }
            auto n = m_repo.upsertPtk(ptk.value(), at);
            if (!n.ok())
                return n.error();
            auto retired = m_repo.retirePtk(npsn, keys(ptk.value(), "ptk_id"), at);
            if (!retired.ok())
                return retired.error();
            ptkCount += n.value();
            inactive += retired.value();
        }
        if (allPtk && !job.jobKey.isEmpty())
            if (auto c = job.store().addCheckpoint(job.jobKey, code); !c.ok())
                return c.error();
        if (auto c = tx.commit(); !c.ok())
            return c.error();
        for (const auto &[item, message] : failures)
            job.itemError(item, message);
        ++job.counts.kecamatan;
        job.counts.sekolah += up.value();
        job.counts.ptk += ptkCount;
        job.counts.inactive += inactive;
        Progress p;
        p.message = QStringLiteral("📦 Wilayah: %1 (%2 sekolah, %3 PTK)").arg(name).arg(up.value()).arg(ptkCount);
        p.progress = withPtk ? 0 : scale(from, to, i + 1, todo.size());
        p.current = skipped + i + 1;
        p.total = int(codes.size());
        p.subProgress = 100;
        job.report(p);
    }
    pool.clear();
    pool.waitForDone();
    if (!fatalMessage.isEmpty())
        return Error::make(ErrorCode::UpstreamError, fatalMessage);
    return QStringLiteral("%1 kecamatan, %2 sekolah, %3 PTK").arg(job.counts.kecamatan).arg(job.counts.sekolah).arg(job.counts.ptk);
}

// Every Dapodik job starts the same way: the permission first (a refused caller learns nothing
// of its input), then `plan` checks the input and names the job, then the runner takes it with
// a fresh client: on its thread ("started": the job id is in jobs().current()) or, for a
// short job, on this one (its closing message).
Result<QString> DapodikService::launch(const Actor &actor, const std::function<Result<JobPlan>()> &plan, Launch mode)
{
    if (auto p = require(actor, Permission::SyncDapodik); !p.ok())
        return p.error();
    auto job = plan();
    if (!job.ok())
        return job.error();
    DapodikJobBody body = [this, run = job->body](DapodikJob &j) {
        auto c = client();
        return run(j, *c);
    };
    if (mode == Launch::Now)
        return m_jobs.runNow(actor, job->spec, std::move(body));
    return started(m_jobs.start(actor, job->spec, std::move(body)));
}

Result<QString> DapodikService::startGlobal(const Actor &actor)
{
    return launch(actor, [this]() -> Result<JobPlan> {
        return JobPlan{{QStringLiteral("global"), m_settings.value(QStringLiteral("dapodik_kode_wilayah")), QStringLiteral("global"), true, true,
                        QStringLiteral("Global Sync")},
                       [this](DapodikJob &job, DapodikClient &client) { return runGlobal(job, client); }};
    });
}

Result<QString> DapodikService::runGlobal(DapodikJob &job, DapodikClient &client)
{
    const QString kabupaten = m_settings.value(QStringLiteral("dapodik_kode_wilayah"));
    job.report(Progress::of(QStringLiteral("🗺 Mengambil daftar kecamatan %1…").arg(kabupaten), 1));
    auto kec = client.kecamatan(kabupaten, [&job] { return job.cancelled(); });
    if (!kec.ok())
        return kec.error();
    if (kec->isEmpty())
        return Error::make(ErrorCode::UpstreamError, QStringLiteral("Dapodik tidak mengenal kecamatan di wilayah %1. Periksa kode wilayah di Pengaturan.").arg(kabupaten));
    QList<QJsonObject> rows = kec.value();
    for (QJsonObject &r : rows)
        if (r.value(QLatin1String("mst_kode_wilayah")).toString().isEmpty())
            r.insert(QStringLiteral("mst_kode_wilayah"), kabupaten);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const QString at = nowIso();
    if (auto n = m_repo.upsertKecamatan(rows, at); !n.ok())
        return n.error();
    auto gone = m_repo.retireKecamatan(kabupaten, keys(rows, "kode_wilayah"), at);
    if (!gone.ok())
        return gone.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    job.counts.inactive += gone.value();
    job.report(Progress::of(QStringLiteral("🗺 %1 kecamatan diterima").arg(rows.size()), 5, 0, int(rows.size())));
    return syncKecamatanSet(job, client, keys(rows, "kode_wilayah"), true, 5, 98);
}

Result<QString> DapodikService::startKecamatan(const Actor &actor, const QStringList &codes)
{
    return launch(actor, [this, codes]() -> Result<JobPlan> {
        static const QRegularExpression kode(QStringLiteral("^\\d{2}\\.\\d{2}\\.\\d{2}$"));
        QStringList clean;
        for (const QString &c : codes) {
            if (!kode.match(c.trimmed()).hasMatch())
                return Error::validation({{QStringLiteral("kode_kecamatan"), QStringLiteral("Kode kecamatan \"%1\" tidak valid; bentuknya 34.04.01.").arg(c.left(20))}});
            if (!clean.contains(c.trimmed()))
                clean << c.trimmed();
        }
        if (clean.isEmpty())
            return Error::validation({{QStringLiteral("kode_kecamatan"), QStringLiteral("Pilih paling sedikit satu kecamatan.")}});
        if (clean.size() > 100)
            return Error::validation({{QStringLiteral("kode_kecamatan"), QStringLiteral("Paling banyak 100 kecamatan sekaligus.")}});
        QStringList sorted = clean;
        sorted.sort();
        return JobPlan{{QStringLiteral("kecamatan"), clean.join(QLatin1Char(',')), QStringLiteral("kecamatan:") + sorted.join(QLatin1Char(',')), false, true,
                        QStringLiteral("Sync Wilayah (%1 kecamatan)").arg(clean.size())},
                       [this, clean](DapodikJob &job, DapodikClient &client) { return syncKecamatanSet(job, client, clean, true, 2, 98); }};
    });
}

Result<QString> DapodikService::startAllSekolah(const Actor &actor)
{
    return launch(actor, [this]() -> Result<JobPlan> {
        auto codes = m_repo.activeKecamatan();
        if (!codes.ok())
            return codes.error();
        if (codes->isEmpty())
            return Error::conflict(QStringLiteral("Belum ada data kecamatan. Jalankan Global Sync terlebih dahulu."));
        return JobPlan{{QStringLiteral("all-sekolah"), QString(), QStringLiteral("all-sekolah"), false, true, QStringLiteral("Sync Sekolah")},
                       [this, list = codes.value()](DapodikJob &job, DapodikClient &client) { return syncKecamatanSet(job, client, list, false, 2, 98); }};
    });
}

Result<QString> DapodikService::runAllPtk(DapodikJob &job, DapodikClient &client)
{
    auto all = m_repo.activeSekolah();
    if (!all.ok())
        return all.error();
    QStringList todo;
    for (const QString &n : all.value())
        if (!job.done.contains(n))
            todo << n;
    const int skipped = int(all->size() - todo.size());
    std::atomic<bool> abort{false};
    const auto cancelled = [&job, &abort] { return job.cancelled() || abort.load(); };
    QThreadPool pool;
    pool.setMaxThreadCount(concurrency());
    pool.setExpiryTimeout(-1);
    std::atomic<int> fetched{0};
    const int total = int(all->size());
    QList<QFuture<Rows>> futures;
    for (const QString &npsn : todo)
        futures << QtConcurrent::run(&pool, [&, npsn] {
            Rows r = client.ptk(npsn, cancelled);
            const int n = skipped + ++fetched;
            job.report(Progress::of(QStringLiteral("Sync PTK sekolah %1/%2…").arg(n).arg(total), scale(2, 98, n, total), n, total));
            return r;
        });
    // Writes in batches of schools, one transaction each with its checkpoints.
    constexpr int Batch = 25;
    QString fatalMessage;
    for (int start = 0; start < todo.size() && !cancelled(); start += Batch) {
        const int end = qMin(int(todo.size()), start + Batch);
        for (int i = start; i < end; ++i)
            futures[i].waitForFinished();
        if (job.cancelled())
            break;
        const QString at = nowIso();
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        QList<std::pair<QString, QString>> failures;
        for (int i = start; i < end; ++i) {
            const Rows &r = futures[i].result();
            if (!r.ok()) {
                if (r.error().code == ErrorCode::NotFound) { // the school is gone from Dapodik
                    auto gone = m_repo.retireSchool(todo[i], at);
                    if (!gone.ok())
                        return gone.error();
                    job.counts.inactive += gone.value();
                } else {
                    failures.append({QStringLiteral("Sekolah NPSN %1").arg(todo[i]), r.error().message});
                    if (fatal(r.error()) && fatalMessage.isEmpty()) {
                        fatalMessage = r.error().message;
                        abort = true;
                    }
                    continue;
                }
            } else {
                auto n = m_repo.upsertPtk(r.value(), at);
                if (!n.ok())
                    return n.error();
                auto retired = m_repo.retirePtk(todo[i], keys(r.value(), "ptk_id"), at);
                if (!retired.ok())
                    return retired.error();
                job.counts.ptk += n.value();
                job.counts.inactive += retired.value();
                ++job.counts.sekolah;
            }
            if (auto c = job.store().addCheckpoint(job.jobKey, todo[i]); !c.ok())
                return c.error();
        }
        if (auto c = tx.commit(); !c.ok())
            return c.error();
        for (const auto &[item, message] : failures)
            job.itemError(item, message);
    }
    pool.clear();
    pool.waitForDone();
    if (!fatalMessage.isEmpty())
        return Error::make(ErrorCode::UpstreamError, fatalMessage);
    return QStringLiteral("%1 sekolah, %2 PTK").arg(job.counts.sekolah).arg(job.counts.ptk);
}

Result<QString> DapodikService::startAllPtk(const Actor &actor)
{
    return launch(actor, [this]() -> Result<JobPlan> {
        auto schools = m_repo.activeSekolah();
        if (!schools.ok())
            return schools.error();
        if (schools->isEmpty())
            return Error::conflict(QStringLiteral("Belum ada data sekolah. Jalankan Global Sync atau Sync Sekolah terlebih dahulu."));
        return JobPlan{{QStringLiteral("all-ptk"), QString(), QStringLiteral("all-ptk"), false, true, QStringLiteral("Sync PTK")},
                       [this](DapodikJob &job, DapodikClient &client) { return runAllPtk(job, client); }};
    });
}

Result<QString> DapodikService::syncPtk(const Actor &actor, const QString &nik, const QString &npsn)
{
    return launch(
        actor,
        [this, nik, npsn]() -> Result<JobPlan> {
            static const QRegularExpression nik16(QStringLiteral("^\\d{16}$"));
            static const QRegularExpression npsn8(QStringLiteral("^\\d{8}$"));
            QHash<QString, QString> f;
            if (!nik16.match(nik).hasMatch())
                f.insert(QStringLiteral("nik"), QStringLiteral("NIK harus 16 angka."));
            if (!npsn8.match(npsn).hasMatch())
                f.insert(QStringLiteral("npsn"), QStringLiteral("NPSN harus 8 angka."));
            if (!f.isEmpty())
                return Error::validation(f, QStringLiteral("NIK atau NPSN tidak valid."));
            return JobPlan{{QStringLiteral("ptk"), nik + QLatin1Char('@') + npsn, QString(), false, true, QStringLiteral("Sync PTK %1").arg(nik)},
                           [this, nik, npsn](DapodikJob &job, DapodikClient &client) { return runPtk(job, client, nik, npsn); }};
        },
        Launch::Now);
}

Result<QString> DapodikService::runPtk(DapodikJob &job, DapodikClient &client, const QString &nik, const QString &npsn)
{
    auto detail = client.ptkDetail(nik, npsn, [&job] { return job.cancelled(); });
    if (!detail.ok())
        return detail.error();
    if (!detail.value())
        return Error::notFound(QStringLiteral("PTK dengan NIK %1 tidak ditemukan di Dapodik untuk NPSN %2.").arg(nik, npsn));
    QJsonObject row = *detail.value();
    if (row.value(QLatin1String("npsn")).toString().isEmpty())
        row.insert(QStringLiteral("npsn"), npsn);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto n = m_repo.upsertPtk({row}, nowIso()); !n.ok())
        return n.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    job.counts.ptk = 1;
    return row.value(QLatin1String("nama")).toString();
}

Result<QJsonObject> DapodikService::analytics()
{
    auto rows = m_repo.analytics();
    if (!rows.ok())
        return rows.error();
    QHash<QString, QJsonArray> dims;
    for (const AnalyticsRow &r : rows.value())
        dims[r.dimensi].append(QJsonObject{{"kunci", r.kunci}, {"label", r.label}, {"jumlah", r.jumlah}});
    auto count = [this](const char *sql) {
        auto q = m_db.exec(QLatin1String(sql));
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : 0;
    };
    return QJsonObject{
        {"ptkPerKecamatan", dims.value(QStringLiteral("ptk_per_kecamatan"))},
        {"sekolahPerKecamatan", dims.value(QStringLiteral("sekolah_per_kecamatan"))},
        {"statusKepegawaian", dims.value(QStringLiteral("status_kepegawaian"))},
        {"jenisKelamin", dims.value(QStringLiteral("jenis_kelamin"))},
        {"jenisPtk", dims.value(QStringLiteral("jenis_ptk"))},
        {"bentukPendidikan", dims.value(QStringLiteral("bentuk_pendidikan"))},
        {"totals", QJsonObject{{"kecamatan", count("SELECT COUNT(*) FROM dapodik_kecamatan WHERE active = 1")},
                               {"sekolah", count("SELECT COUNT(*) FROM dapodik_sekolah WHERE active = 1")},
                               {"ptk", count("SELECT COUNT(*) FROM dapodik_ptk WHERE active = 1")}}},
    };
}

} // namespace tu
