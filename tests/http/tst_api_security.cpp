// CSRF, CORS, rate limits, trusted proxies and TLS, over real HTTP.
#include "TestSupport.h"
#include "app/SettingsCatalog.h"

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
    int rawStatus(const QByteArray &raw)
    {
        const QByteArray out = test::rawExchange(ts->server->port(), raw, 3000, false);
        return out.startsWith("HTTP/1.1 ") ? out.mid(9, 3).toInt() : 0;
    }

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

    void crossSiteCookieRequestsRefusedOnEveryMethod()
    {
        configure({{QStringLiteral("cors_origins"), QStringLiteral("http://192.168.1.10:3000")}});
        const QByteArray token = ts->adminToken();
        auto cookieGet = [&](const QString &path, const QList<QPair<QByteArray, QByteArray>> &extra) {
            QList<QPair<QByteArray, QByteArray>> h{{"Cookie", "token=" + token}};
            h.append(extra);
            return ts->request("GET", path, {}, h, 5000);
        };
        // GET routes that start jobs, reached by a link or redirect from another site.
        for (const QString &path : {QStringLiteral("/api/sync/global"), QStringLiteral("/api/sync/kecamatan?kode_kecamatan=34.04.01"),
                                    QStringLiteral("/api/integrations/sync-all/events?targets=splp"),
                                    QStringLiteral("/admin/pendaftaran/master/tahun-ajaran/get-sync")}) {
            QCOMPARE(cookieGet(path, {{"Sec-Fetch-Site", "cross-site"}}).status, 403);
            QCOMPARE(cookieGet(path, {{"Origin", "http://evil.example"}}).status, 403);
            QCOMPARE(cookieGet(path, {{"Referer", "http://evil.example/page.html"}}).status, 403);
        }
        auto refused = cookieGet(QStringLiteral("/api/sync/global"), {{"Sec-Fetch-Site", "cross-site"}});
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("FORBIDDEN"));
        // Nothing started.
        QCOMPARE(ts->get(QStringLiteral("/api/sync/metadata"), token).json().value(QLatin1String("value")).toString(), QString());
        QVERIFY(!ts->core->dapodik().jobs().isRunning());
        // Same site, the allowed frontend and Bearer callers are not affected; nor are public routes.
        QCOMPARE(cookieGet(QStringLiteral("/api/sync/metadata"), {{"Sec-Fetch-Site", "same-origin"}}).status, 200);
        QCOMPARE(cookieGet(QStringLiteral("/api/sync/metadata"), {{"Origin", "http://192.168.1.10:3000"}}).status, 200);
        QCOMPARE(ts->request("GET", QStringLiteral("/api/sync/metadata"), {},
                             {{"Authorization", "Bearer " + token}, {"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://evil.example"}}).status, 200);
        QCOMPARE(cookieGet(QStringLiteral("/api/health"), {{"Sec-Fetch-Site", "cross-site"}}).status, 200);
    }

    void unknownHostNamesAreRefused()
    {
        const QByteArray port = QByteArray::number(ts->server->port());
        auto get = [&](const QByteArray &host) { return rawStatus("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\n\r\n"); };
        // DNS rebinding: a foreign name that resolves to us.
        QCOMPARE(get("evil.example"), 421);
        QCOMPARE(get("evil.example:" + port), 421);
        const QByteArray body = test::rawExchange(ts->server->port(), "GET /api/health HTTP/1.1\r\nHost: evil.example\r\n\r\n", 3000, false);
        QVERIFY(body.contains("TATAUSAHA_ALLOWED_HOSTS"));
        // IP literals, localhost and the listen address are always fine.
        for (const QByteArray &ok : {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, QByteArray("10.1.2.3"), QByteArray("LOCALHOST")})
            QCOMPARE(get(ok), 200);
        configure({{QStringLiteral("allowed_hosts"), QStringLiteral("sekolah.sch.id, .dinas.go.id")}});
        QCOMPARE(get("sekolah.sch.id"), 200);
        QCOMPARE(get("api.dinas.go.id:443"), 200);
        QCOMPARE(get("dinas.go.id"), 200);
        QCOMPARE(get("evil.example"), 421);
        QCOMPARE(get("sekolah.sch.id.evil.example"), 421);
        qputenv("TATAUSAHA_ALLOWED_HOSTS", "evil.example");
        ts->server->reloadPolicy();
        qunsetenv("TATAUSAHA_ALLOWED_HOSTS");
        QCOMPARE(get("evil.example"), 200);
        QVERIFY(!settingProblem(QStringLiteral("allowed_hosts"), QStringLiteral("http://sekolah.sch.id")).isEmpty());
        QVERIFY(settingProblem(QStringLiteral("allowed_hosts"), QStringLiteral("sekolah.sch.id,.dinas.go.id")).isEmpty());
        QVERIFY(!settingProblem(QStringLiteral("max_connections_per_ip"), QStringLiteral("0")).isEmpty());
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
