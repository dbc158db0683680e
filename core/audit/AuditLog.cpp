#include "AuditLog.h"
#include "db/Database.h"

#include <QJsonDocument>

namespace tu {

namespace {
QString toText(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject fromText(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}
} // namespace

QJsonObject AuditEntry::toJson() const
{
    return {{"id", id}, {"at", at}, {"userId", userId}, {"username", username}, {"ip", ip}, {"action", action},
            {"entity", entity}, {"entityId", entityId}, {"before", before}, {"after", after}};
}

Status AuditLog::record(const Actor &actor, const QString &action, const QString &entity, const QString &entityId,
                        const QJsonObject &before, const QJsonObject &after)
{
    auto r = m_db.execCached(QStringLiteral("INSERT INTO audit_log (id, at, user_id, username, ip, action, entity, entity_id, "
                                      "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {newId(), nowIso(), actor.userId.isEmpty() ? QVariant() : actor.userId, actor.username,
                        actor.ip.isEmpty() ? QVariant() : actor.ip, action, entity, entityId,
                        before.isEmpty() ? QVariant() : toText(before), after.isEmpty() ? QVariant() : toText(after)});
    if (!r.ok())
        return r.error();
    return {};
}

Result<QList<AuditEntry>> AuditLog::recent(int limit, const QString &entity, const QString &entityId)
{
    QString sql = QStringLiteral("SELECT id, at, user_id, username, ip, action, entity, entity_id, before_json, after_json "
                                 "FROM audit_log WHERE 1 = 1");
    QVariantList binds;
    if (!entity.isEmpty()) {
        sql += QStringLiteral(" AND entity = ?");
        binds << entity;
    }
    if (!entityId.isEmpty()) {
        sql += QStringLiteral(" AND entity_id = ?");
        binds << entityId;
    }
    sql += QStringLiteral(" ORDER BY at DESC LIMIT ?");
    binds << limit;
    auto q = m_db.exec(sql, binds);
    if (!q.ok())
        return q.error();
    QList<AuditEntry> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                    r.value(4).toString(), r.value(5).toString(), r.value(6).toString(), r.value(7).toString(),
                    fromText(r.value(8).toString()), fromText(r.value(9).toString())});
    }
    return out;
}

} // namespace tu
