#include "PpdbService.h"

#include <QRegularExpression>

// The registration form's rules, apart from the service: they need no database, so they are
// built and fuzzed on their own (tests/fuzz).

namespace tu {

namespace {
struct FieldSpec { const char *key; const char *label; int maxLength; };
const FieldSpec TextFields[] = {
    {"fullName", "Nama lengkap", 100},        {"birthPlace", "Tempat lahir", 100},
    {"address", "Alamat", 255},               {"province", "Provinsi", 100},
    {"city", "Kabupaten/kota", 100},          {"district", "Kecamatan", 100},
    {"fatherName", "Nama ayah", 100},         {"motherName", "Nama ibu", 100},
    {"previousSchool", "Sekolah asal", 150},
};

QString clean(const QJsonValue &v) { return v.isString() ? v.toString().simplified() : QString(); }

bool hasControl(const QString &s)
{
    for (QChar c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    return false;
}
} // namespace

const QStringList &PpdbService::religions()
{
    static const QStringList r{QStringLiteral("Islam"), QStringLiteral("Kristen"), QStringLiteral("Katolik"),
                               QStringLiteral("Hindu"), QStringLiteral("Buddha"), QStringLiteral("Konghucu")};
    return r;
}

Result<Registration> PpdbService::parse(const QJsonObject &in, const QDate &today)
{
    QHash<QString, QString> f;
    Registration r;
    auto text = [&](const char *key, const QString &label, int max) {
        const QString v = clean(in.value(QLatin1String(key)));
        if (v.isEmpty())
            f.insert(QLatin1String(key), QStringLiteral("%1 wajib diisi.").arg(label));
        else if (v.size() > max)
            f.insert(QLatin1String(key), QStringLiteral("%1 paling banyak %2 karakter.").arg(label).arg(max));
        else if (hasControl(v))
            f.insert(QLatin1String(key), QStringLiteral("%1 mengandung karakter yang tidak diizinkan.").arg(label));
        return v;
    };
    QString *targets[] = {&r.fullName, &r.birthPlace, &r.address, &r.province, &r.city, &r.district,
                          &r.fatherName, &r.motherName, &r.previousSchool};
    for (size_t i = 0; i < std::size(TextFields); ++i)
        *targets[i] = text(TextFields[i].key, QString::fromUtf8(TextFields[i].label), TextFields[i].maxLength);

    r.nisn = clean(in.value(QLatin1String("nisn")));
    static const QRegularExpression nisnRe(QStringLiteral("^\\d{10}$"));
    if (r.nisn.isEmpty())
        f.insert(QStringLiteral("nisn"), QStringLiteral("NISN wajib diisi."));
    else if (!nisnRe.match(r.nisn).hasMatch())
        f.insert(QStringLiteral("nisn"), QStringLiteral("NISN harus tepat 10 angka."));

    r.gender = clean(in.value(QLatin1String("gender"))).toUpper();
    if (!Registration::genders().contains(r.gender))
        f.insert(QStringLiteral("gender"), QStringLiteral("Jenis kelamin harus L (laki-laki) atau P (perempuan)."));

    const QString religion = clean(in.value(QLatin1String("religion")));
    for (const QString &known : religions())
        if (known.compare(religion, Qt::CaseInsensitive) == 0)
            r.religion = known;
    if (r.religion.isEmpty())
        f.insert(QStringLiteral("religion"), QStringLiteral("Agama harus salah satu dari: %1.").arg(religions().join(QStringLiteral(", "))));

    const QString birth = clean(in.value(QLatin1String("birthDate")));
    static const QRegularExpression dateRe(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    r.birthDate = QDate::fromString(birth, Qt::ISODate);
    if (birth.isEmpty())
        f.insert(QStringLiteral("birthDate"), QStringLiteral("Tanggal lahir wajib diisi."));
    else if (!dateRe.match(birth).hasMatch() || !r.birthDate.isValid())
        f.insert(QStringLiteral("birthDate"), QStringLiteral("Tanggal lahir harus tanggal yang benar dengan format TTTT-BB-HH."));
    else if (r.birthDate >= today)
        f.insert(QStringLiteral("birthDate"), QStringLiteral("Tanggal lahir harus sebelum hari ini."));
    else {
        int age = today.year() - r.birthDate.year();
        if (QDate(today.year(), r.birthDate.month(), qMin(r.birthDate.day(), QDate(today.year(), r.birthDate.month(), 1).daysInMonth())) > today)
            --age;
        if (age < 9 || age > 18)
            f.insert(QStringLiteral("birthDate"), QStringLiteral("Usia calon siswa SMP harus antara 9 dan 18 tahun (sekarang %1 tahun). Periksa tanggal lahir.").arg(age));
    }

    static const QRegularExpression phoneRe(QStringLiteral("^(08\\d{8,11}|\\+628\\d{7,10})$"));
    auto phone = [&](const char *key, const QString &label) {
        QString v = clean(in.value(QLatin1String(key))).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
        if (v.isEmpty())
            f.insert(QLatin1String(key), QStringLiteral("%1 wajib diisi.").arg(label));
        else if (!phoneRe.match(v).hasMatch())
            f.insert(QLatin1String(key), QStringLiteral("%1 harus nomor ponsel Indonesia, misalnya 081234567890 atau +6281234567890.").arg(label));
        return v;
    };
    r.fatherPhone = phone("fatherPhone", QStringLiteral("Nomor HP ayah"));
    r.motherPhone = phone("motherPhone", QStringLiteral("Nomor HP ibu"));
    r.phone = phone("phone", QStringLiteral("Nomor HP"));

    r.postalCode = clean(in.value(QLatin1String("postalCode")));
    static const QRegularExpression postalRe(QStringLiteral("^\\d{5}$"));
    if (!postalRe.match(r.postalCode).hasMatch())
        f.insert(QStringLiteral("postalCode"), QStringLiteral("Kode pos harus 5 angka."));

    r.email = clean(in.value(QLatin1String("email"))).toLower();
    static const QRegularExpression emailRe(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (r.email.isEmpty())
        f.insert(QStringLiteral("email"), QStringLiteral("Email wajib diisi."));
    else if (r.email.size() > 254 || !emailRe.match(r.email).hasMatch())
        f.insert(QStringLiteral("email"), QStringLiteral("Alamat email tidak valid."));

    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Data pendaftaran belum lengkap atau tidak valid. Periksa isian yang ditandai."));
    return r;
}

} // namespace tu
