// Settings: an upstream address on plain http:// with a key or password filled in gets a
// visible warning next to it (the address is still accepted: school servers often lack TLS).
#include "common/LocalConfig.h"
#include "settings/SettingsDialog.h"
#include "TestSupport.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace tu;
using namespace tu::test;

class TestUiSettingsWarning : public QObject
{
    Q_OBJECT
    static QLabel *warning(QWidget &dialog, const QString &key)
    {
        return dialog.findChild<QLabel *>(key + QStringLiteral("_plainHttpWarning"));
    }
    static QLineEdit *edit(QWidget &dialog, const QString &key) { return dialog.findChild<QLineEdit *>(key); }

private slots:
    void plainHttpWithCredentialsIsWarnedNextToTheAddress()
    {
        TestCore core;
        QVERIFY(core.core);
        QVERIFY(core->settings().set(Actor::system(QStringLiteral("t")),
                                     {{"siakad_url", "http://192.168.1.20:8000"}, {"siakad_api_key", "kunci-rahasia-123"},
                                      {"dapodik_url", "https://dapodik.example.go.id"}, {"dapodik_password", "sandi-dapodik"},
                                      {"splp_api_url", "http://splp.lan"}}).ok());
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog dialog(*core, Actor::system(QStringLiteral("t")), nullptr, local);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        for (const char *key : {"siakad_url", "dapodik_url", "splp_api_url", "sipd_api_url"})
            QVERIFY2(warning(dialog, QLatin1String(key)), key);
        // http:// + a key: warned, in plain text, without the key itself.
        QLabel *siakad = warning(dialog, QStringLiteral("siakad_url"));
        QVERIFY(siakad->isVisible());
        QCOMPARE(siakad->textFormat(), Qt::PlainText);
        QVERIFY(siakad->text().contains(QStringLiteral("http://")));
        QVERIFY(!siakad->text().contains(QStringLiteral("kunci-rahasia-123")));
        // https://: no warning. http:// without any key yet: no warning either.
        QVERIFY(!warning(dialog, QStringLiteral("dapodik_url"))->isVisible());
        QVERIFY(!warning(dialog, QStringLiteral("splp_api_url"))->isVisible());
        QVERIFY(!warning(dialog, QStringLiteral("sipd_api_url"))->isVisible());

        // It follows the fields as they are edited.
        edit(dialog, QStringLiteral("external_api_key"))->setText(QStringLiteral("kunci-satu-data"));
        QVERIFY(warning(dialog, QStringLiteral("splp_api_url"))->isVisible());
        QVERIFY(!warning(dialog, QStringLiteral("sipd_api_url"))->isVisible()); // no address yet
        edit(dialog, QStringLiteral("sipd_api_url"))->setText(QStringLiteral("HTTP://sipd.lan:8080"));
        QVERIFY(warning(dialog, QStringLiteral("sipd_api_url"))->isVisible());
        edit(dialog, QStringLiteral("siakad_url"))->setText(QStringLiteral("https://siakad.sekolah.sch.id"));
        QVERIFY(!siakad->isVisible());
        edit(dialog, QStringLiteral("dapodik_url"))->setText(QStringLiteral("http://10.0.0.5"));
        QVERIFY(warning(dialog, QStringLiteral("dapodik_url"))->isVisible());
        edit(dialog, QStringLiteral("dapodik_password"))->clear();
        QVERIFY(!warning(dialog, QStringLiteral("dapodik_url"))->isVisible());
        edit(dialog, QStringLiteral("dapodik_api_key"))->setText(QStringLiteral("k"));
        QVERIFY(warning(dialog, QStringLiteral("dapodik_url"))->isVisible());

        // Still accepted: saving keeps the http:// address.
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(core->settings().value(QStringLiteral("dapodik_url")), QStringLiteral("http://10.0.0.5"));
    }
};

QTEST_MAIN(TestUiSettingsWarning)
#include "tst_ui_settingswarning.moc"
