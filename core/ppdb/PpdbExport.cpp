#include "PpdbExport.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryFile>

#include <xlsxwriter.h>

namespace tu {

namespace {
const QStringList Headers = {
    QStringLiteral("No. Pendaftaran"), QStringLiteral("NISN"), QStringLiteral("Nama Lengkap"), QStringLiteral("L/P"),
    QStringLiteral("Tempat Lahir"), QStringLiteral("Tanggal Lahir"), QStringLiteral("Agama"), QStringLiteral("Alamat"),
    QStringLiteral("Kecamatan"), QStringLiteral("Kabupaten/Kota"), QStringLiteral("Provinsi"), QStringLiteral("Kode Pos"),
    QStringLiteral("Sekolah Asal"), QStringLiteral("Nama Ayah"), QStringLiteral("HP Ayah"), QStringLiteral("Nama Ibu"),
    QStringLiteral("HP Ibu"), QStringLiteral("Email"), QStringLiteral("HP"), QStringLiteral("Status"),
    QStringLiteral("Daftar Ulang"), QStringLiteral("Catatan"), QStringLiteral("Waktu Daftar")};
const int BirthDateColumn = 5;
const int SubmittedColumn = 22;

QDateTime submittedAt(const Registration &r, const QTimeZone &zone)
{
    QDateTime t = QDateTime::fromString(r.submittedAt, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(r.submittedAt, Qt::ISODate);
    return t.isValid() ? t.toTimeZone(zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Jakarta"))) : QDateTime();
}

QStringList cells(const Registration &r, const QTimeZone &zone)
{
    const QDateTime at = submittedAt(r, zone);
    return {r.number, r.nisn, r.fullName, r.gender, r.birthPlace, r.birthDate.toString(QStringLiteral("dd-MM-yyyy")), r.religion,
            r.address, r.district, r.city, r.province, r.postalCode, r.previousSchool, r.fatherName, r.fatherPhone,
            r.motherName, r.motherPhone, r.email, r.phone, registrationStatusText(r.status), QString::number(r.retries), r.note,
            at.isValid() ? at.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : r.submittedAt};
}

lxw_datetime excelTime(const QDateTime &t)
{
    const QDate d = t.date();
    const QTime h = t.time();
    return lxw_datetime{d.year(), d.month(), d.day(), h.hour(), h.minute(), double(h.second())};
}

// Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
QString safe(const QString &v)
{
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        return QLatin1Char('\'') + v;
    return v;
}
} // namespace

QByteArray registrationsCsv(const QList<Registration> &rows, const QTimeZone &zone)
{
    auto line = [](const QStringList &values) {
        QStringList out;
        for (const QString &v : values) {
            QString s = safe(v);
            s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            out << QLatin1Char('"') + s + QLatin1Char('"');
        }
        return out.join(QLatin1Char(',')).toUtf8() + "\r\n";
    };
    QByteArray csv = "\xEF\xBB\xBF";
    csv += line(Headers);
    for (const Registration &r : rows)
        csv += line(cells(r, zone));
    return csv;
}

Result<QByteArray> registrationsXlsx(const QList<Registration> &rows, const QString &tempDir, const QTimeZone &zone)
{
    QTemporaryFile tmp(tempDir + QStringLiteral("/export-XXXXXX.xlsx"));
    if (!tmp.open())
        return Error::server(QStringLiteral("cannot create export file in ") + tempDir);
    const QByteArray path = tmp.fileName().toLocal8Bit();
    tmp.close();
    lxw_workbook *wb = workbook_new(path.constData());
    if (!wb)
        return Error::server(QStringLiteral("workbook_new failed"));
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Pendaftar PPDB");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xE2E8F0);
    for (int c = 0; c < Headers.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), Headers[c].toUtf8().constData(), bold);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 2 || c == 7 ? 32 : 16, nullptr);
    }
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    lxw_format *dateTime = workbook_add_format(wb);
    format_set_num_format(dateTime, "dd-mm-yyyy hh:mm");
    worksheet_freeze_panes(ws, 1, 0);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList values = cells(rows[r], zone);
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (int c = 0; c < values.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            // Dates and times as real cells (sortable, filterable); everything else as text so
            // NISN and phone numbers keep their leading zeros.
            if (c == BirthDateColumn && rows[r].birthDate.isValid()) {
                lxw_datetime d = excelTime(QDateTime(rows[r].birthDate, QTime(0, 0)));
                worksheet_write_datetime(ws, row, col, &d, date);
            } else if (const QDateTime at = submittedAt(rows[r], zone); c == SubmittedColumn && at.isValid()) {
                lxw_datetime d = excelTime(at);
                worksheet_write_datetime(ws, row, col, &d, dateTime);
            } else {
                worksheet_write_string(ws, row, col, values[c].toUtf8().constData(), nullptr);
            }
        }
    }
    if (!rows.isEmpty())
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(Headers.size() - 1));
    if (workbook_close(wb) != LXW_NO_ERROR)
        return Error::server(QStringLiteral("workbook_close failed"));
    QFile f(QString::fromLocal8Bit(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::server(QStringLiteral("cannot read export"));
    return f.readAll();
}

} // namespace tu
