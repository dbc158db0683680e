#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace tu;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void init() { TU_REQUIRE_BACKEND(); }

    void storedValuesSurviveReopenAndAreAudited()
    {
        test::TestCore tc;
        QVERIFY(tc.core);
        QCOMPARE(tc->settings().value(QStringLiteral("timezone")), QStringLiteral("Asia/Jakarta"));
        QVERIFY(tc->settings().set(Actor::system(QStringLiteral("t")), {{QStringLiteral("cors_origins"), QStringLiteral("http://192.168.1.10:3000, http://sekolah.lan")},
                                                                    {QStringLiteral("siakad_api_key"), QStringLiteral("rahasia")}}).ok());
        QCOMPARE(tc->settings().list(QStringLiteral("cors_origins")),
                 QStringList({QStringLiteral("http://192.168.1.10:3000"), QStringLiteral("http://sekolah.lan")}));
        SettingsStore again(tc->db(), tc->audit());
        QVERIFY(again.load().ok());
        QCOMPARE(again.value(QStringLiteral("siakad_api_key")), QStringLiteral("rahasia"));
        auto log = tc->audit().recent(5, QStringLiteral("settings"));
        QVERIFY(log.ok() && !log->isEmpty());
        // Secrets never reach the audit log.
        QVERIFY(!QJsonDocument(log->first().toJson()).toJson().contains("rahasia"));
    }

    void environmentOverrides()
    {
        test::TestCore tc;
        qputenv("TATAUSAHA_TIMEZONE", "Asia/Makassar");
        QCOMPARE(tc->settings().value(QStringLiteral("timezone")), QStringLiteral("Asia/Makassar"));
        QVERIFY(tc->settings().overriddenByEnvironment(QStringLiteral("timezone")));
        qunsetenv("TATAUSAHA_TIMEZONE");
        QCOMPARE(tc->settings().value(QStringLiteral("timezone")), QStringLiteral("Asia/Jakarta"));
    }

    void unknownKeyRejectedAndNothingStored()
    {
        test::TestCore tc;
        auto s = tc->settings().set(Actor::system(QStringLiteral("t")), {{QStringLiteral("timezone"), QStringLiteral("Asia/Jayapura")},
                                                                      {QStringLiteral("bogus"), QStringLiteral("x")}});
        QVERIFY(!s.ok());
        QVERIFY(s.error().fields.contains(QStringLiteral("bogus")));
        QCOMPARE(tc->settings().value(QStringLiteral("timezone")), QStringLiteral("Asia/Jakarta"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
