#include "Confirm.h"
#include "PlainText.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace tu::ui {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("Confirm", s); }
} // namespace

bool confirmAction(QWidget *parent, const QString &title, const QString &text, const QString &action, bool destructive)
{
    QMessageBox box(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    makePlain(&box);
    QPushButton *yes = box.addButton(action, destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    QPushButton *no = box.addButton(tr("Batal"), QMessageBox::RejectRole);
    box.setObjectName(QStringLiteral("confirm"));
    yes->setObjectName(QStringLiteral("confirmAction"));
    no->setObjectName(QStringLiteral("confirmCancel"));
    box.setDefaultButton(no); // Enter never destroys by accident
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

UnsavedChoice askUnsaved(QWidget *parent, const QString &what)
{
    QMessageBox box(QMessageBox::Question, tr("Perubahan belum disimpan"),
                    tr("Ada perubahan pada %1 yang belum disimpan. Simpan sekarang?").arg(what),
                    QMessageBox::NoButton, parent);
    makePlain(&box);
    QPushButton *save = box.addButton(tr("Simpan"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Buang perubahan"), QMessageBox::DestructiveRole);
    QPushButton *stay = box.addButton(tr("Batal"), QMessageBox::RejectRole);
    save->setObjectName(QStringLiteral("unsavedSave"));
    discard->setObjectName(QStringLiteral("unsavedDiscard"));
    stay->setObjectName(QStringLiteral("unsavedCancel"));
    box.setObjectName(QStringLiteral("unsavedChanges"));
    box.setDefaultButton(save);
    box.setEscapeButton(stay);
    box.exec();
    if (box.clickedButton() == save)
        return UnsavedChoice::Save;
    if (box.clickedButton() == discard)
        return UnsavedChoice::Discard;
    return UnsavedChoice::Cancel;
}

} // namespace tu::ui
