#pragma once
#include "auth/Roles.h"

#include <QString>

namespace tu::ui {

// A role as people read it, in the interface language: core's roleLabel() (Indonesian),
// translated when the English interface is on.
QString roleText(Role role);

} // namespace tu::ui
