#include "ProofOfRegistration.h"
#include "common/PrintPreview.h"
#include "common/SchoolTime.h"
#include "ppdb/PpdbTableModel.h"

#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPrinter>
#include <qrencode.h>

namespace tu::ui {

bool ProofOfRegistration::drawQr(QPainter &painter, const QString &text, const QRectF &target)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return false;
    const int quiet = 2; // modules of white border around the code
    const int n = code->width;
    const qreal side = qMin(target.width(), target.height());
    const qreal module = side / (n + 2 * quiet);
    const QPointF origin(target.center().x() - side / 2 + quiet * module, target.center().y() - side / 2 + quiet * module);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(target.center().x() - side / 2, target.center().y() - side / 2, side, side));
    painter.setBrush(Qt::black);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (code->data[y * n + x] & 1)
                // a hair wider than a module so neighbours merge without hairline gaps
                painter.drawRect(QRectF(origin.x() + x * module, origin.y() + y * module, module + 0.5, module + 0.5));
    painter.restore();
    QRcode_free(code);
    return true;
}

Status ProofOfRegistration::writePdf(const Registration &r, const QString &schoolName, const QString &tahunAjaran,
                                     const QString &path, const QTimeZone &zone)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("Bukti Pendaftaran PPDB %1").arg(r.number));
    writer.setCreator(QStringLiteral("TataUsaha"));
    QPainter p;
    if (!p.begin(&writer))
        return Error::make(ErrorCode::ServerError, tr("Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.").arg(path));
    paint(p, QRectF(0, 0, writer.width(), writer.height()), writer.resolution(), r, schoolName, tahunAjaran, zone);
    if (!p.end())
        return Error::make(ErrorCode::ServerError, tr("Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.").arg(path));
    if (QFileInfo(path).size() == 0)
        return Error::make(ErrorCode::ServerError, tr("Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.").arg(path));
    return {};
}

bool ProofOfRegistration::print(QPrinter *printer, const Registration &r, const QString &schoolName, const QString &tahunAjaran,
                                const QTimeZone &zone)
{
    QPainter p;
    if (!p.begin(printer))
        return false;
    // The A5 card in the top half of the sheet (A4 or F4): the applicant cuts it out.
    const qreal dpi = printer->resolution();
    const qreal mm = dpi / 25.4;
    const QRectF sheet = printer->pageLayout().paintRectPixels(printer->resolution());
    const QRectF card(0, 0, qMin(sheet.width(), 148 * mm), qMin(sheet.height(), 210 * mm));
    paint(p, card, dpi, r, schoolName, tahunAjaran, zone);
    return p.end();
}

