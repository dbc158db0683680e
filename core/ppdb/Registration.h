#pragma once
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace tu {

// One PPDB application (docs/school-api.md). Status: pending -> verified -> accepted | rejected
// (pending -> rejected allowed).
struct Registration {
    QString id;
    QString number; // PPDB-<first year>-<4-digit sequence>
    QString tahunAjaranId;
    QString nisn, fullName, birthPlace;
    QDate birthDate;
    QString gender, religion, address, province, city, district, postalCode;
    QString fatherName, fatherPhone, motherName, motherPhone, previousSchool, email, phone;
    QString status = QStringLiteral("pending");
    int retries = 0;
    QString note;
    QString source = QStringLiteral("online"); // online | walkin
    QString submittedAt, updatedAt;

    QJsonObject toJson() const; // full record for staff

    // The closed sets of the record, shared by validation and the API schema.
    static const QStringList &statuses(); // pending, verified, accepted, rejected
    static const QStringList &sources();  // online, walkin
    static const QStringList &genders();  // L, P
};

struct RegistrationDocument {
    QString id, registrationId, type, storedName, originalName, mimeType, sha256, uploadedAt;
    qint64 size = 0;
    bool current = true;
    QJsonObject toJson() const;
};

// The status in the words people read (Indonesian, marked QT_TRANSLATE_NOOP("PpdbStatus", …)
// so the desktop can show it in its language): the one mapping for screens and exports.
QString registrationStatusText(const QString &status);
const char *registrationStatusSource(const QString &status); // nullptr for an unknown status

// "Andi Kurniawan" -> "A*** K********": the public status page shows no full names.
QString maskName(const QString &fullName);

} // namespace tu
