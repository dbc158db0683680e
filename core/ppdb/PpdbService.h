#pragma once
#include "PpdbRepository.h"
#include "Registration.h"
#include "Result.h"
#include "auth/Actor.h"
#include "files/Upload.h"

#include <QDate>
#include <functional>

class QIODevice;

namespace tu {

class AuditLog;
class Database;
class SettingsStore;
class TahunAjaranService;
struct TahunAjaran;

struct NisnCheck {
    bool registered = false;
    QString status;
    int retries = 0;
    bool allowRetry = false;
};

struct RegistrationDetail {
    Registration registration;
    QList<RegistrationDocument> documents; // current first, then history
};

// PPDB admissions (docs/school-api.md): validation, the open period of the active
// tahun ajaran in the school's time zone, NISN uniqueness with one re-registration after
// rejection, gap-free numbers allocated inside the inserting transaction, documents sniffed by
// content, and the staff workflow pending -> verified -> accepted | rejected.
//
// Documents. An applicant (anonymous) names the registration by its unguessable id — never by
// the sequential number — and may upload only while it is pending, at most
// MaxUploadsPerRegistration times in its life and MaxStoredBytesPerRegistration stored at once.
// Staff (admin, ppdb) may attach documents at any status, by id or number, without those caps.
// Retention, for everyone: a new document of a type retires the current one; per type the newest
// KeepRetiredVersions retired versions stay as history, older ones are deleted (row and file,
// audited as "prune_document"). Every upload keeps the disk reserve (INSUFFICIENT_STORAGE).
class PpdbService
{
public:
    static constexpr qint64 MaxDocumentBytes = 5 * 1024 * 1024;
    static constexpr int MaxUploadsPerRegistration = 30;
    static constexpr qint64 MaxStoredBytesPerRegistration = 30 * 1024 * 1024;
    static constexpr int KeepRetiredVersions = 2;
    static const QStringList &documentTypes();
    static const QStringList &religions();
    static const QStringList &documentMimes(); // decided by content: JPEG, PNG, PDF

    PpdbService(Database &db, AuditLog &audit, TahunAjaranService &years, SettingsStore &settings, QString uploadDir,
                files::DiskReserve reserve);
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }
    QDate today() const; // in the school's time zone

    // The active year whose registration period contains today, or REGISTRATION_CLOSED.
    Result<TahunAjaran> openYear();
    Result<NisnCheck> checkNisn(const QString &nisn);
    // Online (actor = anonymous applicant) or walk-in (actor = staff, source "walkin").
    Result<Registration> submit(const Actor &actor, const QJsonObject &input, const QString &source = QStringLiteral("online"));
    // {registrationNumber, status, fullName, submittedAt}: fullName and submittedAt are null
    // unless `nisn` is the applicant's, so the sequential numbers reveal nothing but a status.
    Result<QJsonObject> publicStatus(const QString &number, const QString &nisn);
    // `registration`: the id (UUID) for applicants; staff may also give the number.
    Result<RegistrationDocument> upload(const Actor &actor, const QString &registration, const QString &type,
                                        QIODevice &content, const QString &originalName);
    static bool isStaff(const Actor &actor);

    Result<RegistrationPage> list(const RegistrationFilter &filter);
    // Every registration of a tahun ajaran, whatever its status.
    Result<int> countInYear(const QString &tahunAjaranId);
    // Every registration matching the filter (page and limit ignored), for exports.
    Result<QList<Registration>> all(RegistrationFilter filter);
    Result<RegistrationDetail> detail(const QString &idOrNumber);
    Result<Registration> changeStatus(const Actor &actor, const QString &idOrNumber, const QString &status, const QString &note);
    // Absolute path and metadata of a stored document.
    Result<std::pair<QString, RegistrationDocument>> documentFile(const QString &idOrNumber, const QString &docId);

    static Result<Registration> parse(const QJsonObject &input, const QDate &today);

private:
    Result<Registration> find(const QString &idOrNumber);
    Database &m_db;
    AuditLog &m_audit;
    TahunAjaranService &m_years;
    SettingsStore &m_settings;
    PpdbRepository m_repo;
    QString m_uploadDir;
    files::DiskReserve m_reserve;
    std::function<QDate()> m_today;
};

} // namespace tu
