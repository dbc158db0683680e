#include "SettingsCatalog.h"
#include "AppSettings.h"
#include "academic/SiakadSettings.h"
#include "dapodik/DapodikSettings.h"
#include "http/HttpSettings.h"
#include "satudata/SatuDataSettings.h"
#include "sync/UpstreamSettings.h"

#include <QCoreApplication>

namespace tu {

const QList<SettingKey> &settingKeys()
{
    // A new area adds its list here, once.
    static const QList<SettingKey> all = appSettingKeys() + httpSettingKeys() + upstreamSettingKeys()
        + dapodikSettingKeys() + siakadSettingKeys() + satuDataSettingKeys();
    return all;
}

const SettingKey *findSettingKey(const QString &name)
{
    for (const SettingKey &k : settingKeys())
        if (k.name == name)
            return &k;
    return nullptr;
}

const QList<SettingGroup> &settingGroups()
{
    static const QList<SettingGroup> groups = {
        {"school", QT_TRANSLATE_NOOP("Settings", "Sekolah"), nullptr, 0},
        {"dapodik", QT_TRANSLATE_NOOP("Settings", "Dapodik"),
         QT_TRANSLATE_NOOP("Settings", "Akun Dapodik pusat untuk sinkronisasi wilayah, sekolah, dan PTK."), 0},
        {"upstream", QT_TRANSLATE_NOOP("Settings", "Koneksi ke server upstream"),
         QT_TRANSLATE_NOOP("Settings", "Berlaku untuk Dapodik, SIAKAD, SPLP, dan SIPD."), 0},
        {"server", QT_TRANSLATE_NOOP("Settings", "Server API"),
         QT_TRANSLATE_NOOP("Settings", "Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, "
                                       "dipakai juga oleh tatausaha-server."), 1},
        {"siakad", QT_TRANSLATE_NOOP("Settings", "Integrasi SIAKAD"),
         QT_TRANSLATE_NOOP("Settings", "Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook."), 1},
        {"satudata", QT_TRANSLATE_NOOP("Settings", "Satu Data (SPLP dan SIPD)"),
         QT_TRANSLATE_NOOP("Settings", "Alamat dasar SPLP Satu Data Indonesia dan SIPD e-walidata, API key bersama, dan jeda antar "
                                       "permintaan agar tidak terkena pembatasan."), 1},
    };
    return groups;
}

QString settingProblem(const QString &key, const QString &value)
{
    const SettingKey *k = findSettingKey(key);
    return k ? k->problem(value) : QStringLiteral("Pengaturan tidak dikenal.");
}

} // namespace tu
