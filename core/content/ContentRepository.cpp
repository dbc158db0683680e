#include "ContentRepository.h"
#include "db/Database.h"

#include <QJsonValue>

namespace tu {

namespace {
QString columns(const ContentType &t)
{
    QStringList c{QStringLiteral("id")};
    for (const ContentField &f : t.fields)
        c << f.column;
    c << QStringLiteral("created_by") << QStringLiteral("approved") << QStringLiteral("created_at") << QStringLiteral("updated_at");
    return c.join(QStringLiteral(", "));
}

QJsonValue fromSql(const QVariant &v, FieldKind kind)
{
    if (v.isNull())
        return QJsonValue::Null;
    Q_UNUSED(kind)
    return v.toString();
}

QVariant toSql(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return QVariant(QMetaType(QMetaType::QString));
    return v.toVariant();
}

ContentRecord fromRow(const ContentType &t, const QSqlQuery &q)
{
    ContentRecord r;
    int i = 0;
    r.insert(QStringLiteral("id"), q.value(i++).toString());
    for (const ContentField &f : t.fields)
        r.insert(f.key, fromSql(q.value(i++), f.kind));
    r.insert(QStringLiteral("createdBy"), fromSql(q.value(i++), FieldKind::Text));
    r.insert(QStringLiteral("approved"), q.value(i++).toInt() != 0);
    r.insert(QStringLiteral("createdAt"), q.value(i++).toString());
    r.insert(QStringLiteral("updatedAt"), q.value(i++).toString());
    return r;
}

QString whereClause(const ContentQuery &q)
{
    return q.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + q.where;
}
} // namespace

Result<std::optional<ContentRecord>> ContentRepository::byId(const ContentType &type, const QString &id)
{
    return firstRow<ContentRecord>(
        m_db.execCached(QStringLiteral("SELECT ") + columns(type) + QStringLiteral(" FROM ") + type.table + QStringLiteral(" WHERE id = ?"), {id}),
        [&type](const QSqlQuery &q) { return fromRow(type, q); });
}

Result<QList<ContentRecord>> ContentRepository::select(const ContentType &type, const ContentQuery &query)
{
    QString sql = QStringLiteral("SELECT ") + columns(type) + QStringLiteral(" FROM ") + type.table + whereClause(query);
    if (!query.orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + query.orderBy;
    QVariantList binds = query.binds;
    if (query.limit >= 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << query.limit << query.offset;
    }
    auto q = m_db.execCached(sql, binds);
    if (!q.ok())
        return q.error();
    QList<ContentRecord> out;
    while (q.value()->next())
        out.append(fromRow(type, *q.value()));
    q.value()->finish();
    return out;
}

Result<qint64> ContentRepository::count(const ContentType &type, const ContentQuery &query)
{
    auto q = m_db.execCached(QStringLiteral("SELECT COUNT(*) FROM ") + type.table + whereClause(query), query.binds);
    if (!q.ok())
        return q.error();
    const qint64 n = q.value()->next() ? q.value()->value(0).toLongLong() : 0;
    q.value()->finish();
    return n;
}

Status ContentRepository::insert(const ContentType &type, const ContentRecord &r)
{
    QStringList marks;
    QVariantList binds{r.value(QLatin1String("id")).toString()};
    for (const ContentField &f : type.fields)
        binds << toSql(r.value(f.key));
    binds << toSql(r.value(QLatin1String("createdBy"))) << (r.value(QLatin1String("approved")).toBool(true) ? 1 : 0)
          << r.value(QLatin1String("createdAt")).toString()
          << r.value(QLatin1String("updatedAt")).toString();
    for (int i = 0; i < binds.size(); ++i)
        marks << QStringLiteral("?");
    auto q = m_db.exec(QStringLiteral("INSERT INTO ") + type.table + QStringLiteral(" (") + columns(type) + QStringLiteral(") VALUES (")
                           + marks.join(QStringLiteral(", ")) + QLatin1Char(')'),
                       binds);
    if (!q.ok())
        return q.error();
    return {};
}

Status ContentRepository::update(const ContentType &type, const ContentRecord &r)
{
    QStringList sets;
    QVariantList binds;
    for (const ContentField &f : type.fields) {
        sets << f.column + QStringLiteral(" = ?");
        binds << toSql(r.value(f.key));
    }
    sets << QStringLiteral("approved = ?") << QStringLiteral("updated_at = ?");
    binds << (r.value(QLatin1String("approved")).toBool(true) ? 1 : 0) << r.value(QLatin1String("updatedAt")).toString()
          << r.value(QLatin1String("id")).toString();
    auto q = m_db.exec(QStringLiteral("UPDATE ") + type.table + QStringLiteral(" SET ") + sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"),
                       binds);
    if (!q.ok())
        return q.error();
    return {};
}

Result<int> ContentRepository::remove(const ContentType &type, const QString &id)
{
    return m_db.execAffected(QStringLiteral("DELETE FROM ") + type.table + QStringLiteral(" WHERE id = ?"), {id});
}

} // namespace tu
