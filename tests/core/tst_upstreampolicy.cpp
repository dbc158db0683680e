// Every upstream request carries a key or password, so the clients (SIAKAD, Dapodik, SPLP,
// SIPD, all on UpstreamHttp) follow a redirect only within the same origin, cut off answers
// larger than `upstream_max_response_mb`, and say once in the log when a key goes over http://.
// Against the real simulator; 127.0.0.1 and localhost are different origins.
#include "TestSupport.h"
#include "academic/SiakadClient.h"
#include "dapodik/DapodikClient.h"
#include "satudata/SatuDataClients.h"
#include "sync/UpstreamHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMutex>
#include <QTest>
#include <QUrl>

using namespace tu;

namespace {
struct Outcome {
    bool ok = false;
    QString message;
    QString failureClass; // Satu Data only
};

const QStringList Clients = {QStringLiteral("SIAKAD"), QStringLiteral("Dapodik"), QStringLiteral("SPLP"), QStringLiteral("SIPD")};

// One representative call of each client against `base`, with the simulator's accounts.
Outcome call(const QString &client, const QString &base, qint64 maxBytes = qint64(DefaultMaxResponseMb) * 1024 * 1024)
{
    Outcome o;
    if (client == QLatin1String("SIAKAD")) {
        SiakadClient c(base, QStringLiteral("sim-siakad-key"), 5000);
        c.setRetries(0, 0);
        c.setMaxResponseBytes(maxBytes);
        auto r = c.exchange({});
        o.ok = r.ok();
        o.message = r.ok() ? QString() : r.error().message;
    } else if (client == QLatin1String("Dapodik")) {
        DapodikConfig cfg;
        cfg.baseUrl = base;
        cfg.username = QStringLiteral("sim-dapodik");
        cfg.password = QStringLiteral("sim-dapodik-pass");
        cfg.apiKey = QStringLiteral("sim-dapodik-key");
        cfg.timeoutMs = 5000;
        cfg.backoffMs = 0;
        cfg.maxResponseBytes = maxBytes;
        DapodikClient c(cfg);
        auto r = c.kecamatan(QStringLiteral("34.04"));
        o.ok = r.ok();
        o.message = r.ok() ? QString() : r.error().message;
    } else {
        SatuDataConfig cfg;
        cfg.splpUrl = cfg.sipdUrl = base;
        cfg.apiKey = QStringLiteral("sim-external-key");
        cfg.timeoutMs = 5000;
        cfg.backoffMs = 0;
        cfg.delayMs = 0;
        cfg.maxResponseBytes = maxBytes;
        RequestPacer pacer(0);
        UpstreamCall c;
        if (client == QLatin1String("SPLP")) {
            // A read: Qt 6.4 sends a POST that is redirected with 307 twice, which would make
            // package_create fail with "URL sudah digunakan" on its second copy.
            SplpClient splp(cfg, pacer, nullptr);
            c = splp.packageShow(QStringLiteral("tidak-ada"));
            if (c.status == 404) // SPLP itself answered
                return {true, c.message, QString()};
        } else {
            SipdClient sipd(cfg, pacer, nullptr);
            c = sipd.pushDssd(QJsonArray{QJsonObject{{"kodeindikator", "1.01.01"}, {"kodepemda", "3404"}, {"tahun", 2025}, {"data", 12}}});
        }
        o.ok = c.ok;
        o.message = c.message;
        o.failureClass = c.failureClass;
    }
    return o;
}

QString localhostTwin(const QString &simUrl)
{
    QUrl u(simUrl);
    u.setHost(QStringLiteral("localhost"));
    return u.toString();
}

QMutex capturedMutex;
QStringList captured;
QtMessageHandler previousHandler = nullptr;
void capture(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (type == QtWarningMsg && ctx.category && QByteArray(ctx.category) == "tatausaha.upstream") {
        QMutexLocker l(&capturedMutex);
        captured << msg;
    }
    if (previousHandler)
        previousHandler(type, ctx, msg);
}
} // namespace

