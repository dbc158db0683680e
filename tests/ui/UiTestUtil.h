#pragma once
// Helpers for driving the real widgets in tests: sign in through LoginDialog, find the
// window-modal dialogs that pages open, press message-box buttons by their text.

#include "shell/LoginDialog.h"
#include "common/LiveList.h"
#include "common/MessageBanner.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

namespace tu::test {

// Types the credentials and presses Masuk; the session once the dialog accepted.
inline std::optional<Session> loginThroughDialog(Core &core, const QString &username, const QString &password)
{
    ui::LoginDialog dialog(core);
    dialog.show();
    QTest::keyClicks(dialog.usernameEdit(), username);
    QTest::keyClicks(dialog.passwordEdit(), password);
    QTest::mouseClick(dialog.loginButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !dialog.isBusy(); }, 5000))
        return std::nullopt;
    if (dialog.result() != QDialog::Accepted)
        qWarning() << "login refused:" << dialog.banner()->text();
    return dialog.session();
}

// The dialog of type T that `parent` opened (window-modal, not yet closed).
template<typename T>
T *openDialog(QWidget *parent, const QString &objectName = QString())
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (T *d : parent->findChildren<T *>(objectName))
            if (d->isVisible())
                found = d;
        return found != nullptr;
    }, 3000);
    return found;
}

// Lists read on a worker (LiveList): true once every list under `w` has applied its newest load.
inline bool waitLoaded(QWidget *w, int timeout = 5000)
{
    return QTest::qWaitFor([w] {
        for (ui::LiveList *l : w->findChildren<ui::LiveList *>())
            if (l->isLoading())
                return false;
        return true;
    }, timeout);
}

// Clicks the button named `name` (unsavedSave, unsavedDiscard, unsavedCancel) of the
// unsaved-changes question once it shows; `asked` tells whether it did.
inline void answerUnsaved(const QString &name, bool *asked)
{
    QTimer::singleShot(0, [name, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("unsavedChanges"))
            return;
        *asked = true;
        // Standard buttons would be English: the question has only its own.
        QVERIFY(box->standardButtons() == QMessageBox::NoButton);
        auto *button = box->findChild<QPushButton *>(name);
        QVERIFY(button);
        button->click();
    });
}

inline bool clickButton(QWidget *dialog, const QString &text)
{
    for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>())
        if (b->text() == text && b->isVisible()) {
            QTest::mouseClick(b, Qt::LeftButton);
            return true;
        }
    return false;
}

} // namespace tu::test
