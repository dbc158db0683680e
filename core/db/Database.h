#pragma once
#include "DatabaseConfig.h"
#include "Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace tu {

// Owns the storage configuration and hands out one QSqlDatabase connection per thread
// (QSqlDatabase must not cross threads). Connections are opened on demand and closed when
// their thread ends, so service code can run on the HTTP thread, a pool thread or the GUI.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the first connection and applies pending migrations.
    Status open();
    const DatabaseConfig &config() const { return m_config; }
    bool isPostgres() const { return m_config.isPostgres(); }
    int schemaVersion();

    // The calling thread's connection (opened lazily). Check isOpen() on failure.
    QSqlDatabase connection();

    // Parameterised statement helpers; errors are logged and returned as SERVER_ERROR.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Same, reusing this thread's prepared statement for `sql` (no PREPARE round trip on
    // PostgreSQL, no re-parse on SQLite). The result is shared with the cache: consume it at
    // once (firstRow/allRows), before the same SQL runs again on this thread.
    Result<QSqlQuery *> execCached(const QString &sql, const QVariantList &binds);
    Result<int> execAffected(const QString &sql, const QVariantList &binds = {});

    // Write transaction on this thread's connection (SQLite: BEGIN IMMEDIATE, so concurrent
    // writers queue on the busy timeout instead of failing at commit).
    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase openConnection(const QString &name);

    DatabaseConfig m_config;
    QString m_prefix;
};

// Rolls back unless committed: every multi-statement write uses one.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db), m_status(db.begin()) {}
    ~Transaction() { if (m_status.ok() && !m_done) m_db.rollback(); }
    bool ok() const { return m_status.ok(); }
    const Error &error() const { return m_status.error(); }
    Status commit() { m_done = true; return m_db.commit(); }
    void rollback() { if (m_status.ok() && !m_done) m_db.rollback(); m_done = true; }

private:
    Database &m_db;
    Status m_status;
    bool m_done = false;
};

// The first row of a query mapped by `fromRow`, or nothing: every repository's "by id".
template<typename T, typename FromRow>
Result<std::optional<T>> firstRow(Result<QSqlQuery> query, FromRow fromRow)
{
    if (!query.ok())
        return query.error();
    if (!query.value().next())
        return std::optional<T>();
    return std::optional<T>(fromRow(query.value()));
}
template<typename T, typename FromRow>
Result<std::optional<T>> firstRow(Result<QSqlQuery *> query, FromRow fromRow)
{
    if (!query.ok())
        return query.error();
    QSqlQuery &q = *query.value();
    std::optional<T> out;
    if (q.next())
        out = fromRow(q);
    q.finish(); // an unfinished SQLite statement would pin its read snapshot
    return out;
}

// Every row of a query mapped by `fromRow`.
template<typename T, typename FromRow>
Result<QList<T>> allRows(Result<QSqlQuery> query, FromRow fromRow)
{
    if (!query.ok())
        return query.error();
    QList<T> out;
    while (query.value().next())
        out.append(fromRow(query.value()));
    return out;
}

QString nowIso();                         // current UTC time, ISO 8601 with milliseconds and Z
QString newId();                          // UUID without braces
QString sqlError(const QSqlQuery &query); // for logs only

} // namespace tu
