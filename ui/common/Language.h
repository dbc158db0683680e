#pragma once
#include <QString>

namespace tu::ui {

// Installs the interface language: "en" loads the embedded English translation; anything else
// keeps the Indonesian source text. Also sets the default QLocale (dates, day and month names).
// Call once, before the first window is built.
void installLanguage(const QString &language);

} // namespace tu::ui
