#pragma once
#include "Result.h"
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
class SettingsStore
{
public:
    struct Key {
        const char *name;
        const char *env;      // nullptr: no environment override
        const char *fallback; // default value
        bool secret;          // never shown in logs or the audit log
    };
    static const QList<Key> &keys();

    SettingsStore(Database &db, AuditLog &audit);
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
    static QString problem(const QString &key, const QString &value);

private:
    const Key *find(const QString &key) const;
    Database &m_db;
    AuditLog &m_audit;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_stored;
};

} // namespace tu
