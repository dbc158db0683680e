#include "UpstreamSettings.h"

#include <QCoreApplication>

namespace tu {

SettingKey millisecondsSetting(const QString &name, const char *env, int fallback)
{
    SettingKey k = intSetting(name, env, fallback, 0, 600000, QStringLiteral("Isi angka milidetik antara 0 dan 600000."));
    k.suffix = QT_TRANSLATE_NOOP("Settings", " ms");
    return k;
}

QList<SettingKey> upstreamSettingKeys()
{
    return {
        millisecondsSetting(QStringLiteral("upstream_timeout_ms"), nullptr, 10000)
            .shown("upstream", QT_TRANSLATE_NOOP("Settings", "Batas waktu permintaan")),
        millisecondsSetting(QStringLiteral("upstream_backoff_ms"), nullptr, 300)
            .shown("upstream", QT_TRANSLATE_NOOP("Settings", "Jeda coba ulang pertama"),
                   QT_TRANSLATE_NOOP("Settings", "Dilipatduakan pada tiap percobaan berikutnya.")),
        intSetting(QStringLiteral("upstream_max_response_mb"), nullptr, 50, 1, 2048,
                   QStringLiteral("Isi angka megabyte antara 1 dan 2048 (ukuran terbesar satu jawaban server upstream)."))
            .shown("upstream", QT_TRANSLATE_NOOP("Settings", "Jawaban terbesar (MB)")),
    };
}

} // namespace tu
