#include "DemoData.h"
#include "Core.h"

#include <QDate>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace tu {

Status seedDemoData(Core &core)
{
    const Actor demo = Actor::system(QStringLiteral("demo"));
    // Upstreams: the simulator that scripts/run.sh starts (environment variables win anyway).
    QHash<QString, QString> urls;
    for (const char *key : {"dapodik_url", "siakad_url", "splp_api_url", "sipd_api_url"})
        if (core.settings().storedValue(QLatin1String(key)).isEmpty())
            urls.insert(QLatin1String(key), QStringLiteral("http://127.0.0.1:9090"));
    if (core.settings().storedValue(QStringLiteral("siakad_api_key")).isEmpty())
        urls.insert(QStringLiteral("siakad_api_key"), QStringLiteral("sim-siakad-key"));
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
    qCInfo(lcCore) << "demo data created (staff passwords: demo12345)";
    return {};
}

} // namespace tu
