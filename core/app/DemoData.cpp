#include "DemoData.h"
#include "Core.h"

#include <QDate>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace tu {

QString demoPassword()
{
    // No look-alike characters (0/O, 1/l/I): the password is read off a console.
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 14; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return out;
}

namespace {
const QString DemoMarker = QStringLiteral("demo_database");

// Rows in the tables a school's own use fills first. One user is allowed: the first admin that
// TATAUSAHA_ADMIN_PASSWORD (or the desktop's first-run dialog) may have created just before.
Result<bool> holdsSchoolData(Core &core)
{
    const QList<std::pair<const char *, qint64>> tables = {
        {"users", 1}, {"tahun_ajaran", 0}, {"ppdb_registrations", 0}, {"news", 0}, {"announcements", 0},
        {"teachers", 0}, {"student_works", 0}, {"satudata_files", 0}, {"dapodik_sekolah", 0}};
    for (const auto &[table, allowed] : tables) {
        auto q = core.db().exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        if (!q.ok())
            return q.error();
        if (q.value().next() && q.value().value(0).toLongLong() > allowed)
            return true;
    }
    return false;
}

// Once, when they are created: the passwords exist nowhere else (only their hashes are stored).
void announce(const QList<DemoAccount> &accounts)
{
    if (accounts.isEmpty())
        return;
    qCInfo(lcCore).noquote() << "Akun demo dibuat (kata sandi acak, hanya ditampilkan sekali; catat sekarang):";
    for (const DemoAccount &a : accounts)
        qCInfo(lcCore).noquote() << QStringLiteral("  %1 (%2): %3").arg(a.username, -14).arg(a.role).arg(a.password);
}

// A few dozen applicants in every state, so the PPDB page looks like admission week.
void seedDemoRegistrations(Core &core)
{
    const QStringList first = {"Andi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika",
                               "Lukman", "Maya", "Nanda", "Oki", "Putri", "Rizky", "Salsabila", "Taufik", "Umi", "Vina",
                               "Wahyu", "Yusuf", "Zahra", "Aditya", "Bunga", "Cahya", "Dimas", "Elsa", "Fajar", "Galih",
                               "Intan", "Kevin", "Laras", "Mutiara", "Nabila"};
    const QStringList last = {"Pratama", "Saputra", "Lestari", "Wulandari", "Nugroho", "Rahmawati", "Setiawan", "Kurniawan",
                              "Hidayat", "Permata", "Santoso", "Anggraini"};
    const QStringList schools = {"SD Negeri 1 Depok", "SD Negeri Caturtunggal 3", "SD Muhammadiyah Condongcatur",
                                 "SD Kanisius Gayam", "MI Negeri 2 Sleman", "SD Negeri Percobaan 2"};
    const Actor demo = Actor::system(QStringLiteral("demo"));
    const Actor panitia = Actor::system(QStringLiteral("panitia.ppdb"));
    const QDate today = core.ppdb().today();
    for (int i = 0; i < first.size(); ++i) {
        const QJsonObject in{
            {"fullName", first[i] + QLatin1Char(' ') + last[i % last.size()]}, {"birthPlace", i % 3 ? "Sleman" : "Yogyakarta"},
            {"birthDate", today.addYears(-12).addDays(-(i * 37) % 700).toString(Qt::ISODate)}, {"gender", i % 2 ? "L" : "P"},
            {"religion", i % 7 == 3 ? "Kristen" : i % 11 == 5 ? "Katolik" : "Islam"},
            {"nisn", QStringLiteral("01%1").arg(23456700 + i * 13, 8, 10, QLatin1Char('0'))},
            {"address", QStringLiteral("Jl. Kaliurang Km %1 No. %2").arg(4 + i % 9).arg(10 + i)}, {"province", "DI Yogyakarta"},
            {"city", "Sleman"}, {"district", i % 2 ? "Depok" : "Mlati"}, {"postalCode", "55281"},
            {"fatherName", QStringLiteral("Bapak %1").arg(last[(i + 3) % last.size()])}, {"fatherPhone", QStringLiteral("08123%1").arg(400000 + i * 7)},
            {"motherName", QStringLiteral("Ibu %1").arg(first[(i + 5) % first.size()])}, {"motherPhone", QStringLiteral("08577%1").arg(300000 + i * 11)},
            {"previousSchool", schools[i % schools.size()]}, {"email", QStringLiteral("%1.%2@contoh.sch.id").arg(first[i].toLower()).arg(i)},
            {"phone", QStringLiteral("08213%1").arg(500000 + i * 3)}};
        auto r = core.ppdb().submit(demo, in, i % 5 == 4 ? QStringLiteral("walkin") : QStringLiteral("online"));
        if (!r.ok())
            continue;
        if (i % 3 == 1)
            (void)core.ppdb().changeStatus(panitia, r->id, QStringLiteral("verified"), QStringLiteral("Berkas lengkap"));
        if (i % 6 == 1)
            (void)core.ppdb().changeStatus(panitia, r->id, QStringLiteral("accepted"), QStringLiteral("Diterima jalur zonasi"));
        if (i % 8 == 7)
            (void)core.ppdb().changeStatus(panitia, r->id, QStringLiteral("rejected"), QStringLiteral("Kartu Keluarga tidak terbaca"));
    }
}
} // namespace

