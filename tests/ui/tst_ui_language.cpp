// The English interface: the translation is embedded at build time (lrelease, no lupdate) and
// installLanguage("en") turns the Indonesian source text into English, role labels included.
#include "common/Language.h"
#include "shell/MainWindow.h"
#include "TestSupport.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QTest>

using namespace tu;
using namespace tu::test;

class TestUiLanguage : public QObject
{
    Q_OBJECT

private slots:
    void translationsAreEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tatausaha_en.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tatausaha_id.qm")));
    }

    void englishInterface()
    {
        ui::installLanguage(QStringLiteral("en"));
        TestCore core;
        auto session = core->auth().login({QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword), {}, {},
                                           QStringLiteral("test")});
        QVERIFY(session.ok());
        ui::MainWindow w(*core, session.value(), nullptr);
        QStringList entries;
        for (int i = 0; i < w.sidebar()->count(); ++i)
            entries << w.sidebar()->item(i)->text();
        QCOMPARE(entries, (QStringList{"Admissions (PPDB)", "Academic Years", "Content", "Synchronisation", "Dapodik Data",
                                       "Dashboard", "Satu Data", "Users", "Settings", "Audit Log"}));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("userRole"))->text().startsWith(QStringLiteral("Admin")));
        QCOMPARE(QCoreApplication::translate("Roles", "Panitia PPDB"), QStringLiteral("Admissions committee"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
