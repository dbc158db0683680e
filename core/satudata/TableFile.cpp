#include "TableFile.h"

#include <QHash>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <memory>
#include <zip.h>

namespace tu::tablefile {

namespace {
Error bad(const QString &message) { return Error::validation({{QStringLiteral("file"), message}}, message); }

Error tooMuchText()
{
    return bad(QStringLiteral("Isi tabel terlalu banyak (lebih dari %1 karakter). Pecah datanya menjadi beberapa berkas.").arg(MaxTotalChars));
}

// Excel itself stops at 32,767 characters per cell; anything longer is not a table cell.
Status checkCell(const QString &cell, int row, int column)
{
    if (cell.size() > MaxCellChars)
        return bad(QStringLiteral("Sel di baris %1 kolom %2 berisi lebih dari %3 karakter (batas Excel). Perpendek isinya.")
                       .arg(row).arg(column + 1).arg(MaxCellChars));
    return {};
}

// Header names must be usable as field names upstream: present and unique.
Status checkShape(const Table &t)
{
    if (t.columns.isEmpty())
        return bad(QStringLiteral("Baris pertama (judul kolom) kosong. Baris pertama harus berisi nama kolom."));
    if (t.columns.size() > MaxColumns)
        return bad(QStringLiteral("Terlalu banyak kolom (%1, maks %2).").arg(t.columns.size()).arg(MaxColumns));
    QSet<QString> seen;
    for (int i = 0; i < t.columns.size(); ++i) {
        const QString c = t.columns.at(i);
        if (c.isEmpty())
            return bad(QStringLiteral("Judul kolom ke-%1 kosong. Beri nama setiap kolom di baris pertama.").arg(i + 1));
        if (c.size() > 100)
            return bad(QStringLiteral("Judul kolom ke-%1 terlalu panjang (maks 100 karakter).").arg(i + 1));
        if (seen.contains(c.toLower()))
            return bad(QStringLiteral("Judul kolom \"%1\" muncul dua kali. Setiap kolom harus bernama unik.").arg(c));
        seen.insert(c.toLower());
    }
    if (t.rows.isEmpty())
        return bad(QStringLiteral("Berkas hanya berisi judul kolom, tanpa data."));
    if (t.rows.size() > MaxRows)
        return bad(QStringLiteral("Terlalu banyak baris (%1, maks %2).").arg(t.rows.size()).arg(MaxRows));
    if (qint64(t.rows.size()) * t.columns.size() > MaxCells)
        return bad(QStringLiteral("Tabel terlalu besar (%1 baris x %2 kolom, maks %3 sel). Pecah datanya menjadi beberapa berkas.")
                       .arg(t.rows.size()).arg(t.columns.size()).arg(MaxCells));
    qint64 chars = 0;
    for (int r = 0; r < t.rows.size(); ++r)
        for (int c = 0; c < t.rows[r].size(); ++c) {
            if (auto s = checkCell(t.rows[r][c], r + 2, c); !s.ok())
                return s;
            chars += t.rows[r][c].size();
        }
    if (chars > MaxTotalChars)
        return tooMuchText();
    return {};
}
} // namespace

Result<Table> parseCsv(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return bad(QStringLiteral("Berkas CSV bukan UTF-8. Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (Comma delimited)\" lalu unggah lagi."));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.contains(QChar(0)))
        return bad(QStringLiteral("Berkas bukan teks CSV."));
    // Separator: whichever of , ; \t appears most in the header line (Indonesian Excel uses ;).
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    QChar sep = QLatin1Char(',');
    int best = int(firstLine.count(QLatin1Char(',')));
    for (QChar c : {QChar(QLatin1Char(';')), QChar(QLatin1Char('\t'))})
        if (firstLine.count(c) > best) {
            best = int(firstLine.count(c));
            sep = c;
        }
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, fieldStarted = false;
    int line = 1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == sep) {
            record << field.trimmed();
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << field.trimmed();
            field.clear();
            fieldStarted = false;
            const bool blank = record.size() == 1 && record.first().isEmpty();
            if (!blank)
                records << record;
            record.clear();
            ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return bad(QStringLiteral("Tanda kutip (\") tidak ditutup sebelum akhir berkas (mulai sekitar baris %1).").arg(line));
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field.trimmed();
        if (!(record.size() == 1 && record.first().isEmpty()))
            records << record;
    }
    if (records.isEmpty())
        return bad(QStringLiteral("Berkas kosong."));
    Table t;
    t.format = tablefile::Csv;
    t.columns = records.takeFirst();
    for (int r = 0; r < records.size(); ++r) {
        if (records[r].size() != t.columns.size())
            return bad(QStringLiteral("Baris %1 berisi %2 kolom, padahal judul berisi %3 kolom. Periksa pemisah (koma/titik koma) dan tanda kutip di baris itu.")
                           .arg(r + 2).arg(records[r].size()).arg(t.columns.size()));
    }
    t.rows = records;
    if (auto s = checkShape(t); !s.ok())
        return s.error();
    return t;
}

