#include "HttpSettings.h"
#include "RateLimiter.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace tu {

namespace {
QStringList items(const QString &v)
{
    QStringList out;
    for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

SettingKey listSetting(const QString &name, const char *env, std::function<QString(const QString &)> itemProblem)
{
    SettingKey k = textSetting(name, env, QString());
    k.kind = SettingKey::Kind::List;
    k.check = [itemProblem](const QString &v) -> QString {
        for (const QString &item : items(v))
            if (const QString p = itemProblem(item); !p.isEmpty())
                return p;
        return {};
    };
    return k;
}
} // namespace

QList<SettingKey> httpSettingKeys()
{
    SettingKey proxies = listSetting(QStringLiteral("trusted_proxies"), "TATAUSAHA_TRUSTED_PROXIES", [](const QString &t) -> QString {
        const bool ok = t.contains(QLatin1Char('/')) ? !QHostAddress::parseSubnet(t).first.isNull() : !QHostAddress(t).isNull();
        return ok ? QString() : QStringLiteral("\"%1\" bukan alamat IP atau CIDR (contoh 192.168.1.1 atau 10.0.0.0/8).").arg(t);
    });
    SettingKey cors = listSetting(QStringLiteral("cors_origins"), "TATAUSAHA_CORS_ORIGINS", [](const QString &o) -> QString {
        const QUrl u(o, QUrl::StrictMode);
        const bool ok = o != QLatin1String("*") && u.isValid()
            && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) && !u.host().isEmpty()
            && (u.path().isEmpty() || u.path() == QLatin1String("/"));
        return ok ? QString()
                  : QStringLiteral("\"%1\" bukan origin yang sah. Tulis lengkap, misalnya http://192.168.1.10:3000 (tanpa * dan tanpa path).").arg(o);
    });
    SettingKey hosts = listSetting(QStringLiteral("allowed_hosts"), "TATAUSAHA_ALLOWED_HOSTS", [](const QString &h) -> QString {
        static const QRegularExpression name(QStringLiteral("^(\\*|\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)$"));
        return name.match(h).hasMatch()
            ? QString()
            : QStringLiteral("\"%1\" bukan nama host. Tulis tanpa http:// dan tanpa port, misalnya sekolah.sch.id atau .sekolah.sch.id (dengan subdomain).").arg(h);
    });
    SettingKey limits = textSetting(QStringLiteral("rate_limits"), "TATAUSAHA_RATE_LIMITS", QString());
    limits.check = [](const QString &v) -> QString {
        RateLimiter probe;
        auto s = probe.configure(v);
        return s.ok() ? QString() : s.error().fields.value(QStringLiteral("rate_limits"));
    };
    return {
        proxies.shown("server", QT_TRANSLATE_NOOP("Settings", "Proksi tepercaya"), QT_TRANSLATE_NOOP("Settings", "mis. 192.168.1.1, 10.0.0.0/8")),
        cors.shown("server", QT_TRANSLATE_NOOP("Settings", "Asal CORS"), QT_TRANSLATE_NOOP("Settings", "mis. http://192.168.1.10:3000")),
        limits.shown("server", QT_TRANSLATE_NOOP("Settings", "Batas permintaan"),
                     QT_TRANSLATE_NOOP("Settings", "kosong: bawaan · off: tanpa batas · mis. public=300,auth=10")),
        // Host names besides IP literals, localhost and the listen address (against DNS rebinding).
        hosts.shown("server", QT_TRANSLATE_NOOP("Settings", "Nama host"), QT_TRANSLATE_NOOP("Settings", "mis. sekolah.sch.id, .sekolah.sch.id")),
        // IPv6 counted per /64.
        intSetting(QStringLiteral("max_connections_per_ip"), "TATAUSAHA_MAX_CONNECTIONS_PER_IP", 32, 1, 100000,
                   QStringLiteral("Isi angka 1 sampai 100000 (koneksi bersamaan dari satu alamat)."))
            .shown("server", QT_TRANSLATE_NOOP("Settings", "Koneksi per alamat")),
    };
}

} // namespace tu
