#include "SettingsStore.h"
#include "auth/Permissions.h"
#include "AppOptions.h"
#include "audit/AuditLog.h"
#include "http/RateLimiter.h"
#include "db/Database.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace tu {

const QList<SettingsStore::Key> &SettingsStore::keys()
{
    static const QList<Key> k = {
        {"school_name", nullptr, "SMP Negeri Contoh", false},
        {"listen", nullptr, "127.0.0.1:8080", false},
        {"timezone", "TATAUSAHA_TIMEZONE", "Asia/Jakarta", false},
        {"trusted_proxies", "TATAUSAHA_TRUSTED_PROXIES", "", false},
        {"cors_origins", "TATAUSAHA_CORS_ORIGINS", "", false},
        {"rate_limits", "TATAUSAHA_RATE_LIMITS", "", false},
        {"allowed_hosts", "TATAUSAHA_ALLOWED_HOSTS", "", false},  // Host names besides IPs, localhost, the listen address
        {"max_connections_per_ip", "TATAUSAHA_MAX_CONNECTIONS_PER_IP", "32", false}, // IPv6: per /64
        {"language", nullptr, "id", false},
        {"dapodik_url", "DAPODIK_URL", "", false},
        {"dapodik_username", "DAPODIK_USERNAME", "", false},
        {"dapodik_password", "DAPODIK_PASSWORD", "", true},
        {"dapodik_api_key", "DAPODIK_API_KEY", "", true},
        {"siakad_url", "SIAKAD_URL", "", false},
        {"siakad_api_key", "SIAKAD_API_KEY", "", true},
        {"splp_api_url", "SPLP_API_URL", "", false},
        {"sipd_api_url", "SIPD_API_URL", "", false},
        {"external_api_key", "EXTERNAL_API_KEY", "", true},
        {"upstream_timeout_ms", nullptr, "10000", false},  // per upstream request
        {"upstream_backoff_ms", nullptr, "300", false},    // first retry delay, doubled each retry
        {"upstream_max_response_mb", nullptr, "50", false}, // one upstream answer, at most; larger is cut off
        {"satudata_delay_ms", "SATUDATA_DELAY_MS", "500", false}, // between SPLP/SIPD requests, against their rate limits (docs/satudata.md)
        {"sync_concurrency", "TATAUSAHA_SYNC_CONCURRENCY", "4", false}, // parallel Dapodik requests
        {"dapodik_kode_wilayah", "DAPODIK_KODE_WILAYAH", "34.04", false}, // the kabupaten/kota synced
        {"demo_database", nullptr, "", false}, // "1": made by --demo, which may add to it again
        {"disk_reserve_mb", "TATAUSAHA_DISK_RESERVE_MB", "500", false}, // free space every upload leaves on the data volume
    };
    return k;
}

SettingsStore::SettingsStore(Database &db, AuditLog &audit) : m_db(db), m_audit(audit) {}

const SettingsStore::Key *SettingsStore::find(const QString &key) const
{
    for (const Key &k : keys())
        if (key == QLatin1String(k.name))
            return &k;
    return nullptr;
}

Status SettingsStore::load()
{
    auto q = m_db.exec(QStringLiteral("SELECT key, value FROM settings"));
    if (!q.ok())
        return q.error();
    QMutexLocker l(&m_mutex);
    m_stored.clear();
    while (q.value().next())
        m_stored.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return {};
}

bool SettingsStore::overriddenByEnvironment(const QString &key) const
{
    const Key *k = find(key);
    return k && k->env && !qEnvironmentVariableIsEmpty(k->env);
}

QTimeZone SettingsStore::schoolZone() const
{
    const QTimeZone zone(value(QStringLiteral("timezone")).toUtf8());
    return zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Jakarta"));
}

QString SettingsStore::storedValue(const QString &key) const
{
    const Key *k = find(key);
    QMutexLocker l(&m_mutex);
    return m_stored.value(key, k ? QString::fromUtf8(k->fallback) : QString());
}

QString SettingsStore::value(const QString &key) const
{
    if (overriddenByEnvironment(key))
        return qEnvironmentVariable(find(key)->env);
    return storedValue(key);
}

