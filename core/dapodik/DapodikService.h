#pragma once
#include "DapodikClient.h"
#include "DapodikJobs.h"
#include "DapodikRepository.h"
#include "db/QueryInterrupt.h"
#include "Result.h"
#include "auth/Actor.h"


#include <QJsonObject>
#include <functional>
#include <memory>

namespace tu {

class AuditLog;
class Database;
class SettingsStore;

// Dapodik sync: the jobs global (wilayah -> sekolah -> PTK), kecamatan, all-sekolah, all-ptk and
// single PTK over DapodikJobs (docs/dapodik-sync.md has the upstream's contract). Upstream calls run on a pool
// of `sync_concurrency` threads; all writes happen on the job thread in one transaction per
// kecamatan (or per batch of schools), each committing its checkpoint, so a failed or cancelled
// job resumes where it stopped and never leaves a kecamatan half-written.
class DapodikService
{
public:
    DapodikService(Database &db, AuditLog &audit, SettingsStore &settings);
    ~DapodikService();

    // The running job: progress and finished signals, isRunning, current, waitForIdle.
    JobRunner &jobs() { return m_jobs.runner(); }
    Status cancel(const Actor &actor);
    // At start-up: a job left RUNNING by a crash is marked interrupted. True if one was.
    Result<bool> recoverAtStartup() { return m_jobs.recoverAtStartup(); }
    // LAST_GLOBAL_SYNC: {id, key, value}.
    Result<QJsonObject> lastGlobalSync();
    Result<QList<DapodikSyncLogEntry>> syncLogs(const PageRequest &page, qint64 *total);
    Result<QList<QJsonObject>> syncLogErrors(const QString &logId);

    // The synced data, paged. A search the user typed past is stopped through `cancel` (any
    // thread may call cancel->interrupt() while the read runs on this one).
    using ListCancel = QueryInterrupt;
    Result<DapodikListPage> kecamatanList(const DapodikListFilter &f, ListCancel *cancel = nullptr);
    Result<DapodikListPage> sekolahList(const DapodikListFilter &f, ListCancel *cancel = nullptr);
    Result<DapodikListPage> ptkList(const DapodikListFilter &f, ListCancel *cancel = nullptr);

    Result<QString> startGlobal(const Actor &actor);
    Result<QString> startKecamatan(const Actor &actor, const QStringList &codes); // VALIDATION_ERROR for bad codes
    Result<QString> startAllSekolah(const Actor &actor);
    Result<QString> startAllPtk(const Actor &actor);
    // Synchronous; returns the PTK's name. NOT_FOUND when Dapodik does not know it.
    Result<QString> syncPtk(const Actor &actor, const QString &nik, const QString &npsn);

    // {ptkPerKecamatan, sekolahPerKecamatan, statusKepegawaian, jenisKelamin, jenisPtk,
    //  bentukPendidikan: [{kunci, label, jumlah}], totals: {kecamatan, sekolah, ptk}}
    Result<QJsonObject> analytics();

    // Tests and the benchmark swap the client (e.g. to count requests).
    void setClientFactory(std::function<std::unique_ptr<DapodikClient>()> factory) { m_clientFactory = std::move(factory); }

private:
    // What a start* call hands the runner: the job's Spec and its body, given a client.
    struct JobPlan {
        DapodikJobs::Spec spec;
        std::function<Result<QString>(DapodikJob &, DapodikClient &)> body;
    };
    enum class Launch { Background, Now };
    Result<QString> launch(const Actor &actor, const std::function<Result<JobPlan>()> &plan, Launch mode = Launch::Background);
    Result<QString> runGlobal(DapodikJob &job, DapodikClient &client);
    Result<QString> runPtk(DapodikJob &job, DapodikClient &client, const QString &nik, const QString &npsn);
    Result<QString> syncKecamatanSet(DapodikJob &job, DapodikClient &client, QStringList codes, bool withPtk, int from, int to);
    Result<QString> runAllPtk(DapodikJob &job, DapodikClient &client);
    std::unique_ptr<DapodikClient> client();
    int concurrency() const;

    Database &m_db;
    AuditLog &m_audit;
    SettingsStore &m_settings;
    DapodikRepository m_repo;
    DapodikJobs m_jobs;
    std::function<std::unique_ptr<DapodikClient>()> m_clientFactory;
};

} // namespace tu
