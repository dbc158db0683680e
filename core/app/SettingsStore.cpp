#include "SettingsStore.h"
#include "auth/Permissions.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QJsonObject>
#include <QTimeZone>

namespace tu {

SettingsStore::SettingsStore(Database &db, AuditLog &audit, QList<SettingKey> keys)
    : m_db(db), m_audit(audit), m_keys(std::move(keys))
{
}

const SettingKey *SettingsStore::find(const QString &key) const
{
    for (const SettingKey &k : m_keys)
        if (key == k.name)
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
    const SettingKey *k = find(key);
    return k && k->env && !qEnvironmentVariableIsEmpty(k->env);
}

QTimeZone SettingsStore::schoolZone() const
{
    const QTimeZone zone(value(QStringLiteral("timezone")).toUtf8());
    return zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Jakarta"));
}

QString SettingsStore::storedValue(const QString &key) const
{
    const SettingKey *k = find(key);
    QMutexLocker l(&m_mutex);
    return m_stored.value(key, k ? k->fallback : QString());
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

QString SettingsStore::problem(const QString &key, const QString &value) const
{
    const SettingKey *k = find(key);
    return k ? k->problem(value) : QStringLiteral("Pengaturan tidak dikenal.");
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
        const bool secret = find(it.key())->secret();
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
