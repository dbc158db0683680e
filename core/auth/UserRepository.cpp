#include "UserRepository.h"
#include "db/Database.h"

namespace tu {

namespace {
const QString Columns = QStringLiteral("id, username, name, role, active, token_version, created_at, updated_at, password_hash");

User fromRow(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toString();
    u.username = q.value(1).toString();
    u.name = q.value(2).toString();
    u.role = roleFromName(q.value(3).toString()).value_or(Role::Siswa);
    u.active = q.value(4).toInt() != 0;
    u.tokenVersion = q.value(5).toInt();
    u.createdAt = q.value(6).toString();
    u.updatedAt = q.value(7).toString();
    u.passwordHash = q.value(8).toString().toLatin1();
    return u;
}

} // namespace

Result<QList<User>> UserRepository::list()
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users ORDER BY LOWER(username)"));
    return allRows<User>(q, fromRow);
}

Result<QList<User>> UserRepository::list(const PageRequest &page, qint64 *total)
{
    auto n = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!n.ok())
        return n.error();
    *total = n.value().next() ? n.value().value(0).toLongLong() : 0;
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users ORDER BY LOWER(username), id LIMIT ? OFFSET ?"),
                       {page.limit, page.offset()});
    return allRows<User>(q, fromRow);
}

Result<std::optional<User>> UserRepository::byId(const QString &id)
{
    return firstRow<User>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE id = ?"), {id}), fromRow);
}

Result<std::optional<User>> UserRepository::byUsername(const QString &username)
{
    return firstRow<User>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE LOWER(username) = LOWER(?)"),
                         {username}), fromRow);
}

Result<int> UserRepository::count()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q.ok())
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<int> UserRepository::countActiveAdmins()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1"));
    if (!q.ok())
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<int> UserRepository::lockActiveAdmins()
{
    if (!m_db.isPostgres())
        return countActiveAdmins();
    auto q = m_db.exec(QStringLiteral("SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id FOR UPDATE"));
    if (!q.ok())
        return q.error();
    int n = 0;
    while (q.value().next())
        ++n;
    return n;
}

Status UserRepository::insert(const User &u)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO users (id, username, name, role, active, token_version, created_at, "
                                      "updated_at, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {u.id, u.username, u.name, roleName(u.role), u.active ? 1 : 0, u.tokenVersion, u.createdAt,
                        u.updatedAt, QString::fromLatin1(u.passwordHash)});
    return q.ok() ? Status() : Status(q.error());
}

Status UserRepository::update(const User &u)
{
    auto q = m_db.exec(QStringLiteral("UPDATE users SET username = ?, name = ?, role = ?, active = ?, token_version = ?, "
                                      "updated_at = ?, password_hash = ? WHERE id = ?"),
                       {u.username, u.name, roleName(u.role), u.active ? 1 : 0, u.tokenVersion, u.updatedAt,
                        QString::fromLatin1(u.passwordHash), u.id});
    return q.ok() ? Status() : Status(q.error());
}

Status UserRepository::remove(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
    return q.ok() ? Status() : Status(q.error());
}

Status UserRepository::revokeToken(const QString &jti, const QString &expiresAt)
{
    // Portable upsert-or-ignore: a token revoked twice stays revoked.
    auto q = m_db.exec(QStringLiteral("INSERT INTO revoked_tokens (jti, expires_at) SELECT ?, ? WHERE NOT EXISTS "
                                      "(SELECT 1 FROM revoked_tokens WHERE jti = ?)"),
                       {jti, expiresAt, jti});
    return q.ok() ? Status() : Status(q.error());
}

Result<bool> UserRepository::isRevoked(const QString &jti)
{
    auto q = m_db.execCached(QStringLiteral("SELECT 1 FROM revoked_tokens WHERE jti = ?"), {jti});
    if (!q.ok())
        return q.error();
    const bool revoked = q.value()->next();
    q.value()->finish();
    return revoked;
}

Status UserRepository::purgeExpiredRevocations(const QString &now)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM revoked_tokens WHERE expires_at < ?"), {now});
    return q.ok() ? Status() : Status(q.error());
}

} // namespace tu
