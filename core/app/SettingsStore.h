#pragma once
#include "Result.h"
#include "app/SettingKey.h"
#include "auth/Actor.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace tu {

class AuditLog;
class Database;

// Settings kept in the database (shared by the desktop and the server on one database).
// An environment variable, where one is defined for a key, overrides the stored value.
// The keys are described by the areas that own them (app/SettingsCatalog gathers them); the
// store knows only the descriptors it is given.
class SettingsStore
{
public:
    SettingsStore(Database &db, AuditLog &audit, QList<SettingKey> keys);
    const QList<SettingKey> &keys() const { return m_keys; }
    Status load();
    QString value(const QString &key) const;
    QStringList list(const QString &key) const; // comma-separated value, trimmed, empties dropped
    // The school's time zone (setting `timezone`, Asia/Jakarta when unset or unknown).
    QTimeZone schoolZone() const;
    QString storedValue(const QString &key) const;
    bool overriddenByEnvironment(const QString &key) const;
    // Validates every value (same Indonesian messages for the desktop and the API) and stores
    // all of them in one transaction, or none.
    Status set(const Actor &actor, const QHash<QString, QString> &values);
    // Empty when `value` is acceptable for `key`.
    QString problem(const QString &key, const QString &value) const;

private:
    const SettingKey *find(const QString &key) const;
    Database &m_db;
    AuditLog &m_audit;
    const QList<SettingKey> m_keys;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_stored;
};

} // namespace tu
