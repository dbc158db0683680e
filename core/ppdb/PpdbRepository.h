#pragma once
#include "Registration.h"
#include "Result.h"

#include <QHash>
#include <optional>

namespace tu {

class Database;

struct RegistrationFilter {
    QString status; // empty: all
    QString q;      // name, NISN or number
    int page = 1;
    int limit = 10;
};

// What a registration has used of its upload quota.
struct UploadUsage {
    QString status;
    int uploads = 0;        // public uploads so far (pruned ones included)
    qint64 storedBytes = 0; // documents still stored: current and the retired versions kept
};

struct RegistrationPage {
    QList<Registration> items;
    qint64 total = 0;
    QHash<QString, qint64> counts; // per status, over the whole year regardless of filters
};

// All SQL about PPDB registrations, their numbers and documents.
class PpdbRepository
{
public:
    explicit PpdbRepository(Database &db) : m_db(db) {}
    Result<std::optional<Registration>> byId(const QString &id);
    Result<std::optional<Registration>> byNumber(const QString &number);
    Result<std::optional<Registration>> byNisn(const QString &tahunAjaranId, const QString &nisn);
    Result<std::optional<Registration>> byNisnAnyYear(const QString &nisn);
    Result<RegistrationPage> list(const RegistrationFilter &filter);
    Result<int> countInYear(const QString &tahunAjaranId);
    Status insert(const Registration &r);
    Status update(const Registration &r);
    // Next number of the year's sequence; call inside the inserting transaction.
    Result<int> nextSequence(int year);

    Status insertDocument(const RegistrationDocument &d);
    Status retireDocuments(const QString &registrationId, const QString &type);
    Result<UploadUsage> uploadUsage(const QString &registrationId);
    // Counts one public upload; its row lock queues concurrent uploads to the same registration.
    Status countUpload(const QString &registrationId);
    // Retired documents of `type` older than the newest `keep` retired ones, oldest last.
    Result<QList<RegistrationDocument>> retiredBeyond(const QString &registrationId, const QString &type, int keep);
    Status deleteDocument(const QString &docId);
    Result<QList<RegistrationDocument>> documents(const QString &registrationId, bool currentOnly);
    Result<std::optional<RegistrationDocument>> document(const QString &registrationId, const QString &docId);

private:
    Database &m_db;
};

} // namespace tu
