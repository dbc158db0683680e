// /api/auth/* over HTTP, in the shapes docs/api.md and docs/school-api.md give.
#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace tu;

class TestApiAuth : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QJsonObject creds(const QString &pw = QString::fromLatin1(test::TestCore::AdminPassword))
    {
        return {{"username", "admin"}, {"password", pw}};
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
    }
    void cleanup() { ts.reset(); }

    void loginSetsBothCookiesAndReturnsSeedShape()
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/auth/login"), creds());
        QCOMPARE(r.status, 200);
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QLatin1String("message")).toString(), QStringLiteral("Login berhasil"));
        const QJsonObject user = j.value(QLatin1String("data")).toObject().value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QVERIFY(!user.contains(QStringLiteral("password")) && !r.body.contains("$2b$"));
        QVERIFY(!j.value(QLatin1String("data")).toObject().value(QLatin1String("token")).toString().isEmpty());
        const auto cookies = r.headerAll("Set-Cookie");
        // QNetworkAccessManager folds Set-Cookie into one header separated by newlines.
        const QByteArray all = cookies.join('\n');
        QVERIFY(all.contains("token="));
        QVERIFY(all.contains("auth_token="));
        QVERIFY(all.contains("HttpOnly"));
        QVERIFY(all.contains("SameSite=Strict"));
        QVERIFY(all.contains("Path=/"));
        QVERIFY(!all.contains("Secure")); // plain HTTP here
    }

    void wrongPasswordMessage()
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/auth/login"), creds(QStringLiteral("salah-123")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("Username atau password salah"));
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("UNAUTHORIZED"));
    }

    void captchaPathOverHttp()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/auth/login"), creds(QStringLiteral("salah-123"))).status, 401);
        auto need = ts->sendJson("POST", QStringLiteral("/api/auth/login"), creds());
        QCOMPARE(need.status, 401);
        QCOMPARE(need.json().value(QLatin1String("code")).toString(), QStringLiteral("CAPTCHA_REQUIRED"));
        auto c = ts->get(QStringLiteral("/api/auth/captcha"));
        QCOMPARE(c.status, 200);
        const QJsonObject d = c.json().value(QLatin1String("data")).toObject();
        QVERIFY(d.value(QLatin1String("image")).toString().startsWith(QStringLiteral("data:image/png;base64,")));
        const QString id = d.value(QLatin1String("captchaId")).toString();
        QJsonObject body = creds();
        body.insert(QStringLiteral("captchaId"), id);
        body.insert(QStringLiteral("captcha"), ts->core->auth().captcha().answerForTesting(id));
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/auth/login"), body).status, 200);
    }

    // Past five failures for one account, each attempt waits (exponentially longer), whatever
    // address it comes from: 429 RATE_LIMITED with Retry-After and an Indonesian message.
    void accountBackoffIs429WithRetryAfter()
    {
        qint64 now = 1'000'000;
        ts->core->auth().throttle().setClock([&now] { return now; });
        auto attempt = [&](const QString &pw) {
            QJsonObject body = creds(pw);
            if (ts->core->auth().throttle().captchaRequired(QStringLiteral("admin"), QStringLiteral("127.0.0.1"))) {
                const QString id = ts->get(QStringLiteral("/api/auth/captcha")).json().value(QLatin1String("data")).toObject()
                                       .value(QLatin1String("captchaId")).toString();
                body.insert(QStringLiteral("captchaId"), id);
                body.insert(QStringLiteral("captcha"), ts->core->auth().captcha().answerForTesting(id));
            }
            return ts->sendJson("POST", QStringLiteral("/api/auth/login"), body);
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(QStringLiteral("salah-%1").arg(i)).status, 401);
        auto r = attempt(QString::fromLatin1(test::TestCore::AdminPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(r.header("Retry-After"), QByteArray("2"));
        QVERIFY(r.json().value(QLatin1String("error")).toString().startsWith(QStringLiteral("Terlalu banyak percobaan login gagal untuk akun ini")));
        now += 2000;
        QCOMPARE(attempt(QStringLiteral("salah-lagi")).status, 401);
        r = attempt(QString::fromLatin1(test::TestCore::AdminPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("4"));
        now += 4000;
        QCOMPARE(attempt(QString::fromLatin1(test::TestCore::AdminPassword)).status, 200);
        QCOMPARE(attempt(QStringLiteral("salah-sekali")).status, 401); // reset by the success
    }

    void verifyWithCookieAndBearer()
    {
        const QByteArray token = ts->adminToken();
        auto bearer = ts->get(QStringLiteral("/api/auth/verify"), token);
        QCOMPARE(bearer.status, 200);
        QCOMPARE(bearer.json().value(QLatin1String("data")).toObject().value(QLatin1String("user")).toObject()
                     .value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        auto cookie = ts->request("GET", QStringLiteral("/api/auth/verify"), {}, {{"Cookie", "auth_token=" + token}});
        QCOMPARE(cookie.status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify")).status, 401);
    }

    void tamperedAlgNoneAndGarbageTokensAre401()
    {
        const QByteArray token = ts->adminToken();
        QList<QByteArray> parts = token.split('.');
        QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
        payload.replace("\"role\":\"admin\"", "\"role\":\"admin\" ");
        const QByteArray tampered = parts[0] + '.' + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + '.' + parts[2];
        const QByteArray none = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                                + '.' + parts[1] + '.';
        for (const QByteArray &t : {tampered, none, QByteArray("x.y.z")}) {
            auto r = ts->get(QStringLiteral("/api/auth/verify"), t);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("UNAUTHORIZED"));
        }
    }

    void expiredTokenIs401()
    {
        const QByteArray token = ts->adminToken();
        ts->core->auth().setClock([] { return QDateTime::currentSecsSinceEpoch() + 25 * 3600; });
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify"), token).status, 401);
    }

    void logoutRevokesAndClearsCookies()
    {
        const QByteArray token = ts->adminToken();
        auto r = ts->request("POST", QStringLiteral("/api/auth/logout"), {}, {{"Authorization", "Bearer " + token}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("Logout berhasil"));
        QVERIFY(r.headerAll("Set-Cookie").join('\n').contains("Max-Age=0"));
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify"), token).status, 401);
        // Logging out without a session still answers success (idempotent for the frontend).
        QCOMPARE(ts->request("POST", QStringLiteral("/api/auth/logout")).status, 200);
    }

    void passwordChangeRevokesOverHttp()
    {
        const User u = ts->core.createUser(QStringLiteral("tu.staf"), Role::Ppdb);
        const QByteArray token = ts->login(QStringLiteral("tu.staf"), QStringLiteral("Password-123"));
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify"), token).status, 200);
        const QByteArray admin = ts->adminToken();
        QCOMPARE(ts->sendJson("PUT", QStringLiteral("/api/admin/users/") + u.id, {{"password", "Sandi-Baru-99"}}, admin).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify"), token).status, 401);
    }

    void missingFieldsAreValidationErrors()
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/auth/login"), {{"username", "admin"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QLatin1String("fields")).toObject().contains(QStringLiteral("password")));
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
