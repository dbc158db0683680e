#pragma once
#include "Result.h"
#include "ppdb/Registration.h"

#include <QCoreApplication>
#include <QTimeZone>

class QPainter;

namespace tu::ui {

// "Bukti Pendaftaran PPDB": an A5 card for the applicant to keep, with the registration number
// large and as a QR code (libqrencode) so the office can look it up at a glance.
class ProofOfRegistration
{
    Q_DECLARE_TR_FUNCTIONS(ProofOfRegistration)
public:
    static Status writePdf(const Registration &r, const QString &schoolName, const QString &tahunAjaran,
                           const QString &path, const QTimeZone &zone = QTimeZone(QByteArrayLiteral("Asia/Jakarta")));
    // The QR code of `text`, modules as filled squares, centred in `target`; false if encoding failed.
    static bool drawQr(QPainter &painter, const QString &text, const QRectF &target);
};

} // namespace tu::ui
