#include "CoreSuite.h"
#include "TestSupport.h"

#include <QTest>

#include "auth/Captcha.h"

using namespace tu;

class TestAuth : public test::CoreSuite
{
    Q_OBJECT
    AuthService &auth() { return tc->core->auth(); }
    LoginRequest req(const QString &u, const QString &p, const QString &ip = QStringLiteral("10.0.0.1"))
    {
        LoginRequest r;
        r.username = u;
        r.password = p;
        r.ip = ip;
        return r;
    }

    // A login that answers any captcha it is asked for, as a patient attacker (or user) would.
    Result<Session> loginSolvingCaptcha(const QString &u, const QString &p, const QString &ip)
    {
        LoginRequest r = req(u, p, ip);
        if (auth().throttle().captchaRequired(u, ip)) {
            const auto c = auth().captcha().create();
            r.captchaId = c.id;
            r.captcha = auth().captcha().answerForTesting(c.id);
        }
        return auth().login(r);
    }

private slots:
    void wrongPasswordAndUnknownUserLookTheSame()
    {
        auto a = auth().login(req(QStringLiteral("admin"), QStringLiteral("salah-sekali")));
        auto b = auth().login(req(QStringLiteral("tidakada"), QStringLiteral("salah-sekali"), QStringLiteral("10.0.0.2")));
        QCOMPARE(a.error().code, ErrorCode::Unauthorized);
        QCOMPARE(a.error().message, QStringLiteral("Username atau password salah"));
        QCOMPARE(b.error().message, a.error().message);
    }

    void loginIssuesVerifiableToken()
    {
        auto s = auth().login(req(QStringLiteral("ADMIN"), QString::fromLatin1(test::TestCore::AdminPassword)));
        QVERIFY(s.ok());
        QCOMPARE(s->user.role, Role::Admin);
        QCOMPARE(s->claims.exp - s->claims.iat, qint64(24 * 3600));
        auto v = auth().authenticate(s->token);
        QVERIFY(v.ok());
        QCOMPARE(v->user.username, QStringLiteral("admin"));
    }

