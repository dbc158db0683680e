// MainWindow: the sidebar follows the role table, placeholder pages say what is coming, the
// status bar follows the in-process API server (ApiServerHost), shortcuts and logout work.
#include "shell/ApiStatusLabel.h"
#include "shell/MainWindow.h"
#include "common/LocalConfig.h"
#include "satudata/SatuDataPage.h"
#include "settings/SettingsDialog.h"
#include "TestSupport.h"
#include "DapodikFixtures.h"
#include "dapodik/DapodikService.h"
#include "sync/JobRunner.h"
#include "UiTestUtil.h"
#include "content/RichTextEditor.h"
#include "content/ContentTab.h"
#include "content/ContentPage.h"
#include "content/ContentEditor.h"
#include "users/UsersPage.h"
#include "api/ApiServerHost.h"

#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QThreadPool>

using namespace tu;
using namespace tu::test;

namespace {
Session sessionFor(TestCore &core, Role role)
{
    const QString username = roleName(role) + QStringLiteral("1");
    if (role != Role::Admin)
        core.createUser(username, role);
    auto s = core->auth().login({role == Role::Admin ? QStringLiteral("admin") : username,
                                 role == Role::Admin ? QString::fromLatin1(TestCore::AdminPassword) : QStringLiteral("Password-123"),
                                 {}, {}, QStringLiteral("test")});
    if (!s.ok())
        qFatal("login failed: %s", qPrintable(s.error().message));
    return s.value();
}

QStringList visibleEntries(const ui::MainWindow &w)
{
    QStringList out;
    for (int i = 0; i < w.sidebar()->count(); ++i)
        if (!w.sidebar()->item(i)->isHidden())
            out << w.sidebar()->item(i)->text();
    return out;
}
} // namespace

class TestUiMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void sidebarFollowsRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("entries");
        QTest::newRow("admin") << int(Role::Admin)
                               << QStringList{"PPDB", "Tahun Ajaran", "Konten", "Sinkronisasi", "Data Dapodik", "Dasbor", "Satu Data", "Pengguna", "Pengaturan", "Log Audit"};
        QTest::newRow("operator") << int(Role::Operator) << QStringList{"Tahun Ajaran", "Sinkronisasi", "Data Dapodik", "Dasbor", "Satu Data"};
        QTest::newRow("ppdb") << int(Role::Ppdb) << QStringList{"PPDB"};
        QTest::newRow("kesiswaan") << int(Role::Kesiswaan) << QStringList{"Konten"};
        QTest::newRow("osis") << int(Role::Osis) << QStringList{"Konten"};
        QTest::newRow("siswa") << int(Role::Siswa) << QStringList{"Konten"};
    }

    void sidebarFollowsRole()
    {
        QFETCH(int, role);
        QFETCH(QStringList, entries);
        TestCore core;
        ui::MainWindow w(*core, sessionFor(core, Role(role)), nullptr);
        w.show();
        QCOMPARE(visibleEntries(w), entries);
        // The first allowed area is open; admin-only pages are not even built for others.
        QCOMPARE(w.sidebar()->currentItem()->text(), entries.first());
        if (Role(role) != Role::Admin) {
            QVERIFY(!w.usersPage());
            QVERIFY(!w.settingsPage());
        }
    }

    void nonAdminCannotReachUsersByShortcut()
    {
        TestCore core;
        ui::MainWindow w(*core, sessionFor(core, Role::Operator), nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const ui::Page before = w.currentPage();
        QTest::keyClick(&w, Qt::Key_8, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), before);
        w.showPage(ui::Page::Users);
        QCOMPARE(w.currentPage(), before);
    }

    void shortcutsSwitchPages()
    {
        TestCore core;
        ui::MainWindow w(*core, sessionFor(core, Role::Admin), nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_8, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), ui::Page::Users);
        QVERIFY(w.usersPage()->isVisible());
        QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier); // the tenth entry
        QCOMPARE(w.currentPage(), ui::Page::Audit);
        QTest::keyClick(&w, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), ui::Page::DapodikData);
        QVERIFY(w.pageWidget(ui::Page::DapodikData)->isVisible());
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), ui::Page::TahunAjaran);
    }

    void satuDataPageForAdminAndOperator()
    {
        TestCore core;
        for (Role role : {Role::Admin, Role::Operator}) {
            ui::MainWindow w(*core, sessionFor(core, role), nullptr);
            w.show();
            w.showPage(ui::Page::SatuData);
            QCOMPARE(w.currentPage(), ui::Page::SatuData);
            QVERIFY(w.satuDataPage());
            QCOMPARE(w.pageWidget(ui::Page::SatuData), static_cast<QWidget *>(w.satuDataPage()));
            QVERIFY(w.satuDataPage()->isVisible());
            QVERIFY(w.satuDataPage()->uploadButton()->isEnabled());
            QVERIFY(!w.satuDataPage()->verifyButton()->isEnabled()); // nothing selected (and admin only)
            QThreadPool::globalInstance()->waitForDone(); // the page's reads use the core
        }
        ui::MainWindow w(*core, sessionFor(core, Role::Kesiswaan), nullptr);
        QVERIFY(!w.satuDataPage());
        QVERIFY(!w.isPageAvailable(ui::Page::SatuData));
    }

    void headerShowsSchoolAndUser()
    {
        TestCore core;
        QVERIFY(core->settings().set(Actor::system(QStringLiteral("test")), {{QStringLiteral("school_name"), QStringLiteral("SMP Negeri 1 Depok")}}).ok());
        ui::MainWindow w(*core, sessionFor(core, Role::Ppdb), nullptr);
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("schoolName"))->text(), QStringLiteral("SMP Negeri 1 Depok"));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("userName"))->text(), QStringLiteral("Pengguna ppdb1"));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("userRole"))->text().contains(QStringLiteral("Panitia PPDB")));
    }

    void statusBarShowsApiAddress()
    {
        TestCore core;
        ApiServerHost host(*core);
        ui::MainWindow w(*core, sessionFor(core, Role::Admin), &host);
        w.show();
        QVERIFY(w.apiStatus()->text().contains(QStringLiteral("Menyalakan")));
        host.start(QStringLiteral("127.0.0.1"), 0);
        QTRY_VERIFY(host.isRunning());
        QVERIFY(host.address().startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(!host.address().endsWith(QStringLiteral(":0")));
        QVERIFY(w.apiStatus()->text().contains(host.address()));

        // It really serves, from its own thread.
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(host.address() + QStringLiteral("/api/health"))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        host.stop();
        QTRY_VERIFY(!host.isRunning());
        QVERIFY(w.apiStatus()->text().contains(QStringLiteral("berhenti")));
    }

    void busyPortShowsErrorAndKeepsRunning()
    {
        TestCore core;
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ApiServerHost host(*core);
        ui::MainWindow w(*core, sessionFor(core, Role::Admin), &host);
        w.show();
        QSignalSpy spy(&host, &ApiServerHost::stateChanged);
        host.start(QStringLiteral("127.0.0.1"), squatter.serverPort());
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(!host.isRunning());
        QVERIFY(!host.errorText().isEmpty());
        QVERIFY(w.apiStatus()->text().contains(QStringLiteral("tidak berjalan")));
        QVERIFY(w.apiStatus()->text().contains(QString::number(squatter.serverPort())));
        QVERIFY(w.isVisible());

        // A restart on a free port recovers.
        host.restart(QStringLiteral("127.0.0.1"), 0);
        QTRY_VERIFY(host.isRunning());
        QVERIFY(w.apiStatus()->text().contains(host.address()));
    }

    void settingsRestartTheApiServerOnTheNewAddress()
    {
        TestCore core;
        ApiServerHost host(*core);
        host.start(QStringLiteral("127.0.0.1"), 0);
        QTRY_VERIFY(host.isRunning());
        quint16 freePort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            freePort = probe.serverPort();
        }
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        Actor admin = sessionFor(core, Role::Admin).actor();
        ui::SettingsDialog dialog(*core, admin, &host, local);
        dialog.show();
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(dialog.portSpin()->value(), 8080);
        dialog.lineEdit(QStringLiteral("school_name"))->clear();
        QTest::keyClicks(dialog.lineEdit(QStringLiteral("school_name")), QStringLiteral("SMP Negeri 3 Bantul"));
        dialog.portSpin()->setValue(freePort);
        QTest::keyClicks(dialog.lineEdit(QStringLiteral("cors_origins")), QStringLiteral("http://192.168.1.10:3000"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.restartNeeded());

        QCOMPARE(core->settings().value(QStringLiteral("school_name")), QStringLiteral("SMP Negeri 3 Bantul"));
        QCOMPARE(core->settings().value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:%1").arg(freePort));
        QCOMPARE(core->settings().value(QStringLiteral("cors_origins")), QStringLiteral("http://192.168.1.10:3000"));
        QTRY_COMPARE(host.address(), QStringLiteral("http://127.0.0.1:%1").arg(freePort));
        QVERIFY(host.isRunning());
    }

    void savingSettingsRetriesAServerThatIsDown()
    {
        TestCore core;
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        quint16 freePort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            freePort = probe.serverPort();
        }
        QVERIFY(core->settings().set(Actor::system(QStringLiteral("test")),
                                     {{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(freePort)}}).ok());
        ApiServerHost host(*core);
        host.start(QStringLiteral("127.0.0.1"), squatter.serverPort()); // e.g. --listen on a busy port
        QTRY_VERIFY(!host.errorText().isEmpty());
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog dialog(*core, sessionFor(core, Role::Admin).actor(), &host, local);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton); // nothing changed
        QTRY_VERIFY(host.isRunning());
        QCOMPARE(host.address(), QStringLiteral("http://127.0.0.1:%1").arg(freePort));
    }

    void settingsShowEnvironmentOverridesReadOnly()
    {
        qputenv("TATAUSAHA_TRUSTED_PROXIES", "10.0.0.1");
        TestCore core;
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog dialog(*core, sessionFor(core, Role::Admin).actor(), nullptr, local);
        QVERIFY(dialog.lineEdit(QStringLiteral("trusted_proxies"))->isReadOnly());
        QCOMPARE(dialog.lineEdit(QStringLiteral("trusted_proxies"))->text(), QStringLiteral("10.0.0.1"));
        QVERIFY(!dialog.lineEdit(QStringLiteral("cors_origins"))->isReadOnly());
        dialog.lanCheck()->setChecked(true);
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("0.0.0.0"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        qunsetenv("TATAUSAHA_TRUSTED_PROXIES");
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(core->settings().value(QStringLiteral("listen")), QStringLiteral("0.0.0.0:8080"));
        QCOMPARE(core->settings().storedValue(QStringLiteral("trusted_proxies")), QString()); // untouched
    }

    void settingsRefuseABadAddressUnderTheField()
    {
        TestCore core;
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog dialog(*core, sessionFor(core, Role::Admin).actor(), nullptr, local);
        dialog.show();
        dialog.hostEdit()->clear();
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errors().fieldError(QStringLiteral("listen")).isEmpty());
        QCOMPARE(core->settings().value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:8080"));
    }

    void settingsKeepTheSatuDataUpstreams()
    {
        TestCore core;
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog dialog(*core, sessionFor(core, Role::Admin).actor(), nullptr, local);
        dialog.show();
        auto *splp = dialog.findChild<QLineEdit *>(QStringLiteral("splp_api_url"));
        QVERIFY(splp);
        QCOMPARE(dialog.spinBox(QStringLiteral("satudata_delay_ms"))->value(), 500); // the default
        splp->setText(QStringLiteral("bukan-alamat"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(!dialog.errors().fieldError(QStringLiteral("splp_api_url")).isEmpty());
        splp->setText(QStringLiteral("http://127.0.0.1:9090"));
        dialog.spinBox(QStringLiteral("satudata_delay_ms"))->setValue(1500);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(core->settings().value(QStringLiteral("splp_api_url")), QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(core->settings().value(QStringLiteral("satudata_delay_ms")), QStringLiteral("1500"));
    }

    // Quitting never cancels a sync silently: the question offers to stop it, to wait for it,
    // or to stay; each answer does what it says.
    void quittingDuringASyncAsks()
    {
        UpstreamSim sim({QStringLiteral("--kecamatan"), QStringLiteral("3"), QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("2"),
                         QStringLiteral("--ptk-per-sekolah"), QStringLiteral("2"), QStringLiteral("--latency-ms"), QStringLiteral("150")});
        QVERIFY(sim.ok());
        TestCore core;
        QVERIFY(pointAtSim(*core, sim).ok());
        JobRunner &jobs = core->dapodik().jobs();
        auto answer = [](const char *button, bool *asked) {
            QTimer::singleShot(0, [button, asked] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || box->objectName() != QLatin1String("quitDuringSync"))
                    return;
                *asked = true;
                QVERIFY(box->standardButtons() == QMessageBox::NoButton); // its own Indonesian buttons
                box->findChild<QPushButton *>(QLatin1String(button))->click();
            });
        };
        const Session session = sessionFor(core, Role::Admin);
        {
            ui::MainWindow w(*core, session, nullptr);
            w.show();
            QVERIFY(core->dapodik().startGlobal(session.actor()).ok());
            QVERIFY(jobs.isRunning());
            // "Batal": the window stays and the sync goes on.
            bool asked = false;
            answer("keepOpen", &asked);
            QVERIFY(!w.close());
            QVERIFY(asked);
            QVERIFY(w.isVisible());
            QVERIFY(jobs.isRunning());
            // "Tunggu": the window stays until the sync has finished, then closes by itself.
            asked = false;
            answer("waitAndQuit", &asked);
            QVERIFY(!w.close());
            QVERIFY(asked);
            QVERIFY(w.isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), 30000);
            QVERIFY(!jobs.isRunning());
            QVERIFY(!jobs.current().cancelled);
            QVERIFY(jobs.current().error.isEmpty());
        }
        {
            // "Hentikan": the sync is cancelled and the window closes.
            ui::MainWindow w(*core, session, nullptr);
            w.show();
            QVERIFY(core->dapodik().startGlobal(session.actor()).ok());
            QVERIFY(jobs.isRunning());
            bool asked = false;
            answer("stopAndQuit", &asked);
            QVERIFY(w.close());
            QVERIFY(asked);
            QVERIFY(!jobs.isRunning());
            QVERIFY(jobs.current().cancelled);
        }
        {
            // No sync: no question.
            ui::MainWindow w(*core, session, nullptr);
            w.show();
            bool asked = false;
            answer("keepOpen", &asked);
            QVERIFY(w.close());
            QVERIFY(!asked);
        }
    }

    // Leaving the Konten page, or closing the window, with unsaved edits asks first.
    void unsavedKontenAsksBeforeLeavingOrClosing()
    {
        TestCore core;
        ui::MainWindow w(*core, sessionFor(core, Role::Admin), nullptr);
        w.show();
        w.showPage(ui::Page::Content);
        ui::ContentTab *news = w.contentPage()->contentTab(QStringLiteral("news"));
        auto *title = qobject_cast<QLineEdit *>(news->editor()->input(QStringLiteral("title")));
        QTest::keyClicks(title, QStringLiteral("Rapat komite"));
        const auto storedNews = [&] { return core->content().list(*content::type(QStringLiteral("news")), {})->total; };

        bool asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        w.showPage(ui::Page::Ppdb);
        QVERIFY(asked);
        QCOMPARE(w.currentPage(), ui::Page::Content);
        QTRY_COMPARE(w.sidebar()->currentItem()->text(), QStringLiteral("Konten"));
        QCOMPARE(title->text(), QStringLiteral("Rapat komite"));

        asked = false;
        answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        w.showPage(ui::Page::Ppdb);
        QVERIFY(asked);
        QCOMPARE(w.currentPage(), ui::Page::Ppdb);
        QCOMPARE(storedNews(), 0);
        QVERIFY(title->text().isEmpty());

        // Closing: Batal keeps the window and the text; Simpan stores, then closes.
        w.showPage(ui::Page::Content);
        QTest::keyClicks(title, QStringLiteral("Rapat komite"));
        QTest::keyClicks(qobject_cast<QLineEdit *>(news->editor()->input(QStringLiteral("category"))), QStringLiteral("Umum"));
        QTest::keyClicks(qobject_cast<ui::RichTextEditor *>(news->editor()->input(QStringLiteral("content")))->textEdit(),
                         QStringLiteral("Rapat komite hari Sabtu."));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QVERIFY(!w.close());
        QVERIFY(asked);
        QVERIFY(w.isVisible());
        QCOMPARE(title->text(), QStringLiteral("Rapat komite"));
        QCOMPARE(storedNews(), 0);

        asked = false;
        answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        QVERIFY(w.close());
        QVERIFY(asked);
        QCOMPARE(storedNews(), 1);
    }

    void cleanPagesCloseWithoutAQuestion()
    {
        TestCore core;
        ui::MainWindow w(*core, sessionFor(core, Role::Admin), nullptr);
        w.show();
        w.showPage(ui::Page::Content);
        bool asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        w.showPage(ui::Page::Ppdb);
        QCOMPARE(w.currentPage(), ui::Page::Ppdb);
        QVERIFY(w.close());
        QTest::qWait(20);
        QVERIFY(!asked);
    }

    void logoutEndsTheSession()
    {
        TestCore core;
        const Session session = sessionFor(core, Role::Admin);
        ui::MainWindow w(*core, session, nullptr);
        w.show();
        QSignalSpy spy(&w, &ui::MainWindow::logoutRequested);
        QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("logoutButton")), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!core->auth().authenticate(session.token).ok()); // the token is revoked
    }
};

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