QStringList SettingsStore::list(const QString &key) const
{
    QStringList out;
    for (const QString &part : value(key).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString SettingsStore::problem(const QString &key, const QString &value)
{
    const QString v = value.trimmed();
    auto items = [&] { return v.split(QLatin1Char(','), Qt::SkipEmptyParts); };
    auto httpUrl = [](const QString &s, bool pathAllowed) {
        const QUrl u(s.trimmed(), QUrl::StrictMode);
        return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
            && !u.host().isEmpty() && (pathAllowed || u.path().isEmpty() || u.path() == QLatin1String("/"));
    };
    if (key == QLatin1String("listen")) {
        auto hp = AppOptions::parseListen(v);
        if (!hp.ok())
            return hp.error().fields.value(QStringLiteral("listen"));
        if (QHostAddress(hp->first).isNull() && hp->first != QLatin1String("localhost"))
            return QStringLiteral("Alamat %1 bukan alamat IP. Gunakan misalnya 127.0.0.1 atau 0.0.0.0.").arg(hp->first);
    } else if (key == QLatin1String("timezone")) {
        if (!QTimeZone::isTimeZoneIdAvailable(v.toUtf8()))
            return QStringLiteral("Zona waktu tidak dikenal. Contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura.");
    } else if (key == QLatin1String("cors_origins")) {
        for (const QString &o : items())
            if (o.trimmed() == QLatin1String("*") || !httpUrl(o, false))
                return QStringLiteral("\"%1\" bukan origin yang sah. Tulis lengkap, misalnya http://192.168.1.10:3000 (tanpa * dan tanpa path).").arg(o.trimmed());
    } else if (key == QLatin1String("trusted_proxies")) {
        for (const QString &p : items()) {
            const QString t = p.trimmed();
            const bool ok = t.contains(QLatin1Char('/')) ? !QHostAddress::parseSubnet(t).first.isNull() : !QHostAddress(t).isNull();
            if (!ok)
                return QStringLiteral("\"%1\" bukan alamat IP atau CIDR (contoh 192.168.1.1 atau 10.0.0.0/8).").arg(t);
        }
    } else if (key == QLatin1String("allowed_hosts")) {
        static const QRegularExpression name(QStringLiteral("^(\\*|\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)$"));
        for (const QString &h : items())
            if (!name.match(h.trimmed()).hasMatch())
                return QStringLiteral("\"%1\" bukan nama host. Tulis tanpa http:// dan tanpa port, misalnya sekolah.sch.id atau .sekolah.sch.id (dengan subdomain).").arg(h.trimmed());
    } else if (key == QLatin1String("max_connections_per_ip")) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 1 || n > 100000)
            return QStringLiteral("Isi angka 1 sampai 100000 (koneksi bersamaan dari satu alamat).");
    } else if (key == QLatin1String("rate_limits")) {
        RateLimiter probe;
        if (auto s = probe.configure(v); !s.ok())
            return s.error().fields.value(QStringLiteral("rate_limits"));
    } else if (key.endsWith(QLatin1String("_url"))) {
        if (!v.isEmpty() && !httpUrl(v, true))
            return QStringLiteral("Alamat harus diawali http:// atau https://, misalnya http://127.0.0.1:9090.");
    } else if (key.endsWith(QLatin1String("_ms"))) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 0 || n > 600000)
            return QStringLiteral("Isi angka milidetik antara 0 dan 600000.");
    } else if (key == QLatin1String("upstream_max_response_mb")) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 1 || n > 2048)
            return QStringLiteral("Isi angka megabyte antara 1 dan 2048 (ukuran terbesar satu jawaban server upstream).");
    } else if (key == QLatin1String("sync_concurrency")) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 1 || n > 16)
            return QStringLiteral("Isi angka 1 sampai 16 (permintaan Dapodik yang berjalan bersamaan).");
    } else if (key == QLatin1String("dapodik_kode_wilayah")) {
        static const QRegularExpression kode(QStringLiteral("^\\d{2}\\.\\d{2}$"));
        if (!kode.match(v).hasMatch())
            return QStringLiteral("Kode kabupaten/kota Dapodik berbentuk 34.04 (provinsi.kabupaten).");
    } else if (key == QLatin1String("disk_reserve_mb")) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < 0 || n > 100000000)
            return QStringLiteral("Isi angka megabyte 0 sampai 100000000 (ruang disk yang selalu disisakan; 0 mematikan batas).");
    } else if (key == QLatin1String("language")) {
        if (v != QLatin1String("id") && v != QLatin1String("en"))
            return QStringLiteral("Bahasa harus id atau en.");
    }
    return {};
}

Status SettingsStore::set(const Actor &actor, const QHash<QString, QString> &values)
{
    if (auto p = require(actor, Permission::ManageSettings); !p.ok())
        return p;
    QHash<QString, QString> fields;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!find(it.key()))
            fields.insert(it.key(), QStringLiteral("Pengaturan tidak dikenal."));
        else if (it.value().size() > 2000)
            fields.insert(it.key(), QStringLiteral("Nilai terlalu panjang (maksimal 2000 karakter)."));
        else if (const QString p = problem(it.key(), it.value()); !p.isEmpty())
            fields.insert(it.key(), p);
    }
    if (!fields.isEmpty())
        return Error::validation(fields);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QJsonObject before, after;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const bool secret = find(it.key())->secret;
        before.insert(it.key(), secret ? QStringLiteral("***") : storedValue(it.key()));
        after.insert(it.key(), secret ? QStringLiteral("***") : it.value());
        auto del = m_db.exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {it.key()});
        auto ins = m_db.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"),
                             {it.key(), it.value().isNull() ? QStringLiteral("") : it.value(), nowIso()}); // NOT NULL column
        if (!del.ok() || !ins.ok())
            return del.ok() ? ins.error() : del.error();
    }
    if (auto s = m_audit.record(actor, QStringLiteral("update"), QStringLiteral("settings"), QString(), before, after); !s.ok())
        return s;
    if (auto s = tx.commit(); !s.ok())
        return s;
    QMutexLocker l(&m_mutex);
    for (auto it = values.begin(); it != values.end(); ++it)
        m_stored.insert(it.key(), it.value());
    return {};
}

} // namespace tu
