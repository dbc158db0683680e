#include "RegistrationListPrint.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"

#include <QCoreApplication>
#include <QPrinter>
#include <QTextDocument>

namespace tu::ui {

namespace {
const char *const Headers[] = {
    QT_TRANSLATE_NOOP("RegistrationListPrint", "No"),          QT_TRANSLATE_NOOP("RegistrationListPrint", "Nomor pendaftaran"),
    QT_TRANSLATE_NOOP("RegistrationListPrint", "NISN"),        QT_TRANSLATE_NOOP("RegistrationListPrint", "Nama lengkap"),
    QT_TRANSLATE_NOOP("RegistrationListPrint", "L/P"),         QT_TRANSLATE_NOOP("RegistrationListPrint", "Asal sekolah"),
    QT_TRANSLATE_NOOP("RegistrationListPrint", "Status"),      QT_TRANSLATE_NOOP("RegistrationListPrint", "Waktu daftar"),
};
QString cell(const QString &text)
{
    return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
}
} // namespace

QString registrationListHtml(const QList<Registration> &rows, const QString &school, const QString &title,
                             const SchoolTime &time)
{
    QString html = QStringLiteral(
                       "<html><head><style>"
                       "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }"
                       "h1 { font-size: 13pt; margin: 0; } h2 { font-size: 11pt; margin: 2pt 0 0 0; font-weight: normal; }"
                       "p.meta { color: %1; margin: 2pt 0 8pt 0; }"
                       "table { border-collapse: collapse; } th { background: %2; text-align: left; }"
                       "th, td { border: 1px solid %3; padding: 3px 5px; }"
                       "</style></head><body>")
                       .arg(theme::TextSoft.name(), theme::Border.name(), theme::TextFaint.name());
    html += QStringLiteral("<h1>%1</h1><h2>%2</h2>").arg(school.toHtmlEscaped(), title.toHtmlEscaped());
    html += QStringLiteral("<p class=\"meta\">%1</p>")
                .arg(QCoreApplication::translate("RegistrationListPrint", "Dicetak %1 · %2 pendaftar")
                         .arg(time.nowText(SchoolTime::Spoken))
                         .arg(rows.size())
                         .toHtmlEscaped());
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\"><thead><tr>");
    for (const char *h : Headers)
        html += QStringLiteral("<th>%1</th>").arg(QCoreApplication::translate("RegistrationListPrint", h).toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    int n = 0;
    for (const Registration &r : rows) {
        html += QStringLiteral("<tr>") + cell(QString::number(++n)) + cell(r.number) + cell(r.nisn) + cell(r.fullName) + cell(r.gender)
            + cell(r.previousSchool) + cell(registrationStatusText(r.status)) + cell(time.format(r.submittedAt, SchoolTime::Medium))
            + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table></body></html>");
    return html;
}

void printRegistrationList(QPrinter *printer, const QString &html)
{
    QTextDocument doc;
    setBuiltHtml(doc, html);
    doc.setPageSize(printer->pageLayout().paintRectPoints().size());
    doc.print(printer);
}

} // namespace tu::ui
