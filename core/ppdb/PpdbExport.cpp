#include "PpdbExport.h"

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
    QStringLiteral("Daftar Ulang"), QStringLiteral("Catatan"), QStringLiteral("Waktu Daftar (UTC)")};

QStringList cells(const Registration &r)
{
    return {r.number, r.nisn, r.fullName, r.gender, r.birthPlace, r.birthDate.toString(Qt::ISODate), r.religion,
            r.address, r.district, r.city, r.province, r.postalCode, r.previousSchool, r.fatherName, r.fatherPhone,
            r.motherName, r.motherPhone, r.email, r.phone, r.status, QString::number(r.retries), r.note, r.submittedAt};
}

// Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
QString safe(const QString &v)
{
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        return QLatin1Char('\'') + v;
    return v;
}
} // namespace

QByteArray registrationsCsv(const QList<Registration> &rows)
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
        csv += line(cells(r));
    return csv;
}

Result<QByteArray> registrationsXlsx(const QList<Registration> &rows, const QString &tempDir)
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
    worksheet_freeze_panes(ws, 1, 0);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList values = cells(rows[r]);
        for (int c = 0; c < values.size(); ++c) // strings always: NISN and phone numbers keep their leading zeros
            worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), values[c].toUtf8().constData(), nullptr);
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
