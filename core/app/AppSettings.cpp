#include "AppSettings.h"
#include "AppOptions.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimeZone>

namespace tu {

QList<SettingKey> appSettingKeys()
{
    SettingKey listen = textSetting(QStringLiteral("listen"), nullptr, QStringLiteral("127.0.0.1:8080"));
    listen.kind = SettingKey::Kind::Listen;
    listen.check = [](const QString &v) -> QString {
        auto hp = AppOptions::parseListen(v);
        if (!hp.ok())
            return hp.error().fields.value(QStringLiteral("listen"));
        if (QHostAddress(hp->first).isNull() && hp->first != QLatin1String("localhost"))
            return QStringLiteral("Alamat %1 bukan alamat IP. Gunakan misalnya 127.0.0.1 atau 0.0.0.0.").arg(hp->first);
        return {};
    };

    SettingKey timezone = textSetting(QStringLiteral("timezone"), "TATAUSAHA_TIMEZONE", QStringLiteral("Asia/Jakarta"));
    timezone.kind = SettingKey::Kind::Choice;
    timezone.choices = {{QStringLiteral("Asia/Jakarta"), QT_TRANSLATE_NOOP("Settings", "WIB — Asia/Jakarta")},
                        {QStringLiteral("Asia/Makassar"), QT_TRANSLATE_NOOP("Settings", "WITA — Asia/Makassar")},
                        {QStringLiteral("Asia/Jayapura"), QT_TRANSLATE_NOOP("Settings", "WIT — Asia/Jayapura")}};
    // Any zone the system knows is accepted (the three are only the usual ones).
    timezone.check = [](const QString &v) -> QString {
        if (!QTimeZone::isTimeZoneIdAvailable(v.toUtf8()))
            return QStringLiteral("Zona waktu tidak dikenal. Contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura.");
        return {};
    };

    SettingKey language = textSetting(QStringLiteral("language"), nullptr, QStringLiteral("id"));
    language.kind = SettingKey::Kind::Choice;
    language.choices = {{QStringLiteral("id"), QT_TRANSLATE_NOOP("Settings", "Bahasa Indonesia")},
                        {QStringLiteral("en"), QT_TRANSLATE_NOOP("Settings", "English")}};
    language.check = [](const QString &v) -> QString {
        return v == QLatin1String("id") || v == QLatin1String("en") ? QString() : QStringLiteral("Bahasa harus id atau en.");
    };

    return {
        textSetting(QStringLiteral("school_name"), nullptr, QStringLiteral("SMP Negeri Contoh"))
            .shown("school", QT_TRANSLATE_NOOP("Settings", "Nama sekolah")),
        timezone.shown("school", QT_TRANSLATE_NOOP("Settings", "Zona waktu")),
        language.shown("school", QT_TRANSLATE_NOOP("Settings", "Bahasa"),
                       QT_TRANSLATE_NOOP("Settings", "Bahasa berlaku setelah aplikasi dimulai ulang.")),
        intSetting(QStringLiteral("disk_reserve_mb"), "TATAUSAHA_DISK_RESERVE_MB", 500, 0, 100000000,
                   QStringLiteral("Isi angka megabyte 0 sampai 100000000 (ruang disk yang selalu disisakan; 0 mematikan batas)."))
            .shown("school", QT_TRANSLATE_NOOP("Settings", "Cadangan disk"),
                   QT_TRANSLATE_NOOP("Settings", "Unggahan ditolak bila ruang kosong di folder data kurang dari ini (MB; 0 mematikan batas).")),
        listen.shown("server", QT_TRANSLATE_NOOP("Settings", "Alamat")),
        // "1": made by --demo, which may add to it again. Not for people to change.
        textSetting(QStringLiteral("demo_database"), nullptr, QString()),
    };
}

} // namespace tu
