#pragma once
#include "Result.h"
#include "auth/Actor.h"

#include <QJsonObject>
#include <QList>

namespace tu {

class Database;

struct AuditEntry {
    QString id, at, userId, username, ip, action, entity, entityId;
    QJsonObject before, after;
    QJsonObject toJson() const;
};

// Every mutating action by a signed-in user is recorded here. `record` runs on the caller's
// connection, so inside the caller's transaction: the entry exists exactly when the change does.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}
    Status record(const Actor &actor, const QString &action, const QString &entity, const QString &entityId,
                  const QJsonObject &before = {}, const QJsonObject &after = {});
    Result<QList<AuditEntry>> recent(int limit, const QString &entity = {}, const QString &entityId = {});

private:
    Database &m_db;
};

} // namespace tu
