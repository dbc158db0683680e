#include "TestSupport.h"
#include "app/SettingsCatalog.h"

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
        SettingsStore again(tc->db(), tc->audit(), settingKeys());
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

    void valuesAreValidated_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("listen ok") << "listen" << "0.0.0.0:8080" << true;
        QTest::newRow("listen no port") << "listen" << "0.0.0.0" << false;
        QTest::newRow("listen hostname") << "listen" << "sekolah:8080" << false;
        QTest::newRow("tz ok") << "timezone" << "Asia/Makassar" << true;
        QTest::newRow("tz bad") << "timezone" << "Asia/Bandung" << false;
        QTest::newRow("cors ok") << "cors_origins" << "http://192.168.1.10:3000, https://sekolah.sch.id" << true;
        QTest::newRow("cors star") << "cors_origins" << "*" << false;
        QTest::newRow("cors path") << "cors_origins" << "http://a.b/app" << false;
        QTest::newRow("proxy ok") << "trusted_proxies" << "10.0.0.0/8,192.168.1.1" << true;
        QTest::newRow("proxy bad") << "trusted_proxies" << "router" << false;
        QTest::newRow("rates ok") << "rate_limits" << "off" << true;
        QTest::newRow("rates bad") << "rate_limits" << "public=x" << false;
        QTest::newRow("url ok") << "siakad_url" << "http://127.0.0.1:9090" << true;
        QTest::newRow("url empty") << "siakad_url" << "" << true;
        QTest::newRow("url bad") << "siakad_url" << "ftp://x" << false;
        QTest::newRow("ms bad") << "upstream_timeout_ms" << "-5" << false;
    }
    void valuesAreValidated()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        test::TestCore tc;
        const QString before = tc->settings().storedValue(key);
        const Status s = tc->settings().set(Actor::system(QStringLiteral("t")), {{key, value}});
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QVERIFY(!s.error().fields.value(key).isEmpty());
            QCOMPARE(tc->settings().storedValue(key), before);
        }
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
