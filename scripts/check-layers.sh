#!/usr/bin/env bash
# The include rules between the layers (docs/architecture.md), checked on the sources:
#   core/      no QtWidgets and nothing from ui/
#   core/http  the transport: nothing from core/api or from a service area
#   ui/        nothing from core/db (no SQL in the desktop)
#   app/server nothing from ui/ and no QtWidgets
# and one house rule of the desktop: colours are theme tokens (ui/common/Theme.h, used by
# resources/theme/tatausaha.qss), never literal values in ui/ code, nor a style sheet of its own.
# Prints each breach as file:line and exits 1 when there is one.
set -uo pipefail
cd "$(dirname "$0")/.."
fail=0
breach() { # pattern, files..., message
  local pattern=$1 message=$2; shift 2
  local hits
  hits=$(grep -nE "$pattern" "$@" 2>/dev/null || true)
  if [ -n "$hits" ]; then
    echo "$message:"; echo "$hits"; fail=1
  fi
}
core=$(find core -name '*.cpp' -o -name '*.h')
breach '#include <Q(Widget|Dialog|MainWindow|PushButton|Label|LineEdit|Application)>|#include <QtWidgets' "Widgets in core" $core
breach '#include "(common|shell|ppdb|content|dapodik|satudata|tahunajaran|users|settings|audit|dashboard)/[A-Z][A-Za-z]*(Page|Dialog|Model|Panel|Tab|Banner)\.h"' \
  "ui headers in core" $core
http=$(find core/http -name '*.cpp' -o -name '*.h')
breach '#include "(api|academic|ppdb|content|dapodik|satudata|audit|files)/' "core/http reaches beyond the transport" $http
breach '#include "app/Core\.h"' "core/http includes Core" $http
ui=$(find ui -name '*.cpp' -o -name '*.h')
breach '#include "db/' "ui includes core/db" $ui
breach '#include <QSql' "SQL in ui" $ui
ui_code=$(find ui -name '*.cpp' -o -name '*.h' | grep -v '^ui/common/Theme\.')
breach '#[0-9a-fA-F]{6}\b|QColor\(0x|QColor\("#' "a literal colour in ui (use a theme token)" $ui_code
breach 'setStyleSheet\(QStringLiteral' "a style sheet in ui code (rules belong in resources/theme/tatausaha.qss)" $ui_code
server=$(find app/server -name '*.cpp' -o -name '*.h')
breach '#include "(common|shell)/|#include <QtWidgets|#include <QApplication>' "the server pulls in the desktop" $server
exit $fail
