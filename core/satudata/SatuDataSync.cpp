#include "SatuDataSync.h"
#include "auth/Permissions.h"
#include "DataFileService.h"
#include "SatuDataClients.h"
#include "SatuDataStore.h"
#include "SatuDataSyncParts.h"
#include "SatuDataTarget.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcSatuData, "tatausaha.satudata")

// The run loop: one file to its targets (syncFile, pushOne), bulk runs on the JobRunner
// (startAll, execute) and conflicts. What each target does is behind SatuDataTarget; the
// bookkeeping of attempts and runs is in SatuDataRunLog.cpp, the schedule in
// SatuDataScheduler.cpp.

namespace tu {

namespace {
QJsonObject localView(const DataFile &f)
{
    return {{"title", f.title}, {"description", f.description}, {"tags", QJsonArray::fromStringList(f.tags)}, {"period", f.period},
            {"rowCount", f.rowCount}, {"updatedAt", f.updatedAt}};
}
} // namespace

SatuDataSync::SatuDataSync(Database &db, AuditLog &audit, SettingsStore &settings, DataFileService &files, QObject *parent)
    : QObject(parent), m_db(db), m_audit(audit), m_settings(settings), m_files(files), m_store(db),
      m_runner(db, QStringLiteral("satudata"), QStringLiteral("Sinkronisasi Satu Data"), QStringLiteral("sinkronisasi Satu Data"))
{
    qRegisterMetaType<tu::RunSummary>();
    // After the runner is idle again, as listeners expect (isRunning() false); from the run's thread.
    connect(&m_runner, &JobRunner::finished, this, [this] { emit runFinished(lastRun()); }, Qt::DirectConnection);
}

SatuDataSync::~SatuDataSync()
{
    cancel();
    waitForIdle(-1);
}

TargetResult SatuDataSync::pushOne(const Actor &actor, const QString &runId, const DataFile &file, const QString &target, bool force)
{
    const SatuDataTarget *to = satudata::target(target);
    if (!to) // the routes and the schedule only pass registered names
        return satudata::failedResult(target, satudata::Validation, QStringLiteral("Tujuan \"%1\" tidak dikenal.").arg(target));
    // One push at a time: a "Sync" pressed on a file while a bulk run is sending it must not
    // create its dataset twice. A single push waits for at most the one in flight.
    QMutexLocker pushing(&m_pushMutex);
    QElapsedTimer clock;
    clock.start();
    const SatuDataConfig config = SatuDataConfig::fromSettings(m_settings);
    auto states = m_store.states(file.id);
    TargetState state = states.ok() ? states->value(target) : TargetState{};
    state.fileId = file.id;
    state.target = target;
    const QString hash = satudata::pushHash(*to, file, config);
    QByteArray answer;
    TargetResult r;
    if (!force && state.status == QLatin1String("ok") && state.pushedHash == hash) {
        r.target = target;
        r.status = QStringLiteral("unchanged");
        r.remoteId = state.remoteId;
        r.message = QStringLiteral("Tidak ada perubahan sejak sinkronisasi terakhir (%1); tidak dikirim ulang.").arg(state.lastSyncAt);
    } else {
        r = send(*to, config, file, state, force, &answer);
    }
    r.durationMs = clock.elapsed();
    recordAttempt(actor, runId, file, state, hash, answer, r);
    return r;
}

TargetResult SatuDataSync::send(const SatuDataTarget &to, const SatuDataConfig &config, const DataFile &file, TargetState &state, bool force, QByteArray *answer)
{
    auto table = m_files.table(file.id);
    if (!table.ok())
        return satudata::failedResult(to.name(), satudata::Validation, table.error().message);
    // The pacer outlives this call so that the delay holds between files of a run.
    thread_local RequestPacer pacer(0);
    pacer.setDelay(config.delayMs);
    QNetworkAccessManager nam;
    PushContext context{config, pacer, &nam, m_store, m_settings.value(QStringLiteral("school_name")), force};
    return to.push(context, file, table.value(), state, answer);
}

Result<FileSyncResult> SatuDataSync::syncFile(const Actor &actor, const QString &fileId, const QStringList &targets)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    if (!file->verified)
        return Error::conflict(QStringLiteral("Berkas \"%1\" belum diverifikasi admin. Hanya berkas terverifikasi yang boleh dikirim ke SPLP/SIPD.").arg(file->title));
    FileSyncResult out;
    out.fileId = file->id;
    out.title = file->title;
    for (const QString &t : targets)
        out.results << pushOne(actor, QString(), file.value(), t, false);
    QJsonObject after{{"targets", QJsonArray::fromStringList(targets)}};
    for (const TargetResult &r : out.results)
        after.insert(r.target, r.status);
    satudata::warnIf(m_audit.record(actor, QStringLiteral("sync"), satudata::FileEntity, fileId, {}, after), "m_audit.record");
    return out;
}

