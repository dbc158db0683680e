#pragma once
#include "PpdbRepository.h"
#include "Registration.h"
#include "Result.h"
#include "auth/Actor.h"

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

// PPDB admissions (seed 004, DESIGN.md section 4): validation, the open period of the active
// tahun ajaran in the school's time zone, NISN uniqueness with one re-registration after
// rejection, gap-free numbers allocated inside the inserting transaction, documents sniffed by
// content, and the staff workflow pending -> verified -> accepted | rejected.
class PpdbService
{
public:
    static constexpr qint64 MaxDocumentBytes = 5 * 1024 * 1024;
    static const QStringList &documentTypes();
    static const QStringList &religions();

    PpdbService(Database &db, AuditLog &audit, TahunAjaranService &years, SettingsStore &settings, QString uploadDir);
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }
    QDate today() const; // in the school's time zone

    // The active year whose registration period contains today, or REGISTRATION_CLOSED.
    Result<TahunAjaran> openYear();
    Result<NisnCheck> checkNisn(const QString &nisn);
    // Online (actor = anonymous applicant) or walk-in (actor = staff, source "walkin").
    Result<Registration> submit(const Actor &actor, const QJsonObject &input, const QString &source = QStringLiteral("online"));
    // {registrationNumber, status, fullName (masked unless nisn matches), submittedAt}
    Result<QJsonObject> publicStatus(const QString &number, const QString &nisn);
    Result<RegistrationDocument> upload(const Actor &actor, const QString &registration, const QString &type,
                                        QIODevice &content, const QString &originalName);

    Result<RegistrationPage> list(const RegistrationFilter &filter);
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
    std::function<QDate()> m_today;
};

} // namespace tu
