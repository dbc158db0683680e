#pragma once
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
    Result<std::optional<User>> byId(const QString &id);
    Result<std::optional<User>> byUsername(const QString &username); // case-insensitive
    Result<int> count();
    Result<int> countActiveAdmins();
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
