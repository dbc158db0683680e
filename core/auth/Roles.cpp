#include "Roles.h"

namespace tu {

QList<Role> allRoles()
{
    return {Role::Admin, Role::Operator, Role::Ppdb, Role::Kesiswaan, Role::Osis, Role::Siswa};
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin: return QStringLiteral("admin");
    case Role::Operator: return QStringLiteral("operator");
    case Role::Ppdb: return QStringLiteral("ppdb");
    case Role::Kesiswaan: return QStringLiteral("kesiswaan");
    case Role::Osis: return QStringLiteral("osis");
    case Role::Siswa: return QStringLiteral("siswa");
    }
    return {};
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Admin: return QStringLiteral("Admin");
    case Role::Operator: return QStringLiteral("Operator");
    case Role::Ppdb: return QStringLiteral("Panitia PPDB");
    case Role::Kesiswaan: return QStringLiteral("Kesiswaan");
    case Role::Osis: return QStringLiteral("OSIS");
    case Role::Siswa: return QStringLiteral("Siswa");
    }
    return {};
}

QStringList allRoleNames()
{
    QStringList out;
    for (Role r : allRoles())
        out << roleName(r);
    return out;
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role r : allRoles())
        if (roleName(r) == name)
            return r;
    return std::nullopt;
}

} // namespace tu