    void captchaAfterThreeFailures()
    {
        const QString ip = QStringLiteral("10.9.9.9");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(auth().login(req(QStringLiteral("admin"), QStringLiteral("keliru-123"), ip)).error().code, ErrorCode::Unauthorized);
        // Even the right password now needs the captcha.
        auto need = auth().login(req(QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword), ip));
        QCOMPARE(need.error().code, ErrorCode::CaptchaRequired);
        // Wrong captcha: refused, and the challenge is used up.
        const auto c1 = auth().captcha().create();
        QVERIFY(c1.imageDataUrl.startsWith(QStringLiteral("data:image/png;base64,iVBOR")));
        LoginRequest wrong = req(QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword), ip);
        wrong.captchaId = c1.id;
        wrong.captcha = QStringLiteral("00000x");
        QCOMPARE(auth().login(wrong).error().code, ErrorCode::CaptchaRequired);
        const auto c2 = auth().captcha().create();
        LoginRequest right = wrong;
        right.captchaId = c2.id;
        right.captcha = auth().captcha().answerForTesting(c2.id);
        QVERIFY(auth().login(right).ok());
        // Reusing a solved captcha does not work.
        QVERIFY(!auth().captcha().check(c2.id, right.captcha));
    }

    void captchaCountsPerUsernameAcrossIps()
    {
        for (int i = 0; i < 3; ++i)
            (void)auth().login(req(QStringLiteral("admin"), QStringLiteral("keliru-123"), QStringLiteral("10.1.1.%1").arg(i)));
        QVERIFY(auth().throttle().captchaRequired(QStringLiteral("admin"), QStringLiteral("10.7.7.7")));
        QVERIFY(!auth().throttle().captchaRequired(QStringLiteral("lainnya"), QStringLiteral("10.7.7.7")));
    }

    void failuresExpireAfterFifteenMinutes()
    {
        qint64 now = 1'000'000;
        auth().throttle().setClock([&now] { return now; });
        for (int i = 0; i < 3; ++i)
            auth().throttle().recordFailure(QStringLiteral("admin"), QStringLiteral("10.0.0.5"));
        QVERIFY(auth().throttle().captchaRequired(QStringLiteral("admin"), QStringLiteral("10.0.0.5")));
        now += 15 * 60 * 1000 + 1;
        QVERIFY(!auth().throttle().captchaRequired(QStringLiteral("admin"), QStringLiteral("10.0.0.5")));
    }

    // Per account, whatever the address: each new failure past the fifth doubles the wait.
    void accountBackoffGrowsAcrossAddressesAndResetsOnSuccess()
    {
        qint64 now = 5'000'000;
        auth().throttle().setClock([&now] { return now; });
        const QString good = QString::fromLatin1(test::TestCore::AdminPassword);
        int ip = 0;
        auto nextIp = [&ip] { return QStringLiteral("10.20.%1.1").arg(++ip); };
        for (int i = 0; i < LoginThrottle::BackoffAfter; ++i)
            QCOMPARE(loginSolvingCaptcha(QStringLiteral("admin"), QStringLiteral("tebakan-%1").arg(i), nextIp()).error().code,
                     ErrorCode::Unauthorized);
        // Even the right password from a fresh address has to wait now; the attempt is not evaluated.
        auto wait = loginSolvingCaptcha(QStringLiteral(" Admin "), good, nextIp());
        QVERIFY2(!wait.ok(), "the right password got in past the account's backoff");
        QCOMPARE(wait.error().code, ErrorCode::RateLimited);
        QCOMPARE(wait.error().retryAfterSeconds, 2);
        QVERIFY2(wait.error().message.startsWith(QStringLiteral("Terlalu banyak percobaan login gagal untuk akun ini. Tunggu 2 detik")),
                 qPrintable(wait.error().message));
        // Another account is not affected.
        tc->createUser(QStringLiteral("operator1"), Role::Operator);
        QVERIFY(loginSolvingCaptcha(QStringLiteral("operator1"), QStringLiteral("Password-123"), nextIp()).ok());
        // After the wait one more guess is allowed; failing doubles the wait: 4 s, 8 s, …
        qint64 expected = 2;
        for (int round = 0; round < 12; ++round) {
            now += expected * 1000;
            QCOMPARE(loginSolvingCaptcha(QStringLiteral("admin"), QStringLiteral("salah-lagi"), nextIp()).error().code, ErrorCode::Unauthorized);
            expected = qMin<qint64>(expected * 2, LoginThrottle::MaxBackoffMs / 1000);
            auto w = loginSolvingCaptcha(QStringLiteral("admin"), good, nextIp());
            QCOMPARE(w.error().code, ErrorCode::RateLimited);
            QCOMPARE(qint64(w.error().retryAfterSeconds), expected);
        }
        QCOMPARE(expected, qint64(15 * 60)); // capped
        QVERIFY(auth().login(req(QStringLiteral("admin"), good, nextIp())).error().message.contains(QStringLiteral("Tunggu 15 menit")));
        // A successful login clears the account's record: the next mistake is an ordinary one.
        now += expected * 1000;
        QVERIFY(loginSolvingCaptcha(QStringLiteral("admin"), good, nextIp()).ok());
        QCOMPARE(loginSolvingCaptcha(QStringLiteral("admin"), QStringLiteral("salah-sekali"), nextIp()).error().code, ErrorCode::Unauthorized);
        QVERIFY(loginSolvingCaptcha(QStringLiteral("admin"), good, nextIp()).ok());
    }

    void unknownAccountsBackOffToo()
    {
        qint64 now = 1'000'000;
        auth().throttle().setClock([&now] { return now; });
        for (int i = 0; i < LoginThrottle::BackoffAfter; ++i)
            (void)loginSolvingCaptcha(QStringLiteral("tidakada"), QStringLiteral("x-%1-123").arg(i), QStringLiteral("10.30.0.%1").arg(i));
        QCOMPARE(loginSolvingCaptcha(QStringLiteral("tidakada"), QStringLiteral("lagi-123"), QStringLiteral("10.31.0.1")).error().code,
                 ErrorCode::RateLimited);
    }

    // A spray of usernames from one address filled the table, which was then wiped: the
    // sprayer's own address started again without a captcha.
    void throttleEvictsOldestInsteadOfForgettingEverything()
    {
        LoginThrottle t;
        const QString ip = QStringLiteral("203.0.113.9");
        for (int i = 0; i <= LoginThrottle::MaxEntries; ++i)
            t.recordFailure(QStringLiteral("user%1").arg(i), ip);
        QVERIFY(t.captchaRequired(QStringLiteral("someone-else"), ip));
        // Per IPv6 /64 as well.
        for (int i = 1; i <= 3; ++i)
            t.recordFailure(QStringLiteral("v6-%1").arg(i), QStringLiteral("2001:db8:5:6::%1").arg(i));
        QVERIFY(t.captchaRequired(QStringLiteral("v6-new"), QStringLiteral("2001:db8:5:6:abcd::99")));
        QVERIFY(!t.captchaRequired(QStringLiteral("v6-new"), QStringLiteral("2001:db8:5:7::1")));
    }

    void captchaStoreEvictsOldestInsteadOfForgettingEverything()
    {
        CaptchaStore store(5);
        QList<CaptchaStore::Challenge> made;
        for (int i = 0; i < 6; ++i)
            made << store.create();
        QCOMPARE(store.size(), 5);
        QVERIFY(store.answerForTesting(made[0].id).isEmpty()); // the oldest went
        for (int i = 1; i < 6; ++i)
            QVERIFY(store.check(made[i].id, store.answerForTesting(made[i].id)));
        QCOMPARE(store.size(), 0);
    }

    void logoutRevokesToken()
    {
        auto s = auth().login(req(QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword)));
        QVERIFY(s.ok());
        QVERIFY(auth().logout(s.value(), QStringLiteral("10.0.0.1")).ok());
        QCOMPARE(auth().authenticate(s->token).error().code, ErrorCode::Unauthorized);
    }

    void passwordOrRoleChangeRevokesTokens()
    {
        const User u = tc->createUser(QStringLiteral("bendahara"), Role::Operator);
        auto s = auth().login(req(QStringLiteral("bendahara"), QStringLiteral("Password-123")));
        QVERIFY(s.ok());
        UserInput role;
        role.role = QStringLiteral("ppdb");
        QVERIFY(tc->core->users().update(Actor::system(QStringLiteral("t")), u.id, role).ok());
        QVERIFY(!auth().authenticate(s->token).ok());
        auto s2 = auth().login(req(QStringLiteral("bendahara"), QStringLiteral("Password-123")));
        QVERIFY(s2.ok());
        UserInput pw;
        pw.password = QStringLiteral("Sandi-Lain-55");
        QVERIFY(tc->core->users().update(Actor::system(QStringLiteral("t")), u.id, pw).ok());
        QVERIFY(!auth().authenticate(s2->token).ok());
    }

    void expiredTokenRefused()
    {
        auto s = auth().login(req(QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword)));
        QVERIFY(s.ok());
        const qint64 exp = s->claims.exp;
        auth().setClock([exp] { return exp + 1; });
        QVERIFY(!auth().authenticate(s->token).ok());
    }

    void deactivatedUserCannotLogin()
    {
        const User u = tc->createUser(QStringLiteral("nonaktif"), Role::Osis);
        UserInput off;
        off.active = false;
        QVERIFY(tc->core->users().update(Actor::system(QStringLiteral("t")), u.id, off).ok());
        QCOMPARE(auth().login(req(QStringLiteral("nonaktif"), QStringLiteral("Password-123"))).error().code, ErrorCode::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
