#include "SatuDataSettings.h"
#include "sync/UpstreamSettings.h"

#include <QCoreApplication>

namespace tu {

QList<SettingKey> satuDataSettingKeys()
{
    const QStringList key{QStringLiteral("external_api_key")};
    return {
        urlSetting(QStringLiteral("splp_api_url"), "SPLP_API_URL", key)
            .shown("satudata", QT_TRANSLATE_NOOP("Settings", "URL SPLP"), QT_TRANSLATE_NOOP("Settings", "mis. https://data.example.go.id")),
        urlSetting(QStringLiteral("sipd_api_url"), "SIPD_API_URL", key)
            .shown("satudata", QT_TRANSLATE_NOOP("Settings", "URL SIPD"), QT_TRANSLATE_NOOP("Settings", "mis. https://sipd.example.go.id")),
        secretSetting(QStringLiteral("external_api_key"), "EXTERNAL_API_KEY")
            .shown("satudata", QT_TRANSLATE_NOOP("Settings", "API key")),
        // Between SPLP/SIPD requests, against their rate limits (docs/satudata.md).
        millisecondsSetting(QStringLiteral("satudata_delay_ms"), "SATUDATA_DELAY_MS", 500)
            .shown("satudata", QT_TRANSLATE_NOOP("Settings", "Jeda permintaan")),
    };
}

} // namespace tu
