#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace tu {

enum class Role { Admin, Operator, Ppdb, Kesiswaan, Osis, Siswa };

QString roleName(Role role);                           // "admin", … (API and storage)
QString roleLabel(Role role);                          // Indonesian label for people
std::optional<Role> roleFromName(const QString &name); // exact, lower case
QList<Role> allRoles();
QStringList allRoleNames();                        // the names of allRoles(), in order

} // namespace tu
