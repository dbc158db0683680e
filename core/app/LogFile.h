#pragma once
#include <QString>

namespace tu {

// Sends Qt's log messages to <data-dir>/logs/tatausaha.log (rotated at 10 MB, three files kept)
// as well as stderr. Messages never contain passwords or tokens: callers log paths without
// query strings and redact secrets before logging.
void installLogFile(const QString &dataDir);

} // namespace tu
