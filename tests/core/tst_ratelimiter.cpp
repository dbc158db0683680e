#include "http/RateLimiter.h"

#include <QElapsedTimer>
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
    // One IPv6 subscriber holds a whole /64: rotating through it must not buy fresh buckets.
    void ipv6CountsPerSlash64()
    {
        RateLimiter r;
        r.setClock([] { return qint64(0); });
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r.take(RateScope::Auth, QStringLiteral("2001:db8:1:2::%1").arg(i + 1, 0, 16)), 0);
        QVERIFY(r.take(RateScope::Auth, QStringLiteral("2001:db8:1:2:ffff:eeee:dddd:cccc")) > 0);
        QVERIFY(r.take(RateScope::Auth, QStringLiteral("2001:0db8:0001:0002:0000:0000:0000:0009")) > 0);
        // The neighbouring /64 is someone else.
        QCOMPARE(r.take(RateScope::Auth, QStringLiteral("2001:db8:1:3::1")), 0);
        QCOMPARE(RateLimiter::clientKey(QStringLiteral("2001:db8:1:2:aaaa::1")), QStringLiteral("2001:db8:1:2::/64"));
    }
    void ipv4PerAddressAndMappedIsIpv4()
    {
        RateLimiter r;
        r.setClock([] { return qint64(0); });
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r.take(RateScope::Auth, QStringLiteral("192.0.2.10")), 0);
        // The same client written as an IPv4-mapped IPv6 address shares the bucket.
        QVERIFY(r.take(RateScope::Auth, QStringLiteral("::ffff:192.0.2.10")) > 0);
        QVERIFY(r.take(RateScope::Auth, QStringLiteral("::FFFF:c000:020a")) > 0);
        // Its IPv4 neighbour (a different household behind another address) is not affected.
        QCOMPARE(r.take(RateScope::Auth, QStringLiteral("192.0.2.11")), 0);
        QCOMPARE(r.take(RateScope::Auth, QStringLiteral("::ffff:192.0.2.12")), 0);
        QCOMPARE(RateLimiter::clientKey(QStringLiteral("::ffff:10.0.0.1")), QStringLiteral("10.0.0.1"));
    }
    // A flood of new addresses (a spoofing-free botnet, or an IPv6 client before /64 grouping)
    // must neither grow memory without bound nor make every request sweep the whole table.
    void bucketsStayBoundedUnderAFlood()
    {
        RateLimiter r;
        r.setClock([] { return qint64(0); }); // nothing refills: the old sweep freed nothing
        const QString victim = QStringLiteral("198.51.100.7");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r.take(RateScope::Auth, victim), 0);
        QElapsedTimer t;
        t.start();
        const int flood = RateLimiter::MaxBuckets + 20000;
        for (int i = 0; i < flood; ++i) {
            (void)r.take(RateScope::Public, QStringLiteral("10.%1.%2.%3").arg(i >> 16 & 255).arg(i >> 8 & 255).arg(i & 255));
            if (i % 1000 == 0)
                QVERIFY(r.take(RateScope::Auth, victim) > 0); // still limited: recently used, kept
        }
        QVERIFY(r.bucketCount() <= RateLimiter::MaxBuckets);
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(r.take(RateScope::Auth, victim) > 0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
