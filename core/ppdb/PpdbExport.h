#pragma once
#include "Registration.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QTimeZone>

namespace tu {

// Registrations as a spreadsheet for the school office: XLSX through libxlsxwriter, or CSV
// (UTF-8 with BOM so Excel opens it with the right characters). Times are in the school's
// zone (XLSX: real date-time cells; CSV: "yyyy-MM-dd HH:mm"), birth dates are date cells, and
// the status is the Indonesian word of the screen.
QByteArray registrationsCsv(const QList<Registration> &rows, const QTimeZone &zone);
Result<QByteArray> registrationsXlsx(const QList<Registration> &rows, const QString &tempDir, const QTimeZone &zone);

} // namespace tu
