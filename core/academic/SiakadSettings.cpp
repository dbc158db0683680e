#include "SiakadSettings.h"

#include <QCoreApplication>

namespace tu {

QList<SettingKey> siakadSettingKeys()
{
    return {
        urlSetting(QStringLiteral("siakad_url"), "SIAKAD_URL", {QStringLiteral("siakad_api_key")})
            .shown("siakad", QT_TRANSLATE_NOOP("Settings", "URL SIAKAD"), QT_TRANSLATE_NOOP("Settings", "mis. https://siakad.sekolah.sch.id")),
        secretSetting(QStringLiteral("siakad_api_key"), "SIAKAD_API_KEY")
            .shown("siakad", QT_TRANSLATE_NOOP("Settings", "API key SIAKAD")),
    };
}

} // namespace tu