Result<QList<DemoAccount>> seedDemoData(Core &core)
{
    const Actor demo = Actor::system(QStringLiteral("demo"));
    QList<DemoAccount> accounts;
    // Sample accounts, pictures and applicants must never land in a school's real database.
    if (core.settings().storedValue(DemoMarker) != QLatin1String("1")) {
        auto used = holdsSchoolData(core);
        if (!used.ok())
            return used.error();
        if (used.value())
            return Error::conflict(QStringLiteral(
                "Database ini sudah berisi data dan bukan database demo, jadi --demo tidak dijalankan dan tidak ada yang diubah. "
                "Jalankan tanpa --demo, atau pakai folder data atau database lain yang masih kosong untuk demo "
                "(misalnya --data-dir ~/tatausaha-demo)."));
    }
    // Upstreams: the simulator that scripts/run.sh starts (environment variables win anyway).
    // Only addresses: the simulator's keys reach the app through the environment, never the
    // settings table.
    QHash<QString, QString> values{{DemoMarker, QStringLiteral("1")}};
    for (const char *key : {"dapodik_url", "siakad_url", "splp_api_url", "sipd_api_url"})
        if (core.settings().storedValue(QLatin1String(key)).isEmpty())
            values.insert(QLatin1String(key), QStringLiteral("http://127.0.0.1:9090"));
    if (core.settings().storedValue(QStringLiteral("dapodik_username")).isEmpty())
        values.insert(QStringLiteral("dapodik_username"), QStringLiteral("sim-dapodik"));
    if (auto s = core.settings().set(demo, values); !s.ok())
        return s.error();

    // Without TATAUSAHA_ADMIN_PASSWORD nobody could log in to the demo: an admin with a random
    // password, shown below with the others.
    const QString adminPassword = demoPassword();
    auto admin = core.users().ensureInitialAdmin(adminPassword);
    if (!admin.ok())
        return admin.error();
    if (admin.value())
        accounts.append({QStringLiteral("admin"), QStringLiteral("admin"), adminPassword});

    auto years = core.tahunAjaran().list(0);
    if (!years.ok())
        return years.error();
    if (!years->isEmpty()) {
        announce(accounts);
        return accounts;
    }
    // The current school year is active with registration open around today.
    const QDate today = QDate::currentDate();
    const int first = today.month() >= 7 ? today.year() + 1 : today.year();
    struct Y { int start; QDate awal, akhir; int aktif; };
    const QList<Y> sample = {
        {first - 2, QDate(first - 2, 5, 1), QDate(first - 2, 6, 30), 2},
        {first - 1, QDate(first - 1, 5, 1), QDate(first - 1, 6, 30), 2},
        {first, today.addDays(-30), today.addDays(45), 1},
    };
    for (const Y &y : sample) {
        auto r = core.tahunAjaran().store(demo, QJsonObject{
            {"tahun_ajaran", QStringLiteral("%1/%2").arg(y.start).arg(y.start + 1)},
            {"periode_awal_pendaftaran", y.awal.toString(Qt::ISODate)},
            {"periode_akhir_pendaftaran", y.akhir.toString(Qt::ISODate)},
            {"sts_aktif", y.aktif}});
        if (!r.ok())
            return r.error();
    }
    const QList<std::tuple<QString, QString, Role>> staff = {
        {QStringLiteral("operator"), QStringLiteral("Sri Wahyuni"), Role::Operator},
        {QStringLiteral("panitia.ppdb"), QStringLiteral("Agus Santoso"), Role::Ppdb},
        {QStringLiteral("kesiswaan"), QStringLiteral("Dewi Lestari"), Role::Kesiswaan},
        {QStringLiteral("osis"), QStringLiteral("Rizky Pratama"), Role::Osis},
    };
    for (const auto &[username, name, role] : staff) {
        UserInput in;
        in.username = username;
        in.name = name;
        in.role = roleName(role);
        in.password = demoPassword();
        if (core.users().create(demo, in).ok()) // already there on a second run: fine
            accounts.append({username, roleName(role), *in.password});
    }
    seedDemoRegistrations(core);
    Status content = seedDemoContent(core, accounts);
    Status files = content.ok() ? seedDemoSatuData(core) : Status();
    announce(accounts); // whatever else failed, these accounts exist now
    if (!content.ok())
        return content.error();
    if (!files.ok())
        return files.error();
    qCInfo(lcCore) << "demo data created";
    return accounts;
}

} // namespace tu
