// Keyboard and screen-reader use, checked on every page of the main window and every dialog:
// each input has an accessible name (its label as buddy, or a name of its own), each
// icon-only button a name and a tooltip, Tab leaves every table and list, and no dialog
// shows Qt's English standard buttons.
#include "AllDialogs.h"
#include "PpdbFixtures.h"
#include "TestSupport.h"
#include "shell/MainWindow.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace tu;

class TestUiAccess : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    Session admin;

    static QString accessibleName(QWidget *w)
    {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        return iface ? iface->text(QAccessible::Name).trimmed() : QString();
    }

    // Problems found in `root` (a page or a dialog), one line each.
    static QStringList problems(QWidget *root, const QString &where)
    {
        QStringList out;
        auto describe = [&](QWidget *w, const QString &what) {
            out << QStringLiteral("%1: %2 %3 (%4)").arg(where, what, QString::fromLatin1(w->metaObject()->className()), w->objectName());
        };
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root) || !w->isEnabled())
                continue;
            // The line edit inside a combo box or spin box is named by its owner.
            if (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                continue;
            const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w);
            if (input && accessibleName(w).isEmpty())
                describe(w, QStringLiteral("input without a name"));
            if (auto *b = qobject_cast<QAbstractButton *>(w)) {
                if (b->text().trimmed().isEmpty() && (accessibleName(w).isEmpty() || b->toolTip().isEmpty()))
                    describe(w, QStringLiteral("icon-only button without name and tooltip"));
            }
            if (auto *v = qobject_cast<QAbstractItemView *>(w)) {
                if (v->tabKeyNavigation() && !qobject_cast<QComboBox *>(v->parentWidget()))
                    describe(w, QStringLiteral("Tab trapped in"));
            }
            if (auto *box = qobject_cast<QDialogButtonBox *>(w)) {
                if (box->standardButtons() != QDialogButtonBox::NoButton)
                    describe(w, QStringLiteral("standard (English) buttons in"));
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
        tc->createUser(QStringLiteral("kepala"), Role::Admin, QStringLiteral("Password-123"));
        auto s = tc->core->auth().login({QStringLiteral("kepala"), QStringLiteral("Password-123"), {}, {}, QStringLiteral("127.0.0.1")});
        QVERIFY(s.ok());
        admin = s.value();
        QVERIFY(test::openRegistration(*tc->core));
        QVERIFY(tc->core->ppdb().submit(admin.actor(), test::validRegistration(QStringLiteral("0012345678"))).ok());
    }
    void cleanupTestCase() { tc.reset(); }

    void everyPage()
    {
        ui::MainWindow w(*tc->core, admin, nullptr);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList found;
        for (const ui::PageInfo &info : ui::allPages()) {
            w.showPage(info.page);
            QApplication::processEvents();
            found << problems(w.pageWidget(info.page), info.title);
        }
        found << problems(w.sidebar()->window(), QStringLiteral("MainWindow"));
        found.removeDuplicates();
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void everyDialog()
    {
        QWidget parent;
        parent.resize(1280, 800);
        parent.show();
        QStringList found;
        test::forEachDialog(*tc->core, admin.actor(), &parent, [&](QDialog *d, const char *name) {
            d->show();
            QApplication::processEvents();
            found << problems(d, QString::fromLatin1(name));
        });
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // Tab from the PPDB table moves on to the next control instead of the next cell.
    void tabLeavesTables()
    {
        ui::MainWindow w(*tc->core, admin, nullptr);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showPage(ui::Page::Ppdb);
        auto *table = w.pageWidget(ui::Page::Ppdb)->findChild<QAbstractItemView *>();
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setFocus();
        QVERIFY(table->hasFocus());
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY(!table->hasFocus());
        QCOMPARE(table->currentIndex().column(), 0); // Tab did not walk the cells
    }

    // The usual shortcuts: Ctrl+F reaches the search of the page on screen (never a hidden
    // page's), Ctrl+N its "new" action.
    void usualShortcuts()
    {
        ui::MainWindow w(*tc->core, admin, nullptr);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        for (ui::Page page : {ui::Page::Ppdb, ui::Page::Users, ui::Page::Content}) {
            w.showPage(page);
            QApplication::processEvents();
            QWidget *shown = w.pageWidget(page);
            w.sidebar()->setFocus();
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus && focus->objectName() == QLatin1String("search") && shown->isAncestorOf(focus),
                     qPrintable(QStringLiteral("page %1: focus on %2").arg(int(page)).arg(focus ? focus->objectName() : QStringLiteral("nothing"))));
        }
        for (auto [page, button] : {std::pair{ui::Page::Ppdb, "walkIn"}, std::pair{ui::Page::TahunAjaran, "addYear"},
                                    std::pair{ui::Page::Users, "addUser"}}) {
            w.showPage(page);
            QApplication::processEvents();
            auto *b = w.pageWidget(page)->findChild<QPushButton *>(QLatin1String(button));
            QVERIFY2(b, button);
            QCOMPARE(b->shortcut(), QKeySequence(QKeySequence::New));
        }
    }
};

QTEST_MAIN(TestUiAccess)
#include "tst_ui_access.moc"
