#pragma once
#include "Actor.h"
#include "Result.h"
#include "User.h"
#include "UserRepository.h"

#include <QJsonObject>
#include <optional>

namespace tu {

class AuditLog;
class Database;

// What a create or edit form (or JSON body) supplies. Absent fields are left unchanged on edit.
struct UserInput {
    std::optional<QString> username, name, role, password;
    std::optional<bool> active;
    QHash<QString, QString> typeErrors; // fields that came with the wrong JSON type

    static UserInput fromJson(const QJsonObject &o);
};

// Users and their rules: password policy, unique usernames, and the admin safety rules
// (nobody deletes themself; the last active admin is never deleted, deactivated or demoted,
// also when two admins change each other at the same moment: the admin rows are locked).
// Password/role/status changes bump the token version, which revokes the user's tokens.
class UserService
{
public:
    UserService(Database &db, AuditLog &audit);

    Result<QList<User>> list(const Actor &actor);
    Result<QList<User>> list(const Actor &actor, const PageRequest &page, qint64 *total); // paged in SQL
    Result<User> get(const Actor &actor, const QString &id);
    Result<User> create(const Actor &actor, const UserInput &input);
    Result<User> update(const Actor &actor, const QString &id, const UserInput &input);
    Status remove(const Actor &actor, const QString &id);

    // First start: creates `admin` (role admin) if there are no users. Returns true if created.
    Result<bool> ensureInitialAdmin(const QString &password, const QString &name = QStringLiteral("Administrator"));
    Result<int> count();

    static QString passwordProblem(const QString &password, const QString &username);

private:
    Status requireAdmin(const Actor &actor) const;
    // The stored account, or NOT_FOUND with the message both adapters show.
    Result<User> existing(const QString &id);
    Database &m_db;
    AuditLog &m_audit;
    UserRepository m_repo;
};

} // namespace tu