Result<SyncConflict> SatuDataSync::conflict(const QString &fileId, const QString &target)
{
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    auto states = m_store.states(fileId);
    if (!states.ok())
        return states.error();
    const TargetState s = states->value(target);
    if (s.status != QLatin1String("conflict"))
        return Error::notFound(QStringLiteral("Tidak ada konflik %1 untuk berkas ini.").arg(target.toUpper()));
    SyncConflict c;
    c.fileId = fileId;
    c.target = target;
    c.local = localView(file.value());
    c.remote = s.conflictRemote;
    c.detectedAt = s.lastAttemptAt;
    return c;
}

Result<TargetResult> SatuDataSync::resolveConflict(const Actor &actor, const QString &fileId, const QString &target, const QString &keep)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    if (keep != QLatin1String("local") && keep != QLatin1String("remote"))
        return Error::validation({{QStringLiteral("keep"), QStringLiteral("Pilih \"local\" (versi sekolah) atau \"remote\" (versi portal).")}});
    auto c = conflict(fileId, target);
    if (!c.ok())
        return c.error();
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    if (keep == QLatin1String("local")) {
        TargetResult r = pushOne(actor, QString(), file.value(), target, true);
        satudata::warnIf(m_audit.record(actor, QStringLiteral("resolve_conflict"), satudata::FileEntity, fileId, c->remote, {{"keep", keep}, {"status", r.status}}), "m_audit.record");
        return r;
    }
    auto adopted = m_files.adoptRemoteMeta(actor, fileId, c->remote.value(QLatin1String("title")).toString(),
                                           c->remote.value(QLatin1String("notes")).toString());
    if (!adopted.ok())
        return adopted.error();
    auto states = m_store.states(fileId);
    if (!states.ok())
        return states.error();
    TargetState s = states->value(target);
    s.status = QStringLiteral("ok");
    s.remoteModified = c->remote.value(QLatin1String("metadata_modified")).toString();
    if (const SatuDataTarget *to = satudata::target(target))
        s.pushedHash = satudata::pushHash(*to, adopted.value(), SatuDataConfig::fromSettings(m_settings));
    s.lastSyncAt = satudata::iso(now());
    s.conflictRemote = {};
    s.failureClass.clear();
    s.error.clear();
    if (auto st = m_store.saveState(s); !st.ok())
        return st.error();
    satudata::warnIf(m_audit.record(actor, QStringLiteral("resolve_conflict"), satudata::FileEntity, fileId, c->local, {{"keep", keep}}), "m_audit.record");
    TargetResult r;
    r.target = target;
    r.status = QStringLiteral("ok");
    r.remoteId = s.remoteId;
    r.message = QStringLiteral("Versi portal dipakai: judul dan deskripsi berkas mengikuti %1.").arg(target.toUpper());
    if (!adopted->verified)
        r.message += QStringLiteral(" Keterangan berubah, jadi admin perlu memverifikasi berkas lagi sebelum dikirim.");
    return r;
}

