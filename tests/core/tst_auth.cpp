#include "TestSupport.h"

#include <QTest>

using namespace tu;

class TestAuth : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    AuthService &auth() { return tc->core->auth(); }
    LoginRequest req(const QString &u, const QString &p, const QString &ip = QStringLiteral("10.0.0.1"))
    {
        LoginRequest r;
        r.username = u;
        r.password = p;
        r.ip = ip;
        return r;
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
    }
    void cleanup() { tc.reset(); }

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
