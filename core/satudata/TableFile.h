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
constexpr int MaxCells = 2'000'000;           // rows x columns of one table
constexpr int MaxCellChars = 32767;           // Excel's own limit for one cell
constexpr qint64 MaxTotalChars = 16'000'000;  // all cells together, after shared strings are filled in
// XLSX only: what a zip may hold before it is even read as a table. Sizes are the real inflated
// bytes counted while reading, never the size an entry's header declares.
constexpr int MaxSharedStrings = 500'000;
constexpr int MaxZipEntries = 500;
constexpr qint64 MaxEntryBytes = 64 * 1024 * 1024;
// Every parse works on bytes in memory (also for the fuzz targets). XLSX refuses any DTD, so
// no entity is ever declared, let alone expanded.
Result<Table> parseCsv(const QByteArray &bytes);
Result<Table> parseXlsx(const QByteArray &bytes);
// Decides by content: a zip (PK\3\4) is XLSX, anything else is tried as CSV.
Result<Table> parse(const QByteArray &bytes);
QByteArray toCsv(const Table &table); // UTF-8, comma separated, quoted where needed
inline const QString Csv = QStringLiteral("csv");
inline const QString Xlsx = QStringLiteral("xlsx");
inline const QStringList &formats() // Table::format: csv, xlsx
{
    static const QStringList f{Csv, Xlsx};
    return f;
}
} // namespace tablefile

} // namespace tu
