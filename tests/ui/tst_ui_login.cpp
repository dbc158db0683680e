// LoginDialog against the real AuthService: the service's Indonesian errors, the captcha after
// three failures, and a successful sign-in, all by typing and clicking.
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QLabel>
#include <QSignalSpy>

using namespace tu;
using namespace tu::test;

class TestUiLogin : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCore> m_core; // fresh per test: the login throttle starts empty

    void attempt(ui::LoginDialog &dialog, const QString &username, const QString &password, const QString &captcha = {})
    {
        dialog.usernameEdit()->clear();
        dialog.passwordEdit()->clear();
        QTest::keyClicks(dialog.usernameEdit(), username);
        QTest::keyClicks(dialog.passwordEdit(), password);
        if (!captcha.isNull()) {
            dialog.captchaEdit()->clear();
            QTest::keyClicks(dialog.captchaEdit(), captcha);
        }
        QTest::mouseClick(dialog.loginButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy()); // the check runs off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 5000);
    }

private slots:
    void init()
    {
        m_core = std::make_unique<TestCore>();
        QVERIFY(m_core->core);
    }

    void wrongPasswordShowsIndonesianError()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        attempt(dialog, QStringLiteral("admin"), QStringLiteral("bukan-passwordnya"));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.banner()->isVisible());
        QCOMPARE(dialog.banner()->text(), QStringLiteral("Username atau password salah"));
        QVERIFY(!dialog.session());
        QVERIFY(!dialog.captchaBox()->isVisible());
    }

    void emptyFieldsShowServiceMessagesUnderTheFields()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        QTest::mouseClick(dialog.loginButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(dialog.banner()->text(), QStringLiteral("Username dan password wajib diisi."));
        auto *usernameError = dialog.findChild<QLabel *>(QStringLiteral("usernameError"));
        QVERIFY(usernameError);
        QVERIFY(usernameError->isVisible());
        QCOMPARE(usernameError->text(), QStringLiteral("Username wajib diisi."));
    }

    void captchaAppearsAfterThreeFailures()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (int i = 1; i <= 2; ++i) {
            attempt(dialog, QStringLiteral("admin"), QStringLiteral("salah-%1").arg(i));
            QVERIFY2(!dialog.captchaBox()->isVisible(), qPrintable(QStringLiteral("captcha after %1 failures").arg(i)));
        }
        attempt(dialog, QStringLiteral("admin"), QStringLiteral("salah-3"));
        QVERIFY(dialog.captchaBox()->isVisible());
        QVERIFY(dialog.captchaEdit()->isVisible());
        QVERIFY(dialog.captchaImage()->isVisible());
        QVERIFY(!dialog.captchaImage()->pixmap().isNull());
        QCOMPARE(dialog.captchaImage()->pixmap().size(), QSize(180, 60)); // the PNG from the data URL
        QVERIFY(!dialog.captchaId().isEmpty());

        // Without the code the service asks for it, in its words.
        attempt(dialog, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.banner()->text(),
                 QStringLiteral("Terlalu banyak percobaan gagal. Masukkan kode captcha yang ditampilkan."));
    }

    void wrongCaptchaGetsANewOne()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        for (int i = 0; i < 3; ++i)
            attempt(dialog, QStringLiteral("admin"), QStringLiteral("salah"));
        const QString first = dialog.captchaId();
        attempt(dialog, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword), QStringLiteral("00000x"));
        QCOMPARE(dialog.banner()->text(),
                 QStringLiteral("Kode captcha salah atau kedaluwarsa. Muat captcha baru lalu coba lagi."));
        QVERIFY(dialog.captchaId() != first); // single-use: a fresh challenge is shown
        QVERIFY(dialog.captchaEdit()->text().isEmpty());
    }

    void correctLoginAfterCaptchaAccepts()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        for (int i = 0; i < 3; ++i)
            attempt(dialog, QStringLiteral("admin"), QStringLiteral("salah"));
        const QString answer = (*m_core)->auth().captcha().answerForTesting(dialog.captchaId());
        QVERIFY(!answer.isEmpty());
        attempt(dialog, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword), answer);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.session());
        QCOMPARE(dialog.session()->user.username, QStringLiteral("admin"));
    }

    void correctLoginAccepts()
    {
        ui::LoginDialog dialog(**m_core);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        attempt(dialog, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.session());
        QCOMPARE(dialog.session()->user.role, Role::Admin);
        QVERIFY(!dialog.session()->token.isEmpty());
    }

    void enterInThePasswordFieldSubmits()
    {
        ui::LoginDialog dialog(**m_core);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClicks(dialog.usernameEdit(), QStringLiteral("admin"));
        QTest::keyClick(dialog.usernameEdit(), Qt::Key_Tab);
        QVERIFY(dialog.passwordEdit()->hasFocus()); // tab order: username → password
        QTest::keyClicks(dialog.passwordEdit(), QString::fromLatin1(TestCore::AdminPassword));
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
    }
};

QTEST_MAIN(TestUiLogin)
#include "tst_ui_login.moc"
