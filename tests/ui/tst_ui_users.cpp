// The Pengguna page driven like a user would: sign in through LoginDialog, open the page, type
// into UserDialog, press the buttons; rules and messages come from UserService.
#include "shell/MainWindow.h"
#include "ModelTesters.h"
#include "users/PasswordDialog.h"
#include "TestSupport.h"
#include "UiTestUtil.h"
#include "users/UserDialog.h"
#include "users/UserTableModel.h"
#include "users/UsersPage.h"

#include <QComboBox>
#include <QLabel>
#include <QMutex>
#include <QPointer>
#include <QScopeGuard>
#include <QThread>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>

using namespace tu;
using namespace tu::test;

class TestUiUsers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCore> m_core;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::UsersPage *openUsersPage(const QString &username, const QString &password)
    {
        const auto session = loginThroughDialog(**m_core, username, password);
        if (!session)
            return nullptr;
        m_window = std::make_unique<ui::MainWindow>(**m_core, *session, nullptr);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return nullptr;
        m_window->showPage(ui::Page::Users);
        ui::UsersPage *page = m_window->usersPage();
        if (page && attachModelTesters<ui::UserTableModel>(page) < 1)
            return nullptr;
        if (page && !waitLoaded(page))
            return nullptr;
        return page;
    }

    int rowOf(ui::UsersPage *page, const QString &username)
    {
        QAbstractItemModel *m = page->table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, ui::UserTableModel::Username).data().toString() == username)
                return r;
        return -1;
    }

    QString cell(ui::UsersPage *page, int row, int column)
    {
        return page->table()->model()->index(row, column).data().toString();
    }

    void clickRow(ui::UsersPage *page, int row)
    {
        QTableView *t = page->table();
        const QRect r = t->visualRect(t->model()->index(row, ui::UserTableModel::Name));
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, r.center());
    }

    void fillAndSave(ui::UserDialog *d, const QString &username, const QString &name, const QString &role,
                     const QString &password)
    {
        QTest::keyClicks(d->usernameEdit(), username);
        QTest::keyClicks(d->nameEdit(), name);
        d->roleCombo()->setCurrentIndex(d->roleCombo()->findData(role));
        QTest::keyClicks(d->passwordEdit(), password);
        QTest::mouseClick(d->saveButton(), Qt::LeftButton);
    }

