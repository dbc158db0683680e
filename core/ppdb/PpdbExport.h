#pragma once
#include "Registration.h"
#include "Result.h"

#include <QByteArray>
#include <QList>

namespace tu {

// Registrations as a spreadsheet for the school office: XLSX through libxlsxwriter, or CSV
// (UTF-8 with BOM so Excel opens it with the right characters).
QByteArray registrationsCsv(const QList<Registration> &rows);
Result<QByteArray> registrationsXlsx(const QList<Registration> &rows, const QString &tempDir);

} // namespace tu