void ProofOfRegistration::paint(QPainter &p, const QRectF &page, qreal dpi, const Registration &r, const QString &schoolName,
                                const QString &tahunAjaran, const QTimeZone &zone)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);

    const qreal mm = dpi / 25.4;
    const QRectF card = page.adjusted(10 * mm, 10 * mm, -10 * mm, -10 * mm);
    const QColor ink(0x0f, 0x17, 0x2a), muted(0x64, 0x74, 0x8b), line(0xcb, 0xd5, 0xe1), primary(0x25, 0x63, 0xeb);
    auto font = [](qreal pt, bool bold = false) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    };

    // Card border and blue header band.
    p.setPen(QPen(line, 0.4 * mm));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(card, 3 * mm, 3 * mm);
    const QRectF band(card.left(), card.top(), card.width(), 24 * mm);
    {
        QPainterPath clip;
        clip.addRoundedRect(card, 3 * mm, 3 * mm);
        p.save();
        p.setClipPath(clip);
        p.fillRect(band, primary);
        p.restore();
    }
    const qreal pad = 7 * mm;
    p.setPen(Qt::white);
    p.setFont(font(13, true));
    p.drawText(band.adjusted(pad, 4 * mm, -pad, -12 * mm), Qt::AlignLeft | Qt::AlignVCenter, schoolName.isEmpty() ? tr("Sekolah") : schoolName);
    p.setFont(font(9));
    p.drawText(band.adjusted(pad, 13 * mm, -pad, -3 * mm), Qt::AlignLeft | Qt::AlignVCenter,
               tr("BUKTI PENDAFTARAN PPDB") + (tahunAjaran.isEmpty() ? QString() : tr(" · Tahun Ajaran %1").arg(tahunAjaran)));

    // Number and QR code.
    qreal y = band.bottom() + 7 * mm;
    const qreal qrSide = 34 * mm;
    const QRectF qr(card.right() - pad - qrSide, y, qrSide, qrSide);
    drawQr(p, r.number, qr);
    p.setPen(muted);
    p.setFont(font(8));
    p.drawText(QRectF(card.left() + pad, y, qr.left() - card.left() - 2 * pad, 6 * mm), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Nomor pendaftaran"));
    p.setPen(ink);
    p.setFont(font(20, true));
    p.drawText(QRectF(card.left() + pad, y + 6 * mm, qr.left() - card.left() - pad, 12 * mm), Qt::AlignLeft | Qt::AlignVCenter, r.number);
    // Status pill.
    const QColor sc = ppdbStatusColor(r.status);
    p.setFont(font(9, true));
    const QString st = ppdbStatusText(r.status).toUpper();
    const qreal pillW = p.fontMetrics().horizontalAdvance(st) + 8 * mm;
    const QRectF pill(card.left() + pad, y + 21 * mm, pillW, 7 * mm);
    QColor fill = sc;
    fill.setAlpha(30);
    p.setPen(QPen(sc, 0.3 * mm));
    p.setBrush(fill);
    p.drawRoundedRect(pill, 3.5 * mm, 3.5 * mm);
    p.setPen(sc);
    p.drawText(pill, Qt::AlignCenter, st);
    p.setBrush(Qt::NoBrush);
    y = qr.bottom() + 6 * mm;
    p.setPen(QPen(line, 0.3 * mm));
    p.drawLine(QPointF(card.left() + pad, y), QPointF(card.right() - pad, y));
    y += 4 * mm;

    // Applicant data.
    const QLocale id(QLocale::Indonesian, QLocale::Indonesia);
    const QList<QPair<QString, QString>> rows{
        {tr("Nama lengkap"), r.fullName},
        {tr("NISN"), r.nisn},
        {tr("Tempat, tanggal lahir"), QStringLiteral("%1, %2").arg(r.birthPlace, id.toString(r.birthDate, QStringLiteral("d MMMM yyyy")))},
        {tr("Jenis kelamin"), r.gender == QLatin1String("P") ? tr("Perempuan") : tr("Laki-laki")},
        {tr("Agama"), r.religion},
        {tr("Sekolah asal"), r.previousSchool},
        {tr("Nama ayah / ibu"), QStringLiteral("%1 / %2").arg(r.fatherName, r.motherName)},
        {tr("Nomor HP"), r.phone},
        {tr("Alamat"), QStringLiteral("%1, %2, %3, %4 %5").arg(r.address, r.district, r.city, r.province, r.postalCode)},
        {tr("Waktu pendaftaran"), SchoolTime(zone).format(r.submittedAt)},
        // Online document uploads name the registration by this id, never by the number.
        {tr("ID pendaftaran (untuk unggah dokumen)"), r.id},
    };
    const qreal labelW = 38 * mm;
    const qreal valueW = card.width() - 2 * pad - labelW;
    for (const auto &[label, value] : rows) {
        p.setFont(font(8.5, true));
        const QRectF need = p.fontMetrics().boundingRect(QRect(0, 0, int(valueW), 100000), Qt::TextWordWrap, value);
        const qreal h = qMax<qreal>(6 * mm, need.height() + 1.5 * mm);
        p.setPen(muted);
        p.setFont(font(8.5));
        p.drawText(QRectF(card.left() + pad, y, labelW, h), Qt::AlignLeft | Qt::AlignTop, label);
        p.setPen(ink);
        p.setFont(font(8.5, true));
        p.drawText(QRectF(card.left() + pad + labelW, y, valueW, h), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, value);
        y += h;
    }

    // Footer.
    p.setPen(muted);
    p.setFont(font(7.5));
    const QRectF footer(card.left() + pad, card.bottom() - 20 * mm, card.width() - 2 * pad, 16 * mm);
    p.setPen(QPen(line, 0.3 * mm));
    p.drawLine(QPointF(footer.left(), footer.top()), QPointF(footer.right(), footer.top()));
    p.setPen(muted);
    p.drawText(footer.adjusted(0, 2 * mm, 0, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               tr("Simpan bukti ini dan bawa saat verifikasi berkas di sekolah. Status pendaftaran dapat dicek "
                  "dengan nomor pendaftaran dan NISN. Dicetak %1.")
                   .arg(id.toString(SchoolTime(zone).now(), QStringLiteral("d MMMM yyyy, HH:mm"))));
    p.restore();
}

QPageSize ProofOfRegistration::folio()
{
    return folioPageSize();
}

} // namespace tu::ui
