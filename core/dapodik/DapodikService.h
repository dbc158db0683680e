#pragma once
#include "DapodikClient.h"
#include "DapodikRepository.h"
#include "Result.h"
#include "auth/Actor.h"
#include "sync/SyncManager.h"

#include <QJsonObject>
#include <functional>
#include <memory>

namespace tu {

class AuditLog;
class Database;
class SettingsStore;

// Dapodik sync (seed 000, DESIGN.md section 4): the jobs global (wilayah -> sekolah -> PTK),
// kecamatan, all-sekolah, all-ptk and single PTK over SyncManager. Upstream calls run on a pool
// of `sync_concurrency` threads; all writes happen on the job thread in one transaction per
// kecamatan (or per batch of schools), each committing its checkpoint, so a failed or cancelled
// job resumes where it stopped and never leaves a kecamatan half-written.
class DapodikService
{
public:
    DapodikService(Database &db, AuditLog &audit, SettingsStore &settings);
    ~DapodikService();

    SyncManager &manager() { return *m_manager; }
    DapodikRepository &repository() { return m_repo; }

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
    Result<QString> syncKecamatanSet(SyncJob &job, DapodikClient &client, QStringList codes, bool withPtk, int from, int to);
    Result<QString> runAllPtk(SyncJob &job, DapodikClient &client);
    std::unique_ptr<DapodikClient> client();
    int concurrency() const;

    Database &m_db;
    AuditLog &m_audit;
    SettingsStore &m_settings;
    DapodikRepository m_repo;
    std::unique_ptr<SyncManager> m_manager;
    std::function<std::unique_ptr<DapodikClient>()> m_clientFactory;
};

} // namespace tu
