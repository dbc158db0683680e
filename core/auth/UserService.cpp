#include "UserService.h"
#include "audit/AuditedChange.h"
#include "auth/Permissions.h"
#include "PasswordHasher.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QRegularExpression>

namespace tu {

namespace {
const QString Entity = QStringLiteral("user");

QString notFoundText() { return QStringLiteral("Pengguna tidak ditemukan. Muat ulang daftar pengguna."); }

QString usernameProblem(const QString &u)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{3,32}$"));
    if (u.isEmpty())
        return QStringLiteral("Username wajib diisi.");
    if (!re.match(u).hasMatch())
        return QStringLiteral("Username 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung.");
    return {};
}

QString nameProblem(const QString &n)
{
    if (n.trimmed().isEmpty())
        return QStringLiteral("Nama wajib diisi.");
    if (n.size() > 100)
        return QStringLiteral("Nama paling banyak 100 karakter.");
    for (QChar c : n)
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("Nama mengandung karakter yang tidak diizinkan.");
    return {};
}
} // namespace

UserInput UserInput::fromJson(const QJsonObject &o)
{
    UserInput in;
    auto str = [&](const char *key, std::optional<QString> &out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            in.typeErrors.insert(QLatin1String(key), QStringLiteral("Harus berupa teks."));
        else
            out = v.toString();
    };
    str("username", in.username);
    str("name", in.name);
    str("role", in.role);
    str("password", in.password);
    const QJsonValue a = o.value(QLatin1String("active"));
    if (a.isBool())
        in.active = a.toBool();
    else if (!a.isUndefined() && !a.isNull())
        in.typeErrors.insert(QStringLiteral("active"), QStringLiteral("Harus true atau false."));
    return in;
}

QString UserService::passwordProblem(const QString &password, const QString &username)
{
    if (password.size() < 8)
        return QStringLiteral("Password minimal 8 karakter.");
    if (password.toUtf8().size() > 72)
        return QStringLiteral("Password paling panjang 72 byte.");
    if (!username.isEmpty() && password.compare(username, Qt::CaseInsensitive) == 0)
        return QStringLiteral("Password tidak boleh sama dengan username.");
    return {};
}

UserService::UserService(Database &db, AuditLog &audit) : m_db(db), m_audit(audit), m_repo(db) {}

Status UserService::requireAdmin(const Actor &actor) const
{
    if (may(actor, Permission::ManageUsers))
        return {};
    return Error::forbidden(QStringLiteral("Hanya admin yang dapat mengelola pengguna."));
}

Result<QList<User>> UserService::list(const Actor &actor)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s.error();
    return m_repo.list();
}

Result<QList<User>> UserService::list(const Actor &actor, const PageRequest &page, qint64 *total)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s.error();
    return m_repo.list(page, total);
}

Result<User> UserService::get(const Actor &actor, const QString &id)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s.error();
    return existing(id);
}

