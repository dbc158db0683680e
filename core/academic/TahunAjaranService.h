#pragma once
#include "Result.h"
#include "SiakadSyncPlan.h"
#include "TahunAjaran.h"
#include "TahunAjaranRepository.h"
#include "auth/Actor.h"

#include <QJsonObject>
#include <functional>
#include <optional>

namespace tu {

class AuditLog;
class Database;
class SettingsStore;
class SiakadClient;

struct SyncSummary {
    int inserted = 0, updated = 0, trashed = 0, unchanged = 0;
    QJsonObject toJson() const
    {
        return {{"inserted", inserted}, {"updated", updated}, {"trashed", trashed}, {"unchanged", unchanged}};
    }
};

// The tahun ajaran master and its rules: `YYYY/YYYY+1` unique
// among live records, real `Y-m-d` dates, end after start, inclusive registration periods of
// live years never overlap, at most one active year (activating one deactivates the others in
// the same transaction), soft delete to the trash and back. SIAKAD full sync makes local data
// follow SIAKAD's list in one transaction: all or nothing.
class TahunAjaranService
{
public:
    // `settings`: where SIAKAD is and its key (syncWithSiakad, the webhook).
    TahunAjaranService(Database &db, AuditLog &audit, const SettingsStore *settings = nullptr);

    // stsHapus: 1 live (default), 2 trash; stsAktif: 0 any, 1 active, 2 inactive.
    Result<QList<TahunAjaran>> list(int stsHapus = 1, int stsAktif = 0);
    Result<std::optional<TahunAjaran>> activeYear();
    Result<TahunAjaran> get(const QString &id);

    // Create (no id_tahun_ajaran) or edit, from the flat JSON shape (docs/tahun-ajaran.md).
    Result<TahunAjaran> store(const Actor &actor, const QJsonObject &input);
    Result<TahunAjaran> trash(const Actor &actor, const QString &id);
    Result<TahunAjaran> restore(const Actor &actor, const QString &id);

    // Webhook from SIAKAD: one record in the store shape with its id (sts_hapus allowed).
    Result<TahunAjaran> upsertFromSync(const Actor &actor, const QJsonObject &record);
    // The same, for a caller that names itself by SIAKAD's API key (UNAUTHORIZED unless it
    // matches the configured `siakad_api_key`, compared in constant time).
    Result<TahunAjaran> webhook(const QByteArray &apiKey, const QString &ip, const QJsonObject &record);
    // Full sync: SIAKAD's list becomes the local truth; local years it lacks go to the trash.
    Result<SyncSummary> applySiakadList(const Actor &actor, const QList<TahunAjaran> &remote);
    // `expectedFingerprint`, from a preview: refused (CONFLICT, nothing changed) when SIAKAD's
    // answer is no longer the list the person saw.
    Result<SyncSummary> syncWithSiakad(const Actor &actor, const QString &expectedFingerprint = {}); // SIAKAD as configured
    Result<SyncSummary> syncWithSiakad(const Actor &actor, SiakadClient &client, const QString &expectedFingerprint = {});
    // What a full sync would do, from SIAKAD's list (fetched, nothing sent) and the local years,
    // with the consequences for the active year and its applicants. Changes nothing anywhere.
    Result<SiakadSyncPlan> previewSiakadSync(const Actor &actor);
    Result<SiakadSyncPlan> previewSiakadSync(const Actor &actor, SiakadClient &client);
    // How many PPDB registrations a year has (wired by Core to the PPDB area).
    void setApplicantCounter(std::function<Result<int>(const QString &yearId)> counter) { m_applicants = std::move(counter); }

    // Shape check of one record (formats, not cross-record rules); `requireId` for sync data.
    static Result<TahunAjaran> parse(const QJsonObject &input, bool fromSync);

private:
    // Cross-record rules against the live years (excluding `t` itself).
    Status checkAgainstOthers(const TahunAjaran &t);
    Result<TahunAjaran> save(const Actor &actor, TahunAjaran t, const QString &action);

    Database &m_db;
    AuditLog &m_audit;
    const SettingsStore *m_settings;
    TahunAjaranRepository m_repo;
    std::function<Result<int>(const QString &)> m_applicants;
};

} // namespace tu
