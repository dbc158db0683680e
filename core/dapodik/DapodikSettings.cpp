#include "DapodikSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tu {

QList<SettingKey> dapodikSettingKeys()
{
    SettingKey wilayah = textSetting(QStringLiteral("dapodik_kode_wilayah"), "DAPODIK_KODE_WILAYAH", QStringLiteral("34.04"));
    wilayah.check = [](const QString &v) -> QString {
        static const QRegularExpression kode(QStringLiteral("^\\d{2}\\.\\d{2}$"));
        return kode.match(v).hasMatch() ? QString() : QStringLiteral("Kode kabupaten/kota Dapodik berbentuk 34.04 (provinsi.kabupaten).");
    };
    return {
        urlSetting(QStringLiteral("dapodik_url"), "DAPODIK_URL", {QStringLiteral("dapodik_password"), QStringLiteral("dapodik_api_key")})
            .shown("dapodik", QT_TRANSLATE_NOOP("Settings", "URL Dapodik"), QT_TRANSLATE_NOOP("Settings", "mis. https://dapodik.example.go.id")),
        textSetting(QStringLiteral("dapodik_username"), "DAPODIK_USERNAME", QString())
            .shown("dapodik", QT_TRANSLATE_NOOP("Settings", "Nama pengguna")),
        secretSetting(QStringLiteral("dapodik_password"), "DAPODIK_PASSWORD")
            .shown("dapodik", QT_TRANSLATE_NOOP("Settings", "Kata sandi")),
        secretSetting(QStringLiteral("dapodik_api_key"), "DAPODIK_API_KEY")
            .shown("dapodik", QT_TRANSLATE_NOOP("Settings", "API key")),
        wilayah.shown("dapodik", QT_TRANSLATE_NOOP("Settings", "Kode kabupaten"), "34.04"),
        intSetting(QStringLiteral("sync_concurrency"), "TATAUSAHA_SYNC_CONCURRENCY", 4, 1, 16,
                   QStringLiteral("Isi angka 1 sampai 16 (permintaan Dapodik yang berjalan bersamaan)."))
            .shown("dapodik", QT_TRANSLATE_NOOP("Settings", "Permintaan paralel")),
    };
}

} // namespace tu
