#pragma once
#include <QPageSize>
#include <QString>
#include <functional>

class QPrinter;
class QPrintPreviewDialog;
class QWidget;

namespace tu::ui {

// The system print dialog behind a preview, the one way the desktop prints (A4 or F4/folio).
// Qt's preview keeps its toolbar out of the Tab order and gives "Cetak" no shortcut; here the
// toolbar joins the Tab order and Ctrl+P prints, so printing needs no mouse.
QPrintPreviewDialog *makePrintPreview(QPrinter *printer, QWidget *parent, const QString &title, const QString &objectName,
                                      std::function<void(QPrinter *)> paint);
// Shows the preview of `paint` on `size` (portrait) and returns when it is closed.
void printWithPreview(QWidget *parent, const QPageSize &size, const QString &docName, const QString &title,
                      const QString &objectName, std::function<void(QPrinter *)> paint);
// F4 / folio, 215 × 330 mm, the paper common in Indonesian offices.
QPageSize folioPageSize();

} // namespace tu::ui
