#include "DemoData.h"
#include "Core.h"

#include <QDate>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace tu {

namespace {
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

Status seedDemoData(Core &core)
{
    const Actor demo = Actor::system(QStringLiteral("demo"));
    // Upstreams: the simulator that scripts/run.sh starts (environment variables win anyway).
    QHash<QString, QString> urls;
    for (const char *key : {"dapodik_url", "siakad_url", "splp_api_url", "sipd_api_url"})
        if (core.settings().storedValue(QLatin1String(key)).isEmpty())
            urls.insert(QLatin1String(key), QStringLiteral("http://127.0.0.1:9090"));
    // The simulator's own accounts (tatausaha-upstream-sim defaults).
    const QList<std::pair<const char *, const char *>> simAccounts = {
        {"siakad_api_key", "sim-siakad-key"}, {"dapodik_username", "sim-dapodik"},
        {"dapodik_password", "sim-dapodik-pass"}, {"dapodik_api_key", "sim-dapodik-key"}, {"external_api_key", "sim-external-key"}};
    for (const auto &[key, value] : simAccounts)
        if (core.settings().storedValue(QLatin1String(key)).isEmpty())
            urls.insert(QLatin1String(key), QLatin1String(value));
    if (!urls.isEmpty())
        if (auto s = core.settings().set(demo, urls); !s.ok())
            return s;

    auto years = core.tahunAjaran().list(0);
    if (!years.ok())
        return years.error();
    if (!years->isEmpty())
        return {};
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
        in.password = QStringLiteral("demo12345");
        (void)core.users().create(demo, in); // already there on a second run: fine
    }
    seedDemoRegistrations(core);
    if (auto s = seedDemoContent(core); !s.ok())
        return s;
    if (auto s = seedDemoSatuData(core); !s.ok())
        return s;
    qCInfo(lcCore) << "demo data created (staff passwords: demo12345)";
    return {};
}

} // namespace tu
