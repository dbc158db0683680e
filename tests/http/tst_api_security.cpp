// CSRF, CORS, rate limits, trusted proxies and TLS, over real HTTP.
#include "TestSupport.h"

#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTest>

using namespace tu;

class TestApiSecurity : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;

    void configure(const QHash<QString, QString> &settings)
    {
        QVERIFY(ts->core->settings().set(Actor::system(QStringLiteral("t")), settings).ok());
        ts->server->reloadPolicy();
    }
    test::HttpResult createWithCookie(const QByteArray &token, const QList<QPair<QByteArray, QByteArray>> &extra,
                                      const QByteArray &type = "application/json")
    {
        static int n = 0;
        QList<QPair<QByteArray, QByteArray>> h{{"Cookie", "token=" + token}, {"Content-Type", type}};
        h.append(extra);
        const QByteArray body = "{\"username\":\"csrf" + QByteArray::number(++n)
                                + "\",\"name\":\"X\",\"role\":\"osis\",\"password\":\"Password-123\"}";
        return ts->request("POST", QStringLiteral("/api/admin/users"), body, h);
    }
    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(ts->server->port()); }

private slots:
    void init()
    {
        ts = std::make_unique<test::TestServer>(QStringLiteral("off"));
        QVERIFY(ts->server && ts->server->isRunning());
    }
    void cleanup()
    {
        ts.reset();
        qunsetenv("TATAUSAHA_RATE_LIMITS");
    }

    void csrfRefusesCrossSiteCookieRequests()
    {
        configure({{QStringLiteral("cors_origins"), QStringLiteral("http://192.168.1.10:3000")}});
        const QByteArray token = ts->adminToken();
        QCOMPARE(createWithCookie(token, {{"Origin", "http://evil.example"}}).status, 403);
        QCOMPARE(createWithCookie(token, {{"Origin", "http://evil.example"}}, "text/plain").status, 403);
        QCOMPARE(createWithCookie(token, {{"Referer", "http://evil.example/form.html"}}).status, 403);
        QCOMPARE(createWithCookie(token, {{"Sec-Fetch-Site", "cross-site"}}).status, 403);
        QCOMPARE(createWithCookie(token, {{"Origin", "null"}}).status, 403);
        // Same origin, the allowed frontend, and non-browser clients pass.
        QCOMPARE(createWithCookie(token, {{"Origin", "http://" + host()}}).status, 201);
        QCOMPARE(createWithCookie(token, {{"Origin", "http://192.168.1.10:3000"}}).status, 201);
        QCOMPARE(createWithCookie(token, {}).status, 201);
        // Bearer tokens are not sent by browsers on their own: no CSRF check.
        auto bearer = ts->request("POST", QStringLiteral("/api/admin/users"),
                                  "{\"username\":\"viabearer\",\"name\":\"X\",\"role\":\"osis\",\"password\":\"Password-123\"}",
                                  {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Origin", "http://evil.example"}});
        QCOMPARE(bearer.status, 201);
    }

    void corsEchoesOnlyAllowedOrigins()
    {
        configure({{QStringLiteral("cors_origins"), QStringLiteral("http://192.168.1.10:3000")}});
        // "*" never reaches the policy from the environment either (credentials forbid it).
        qputenv("TATAUSAHA_CORS_ORIGINS", "*,http://192.168.1.10:3000");
        ts->server->reloadPolicy();
        qunsetenv("TATAUSAHA_CORS_ORIGINS");
        QCOMPARE(ts->server->policy().corsOrigins(), QStringList{QStringLiteral("http://192.168.1.10:3000")});
        auto ok = ts->request("GET", QStringLiteral("/api/health"), {}, {{"Origin", "http://192.168.1.10:3000"}});
        QCOMPARE(ok.header("Access-Control-Allow-Origin"), QByteArray("http://192.168.1.10:3000"));
        QCOMPARE(ok.header("Access-Control-Allow-Credentials"), QByteArray("true"));
        auto other = ts->request("GET", QStringLiteral("/api/health"), {}, {{"Origin", "http://evil.example"}});
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());
        auto pre = ts->request("OPTIONS", QStringLiteral("/api/admin/users"), {},
                               {{"Origin", "http://192.168.1.10:3000"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(pre.status, 204);
        QVERIFY(pre.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(pre.header("Access-Control-Allow-Headers").contains("Content-Type"));
        auto badPre = ts->request("OPTIONS", QStringLiteral("/api/admin/users"), {},
                                  {{"Origin", "http://evil.example"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(badPre.status, 403);
        QVERIFY(badPre.header("Access-Control-Allow-Origin").isEmpty());
        // 4xx answers carry CORS too, so the frontend can read the Indonesian message.
        auto err = ts->request("GET", QStringLiteral("/api/admin/users"), {}, {{"Origin", "http://192.168.1.10:3000"}});
        QCOMPARE(err.status, 401);
        QCOMPARE(err.header("Access-Control-Allow-Origin"), QByteArray("http://192.168.1.10:3000"));
    }

    void authRateLimit()
    {
        ts = std::make_unique<test::TestServer>(QString()); // design defaults
        for (int i = 0; i < 5; ++i)
            QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/auth/login"), {{"username", "x"}, {"password", "y"}}).status, 401);
        auto limited = ts->sendJson("POST", QStringLiteral("/api/auth/login"), {{"username", "x"}, {"password", "y"}});
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json().value(QLatin1String("code")).toString(), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(limited.json().value(QLatin1String("error")).toString(), QStringLiteral("Terlalu banyak permintaan. Silakan coba lagi nanti."));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        // Public scope is a separate bucket.
        QCOMPARE(ts->get(QStringLiteral("/api/health")).status, 200);
    }

    void publicAndProtectedLimits()
    {
        ts = std::make_unique<test::TestServer>(QStringLiteral("public=3,protected=2"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(ts->get(QStringLiteral("/api/health")).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/health")).status, 429);
        const QByteArray admin = ts->adminToken();
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users"), admin).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users"), admin).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users"), admin).status, 429);
    }

    void forwardedForOnlyFromTrustedProxies()
    {
        ts = std::make_unique<test::TestServer>(QStringLiteral("public=2"));
        // Untrusted peer: a spoofed header does not buy a fresh bucket.
        QCOMPARE(ts->request("GET", QStringLiteral("/api/health"), {}, {{"X-Forwarded-For", "1.1.1.1"}}).status, 200);
        QCOMPARE(ts->request("GET", QStringLiteral("/api/health"), {}, {{"X-Forwarded-For", "2.2.2.2"}}).status, 200);
        QCOMPARE(ts->request("GET", QStringLiteral("/api/health"), {}, {{"X-Forwarded-For", "3.3.3.3"}}).status, 429);
        // Trusted proxy: each forwarded client has its own bucket.
        configure({{QStringLiteral("trusted_proxies"), QStringLiteral("127.0.0.0/8")}});
        ts->server->rateLimiter().reset();
        for (const char *ip : {"10.0.0.1", "10.0.0.2", "10.0.0.3"})
            QCOMPARE(ts->request("GET", QStringLiteral("/api/health"), {}, {{"X-Forwarded-For", QByteArray("6.6.6.6, ") + ip}}).status, 200);
        QCOMPARE(ts->server->policy().clientIp([] {
                     HttpRequest r;
                     r.peer = QHostAddress(QStringLiteral("127.0.0.1"));
                     r.headers.append(qMakePair(QByteArray("x-forwarded-for"), QByteArray("9.9.9.9, 127.0.0.5")));
                     return r;
                 }()), QStringLiteral("9.9.9.9"));
    }

    void tlsServesHttpsWithSecureCookies()
    {
        test::TestCore tc;
        ApiServer server(*tc.core);
        const QString dir = QStringLiteral(TU_FIXTURES);
        QVERIFY(server.start(QStringLiteral("127.0.0.1"), 0, dir + QStringLiteral("/test-only-tls.crt"), dir + QStringLiteral("/test-only-tls.key")).ok());
        QVERIFY(server.address().startsWith(QStringLiteral("https://")));
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("https://127.0.0.1:%1/api/auth/login").arg(server.port())));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(conf);
        QNetworkReply *reply = nam.post(req, QByteArray("{\"username\":\"admin\",\"password\":\"") + test::TestCore::AdminPassword + "\"}");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->rawHeader("Set-Cookie").contains("Secure"));
        QVERIFY(!reply->rawHeader("Strict-Transport-Security").isEmpty());
        delete reply;
    }
};

QTEST_GUILESS_MAIN(TestApiSecurity)
#include "tst_api_security.moc"