class TestUpstreamPolicy : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::UpstreamSim> sim;

    QJsonObject stats() { return sim->stats(); }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        sim = std::make_unique<test::UpstreamSim>(qEnvironmentVariableIsSet("SIM_VERBOSE") ? QStringList{QStringLiteral("--verbose")} : QStringList{});
        QVERIFY(sim->ok());
    }
    void cleanup() { sim.reset(); }

    // http:// stays allowed (school servers on the LAN), but the log says so once per upstream
    // address, without the key. First, so no earlier simulator had this port.
    void plainHttpWithCredentialsIsWarnedOnce()
    {
        {
            QMutexLocker l(&capturedMutex);
            captured.clear();
        }
        previousHandler = qInstallMessageHandler(capture);
        for (int i = 0; i < 3; ++i)
            QVERIFY(call(QStringLiteral("SIAKAD"), sim->url()).ok);
        (void)call(QStringLiteral("SPLP"), sim->url());
        // No credentials: nothing to warn about.
        UpstreamRequest plain;
        plain.url = QUrl(localhostTwin(sim->url()) + QStringLiteral("/siakad/api/tahun-ajaran"));
        plain.retries = 0;
        (void)UpstreamHttp::send(QStringLiteral("Tanpa kunci"), plain);
        qInstallMessageHandler(previousHandler);
        QStringList got;
        {
            QMutexLocker l(&capturedMutex);
            got = captured;
        }
        const QStringList siakad = got.filter(QStringLiteral("SIAKAD"));
        QCOMPARE(siakad.size(), 1);
        QVERIFY(siakad.first().contains(sim->url()));
        QVERIFY(siakad.first().contains(QStringLiteral("http://")));
        QCOMPARE(got.filter(QStringLiteral("SPLP")).size(), 1);
        QCOMPARE(got.filter(QStringLiteral("Tanpa kunci")).size(), 0);
        for (const QString &line : got)
            for (const char *secret : {"sim-siakad-key", "sim-external-key", "sim-dapodik"})
                QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
    }

    void crossOriginRedirectIsNotFollowed_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<int>("status");
        for (const QString &c : Clients) {
            QTest::newRow(qPrintable(c + QStringLiteral(" 307"))) << c << 307;
            QTest::newRow(qPrintable(c + QStringLiteral(" 302"))) << c << 302;
        }
    }
    // Qt followed it on its own and sent X-API-KEY / Authorization (and Dapodik's password) to
    // wherever the upstream pointed.
    void crossOriginRedirectIsNotFollowed()
    {
        QFETCH(QString, client);
        QFETCH(int, status);
        const QString other = localhostTwin(sim->url());
        QCOMPARE(sim->control("POST", QStringLiteral("/__sim/redirect"), {{"to", other}, {"status", status}})
                     .value(QLatin1String("pending")).toInt(), 1);
        const Outcome o = call(client, sim->url());
        QVERIFY(!o.ok);
        QVERIFY2(o.message.contains(QStringLiteral("mengalihkan permintaan ke server lain (%1)").arg(other)), qPrintable(o.message));
        QVERIFY2(o.message.contains(QStringLiteral("Pengaturan")), qPrintable(o.message));
        if (!o.failureClass.isEmpty())
            QCOMPARE(o.failureClass, QStringLiteral("network")); // the address is what needs checking
        const QJsonObject s = stats();
        QCOMPARE(s.value(QLatin1String("redirected")).toInt(), 1);
        QCOMPARE(s.value(QLatin1String("requests")).toInt(), 1); // nothing reached the other origin
    }

    void sameOriginRedirectStillWorks_data()
    {
        QTest::addColumn<QString>("client");
        for (const QString &c : Clients)
            QTest::newRow(qPrintable(c)) << c;
    }
    void sameOriginRedirectStillWorks()
    {
        QFETCH(QString, client);
        sim->control("POST", QStringLiteral("/__sim/redirect"), {{"to", sim->url() + QStringLiteral("/")}, {"status", 307}});
        const Outcome o = call(client, sim->url());
        QVERIFY2(o.ok, qPrintable(o.message));
        QCOMPARE(stats().value(QLatin1String("redirected")).toInt(), 1);
        QVERIFY(stats().value(QLatin1String("requests")).toInt() >= 2);
    }

    void declaredOversizeIsRefused_data()
    {
        QTest::addColumn<QString>("client");
        for (const QString &c : Clients)
            QTest::newRow(qPrintable(c)) << c;
    }
    // An answer whose Content-Length is over the cap is dropped at its headers.
    void declaredOversizeIsRefused()
    {
        QFETCH(QString, client);
        sim->control("POST", QStringLiteral("/__sim/oversize"), {{"bytes", 3 * 1024 * 1024}, {"declared", true}});
        const Outcome o = call(client, sim->url(), 1024 * 1024);
        QVERIFY(!o.ok);
        QVERIFY2(o.message.contains(QStringLiteral("lebih besar dari batas 1 MB")), qPrintable(o.message));
        if (!o.failureClass.isEmpty())
            QCOMPARE(o.failureClass, QStringLiteral("server"));
        QCOMPARE(stats().value(QLatin1String("oversized")).toInt(), 1);
        QCOMPARE(stats().value(QLatin1String("requests")).toInt(), 1); // not retried
    }

    // Without a Content-Length the bytes received decide: the transfer stops soon after the
    // cap instead of buffering everything (here 64 MB) or running into the timeout.
    void undeclaredOversizeStopsAtTheCap()
    {
        sim->control("POST", QStringLiteral("/__sim/oversize"), {{"bytes", 64 * 1024 * 1024}, {"declared", false}});
        UpstreamRequest req;
        req.url = QUrl(sim->url() + QStringLiteral("/siakad/api/tahun-ajaran"));
        req.headers = {{"X-API-KEY", "sim-siakad-key"}};
        req.timeoutMs = 20000;
        req.retries = 2;
        req.maxResponseBytes = 1024 * 1024;
        QElapsedTimer t;
        t.start();
        const UpstreamReply r = UpstreamHttp::send(QStringLiteral("SIAKAD"), req);
        QCOMPARE(r.failure, UpstreamFailure::TooLarge);
        QCOMPARE(upstreamFailureName(r.failure), QStringLiteral("too_large"));
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.body.isEmpty());
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        // Under the cap, the same path answers normally.
        req.maxResponseBytes = 64 * 1024 * 1024 + 1;
        sim->control("POST", QStringLiteral("/__sim/oversize"), {{"bytes", 2 * 1024 * 1024}, {"declared", false}});
        QCOMPARE(UpstreamHttp::send(QStringLiteral("SIAKAD"), req).failure, UpstreamFailure::Malformed); // reached, just not JSON
    }

    // The cap is the setting upstream_max_response_mb (default 50), read by every client.
    void capComesFromTheSetting()
    {
        test::TestCore tc;
        QVERIFY(tc.core);
        SettingsStore &s = tc->settings();
        QCOMPARE(s.value(QStringLiteral("upstream_max_response_mb")), QStringLiteral("50"));
        QCOMPARE(upstreamMaxResponseBytes(s), qint64(50) * 1024 * 1024);
        QCOMPARE(DapodikConfig::fromSettings(s).maxResponseBytes, qint64(50) * 1024 * 1024);
        for (const char *bad : {"0", "-1", "abc", "4096"})
            QVERIFY2(!s.set(Actor::system(QStringLiteral("t")), {{"upstream_max_response_mb", QLatin1String(bad)}}).ok(), bad);
        TU_VERIFY_OK(s.set(Actor::system(QStringLiteral("t")), {{"upstream_max_response_mb", "2"}, {"siakad_url", sim->url()},
                                                                 {"siakad_api_key", "sim-siakad-key"}}));
        QCOMPARE(DapodikConfig::fromSettings(s).maxResponseBytes, qint64(2) * 1024 * 1024);
        QCOMPARE(SatuDataConfig::fromSettings(s).maxResponseBytes, qint64(2) * 1024 * 1024);
        sim->control("POST", QStringLiteral("/__sim/oversize"), {{"bytes", 3 * 1024 * 1024}, {"declared", true}});
        auto r = SiakadClient::fromSettings(s).exchange({});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::UpstreamError);
        QVERIFY2(r.error().message.contains(QStringLiteral("batas 2 MB")), qPrintable(r.error().message));
    }

};

QTEST_GUILESS_MAIN(TestUpstreamPolicy)
#include "tst_upstreampolicy.moc"
