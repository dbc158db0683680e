#include "Registration.h"

namespace tu {

const char *registrationStatusSource(const QString &status)
{
    if (status == QLatin1String("pending"))
        return QT_TRANSLATE_NOOP("PpdbStatus", "Menunggu");
    if (status == QLatin1String("verified"))
        return QT_TRANSLATE_NOOP("PpdbStatus", "Terverifikasi");
    if (status == QLatin1String("accepted"))
        return QT_TRANSLATE_NOOP("PpdbStatus", "Diterima");
    if (status == QLatin1String("rejected"))
        return QT_TRANSLATE_NOOP("PpdbStatus", "Ditolak");
    return nullptr;
}

QString registrationStatusText(const QString &status)
{
    const char *source = registrationStatusSource(status);
    return source ? QString::fromUtf8(source) : status;
}

QJsonObject Registration::toJson() const
{
    return {{"id", id}, {"registrationNumber", number}, {"tahunAjaranId", tahunAjaranId}, {"nisn", nisn},
            {"fullName", fullName}, {"birthPlace", birthPlace}, {"birthDate", birthDate.toString(Qt::ISODate)},
            {"gender", gender}, {"religion", religion}, {"address", address}, {"province", province}, {"city", city},
            {"district", district}, {"postalCode", postalCode}, {"fatherName", fatherName}, {"fatherPhone", fatherPhone},
            {"motherName", motherName}, {"motherPhone", motherPhone}, {"previousSchool", previousSchool},
            {"email", email}, {"phone", phone}, {"status", status}, {"retries", retries}, {"note", note},
            {"source", source}, {"submittedAt", submittedAt}, {"updatedAt", updatedAt}};
}

const QStringList &Registration::statuses()
{
    static const QStringList s{QStringLiteral("pending"), QStringLiteral("verified"), QStringLiteral("accepted"), QStringLiteral("rejected")};
    return s;
}

const QStringList &Registration::sources()
{
    static const QStringList s{QStringLiteral("online"), QStringLiteral("walkin")};
    return s;
}

const QStringList &Registration::genders()
{
    static const QStringList g{QStringLiteral("L"), QStringLiteral("P")};
    return g;
}

QJsonObject RegistrationDocument::toJson() const
{
    return {{"id", id}, {"documentType", type}, {"fileName", originalName}, {"mimeType", mimeType},
            {"size", size}, {"sha256", sha256}, {"current", current}, {"uploadedAt", uploadedAt}};
}

QString maskName(const QString &fullName)
{
    QStringList out;
    for (const QString &word : fullName.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out << word.left(1) + QString(word.size() - 1, QLatin1Char('*'));
    return out.join(QLatin1Char(' '));
}

} // namespace tu