Result<QMap<QString, TargetState>> SatuDataSync::states(const QString &fileId) { return m_store.states(fileId); }
Result<QHash<QString, QMap<QString, TargetState>>> SatuDataSync::allStates() { return m_store.allStates(); }

Result<QString> SatuDataSync::startAll(const Actor &actor, const QStringList &targets)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto all = m_files.all();
    if (!all.ok())
        return all.error();
    QList<Item> items;
    for (const DataFile &f : all.value())
        items.append({f.id, targets});
    return startRun(actor, QStringLiteral("manual"), targets, items);
}

Result<RunSummary> SatuDataSync::runAll(const Actor &actor, const QStringList &targets)
{
    auto id = startAll(actor, targets);
    if (!id.ok())
        return id.error();
    waitForIdle(-1);
    QMutexLocker l(&m_mutex);
    return m_last;
}

Result<QString> SatuDataSync::startRun(const Actor &actor, const QString &trigger, const QStringList &targets, QList<Item> items)
{
    RunSummary run;
    run.runId = newId();
    run.trigger = trigger;
    run.targets = targets;
    run.startedAt = satudata::iso(now());
    for (const QString &t : targets)
        run.perTarget.insert(t, {});
    Progress first = Progress::of(QStringLiteral("Memulai sinkronisasi %1 berkas…").arg(items.size()), 0, 0, int(items.size()));
    first.jobId = run.runId;
    first.kind = QStringLiteral("satudata");
    auto started = m_runner.start(first, [this, run, actor, items](const JobControl &control) { execute(control, run, actor, items); });
    if (!started.ok())
        return started.error();
    return run.runId;
}

void SatuDataSync::execute(const JobControl &control, RunSummary run, const Actor &actor, const QList<Item> &items)
{
    int steps = 0;
    for (const Item &i : items)
        steps += int(i.targets.size());
    int done = 0;
    for (int n = 0; n < items.size(); ++n) {
        if (control.cancelled()) {
            run.cancelled = true;
            break;
        }
        auto file = m_files.get(items[n].fileId);
        if (!file.ok()) { // deleted meanwhile
            done += int(items[n].targets.size());
            continue;
        }
        FileSyncResult fr;
        fr.fileId = file->id;
        fr.title = file->title;
        for (const QString &t : items[n].targets) {
            TargetResult r;
            if (!file->verified) {
                r.target = t;
                r.status = QStringLiteral("skipped");
                r.message = QStringLiteral("Belum diverifikasi admin; dilewati.");
            } else {
                r = pushOne(actor, run.runId, file.value(), t, false);
            }
            run.perTarget[t].count(r.status);
            fr.results << r;
            ++done;
            Progress p = Progress::of(QStringLiteral("%1 → %2: %3").arg(file->title, t.toUpper(), r.message), steps ? done * 100 / steps : 100,
                                      n + 1, int(items.size()));
            if (done == steps)
                p.progress = 99; // 100 only with the summary
            control.report(p);
        }
        run.files << fr;
    }
    finishRun(control, run, actor, int(items.size()));
}

Result<QList<FileWithStates>> SatuDataSync::filesWithStates(const DataFileFilter &filter, qint64 *total)
{
    QList<DataFile> files;
    if (filter.page.limit > 0) {
        auto page = m_files.list(filter, total);
        if (!page.ok())
            return page.error();
        files = page.value();
    } else { // every page, in the list's order
        DataFileFilter f = filter;
        f.page.limit = PageRequest::MaxLimit;
        qint64 count = 0;
        for (f.page.page = 1;; ++f.page.page) {
            auto page = m_files.list(f, &count);
            if (!page.ok())
                return page.error();
            files += page.value();
            if (page->isEmpty() || qint64(files.size()) >= count)
                break;
        }
        if (total)
            *total = count;
    }
    auto states = allStates();
    if (!states.ok())
        return states.error();
    QList<FileWithStates> out;
    out.reserve(files.size());
    for (const DataFile &d : files)
        out.append({d, states->value(d.id)});
    return out;
}

} // namespace tu
