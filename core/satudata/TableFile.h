#pragma once
// Reads the data tables officers upload for Satu Data: CSV (UTF-8, with or without BOM,
// comma or semicolon separated, RFC 4180 quoting) and XLSX (the first worksheet, through
// libzip and QXmlStreamReader). Every refusal says in Indonesian what is wrong and how to fix it.

#include "Result.h"

#include <QStringList>

class QIODevice;

namespace tu {

struct Table {
    QStringList columns;
    QList<QStringList> rows; // each exactly columns.size() cells
    QString format;          // csv | xlsx
};

namespace tablefile {
constexpr int MaxRows = 100000;
constexpr int MaxColumns = 200;
Result<Table> parseCsv(const QByteArray &bytes);
Result<Table> parseXlsx(const QByteArray &bytes);
// Decides by content: a zip (PK\3\4) is XLSX, anything else is tried as CSV.
Result<Table> parse(const QByteArray &bytes);
QByteArray toCsv(const Table &table); // UTF-8, comma separated, quoted where needed
} // namespace tablefile

} // namespace tu
