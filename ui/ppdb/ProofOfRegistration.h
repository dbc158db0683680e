#pragma once
#include "Result.h"
#include "ppdb/Registration.h"

#include <QCoreApplication>
#include <QTimeZone>

class QPageSize;
class QPainter;
class QPrinter;

namespace tu::ui {

// "Bukti Pendaftaran PPDB": an A5 card for the applicant to keep, with the registration number
// large and as a QR code (libqrencode) so the office can look it up at a glance. Saved as an A5
// PDF, or printed through the system print dialog on A4 or F4/folio (the card at the top).
class ProofOfRegistration
{
    Q_DECLARE_TR_FUNCTIONS(ProofOfRegistration)
public:
    static Status writePdf(const Registration &r, const QString &schoolName, const QString &tahunAjaran,
                           const QString &path, const QTimeZone &zone = QTimeZone(QByteArrayLiteral("Asia/Jakarta")));
    // Paints the card on `printer` (its page size and orientation as the person chose them).
    static bool print(QPrinter *printer, const Registration &r, const QString &schoolName, const QString &tahunAjaran,
                      const QTimeZone &zone);
    // F4 / folio, 215 × 330 mm, the paper common in Indonesian offices.
    static QPageSize folio();
    // The QR code of `text`, modules as filled squares, centred in `target`; false if encoding failed.
    static bool drawQr(QPainter &painter, const QString &text, const QRectF &target);

private:
    static void paint(QPainter &p, const QRectF &page, qreal dpi, const Registration &r, const QString &schoolName,
                      const QString &tahunAjaran, const QTimeZone &zone);
};

} // namespace tu::ui
