#pragma once
#include <QString>

namespace tu::ui {

// Installs the interface language: "en" loads the embedded English translation; anything else
// keeps the Indonesian source text and loads the embedded Indonesian translation of Qt's own
// texts (standard buttons, file and print dialogs, context menus). Also sets the default QLocale
// (dates, day and month names). Call before the first window is built; a second call switches.
void installLanguage(const QString &language);

} // namespace tu::ui
