#include "Permissions.h"

#include <QStringList>

namespace tu {

const QList<Role> &rolesFor(Permission permission)
{
    static const QList<Role> admin{Role::Admin}, office{Role::Admin, Role::Operator}, ppdb{Role::Admin, Role::Ppdb},
        contentEditors{Role::Admin, Role::Kesiswaan, Role::Osis}, contentStaff{Role::Admin, Role::Kesiswaan}, students{Role::Siswa};
    switch (permission) { // a missing case is a compiler warning
    case Permission::ManageUsers:
    case Permission::ManageSettings:
    case Permission::ReadAudit:
    case Permission::VerifySatuData:
        return admin;
    case Permission::ManageTahunAjaran:
    case Permission::SyncDapodik:
    case Permission::ManageSatuData:
        return office;
    case Permission::AdministerPpdb:
        return ppdb;
    case Permission::EditContent:
        return contentEditors;
    case Permission::ApproveContent:
    case Permission::ReviewWorks:
        return contentStaff;
    case Permission::SubmitWorks:
        return students;
    }
    static const QList<Role> none;
    return none;
}

bool hasPermission(Role role, Permission permission) { return rolesFor(permission).contains(role); }

bool may(const Actor &actor, Permission permission) { return actor.isSystem || hasPermission(actor.role, permission); }

Status require(const Actor &actor, Permission permission)
{
    if (may(actor, permission))
        return {};
    QStringList who;
    for (Role r : rolesFor(permission))
        who << roleLabel(r);
    return Error::forbidden(QStringLiteral("Tindakan ini hanya untuk peran %1. Minta pengguna dengan peran itu, atau admin, "
                                           "untuk melakukannya.").arg(who.join(QStringLiteral(", "))));
}

} // namespace tu
