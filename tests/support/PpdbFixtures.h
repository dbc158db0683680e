#pragma once
// Valid PPDB input and an open registration period, for the PPDB suites.
#include "app/Core.h"

#include <QDate>
#include <QJsonObject>

namespace tu::test {

inline QJsonObject validRegistration(const QString &nisn, const QString &name = QStringLiteral("Andi Kurniawan"),
                                     const QDate &today = QDate::currentDate())
{
    return {{"fullName", name}, {"birthPlace", "Sleman"}, {"birthDate", today.addYears(-12).toString(Qt::ISODate)},
            {"gender", "L"}, {"religion", "Islam"}, {"nisn", nisn}, {"address", "Jl. Kaliurang Km 5 No. 12"},
            {"province", "DI Yogyakarta"}, {"city", "Sleman"}, {"district", "Depok"}, {"postalCode", "55281"},
            {"fatherName", "Budi Santoso"}, {"fatherPhone", "081234567890"}, {"motherName", "Siti Aminah"},
            {"motherPhone", "+6281234567891"}, {"previousSchool", "SD Negeri 1 Depok"}, {"email", "andi@example.id"},
            {"phone", "081298765432"}};
}

// An active 2026/2027 year whose registration period runs from today-10 to today+30.
inline bool openRegistration(Core &core, const QDate &today = QDate::currentDate())
{
    return core.tahunAjaran().store(Actor::system(QStringLiteral("test")),
                                    {{"tahun_ajaran", "2026/2027"},
                                     {"periode_awal_pendaftaran", today.addDays(-10).toString(Qt::ISODate)},
                                     {"periode_akhir_pendaftaran", today.addDays(30).toString(Qt::ISODate)},
                                     {"sts_aktif", 1}}).ok();
}

inline QByteArray pngBytes()
{
    QByteArray b("\x89PNG\r\n\x1A\n", 8);
    b.append(QByteArray(200, 'x'));
    return b;
}

} // namespace tu::test