private slots:
    void init()
    {
        m_core = std::make_unique<TestCore>();
        QVERIFY(m_core->core);
    }

    void cleanup()
    {
        m_window.reset();
        m_core.reset();
    }

    void pageListsUsers()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Operator);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QVERIFY(page->isVisible());
        QCOMPARE(page->table()->model()->rowCount(), 2);
        const int row = rowOf(page, QStringLiteral("budi"));
        QVERIFY(row >= 0);
        QCOMPARE(cell(page, row, ui::UserTableModel::RoleColumn), QStringLiteral("Operator"));
        QCOMPARE(cell(page, row, ui::UserTableModel::Status), QStringLiteral("Aktif"));
        QVERIFY(!cell(page, row, ui::UserTableModel::Updated).isEmpty());

        QTest::keyClicks(page->searchEdit(), QStringLiteral("bud"));
        QCOMPARE(page->table()->model()->rowCount(), 1);
        QVERIFY(!page->deleteButton()->isEnabled()); // nothing selected
    }

    // An account created or changed elsewhere (the API, another desktop) shows while the page
    // is open, without user action; the selected account stays selected though its row moved.
    void listFollowsChangesMadeElsewhere()
    {
        ui::LiveList::setDefaultPollInterval(40);
        const auto restore = qScopeGuard([] { ui::LiveList::setDefaultPollInterval(0); });
        QList<QThread *> readers;
        QMutex lock; // every page of the window reads at once
        ui::LiveList::setWorkerProbe([&] {
            QMutexLocker l(&lock);
            readers << QThread::currentThread();
        });
        const auto noProbe = qScopeGuard([] { ui::LiveList::setWorkerProbe({}); });
        m_core->createUser(QStringLiteral("budi"), Role::Operator);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QCOMPARE(page->table()->model()->rowCount(), 2);
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        QVERIFY(page->selectedUser());
        const QString budi = page->selectedUser()->id;
        int resets = 0;
        connect(page->model(), &QAbstractItemModel::modelAboutToBeReset, page, [&resets] { ++resets; });

        const User aan = m_core->createUser(QStringLiteral("aan"), Role::Operator); // sorts first: budi moves down
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 3, 2000);
        QCOMPARE(rowOf(page, QStringLiteral("aan")), 0);
        QVERIFY(page->selectedUser());
        QCOMPARE(page->selectedUser()->id, budi);
        QCOMPARE(resets, 0);

        UserInput rename;
        rename.name = QStringLiteral("Aan Suryani");
        QVERIFY((*m_core)->users().update(Actor::system(QStringLiteral("t")), aan.id, rename).ok());
        QTRY_COMPARE_WITH_TIMEOUT(cell(page, rowOf(page, QStringLiteral("aan")), ui::UserTableModel::Name), QStringLiteral("Aan Suryani"), 2000);
        QCOMPARE(page->selectedUser()->id, budi);
        QCOMPARE(resets, 0);
        QMutexLocker l(&lock);
        QVERIFY(!readers.isEmpty());
        for (QThread *t : std::as_const(readers))
            QVERIFY(t != QCoreApplication::instance()->thread());
    }

    // F5 reads the accounts again on demand.
    void f5Reloads()
    {
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        page->live()->setPollInterval(3600 * 1000);
        m_core->createUser(QStringLiteral("citra"), Role::Operator);
        QTest::qWait(100);
        QCOMPARE(page->table()->model()->rowCount(), 1);
        page->table()->setFocus();
        QTest::keyClick(page->table(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 2, 2000);
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("reloadList")));
    }

    void createUserThroughDialog()
    {
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QPointer<ui::UserDialog> dialog = openDialog<ui::UserDialog>(page);
        QVERIFY(dialog);
        fillAndSave(dialog, QStringLiteral("sari.dewi"), QStringLiteral("Sari Dewi"), QStringLiteral("ppdb"),
                    QStringLiteral("Rahasia-Sari-9"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 5000);

        QTRY_VERIFY(rowOf(page, QStringLiteral("sari.dewi")) >= 0);
        const int row = rowOf(page, QStringLiteral("sari.dewi"));
        QCOMPARE(cell(page, row, ui::UserTableModel::Name), QStringLiteral("Sari Dewi"));
        QCOMPARE(cell(page, row, ui::UserTableModel::RoleColumn), QStringLiteral("Panitia PPDB"));
        QVERIFY(page->selectedUser());
        QCOMPARE(page->selectedUser()->username, QStringLiteral("sari.dewi"));
        QCOMPARE(page->banner()->text(), QStringLiteral("Pengguna sari.dewi ditambahkan."));

        // Stored, and the password works.
        auto login = (*m_core)->auth().login({QStringLiteral("sari.dewi"), QStringLiteral("Rahasia-Sari-9"), {}, {}, QStringLiteral("t")});
        QVERIFY(login.ok());
    }

    // Esc, the close button and Batal ask before dropping what was typed; an untouched form
    // closes at once.
    void userDialogAsksBeforeDroppingTypedText()
    {
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        const qint64 before = (*m_core)->users().count().value();

        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QPointer<ui::UserDialog> clean = openDialog<ui::UserDialog>(page);
        QVERIFY(clean);
        QVERIFY(!clean->hasUnsavedChanges());
        bool asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(clean, Qt::Key_Escape);
        QTRY_VERIFY(!clean || !clean->isVisible());
        QTest::qWait(20);
        QVERIFY(!asked);

        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QPointer<ui::UserDialog> d = openDialog<ui::UserDialog>(page);
        QVERIFY(d);
        QTest::keyClicks(d->usernameEdit(), QStringLiteral("sari.dewi"));
        QTest::keyClicks(d->nameEdit(), QStringLiteral("Sari Dewi"));
        d->roleCombo()->setCurrentIndex(d->roleCombo()->findData(QStringLiteral("ppdb")));
        QTest::keyClicks(d->passwordEdit(), QStringLiteral("Rahasia-Sari-9"));
        QVERIFY(d->hasUnsavedChanges());

        // Esc, Batal: still open, text intact.
        asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(d, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(d && d->isVisible());
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("Sari Dewi"));
        // The Batal button of the form asks the same.
        asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QVERIFY(clickButton(d, QStringLiteral("Batal")));
        QVERIFY(asked);
        QVERIFY(d && d->isVisible());
        // Closing the window, Simpan: stored, then closed.
        asked = false;
        answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        d->close();
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!d || !d->isVisible(), 5000);
        QCOMPARE((*m_core)->users().count().value(), before + 1);

        // Another, Buang: closed, nothing stored.
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QPointer<ui::UserDialog> other = openDialog<ui::UserDialog>(page);
        QVERIFY(other);
        QTest::keyClicks(other->usernameEdit(), QStringLiteral("joko"));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        QTest::keyClick(other, Qt::Key_Escape);
        QVERIFY(asked);
        QTRY_VERIFY(!other || !other->isVisible());
        QCOMPARE((*m_core)->users().count().value(), before + 1);
    }

    void passwordDialogAsksBeforeDroppingTypedPassword()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Operator);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        const auto opens = [&] {
            QTest::mouseClick(page->passwordButton(), Qt::LeftButton);
            return QPointer<ui::PasswordDialog>(openDialog<ui::PasswordDialog>(page));
        };
        const auto passwordIs = [&](const QString &password) {
            return (*m_core)->auth().login({QStringLiteral("budi"), password, {}, {}, QStringLiteral("t")}).ok();
        };

        QPointer<ui::PasswordDialog> clean = opens();
        QVERIFY(clean);
        bool asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(clean, Qt::Key_Escape);
        QTRY_VERIFY(!clean || !clean->isVisible());
        QTest::qWait(20);
        QVERIFY(!asked);

        QPointer<ui::PasswordDialog> d = opens();
        QVERIFY(d);
        QTest::keyClicks(d->passwordEdit(), QStringLiteral("Baru-Sekali-42"));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(d, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(d && d->isVisible());
        QCOMPARE(d->passwordEdit()->text(), QStringLiteral("Baru-Sekali-42"));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        QVERIFY(clickButton(d, QStringLiteral("Batal")));
        QVERIFY(asked);
        QTRY_VERIFY(!d || !d->isVisible());
        QVERIFY(!passwordIs(QStringLiteral("Baru-Sekali-42")));

        QPointer<ui::PasswordDialog> again = opens();
        QVERIFY(again);
        QTest::keyClicks(again->passwordEdit(), QStringLiteral("Baru-Sekali-42"));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        again->close();
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!again || !again->isVisible(), 5000);
        QVERIFY(passwordIs(QStringLiteral("Baru-Sekali-42")));
    }

    void tooShortPasswordShowsServiceMessageAndStoresNothing()
    {
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        ui::UserDialog *dialog = openDialog<ui::UserDialog>(page);
        QVERIFY(dialog);
        fillAndSave(dialog, QStringLiteral("joko"), QStringLiteral("Joko"), QStringLiteral("siswa"), QStringLiteral("pendek"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->saveButton()->isEnabled(), 5000);

        QVERIFY(dialog->isVisible());
        QLabel *passwordError = dialog->errors().label(QStringLiteral("password"));
        QVERIFY(passwordError);
        QVERIFY(passwordError->isVisible());
        QCOMPARE(passwordError->text(), UserService::passwordProblem(QStringLiteral("pendek"), QStringLiteral("joko")));
        QCOMPARE(passwordError->text(), QStringLiteral("Password minimal 8 karakter."));
        QVERIFY(!dialog->errors().label(QStringLiteral("username"))->isVisible());
        QCOMPARE(dialog->banner()->text(),
                 QStringLiteral("Data yang dikirim tidak valid. Periksa isian yang ditandai lalu coba lagi."));

        QCOMPARE((*m_core)->users().count().value(), 1);
        QCOMPARE(rowOf(page, QStringLiteral("joko")), -1);
        dialog->done(QDialog::Rejected); // the typed form is not what this test is about
    }

    void duplicateUsernameShowsConflictOnTop()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Operator);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        ui::UserDialog *dialog = openDialog<ui::UserDialog>(page);
        QVERIFY(dialog);
        fillAndSave(dialog, QStringLiteral("budi"), QStringLiteral("Budi Lain"), QStringLiteral("osis"),
                    QStringLiteral("Password-999"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->saveButton()->isEnabled(), 5000);
        QCOMPARE(dialog->banner()->text(), QStringLiteral("Username \"budi\" sudah dipakai. Pilih username lain."));
        dialog->done(QDialog::Rejected); // the typed form is not what this test is about
    }

    void deletingYourselfIsRefused()
    {
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        clickRow(page, rowOf(page, QStringLiteral("admin")));
        QVERIFY(page->deleteButton()->isEnabled());
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QMessageBox *confirm = openDialog<QMessageBox>(page, QStringLiteral("confirmDelete"));
        QVERIFY(confirm);
        QVERIFY(clickButton(confirm, QStringLiteral("Hapus")));
        QTRY_COMPARE(page->banner()->text(), QStringLiteral("Anda tidak dapat menghapus akun Anda sendiri."));
        QCOMPARE(page->banner()->kind(), ui::MessageBanner::Kind::Error);
        QVERIFY(rowOf(page, QStringLiteral("admin")) >= 0);
    }

    void deletingTheLastActiveAdminIsRefused()
    {
        // kepala (admin) signs in; meanwhile another admin deactivates kepala, so `admin` is the
        // last active admin when kepala, still in the window, tries to delete it.
        const User kepala = m_core->createUser(QStringLiteral("kepala"), Role::Admin);
        ui::UsersPage *page = openUsersPage(QStringLiteral("kepala"), QStringLiteral("Password-123"));
        QVERIFY(page);
        UserInput off;
        off.active = false;
        QVERIFY((*m_core)->users().update(Actor::system(QStringLiteral("test")), kepala.id, off).ok());
        page->reload();
        QVERIFY(waitLoaded(page));

        clickRow(page, rowOf(page, QStringLiteral("admin")));
        QCOMPARE(page->selectedUser()->username, QStringLiteral("admin"));
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QMessageBox *confirm = openDialog<QMessageBox>(page, QStringLiteral("confirmDelete"));
        QVERIFY(confirm);
        QVERIFY(clickButton(confirm, QStringLiteral("Hapus")));
        QTRY_COMPARE(page->banner()->text(),
                     QStringLiteral("Admin aktif terakhir tidak dapat dihapus. Jadikan pengguna lain admin terlebih dahulu."));
        QVERIFY(rowOf(page, QStringLiteral("admin")) >= 0);
        QCOMPARE((*m_core)->users().count().value(), 2);
    }

    void deleteAfterConfirmationRemovesTheRow()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Siswa);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QMessageBox *confirm = openDialog<QMessageBox>(page, QStringLiteral("confirmDelete"));
        QVERIFY(confirm);
        QVERIFY(clickButton(confirm, QStringLiteral("Hapus")));
        QTRY_COMPARE(rowOf(page, QStringLiteral("budi")), -1);
        QCOMPARE(page->banner()->text(), QStringLiteral("Pengguna budi dihapus."));
        QCOMPARE((*m_core)->users().count().value(), 1);
    }

    void resetPassword()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Operator);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        QTest::mouseClick(page->passwordButton(), Qt::LeftButton);
        QPointer<ui::PasswordDialog> dialog = openDialog<ui::PasswordDialog>(page);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("budi"));
        QTest::keyClick(dialog->passwordEdit(), Qt::Key_Return);
        QTRY_COMPARE(dialog->errors().fieldError(QStringLiteral("password")), QStringLiteral("Password minimal 8 karakter."));
        dialog->passwordEdit()->clear();
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("Baru-Sekali-42"));
        QTest::keyClick(dialog->passwordEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 5000);
        QCOMPARE(page->banner()->text(), QStringLiteral("Password budi diganti. Sesi lamanya sudah diakhiri."));
        QVERIFY((*m_core)->auth().login({QStringLiteral("budi"), QStringLiteral("Baru-Sekali-42"), {}, {}, QStringLiteral("t")}).ok());
    }

    void deactivateAndActivate()
    {
        m_core->createUser(QStringLiteral("budi"), Role::Kesiswaan);
        ui::UsersPage *page = openUsersPage(QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QVERIFY(page);
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        QCOMPARE(page->toggleButton()->text(), QStringLiteral("Nonaktifkan"));
        QTest::mouseClick(page->toggleButton(), Qt::LeftButton);
        QMessageBox *confirm = openDialog<QMessageBox>(page, QStringLiteral("confirmDeactivate"));
        QVERIFY(confirm);
        QVERIFY(clickButton(confirm, QStringLiteral("Nonaktifkan")));
        QTRY_COMPARE(cell(page, rowOf(page, QStringLiteral("budi")), ui::UserTableModel::Status), QStringLiteral("Nonaktif"));
        QCOMPARE(page->toggleButton()->text(), QStringLiteral("Aktifkan"));
        QTest::mouseClick(page->toggleButton(), Qt::LeftButton); // activating needs no confirmation
        QTRY_COMPARE(cell(page, rowOf(page, QStringLiteral("budi")), ui::UserTableModel::Status), QStringLiteral("Aktif"));

        // Deactivating offers "Urungkan" right after; it makes the account active again.
        clickRow(page, rowOf(page, QStringLiteral("budi")));
        QTest::mouseClick(page->toggleButton(), Qt::LeftButton);
        confirm = openDialog<QMessageBox>(page, QStringLiteral("confirmDeactivate"));
        QVERIFY(confirm);
        QVERIFY(clickButton(confirm, QStringLiteral("Nonaktifkan")));
        QTRY_COMPARE(cell(page, rowOf(page, QStringLiteral("budi")), ui::UserTableModel::Status), QStringLiteral("Nonaktif"));
        auto *undo = page->findChild<QPushButton *>(QStringLiteral("bannerUndo"));
        QVERIFY(undo && undo->isVisible());
        undo->click();
        QTRY_COMPARE(cell(page, rowOf(page, QStringLiteral("budi")), ui::UserTableModel::Status), QStringLiteral("Aktif"));
    }
};

QTEST_MAIN(TestUiUsers)
#include "tst_ui_users.moc"
