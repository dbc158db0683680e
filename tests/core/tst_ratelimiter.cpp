#include "http/RateLimiter.h"

#include <QTest>

using namespace tu;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private slots:
    void defaultsMatchTheDesign()
    {
        RateLimiter r;
        QCOMPARE(r.rule(RateScope::Public).limit, 100);
        QCOMPARE(r.rule(RateScope::Auth).limit, 5);
        QCOMPARE(r.rule(RateScope::Protected).limit, 60);
        QCOMPARE(r.rule(RateScope::Register).limit, 5);
        QCOMPARE(r.rule(RateScope::Register).windowMs, qint64(3600000));
        QCOMPARE(r.rule(RateScope::Upload).limit, 20);
        QCOMPARE(r.rule(RateScope::Lookup).limit, 20);
        QCOMPARE(r.rule(RateScope::Lookup).windowMs, qint64(60000));
    }
    void bucketEmptiesAndRefills()
    {
        RateLimiter r;
        qint64 now = 0;
        r.setClock([&now] { return now; });
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r.take(RateScope::Auth, QStringLiteral("1.1.1.1")), 0);
        const int wait = r.take(RateScope::Auth, QStringLiteral("1.1.1.1"));
        QVERIFY(wait >= 1 && wait <= 12);
        // Other clients and other scopes are not affected.
        QCOMPARE(r.take(RateScope::Auth, QStringLiteral("2.2.2.2")), 0);
        QCOMPARE(r.take(RateScope::Public, QStringLiteral("1.1.1.1")), 0);
        now += 12000; // one token per 12 s at 5/min
        QCOMPARE(r.take(RateScope::Auth, QStringLiteral("1.1.1.1")), 0);
        QVERIFY(r.take(RateScope::Auth, QStringLiteral("1.1.1.1")) > 0);
    }
    void overridesAndOff()
    {
        RateLimiter r;
        QVERIFY(r.configure(QStringLiteral("public=300, auth=10,register=20")).ok());
        QCOMPARE(r.rule(RateScope::Public).limit, 300);
        QCOMPARE(r.rule(RateScope::Register).limit, 20);
        QCOMPARE(r.rule(RateScope::Protected).limit, 60);
        QVERIFY(r.configure(QStringLiteral("lookup=7")).ok());
        QCOMPARE(r.rule(RateScope::Lookup).limit, 7);
        QCOMPARE(rateScopeName(RateScope::Lookup), QStringLiteral("lookup"));
        QVERIFY(r.configure(QStringLiteral("off")).ok());
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(r.take(RateScope::Register, QStringLiteral("1.1.1.1")), 0);
        QVERIFY(!r.configure(QStringLiteral("public=abc")).ok());
        QVERIFY(!r.configure(QStringLiteral("unknown=3")).ok());
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