Result<User> UserService::create(const Actor &actor, const UserInput &in)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s.error();
    QHash<QString, QString> fields = in.typeErrors;
    const QString username = in.username.value_or(QString()).trimmed();
    const QString name = in.name.value_or(QString()).simplified();
    if (!fields.contains(QStringLiteral("username")))
        if (auto p = usernameProblem(username); !p.isEmpty())
            fields.insert(QStringLiteral("username"), p);
    if (!fields.contains(QStringLiteral("name")))
        if (auto p = nameProblem(name); !p.isEmpty())
            fields.insert(QStringLiteral("name"), p);
    const auto role = roleFromName(in.role.value_or(QString()));
    if (!role && !fields.contains(QStringLiteral("role")))
        fields.insert(QStringLiteral("role"), QStringLiteral("Peran harus salah satu dari: %1.").arg(allRoleNames().join(QStringLiteral(", "))));
    if (!fields.contains(QStringLiteral("password")))
        if (auto p = passwordProblem(in.password.value_or(QString()), username); !p.isEmpty())
            fields.insert(QStringLiteral("password"), p);
    if (!fields.isEmpty())
        return Error::validation(fields);

    User u;
    u.id = newId();
    u.username = username;
    u.name = name;
    u.role = *role;
    u.active = in.active.value_or(true);
    u.createdAt = u.updatedAt = nowIso();
    u.passwordHash = PasswordHasher::hash(*in.password);
    if (u.passwordHash.isEmpty())
        return Error::server(QStringLiteral("bcrypt hashing failed"));

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto existing = m_repo.byUsername(username);
    if (!existing.ok())
        return existing.error();
    if (existing.value())
        return Error::conflict(QStringLiteral("Username \"%1\" sudah dipakai. Pilih username lain.").arg(username));
    if (auto s = m_repo.insert(u); !s.ok())
        return s.error();
    if (auto s = m_audit.record(actor, QStringLiteral("create"), Entity, u.id, {}, u.toJson()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return u;
}

Result<User> UserService::update(const Actor &actor, const QString &id, const UserInput &in)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s.error();
    QHash<QString, QString> fields = in.typeErrors;
    std::optional<Role> role;
    if (in.username && !fields.contains(QStringLiteral("username")))
        if (auto p = usernameProblem(in.username->trimmed()); !p.isEmpty())
            fields.insert(QStringLiteral("username"), p);
    if (in.name && !fields.contains(QStringLiteral("name")))
        if (auto p = nameProblem(*in.name); !p.isEmpty())
            fields.insert(QStringLiteral("name"), p);
    if (in.role && !fields.contains(QStringLiteral("role"))) {
        role = roleFromName(*in.role);
        if (!role)
            fields.insert(QStringLiteral("role"), QStringLiteral("Peran harus salah satu dari: admin, operator, ppdb, kesiswaan, osis, siswa."));
    }
    if (!fields.isEmpty())
        return Error::validation(fields);

    // Hash outside the transaction: it is slow and needs no lock.
    auto current = existing(id);
    if (!current.ok())
        return current.error();
    const QString newUsername = in.username ? in.username->trimmed() : current->username;
    QByteArray newHash;
    if (in.password) {
        if (auto p = passwordProblem(*in.password, newUsername); !p.isEmpty())
            return Error::validation({{QStringLiteral("password"), p}});
        newHash = PasswordHasher::hash(*in.password);
        if (newHash.isEmpty())
            return Error::server(QStringLiteral("bcrypt hashing failed"));
    }

    // Lock the admins before reading the user, so the read sees any demotion that committed
    // while we waited (see UserRepository::lockActiveAdmins).
    std::optional<int> admins;
    auto read = [&]() -> Result<User> {
        if (in.role || in.active) {
            auto locked = m_repo.lockActiveAdmins();
            if (!locked.ok())
                return locked.error();
            admins = locked.value();
        }
        return existing(id);
    };
    auto edit = [&](const User &before) -> Result<User> {
        User after = before;
        if (in.username)
            after.username = newUsername;
        if (in.name)
            after.name = in.name->simplified();
        if (role)
            after.role = *role;
        if (in.active)
            after.active = *in.active;
        if (!newHash.isEmpty())
            after.passwordHash = newHash;
        const bool losesAdmin = before.role == Role::Admin && before.active
            && (after.role != Role::Admin || !after.active);
        if (losesAdmin && !actor.isSystem && actor.userId == id)
            return Error::conflict(QStringLiteral("Anda tidak dapat menurunkan peran atau menonaktifkan akun Anda sendiri."));
        if (losesAdmin && admins.value_or(0) <= 1) // losesAdmin implies role or active given: locked above
            return Error::conflict(QStringLiteral("Ini admin aktif terakhir. Jadikan pengguna lain admin terlebih dahulu."));
        if (after.username.compare(before.username, Qt::CaseInsensitive) != 0) {
            auto clash = m_repo.byUsername(after.username);
            if (!clash.ok())
                return clash.error();
            if (clash.value())
                return Error::conflict(QStringLiteral("Username \"%1\" sudah dipakai. Pilih username lain.").arg(after.username));
        }
        if (after.role != before.role || after.active != before.active || after.passwordHash != before.passwordHash)
            after.tokenVersion = before.tokenVersion + 1; // revokes every token issued before
        after.updatedAt = nowIso();
        return after;
    };
    // The audit entry never holds a hash, only that the password changed (a fresh bcrypt hash
    // has its own salt, so only the new record can carry it).
    auto view = [&newHash](const User &u) {
        QJsonObject j = u.toJson();
        if (!newHash.isEmpty() && u.passwordHash == newHash)
            j.insert(QStringLiteral("passwordChanged"), true);
        return j;
    };
    return auditedChange(m_db, m_audit, actor, {QStringLiteral("update"), Entity, id}, read, edit,
                         [this](const User &after) { return m_repo.update(after); }, view);
}

Result<User> UserService::existing(const QString &id)
{
    auto u = m_repo.byId(id);
    if (!u.ok())
        return u.error();
    if (!u.value())
        return Error::notFound(notFoundText());
    return *u.value();
}

Status UserService::remove(const Actor &actor, const QString &id)
{
    if (auto s = requireAdmin(actor); !s.ok())
        return s;
    if (!actor.isSystem && actor.userId == id)
        return Error::conflict(QStringLiteral("Anda tidak dapat menghapus akun Anda sendiri."));
    int admins = 0;
    auto gone = auditedChange(
        m_db, m_audit, actor, {QStringLiteral("delete"), Entity, id, true},
        [&]() -> Result<User> {
            auto locked = m_repo.lockActiveAdmins(); // before the read, as in update()
            if (!locked.ok())
                return locked.error();
            admins = locked.value();
            return existing(id);
        },
        [&](const User &u) -> Result<User> {
            if (u.role == Role::Admin && u.active && admins <= 1)
                return Error::conflict(QStringLiteral("Admin aktif terakhir tidak dapat dihapus. Jadikan pengguna lain admin terlebih dahulu."));
            return u;
        },
        [this, &id](const User &) { return m_repo.remove(id); },
        [](const User &u) { return u.toJson(); });
    if (!gone.ok())
        return gone.error();
    return {};
}

Result<bool> UserService::ensureInitialAdmin(const QString &password, const QString &name)
{
    auto n = m_repo.count();
    if (!n.ok())
        return n.error();
    if (n.value() > 0)
        return false;
    UserInput in;
    in.username = QStringLiteral("admin");
    in.name = name;
    in.role = QStringLiteral("admin");
    in.password = password;
    auto created = create(Actor::system(QStringLiteral("setup")), in);
    if (!created.ok())
        return created.error();
    return true;
}

Result<int> UserService::count()
{
    return m_repo.count();
}

} // namespace tu
