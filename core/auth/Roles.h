#pragma once
#include <QList>
#include <QString>
#include <optional>

namespace tu {

enum class Role { Admin, Operator, Ppdb, Kesiswaan, Osis, Siswa };

QString roleName(Role role);                           // "admin", … (API and storage)
QString roleLabel(Role role);                          // Indonesian label for people
std::optional<Role> roleFromName(const QString &name); // exact, lower case
QList<Role> allRoles();

} // namespace tu
