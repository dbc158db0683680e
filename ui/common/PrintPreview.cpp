#include "PrintPreview.h"
#include "common/ScreenFit.h"

#include <QAction>
#include <QCoreApplication>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QToolButton>

namespace tu::ui {

QPrintPreviewDialog *makePrintPreview(QPrinter *printer, QWidget *parent, const QString &title, const QString &objectName,
                                      std::function<void(QPrinter *)> paint)
{
    auto *preview = new QPrintPreviewDialog(printer, parent);
    preview->setObjectName(objectName);
    preview->setWindowTitle(title);
    QObject::connect(preview, &QPrintPreviewDialog::paintRequested, preview, [paint = std::move(paint)](QPrinter *p) { paint(p); });
    for (QToolButton *b : preview->findChildren<QToolButton *>())
        b->setFocusPolicy(Qt::TabFocus);
    const QString printText = QCoreApplication::translate("QPrintPreviewDialog", "Print");
    for (QAction *a : preview->findChildren<QAction *>())
        if (a->text() == printText)
            a->setShortcut(QKeySequence::Print);
    fitToScreen(preview, QSize(900, 700));
    return preview;
}

void printWithPreview(QWidget *parent, const QPageSize &size, const QString &docName, const QString &title,
                      const QString &objectName, std::function<void(QPrinter *)> paint)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(size);
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setDocName(docName);
    QPrintPreviewDialog *preview = makePrintPreview(&printer, parent, title, objectName, std::move(paint));
    preview->exec();
    delete preview;
}

QPageSize folioPageSize()
{
    return QPageSize(QSizeF(215, 330), QPageSize::Millimeter,
                     QCoreApplication::translate("ProofOfRegistration", "F4 / Folio (215 × 330 mm)"), QPageSize::ExactMatch);
}

} // namespace tu::ui