namespace {
Error tooBig()
{
    return bad(QStringLiteral("Isi berkas XLSX terlalu besar setelah dibuka (lebih dari %1 MB per bagian). Pecah datanya menjadi beberapa berkas.")
                   .arg(MaxEntryBytes / (1024 * 1024)));
}

Error broken() { return bad(QStringLiteral("Berkas XLSX rusak atau bukan XLSX. Simpan ulang dari Excel sebagai \"Excel Workbook (.xlsx)\".")); }

// One zip entry, inflated with a running cap on the bytes really produced: a header may claim
// a few bytes for an entry that inflates to gigabytes. Absent entry: empty and *found false.
Result<QByteArray> zipEntry(zip_t *z, const char *name, bool *found)
{
    *found = false;
    const zip_int64_t index = zip_name_locate(z, name, 0);
    if (index < 0)
        return QByteArray();
    zip_file_t *f = zip_fopen_index(z, zip_uint64_t(index), 0);
    if (!f)
        return broken();
    QByteArray out;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (;;) {
        const zip_int64_t n = zip_fread(f, chunk.data(), zip_uint64_t(chunk.size()));
        if (n < 0) {
            zip_fclose(f);
            return broken();
        }
        if (n == 0)
            break;
        if (out.size() + n > MaxEntryBytes) {
            zip_fclose(f);
            return tooBig();
        }
        out.append(chunk.constData(), qsizetype(n));
    }
    zip_fclose(f);
    *found = true;
    return out;
}

// "BC12" -> 54 (0-based column index); -1 when the letters alone pass every column we accept.
int columnIndex(const QString &cellRef)
{
    int col = 0;
    for (QChar c : cellRef) {
        if (!c.isLetter())
            break;
        const ushort u = c.toUpper().unicode();
        if (u < 'A' || u > 'Z')
            return -1;
        col = col * 26 + (u - 'A' + 1);
        if (col > MaxColumns * 2)
            return -1;
    }
    return col - 1;
}

// A reader that refuses DTDs: an internal DTD is how entities get declared (billion laughs),
// and SpreadsheetML never has one. The DTD token comes before any entity is referenced, so
// stopping there expands nothing; the expansion limit is a second fence.
class Xml : public QXmlStreamReader
{
public:
    explicit Xml(const QByteArray &bytes) : QXmlStreamReader(bytes) { setEntityExpansionLimit(64); }
    bool next()
    {
        if (atEnd())
            return false;
        if (readNext() == QXmlStreamReader::DTD) {
            raiseError(QStringLiteral("DTD"));
            m_dtd = true;
            return false;
        }
        return !hasError();
    }
    Status status() const
    {
        if (m_dtd)
            return bad(QStringLiteral("Berkas XLSX memuat deklarasi DTD, yang tidak dipakai Excel dan tidak diizinkan. Simpan ulang dari Excel sebagai \"Excel Workbook (.xlsx)\"."));
        if (hasError())
            return bad(QStringLiteral("Isi lembar kerja XLSX rusak: %1.").arg(errorString()));
        return {};
    }

private:
    bool m_dtd = false;
};

Result<QStringList> sharedStrings(const QByteArray &xml)
{
    QStringList strings;
    Xml x(xml);
    QString current;
    bool inSi = false;
    qint64 chars = 0;
    while (x.next()) {
        if (x.isStartElement() && x.name() == QLatin1String("si")) {
            inSi = true;
            current.clear();
        } else if (x.isStartElement() && x.name() == QLatin1String("t") && inSi) {
            current += x.readElementText(QXmlStreamReader::IncludeChildElements);
            if (current.size() > MaxCellChars)
                return bad(QStringLiteral("Teks ke-%1 di berkas XLSX berisi lebih dari %2 karakter (batas Excel). Perpendek isinya.")
                               .arg(strings.size() + 1).arg(MaxCellChars));
        } else if (x.isEndElement() && x.name() == QLatin1String("si")) {
            if (strings.size() >= MaxSharedStrings)
                return bad(QStringLiteral("Berkas XLSX berisi terlalu banyak teks berbeda (maks %1). Pecah datanya menjadi beberapa berkas.")
                               .arg(MaxSharedStrings));
            chars += current.size();
            if (chars > MaxTotalChars)
                return tooMuchText();
            strings << current;
            inSi = false;
        }
    }
    if (auto s = x.status(); !s.ok())
        return s.error();
    return strings;
}
} // namespace

