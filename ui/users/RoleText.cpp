#include "RoleText.h"

#include <QCoreApplication>

namespace tu::ui {

namespace {
// Only for lupdate: core's labels, so they land in the .ts files under "Roles".
[[maybe_unused]] const char *const Labels[] = {
    QT_TRANSLATE_NOOP("Roles", "Admin"),     QT_TRANSLATE_NOOP("Roles", "Operator"),
    QT_TRANSLATE_NOOP("Roles", "Panitia PPDB"), QT_TRANSLATE_NOOP("Roles", "Kesiswaan"),
    QT_TRANSLATE_NOOP("Roles", "OSIS"),      QT_TRANSLATE_NOOP("Roles", "Siswa"),
};
} // namespace

QString roleText(Role role)
{
    return QCoreApplication::translate("Roles", roleLabel(role).toUtf8().constData());
}

} // namespace tu::ui
