// Every window, page and dialog fits the office's screen. The suite runs three times (see
// tests/ui/CMakeLists.txt): a 1366×768 laptop and a 1024×768 projector, each with a 40-pixel
// taskbar (the offscreen screen is 728 pixels high), and the laptop again at 150 % scaling.
// It fails on any window larger than the available screen and on any dialog button that is
// outside the screen or hidden by its window's edge.
#include "AllDialogs.h"
#include "PpdbFixtures.h"
#include "TestSupport.h"
#include "shell/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace tu;

class TestUiFit : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    Session admin;

    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }

    // The window and every visible push button of it lie inside the available screen, and no
    // button is cut off by the window's own edge.
    static void checkFits(QWidget *w, const char *what)
    {
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QApplication::processEvents();
        const QRect avail = available();
        QVERIFY2(w->frameGeometry().width() <= avail.width() && w->frameGeometry().height() <= avail.height(),
                 qPrintable(QStringLiteral("%1 is %2×%3 on a %4×%5 screen").arg(QLatin1String(what)).arg(w->frameGeometry().width())
                                .arg(w->frameGeometry().height()).arg(avail.width()).arg(avail.height())));
        QVERIFY2(avail.contains(w->geometry()), qPrintable(QStringLiteral("%1 lies off the screen").arg(QLatin1String(what))));
        if (!qobject_cast<QDialog *>(w))
            return;
        for (QAbstractButton *b : w->findChildren<QAbstractButton *>()) {
            if (!b->isVisibleTo(w) || !qobject_cast<QPushButton *>(b))
                continue;
            const QRect inWindow(b->mapTo(w, QPoint(0, 0)), b->size());
            // A button inside a scroll area may scroll out of view; the dialog's own buttons may not.
            bool scrolled = false;
            for (QWidget *p = b->parentWidget(); p && p != w; p = p->parentWidget())
                scrolled |= p->objectName() == QLatin1String("qt_scrollarea_viewport");
            if (scrolled)
                continue;
            QVERIFY2(w->rect().contains(inWindow),
                     qPrintable(QStringLiteral("%1: button \"%2\" is cut off").arg(QLatin1String(what), b->text())));
        }
    }

private slots:
    void initTestCase()
    {
        QSettings().clear(); // no remembered geometry: the first start
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
        tc->createUser(QStringLiteral("kepala"), Role::Admin, QStringLiteral("Password-123"));
        auto s = tc->core->auth().login({QStringLiteral("kepala"), QStringLiteral("Password-123"), {}, {}, QStringLiteral("127.0.0.1")});
        QVERIFY(s.ok());
        admin = s.value();
        QVERIFY(test::openRegistration(*tc->core));
    }
    void cleanupTestCase() { tc.reset(); }

    void mainWindowAndEveryPage()
    {
        ui::MainWindow w(*tc->core, admin, nullptr);
        w.showRestored();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QRect avail = available();
        // First start: the window fills what the screen has, never more.
        QVERIFY2(w.frameGeometry().height() <= avail.height() && w.frameGeometry().width() <= avail.width(),
                 qPrintable(QStringLiteral("%1×%2 on %3×%4").arg(w.frameGeometry().width()).arg(w.frameGeometry().height())
                                .arg(avail.width()).arg(avail.height())));
        QVERIFY(w.minimumSizeHint().width() <= avail.width());
        QVERIFY(w.minimumSizeHint().height() <= avail.height());
        for (const ui::PageInfo &info : ui::allPages()) {
            w.showPage(info.page);
            QApplication::processEvents();
            QVERIFY2(w.frameGeometry().height() <= avail.height(), qPrintable(info.title));
            QVERIFY2(w.frameGeometry().width() <= avail.width(), qPrintable(info.title));
        }
    }

    void everyDialog()
    {
        QWidget parent;
        parent.resize(available().size() - QSize(20, 60));
        parent.show();
        test::forEachDialog(*tc->core, admin.actor(), &parent, [](QDialog *d, const char *name) { checkFits(d, name); });
    }
};

QTEST_MAIN(TestUiFit)
#include "tst_ui_fit.moc"