Result<Table> parseXlsx(const QByteArray &bytes)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &err);
    if (!src)
        return bad(QStringLiteral("Berkas XLSX tidak dapat dibuka."));
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
    zip_error_fini(&err);
    if (!z) {
        zip_source_free(src);
        return broken();
    }
    // Closes the archive on every return below (zip_close frees the source too).
    const std::unique_ptr<zip_t, void (*)(zip_t *)> archive(z, [](zip_t *a) { zip_discard(a); });
    if (zip_get_num_entries(z, 0) > MaxZipEntries)
        return bad(QStringLiteral("Berkas XLSX berisi terlalu banyak bagian (lebih dari %1). Simpan ulang dari Excel sebagai \"Excel Workbook (.xlsx)\" hanya dengan lembar data.")
                       .arg(MaxZipEntries));
    bool found = false;
    auto shared = zipEntry(z, "xl/sharedStrings.xml", &found);
    if (!shared.ok())
        return shared.error();
    QStringList strings;
    if (found) {
        auto s = sharedStrings(shared.value());
        if (!s.ok())
            return s.error();
        strings = s.value();
    }
    shared = QByteArray(); // freed before the sheet is inflated
    auto sheet = zipEntry(z, "xl/worksheets/sheet1.xml", &found);
    if (!sheet.ok())
        return sheet.error();
    if (!found)
        return bad(QStringLiteral("Lembar kerja pertama tidak ditemukan di berkas XLSX."));

    QList<QStringList> rows;
    Xml x(sheet.value());
    QStringList row;
    int col = 0;
    QString type;
    bool inRow = false;
    qint64 chars = 0, cells = 0;
    while (x.next()) {
        if (x.isStartElement() && x.name() == QLatin1String("row")) {
            inRow = true;
            row.clear();
            col = 0;
        } else if (x.isStartElement() && x.name() == QLatin1String("c") && inRow) {
            const QString ref = x.attributes().value(QLatin1String("r")).toString();
            col = ref.isEmpty() ? col : columnIndex(ref);
            type = x.attributes().value(QLatin1String("t")).toString();
            if (col < 0 || col > MaxColumns * 2)
                return bad(QStringLiteral("Sel di luar batas kolom (%1).").arg(ref.left(20)));
            while (row.size() < col)
                row << QString();
            row << QString();
        } else if (x.isStartElement() && (x.name() == QLatin1String("v") || x.name() == QLatin1String("t")) && inRow && !row.isEmpty()) {
            const QString v = x.readElementText(QXmlStreamReader::IncludeChildElements);
            const qsizetype before = row.last().size();
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int idx = v.toInt(&ok);
                row.last() = ok && idx >= 0 && idx < strings.size() ? strings.at(idx) : QString();
            } else {
                row.last() += v;
            }
            if (auto s = checkCell(row.last(), int(rows.size()) + 1, int(row.size()) - 1); !s.ok())
                return s.error();
            chars += row.last().size() - before;
            if (chars > MaxTotalChars)
                return tooMuchText();
        } else if (x.isEndElement() && x.name() == QLatin1String("c")) {
            ++col;
        } else if (x.isEndElement() && x.name() == QLatin1String("row")) {
            inRow = false;
            while (!row.isEmpty() && row.last().isEmpty())
                row.removeLast();
            if (!row.isEmpty()) {
                rows << row;
                cells += row.size();
            }
            if (rows.size() > MaxRows + 1)
                return bad(QStringLiteral("Terlalu banyak baris (maks %1).").arg(MaxRows));
            if (cells > MaxCells)
                return bad(QStringLiteral("Tabel terlalu besar (lebih dari %1 sel). Pecah datanya menjadi beberapa berkas.").arg(MaxCells));
        }
    }
    if (auto s = x.status(); !s.ok())
        return s.error();
    if (rows.isEmpty())
        return bad(QStringLiteral("Lembar kerja pertama kosong."));
    Table t;
    t.format = tablefile::Xlsx;
    for (const QString &c : rows.takeFirst())
        t.columns << c.trimmed();
    for (int r = 0; r < rows.size(); ++r) {
        if (rows[r].size() > t.columns.size())
            return bad(QStringLiteral("Baris %1 berisi data di luar kolom berjudul. Hapus isi di kanan kolom terakhir atau beri judul kolomnya.").arg(r + 2));
        while (rows[r].size() < t.columns.size())
            rows[r] << QString();
        for (QString &cell : rows[r])
            cell = cell.trimmed();
    }
    t.rows = rows;
    if (auto s = checkShape(t); !s.ok())
        return s.error();
    return t;
}

Result<Table> parse(const QByteArray &bytes)
{
    if (bytes.startsWith("PK\x03\x04"))
        return parseXlsx(bytes);
    return parseCsv(bytes);
}

QByteArray toCsv(const Table &table)
{
    auto line = [](const QStringList &cells) {
        QStringList out;
        for (QString c : cells) {
            if (c.contains(QLatin1Char(',')) || c.contains(QLatin1Char('"')) || c.contains(QLatin1Char('\n')))
                c = QLatin1Char('"') + c.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
            out << c;
        }
        return out.join(QLatin1Char(',')).toUtf8() + "\n";
    };
    QByteArray out = line(table.columns);
    for (const QStringList &r : table.rows)
        out += line(r);
    return out;
}

} // namespace tu::tablefile
