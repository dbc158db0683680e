#pragma once
#include "Paging.h"
#include "Result.h"
#include "User.h"

#include <QList>
#include <optional>

namespace tu {

class Database;

// All SQL about users.
class UserRepository
{
public:
    explicit UserRepository(Database &db) : m_db(db) {}
    Result<QList<User>> list();
    Result<QList<User>> list(const PageRequest &page, qint64 *total); // paged in SQL
    Result<std::optional<User>> byId(const QString &id);
    Result<std::optional<User>> byUsername(const QString &username); // case-insensitive
    Result<int> count();
    Result<int> countActiveAdmins();
    // Inside a write transaction, before reading the user being changed: on PostgreSQL locks
    // every active admin row (SELECT ... FOR UPDATE, in id order so two callers never deadlock)
    // and returns how many there are. Under READ COMMITTED two admins demoting each other would
    // otherwise both count two admins and both commit. SQLite needs no lock: its write
    // transactions begin IMMEDIATE and so run one at a time.
    Result<int> lockActiveAdmins();
    Status insert(const User &u);
    Status update(const User &u); // every column but id and created_at
    Status remove(const QString &id);
    Status revokeToken(const QString &jti, const QString &expiresAt);
    Result<bool> isRevoked(const QString &jti);
    Status purgeExpiredRevocations(const QString &now);

private:
    Database &m_db;
};

} // namespace tu
