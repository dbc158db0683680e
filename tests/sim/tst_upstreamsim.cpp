// Black-box tests of tatausaha-upstream-sim: start the real binary on an ephemeral port and
// talk HTTP to it. QNetworkAccessManager is what the main app's clients use; a raw QTcpSocket
// is used where the exact bytes on the wire matter (drop, keep-alive, fault sequences).

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

#include "SimTestKit.h"

using namespace simtest;

namespace {

const QByteArray kKey = "sim-siakad-key";

// Outcome of a raw request: the status code, or "malformed" (200 with unparsable JSON),
// "drop" (closed with no byte) or "timeout".
struct RawResult
{
    QString outcome;
    QByteArray head;
    QByteArray body;
};

QByteArray rawGet(const QString &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-KEY: " + kKey + "\r\n"
           + extraHeaders + "\r\n";
}

// Sends one request on `sock` (connected) and reads one response, blocking with a deadline.
RawResult rawExchange(QTcpSocket &sock, const QByteArray &request, int timeoutMs)
{
    sock.write(request);
    sock.flush();
    QByteArray buf;
    QElapsedTimer t;
    t.start();
    for (;;) {
        const int headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = buf.left(headEnd);
            static const QRegularExpression lenRe(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
            const auto m = lenRe.match(QString::fromLatin1(head));
            const int len = m.hasMatch() ? m.captured(1).toInt() : 0;
            if (buf.size() >= headEnd + 4 + len) {
                RawResult r;
                r.head = head;
                r.body = buf.mid(headEnd + 4, len);
                r.outcome = QString::fromLatin1(head.mid(9, 3));
                if (r.outcome == QLatin1String("200")) {
                    QJsonParseError pe;
                    QJsonDocument::fromJson(r.body, &pe);
                    if (pe.error != QJsonParseError::NoError)
                        r.outcome = QStringLiteral("malformed");
                }
                return r;
            }
        }
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0)
            return {QStringLiteral("timeout"), {}, buf};
        if (sock.bytesAvailable() == 0 && !sock.waitForReadyRead(int(left))) {
            if (sock.state() != QAbstractSocket::ConnectedState)
                return {buf.isEmpty() ? QStringLiteral("drop") : QStringLiteral("truncated"), {}, buf};
            continue; // deadline reached; loop reports timeout
        }
        buf += sock.readAll();
    }
}

RawResult rawRequest(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket sock;
    sock.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!sock.waitForConnected(2000))
        return {QStringLiteral("connect-failed"), {}, {}};
    return rawExchange(sock, request, timeoutMs);
}

} // namespace

class TestUpstreamSim : public QObject
{
    Q_OBJECT

private:
    HttpResult http(const QByteArray &method, const QString &url, const QByteArray &body = {},
                    const QByteArray &apiKey = kKey, int timeoutMs = 3000)
    {
        Headers headers;
        if (!apiKey.isEmpty())
            headers.append({"X-API-KEY", apiKey});
        return httpRequest(m_nam, method, url, body, headers, timeoutMs);
    }
    HttpResult sim(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   int timeoutMs = 3000)
    {
        return http(method, m_sim.base + path, body, kKey, timeoutMs);
    }
    QJsonObject stats() { return sim("GET", QStringLiteral("/__sim/stats")).json(); }
    void force(const QByteArray &faultJson)
    {
        QCOMPARE_EQ(sim("POST", QStringLiteral("/__sim/faults"), faultJson).status, 200);
    }
    QStringList rawSequence(quint16 port, int n);

    QNetworkAccessManager m_nam;
    SimProcess m_sim;
    QJsonArray m_seededList; // seed 1, captured at start

private slots:
    void initTestCase();
    void init();

    void statsStartsEmptyWithDatasetSizes();
    void siakadListIsWellFormed();
    void sameSeedSameListOtherSeedOtherIds();
    void apiKeyIsRequired();
    void syncRecordsPushAndAnswersSiakadList();
    void syncRejectsInvalidBody();
    void putHookReplacesList();
    void unknownUpstreamPathIs404();

    void forcedTimeoutStalls();
    void forcedDropClosesWithoutResponse();
    void forcedDropSeenByNetworkAccessManager();
    void forcedMalformedIsNotJson();
    void forced429HasRetryAfter();
    void forced5xxIs503();
    void forcedFaultsAreQueuedInOrder();
    void controlEndpointsAreNeverFaulted();
    void faultsRequestIsValidated();

    void latencyDelaysWithoutBlocking();
    void commandLineOptions();
    void failRateIsDeterministic();
    void keepAliveAndConnectionClose();
    void resetRestoresSeededState();
    void stopsCleanlyOnSigterm();
};

QStringList TestUpstreamSim::rawSequence(quint16 port, int n)
{
    QStringList outcomes;
    for (int i = 0; i < n; ++i)
        outcomes << rawRequest(port, rawGet(QStringLiteral("/siakad/api/tahun-ajaran")), 400).outcome;
    return outcomes;
}

void TestUpstreamSim::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("1")}, &error), qPrintable(error));
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(r.status, 200);
    m_seededList = r.data();
}

void TestUpstreamSim::init()
{
    QCOMPARE_EQ(sim("POST", QStringLiteral("/__sim/reset")).status, 200);
}

void TestUpstreamSim::statsStartsEmptyWithDatasetSizes()
{
    const QJsonObject s = stats();
    QCOMPARE_EQ(s.value(QStringLiteral("kecamatan")).toInt(), 17);
    QCOMPARE_EQ(s.value(QStringLiteral("sekolah")).toInt(), 17 * 5);
    QCOMPARE_EQ(s.value(QStringLiteral("ptk")).toInt(), 17 * 5 * 10);
    QCOMPARE_EQ(s.value(QStringLiteral("requests")).toInt(), 0);
    QCOMPARE_EQ(s.value(QStringLiteral("injected_failures")).toInt(), 0);
    const QJsonObject pushed = s.value(QStringLiteral("pushed")).toObject();
    QVERIFY(pushed.value(QLatin1String("siakad")).isArray());
    QVERIFY(pushed.value(QLatin1String("siakad")).toArray().isEmpty());
    // SPLP and SIPD report counters of their state (tests/sim/tst_sim_satudata.cpp).
    for (const char *name : {"splp", "sipd"}) {
        QVERIFY2(pushed.value(QLatin1String(name)).isObject(), name);
        const QJsonObject counters = pushed.value(QLatin1String(name)).toObject();
        QVERIFY2(!counters.isEmpty(), name);
        for (auto it = counters.begin(); it != counters.end(); ++it)
            QVERIFY2(it.value().toInt(-1) == 0, qPrintable(it.key()));
    }
}

void TestUpstreamSim::siakadListIsWellFormed()
{
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), true);
    const QJsonArray list = r.data();
    QCOMPARE_EQ(list.size(), 3);

    static const QRegularExpression uuidRe(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QDate previousEnd;
    int active = 0;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QString id = o.value(QStringLiteral("id_tahun_ajaran")).toString();
        QCOMPARE_EQ(id.size(), 36);
        QVERIFY2(uuidRe.match(id).hasMatch(), qPrintable(id));
        QCOMPARE_EQ(o.value(QStringLiteral("tahun_ajaran")).toString(),
                    QStringLiteral("%1/%2").arg(2024 + i).arg(2025 + i));
        const QDate awal = QDate::fromString(o.value(QStringLiteral("periode_awal_pendaftaran")).toString(), Qt::ISODate);
        const QDate akhir = QDate::fromString(o.value(QStringLiteral("periode_akhir_pendaftaran")).toString(), Qt::ISODate);
        QVERIFY(awal.isValid());
        QVERIFY(akhir.isValid());
        QVERIFY(akhir > awal);
        if (previousEnd.isValid())
            QVERIFY(awal > previousEnd); // no overlap, inclusive ranges
        previousEnd = akhir;
        const int aktif = o.value(QStringLiteral("sts_aktif")).toInt();
        QVERIFY(aktif == 1 || aktif == 2);
        active += aktif == 1;
        QCOMPARE_EQ(o.value(QStringLiteral("sts_hapus")).toInt(), 1);
        const QString updated = o.value(QStringLiteral("updated_at")).toString();
        QVERIFY2(updated.endsWith(QLatin1Char('Z')), qPrintable(updated));
        QVERIFY(QDateTime::fromString(updated, Qt::ISODate).isValid());
    }
    QCOMPARE_EQ(active, 1);
    QCOMPARE_EQ(list.last().toObject().value(QStringLiteral("sts_aktif")).toInt(), 1);
}

void TestUpstreamSim::sameSeedSameListOtherSeedOtherIds()
{
    auto same = startSim({QStringLiteral("--seed"), QStringLiteral("1")});
    auto other = startSim({QStringLiteral("--seed"), QStringLiteral("2")});
    QVERIFY(same && other);
    const QString path = QStringLiteral("/siakad/api/tahun-ajaran");
    const QJsonArray a = sim("GET", path).data();
    const QJsonArray b = http("GET", same->base + path).data();
    const QJsonArray c = http("GET", other->base + path).data();
    QCOMPARE_EQ(a.size(), 3);
    QCOMPARE(a, b);
    QCOMPARE(a, m_seededList);
    QCOMPARE_EQ(c.size(), 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(a.at(i)[QStringLiteral("id_tahun_ajaran")] != c.at(i)[QStringLiteral("id_tahun_ajaran")]);
}

void TestUpstreamSim::apiKeyIsRequired()
{
    const QString url = m_sim.base + QStringLiteral("/siakad/api/tahun-ajaran");
    const QByteArray expected = R"({"error":"API key tidak valid","success":false})";
    for (const QByteArray &key : {QByteArray(), QByteArray("wrong-key")}) {
        const HttpResult r = http("GET", url, {}, key);
        QCOMPARE_EQ(r.status, 401);
        QCOMPARE(QJsonDocument::fromJson(r.body), QJsonDocument::fromJson(expected));
    }
    QCOMPARE_EQ(http("POST", url + QStringLiteral("/sync"), R"({"data":[]})", "wrong").status, 401);
    QCOMPARE_EQ(http("GET", url).status, 200);
    // Rejected pushes are not recorded.
    QVERIFY(stats()[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray().isEmpty());
}

void TestUpstreamSim::syncRecordsPushAndAnswersSiakadList()
{
    QJsonObject changed = m_seededList.at(0).toObject();
    changed.insert(QStringLiteral("periode_akhir_pendaftaran"), QStringLiteral("2024-07-31"));
    const QJsonObject local{
        {QStringLiteral("id_tahun_ajaran"), QStringLiteral("0b9f1f5e-3c43-4a5e-9a61-6d2b4c8e7f10")},
        {QStringLiteral("tahun_ajaran"), QStringLiteral("2023/2024")},
        {QStringLiteral("periode_awal_pendaftaran"), QStringLiteral("2023-05-01")},
        {QStringLiteral("periode_akhir_pendaftaran"), QStringLiteral("2023-06-01")},
        {QStringLiteral("sts_aktif"), 2}, {QStringLiteral("sts_hapus"), 1},
        {QStringLiteral("updated_at"), QStringLiteral("2023-04-01T08:00:00Z")}};
    const QJsonArray pushed{changed, local};
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"), pushed}}).toJson();

    const HttpResult r = sim("POST", QStringLiteral("/siakad/api/tahun-ajaran/sync"), body);
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), true);
    QCOMPARE(r.data(), m_seededList); // SIAKAD stays authoritative
    QCOMPARE(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).data(), m_seededList);
    QCOMPARE(stats()[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray(), pushed);

    // A second push appends.
    QCOMPARE_EQ(sim("POST", QStringLiteral("/siakad/api/tahun-ajaran/sync"), body).status, 200);
    QCOMPARE_EQ(stats()[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray().size(), 4);
    QCOMPARE_EQ(stats()[QStringLiteral("requests")].toInt(), 3);
}

void TestUpstreamSim::syncRejectsInvalidBody()
{
    const QString path = QStringLiteral("/siakad/api/tahun-ajaran/sync");
    for (const QByteArray &bad : {QByteArray("{not json"), QByteArray(R"({"data":{}})"), QByteArray("[]")}) {
        const HttpResult r = sim("POST", path, bad);
        QCOMPARE_EQ(r.status, 400);
        QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), false);
        QVERIFY(!r.json().value(QStringLiteral("error")).toString().isEmpty());
    }
    QCOMPARE_EQ(sim("GET", path).status, 405);
    QVERIFY(stats()[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray().isEmpty());
}

void TestUpstreamSim::putHookReplacesList()
{
    QJsonObject updated = m_seededList.at(2).toObject();
    updated.insert(QStringLiteral("sts_aktif"), 2);
    const QJsonArray replacement{m_seededList.at(0), updated};
    const HttpResult put = sim("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"),
                               QJsonDocument(QJsonObject{{QStringLiteral("data"), replacement}}).toJson());
    QCOMPARE_EQ(put.status, 200);
    QCOMPARE(put.data(), replacement);
    QCOMPARE(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).data(), replacement);
    QCOMPARE_EQ(sim("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"), "oops").status, 400);
    QCOMPARE_EQ(sim("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"), R"({"data":[1]})").status, 400);
    QCOMPARE(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).data(), replacement);
    // Hooks are not upstream traffic.
    QCOMPARE_EQ(stats()[QStringLiteral("requests")].toInt(), 2);
}

void TestUpstreamSim::unknownUpstreamPathIs404()
{
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/nope"));
    QCOMPARE_EQ(r.status, 404);
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), false);
    QCOMPARE_EQ(sim("GET", QStringLiteral("/elsewhere")).status, 404);
    QCOMPARE_EQ(sim("GET", QStringLiteral("/__sim/nope")).status, 404);
    QCOMPARE_EQ(stats()[QStringLiteral("requests")].toInt(), 2);
}

void TestUpstreamSim::forcedTimeoutStalls()
{
    force(R"({"kind":"timeout","count":1})");
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"), {}, 1000);
    QVERIFY2(!r.finished, "a stalled request must not be answered");
    QVERIFY(r.elapsedMs >= 990);
    // The server is still fully responsive meanwhile, and the fault was used up.
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("injected_failures")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("failures_by_kind")][QStringLiteral("timeout")].toInt(), 1);
    QCOMPARE_EQ(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).status, 200);
}

void TestUpstreamSim::forcedDropClosesWithoutResponse()
{
    force(R"({"kind":"drop","count":1})");
    const RawResult r = rawRequest(m_sim.port, rawGet(QStringLiteral("/siakad/api/tahun-ajaran")), 2000);
    QCOMPARE(r.outcome, QStringLiteral("drop"));
    QCOMPARE_EQ(stats()[QStringLiteral("failures_by_kind")][QStringLiteral("drop")].toInt(), 1);
}

void TestUpstreamSim::forcedDropSeenByNetworkAccessManager()
{
    // QNetworkAccessManager silently resends a request (even a POST) once when the
    // connection closes before any byte of the reply, so a single drop is invisible to it;
    // forcing several makes it give up and report the error.
    force(R"({"kind":"drop","count":3})");
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QVERIFY(r.finished);
    QVERIFY(stats()[QStringLiteral("failures_by_kind")][QStringLiteral("drop")].toInt() >= 2);
    QCOMPARE_EQ(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError
                 || r.error == QNetworkReply::ConnectionRefusedError,
             qPrintable(QString::number(int(r.error))));
}

void TestUpstreamSim::forcedMalformedIsNotJson()
{
    force(R"({"kind":"malformed"})"); // count defaults to 1
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(r.status, 200);
    QVERIFY(!r.body.isEmpty());
    QJsonParseError pe;
    QJsonDocument::fromJson(r.body, &pe);
    QVERIFY(pe.error != QJsonParseError::NoError);
    QCOMPARE_EQ(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).status, 200);
}

void TestUpstreamSim::forced429HasRetryAfter()
{
    force(R"({"kind":"429","count":1})");
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(r.status, 429);
    QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), false);
}

void TestUpstreamSim::forced5xxIs503()
{
    force(R"({"kind":"5xx","count":1})");
    const HttpResult r = sim("POST", QStringLiteral("/siakad/api/tahun-ajaran/sync"),
                             R"({"data":[{"tahun_ajaran":"2030/2031"}]})");
    QCOMPARE_EQ(r.status, 503);
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), false);
    QVERIFY(!r.json().value(QStringLiteral("error")).toString().isEmpty());
    // A failed push never reached SIAKAD.
    QVERIFY(stats()[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray().isEmpty());
}

void TestUpstreamSim::forcedFaultsAreQueuedInOrder()
{
    force(R"({"kind":"5xx","count":2})");
    force(R"({"kind":"429","count":1})");
    QCOMPARE_EQ(sim("GET", QStringLiteral("/__sim/faults")).json()[QStringLiteral("forcedPending")].toInt(), 3);
    QList<int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses << sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).status;
    QCOMPARE(statuses, (QList<int>{503, 503, 429, 200}));
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), 4);
    QCOMPARE_EQ(s[QStringLiteral("injected_failures")].toInt(), 3);

    force(R"({"kind":"5xx","count":5})");
    force(R"({"clear":true})");
    QCOMPARE_EQ(sim("GET", QStringLiteral("/siakad/api/tahun-ajaran")).status, 200);
}

void TestUpstreamSim::controlEndpointsAreNeverFaulted()
{
    force(R"({"kind":"drop","count":1,"latencyMs":400,"failRate":1})");
    QElapsedTimer t;
    t.start();
    QCOMPARE_EQ(sim("GET", QStringLiteral("/__sim/stats")).status, 200);
    QCOMPARE_EQ(sim("GET", QStringLiteral("/__sim/siakad/tahun-ajaran")).status, 200);
    QVERIFY(t.elapsed() < 350); // no latency either
    QCOMPARE_EQ(stats()[QStringLiteral("forced_pending")].toInt(), 1);
    QCOMPARE_EQ(stats()[QStringLiteral("requests")].toInt(), 0);
}

void TestUpstreamSim::faultsRequestIsValidated()
{
    const QString path = QStringLiteral("/__sim/faults");
    for (const QByteArray &bad : {QByteArray("nope"), QByteArray(R"({"kind":"explode"})"),
                                  QByteArray(R"({"kind":"5xx","count":0})"),
                                  QByteArray(R"({"failRate":1.5})"), QByteArray(R"({"latencyMs":-1})")})
        QVERIFY2(sim("POST", path, bad).status == 400, bad.constData());
    // Nothing was applied by the rejected requests.
    const QJsonObject f = sim("GET", path).json();
    QCOMPARE_EQ(f[QStringLiteral("forcedPending")].toInt(), 0);
    QCOMPARE_EQ(f[QStringLiteral("failRate")].toDouble(), 0.0);
    QCOMPARE_EQ(f[QStringLiteral("latencyMs")].toInt(), 0);
}

void TestUpstreamSim::latencyDelaysWithoutBlocking()
{
    force(R"({"latencyMs":400})");
    const HttpResult one = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(one.status, 200);
    QVERIFY2(one.elapsedMs >= 390, qPrintable(QString::number(one.elapsedMs)));

    // Two requests in flight at once take ~400 ms in total, not 800: the simulator's event
    // loop is never blocked. Control endpoints answer at once meanwhile.
    QElapsedTimer t;
    t.start();
    const QUrl url(m_sim.base + QStringLiteral("/siakad/api/tahun-ajaran"));
    QNetworkRequest req(url);
    req.setRawHeader("X-API-KEY", kKey);
    QNetworkReply *a = m_nam.get(req);
    QNetworkReply *b = m_nam.get(req);
    const HttpResult s = sim("GET", QStringLiteral("/__sim/stats"));
    QCOMPARE_EQ(s.status, 200);
    QVERIFY2(s.elapsedMs < 300, qPrintable(QString::number(s.elapsedMs)));
    QTRY_VERIFY_WITH_TIMEOUT(a->isFinished() && b->isFinished(), 2000);
    const qint64 both = t.elapsed();
    QCOMPARE_EQ(a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE_EQ(b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY2(both >= 390 && both < 750, qPrintable(QString::number(both)));
    a->deleteLater();
    b->deleteLater();
}

void TestUpstreamSim::commandLineOptions()
{
    auto p = startSim({QStringLiteral("--latency-ms"), QStringLiteral("200"),
                       QStringLiteral("--kecamatan"), QStringLiteral("3"),
                       QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("2"),
                       QStringLiteral("--ptk-per-sekolah"), QStringLiteral("4"),
                       QStringLiteral("--siakad-api-key"), QStringLiteral("k2")});
    QVERIFY(p);
    const HttpResult s = http("GET", p->base + QStringLiteral("/__sim/stats"));
    QCOMPARE_EQ(s.json()[QStringLiteral("kecamatan")].toInt(), 3);
    QCOMPARE_EQ(s.json()[QStringLiteral("sekolah")].toInt(), 6);
    QCOMPARE_EQ(s.json()[QStringLiteral("ptk")].toInt(), 24);
    QCOMPARE_EQ(s.json()[QStringLiteral("latency_ms")].toInt(), 200);
    const QString url = p->base + QStringLiteral("/siakad/api/tahun-ajaran");
    const HttpResult ok = http("GET", url, {}, "k2");
    QCOMPARE_EQ(ok.status, 200);
    QVERIFY2(ok.elapsedMs >= 190, qPrintable(QString::number(ok.elapsedMs)));
    QCOMPARE_EQ(http("GET", url, {}, kKey).status, 401);

    // Bad options exit with status 2 and never print the listening line.
    QProcess bad;
    bad.start(QStringLiteral(SIM_BINARY), {QStringLiteral("--fail-rate"), QStringLiteral("2")});
    QVERIFY(bad.waitForFinished(3000));
    QCOMPARE_EQ(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardOutput().isEmpty());
}

void TestUpstreamSim::failRateIsDeterministic()
{
    const QStringList args{QStringLiteral("--seed"), QStringLiteral("5"),
                           QStringLiteral("--fail-rate"), QStringLiteral("0.5")};
    auto p1 = startSim(args);
    auto p2 = startSim(args);
    QVERIFY(p1 && p2);
    const int n = 10;
    const QStringList first = rawSequence(p1->port, n);
    const QStringList second = rawSequence(p2->port, n);
    qDebug() << "seed 5, fail rate 0.5:" << first;
    QCOMPARE(first, second);
    QVERIFY(first.contains(QStringLiteral("200")));
    QVERIFY(first.count(QStringLiteral("200")) < n);
    for (const QString &o : first) {
        static const QStringList allowed{"200", "503", "429", "malformed", "drop", "timeout"};
        QVERIFY2(allowed.contains(o), qPrintable(o));
    }
    const QJsonObject s = http("GET", p1->base + QStringLiteral("/__sim/stats")).json();
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), n);
    QCOMPARE_EQ(s[QStringLiteral("injected_failures")].toInt(), n - int(first.count(QStringLiteral("200"))));

    // Reset rewinds the fault RNG too.
    QCOMPARE_EQ(http("POST", p1->base + QStringLiteral("/__sim/reset")).status, 200);
    QCOMPARE(rawSequence(p1->port, n), first);
}

void TestUpstreamSim::keepAliveAndConnectionClose()
{
    QTcpSocket sock;
    sock.connectToHost(QStringLiteral("127.0.0.1"), m_sim.port);
    QVERIFY(sock.waitForConnected(2000));
    for (int i = 0; i < 3; ++i) {
        const RawResult r = rawExchange(sock, rawGet(QStringLiteral("/siakad/api/tahun-ajaran")), 2000);
        QCOMPARE(r.outcome, QStringLiteral("200"));
        QVERIFY(r.head.toLower().contains("connection: keep-alive"));
        QCOMPARE_EQ(sock.state(), QAbstractSocket::ConnectedState);
    }
    // Faults that answer keep the connection usable too.
    force(R"({"kind":"429"})");
    QCOMPARE(rawExchange(sock, rawGet(QStringLiteral("/siakad/api/tahun-ajaran")), 2000).outcome,
             QStringLiteral("429"));
    QCOMPARE(rawExchange(sock, rawGet(QStringLiteral("/siakad/api/tahun-ajaran")), 2000).outcome,
             QStringLiteral("200"));

    const RawResult last = rawExchange(
        sock, rawGet(QStringLiteral("/siakad/api/tahun-ajaran"), "Connection: close\r\n"), 2000);
    QCOMPARE(last.outcome, QStringLiteral("200"));
    QVERIFY(last.head.toLower().contains("connection: close"));
    QTRY_COMPARE_WITH_TIMEOUT(sock.state(), QAbstractSocket::UnconnectedState, 2000);
}

void TestUpstreamSim::resetRestoresSeededState()
{
    sim("PUT", QStringLiteral("/__sim/siakad/tahun-ajaran"), R"({"data":[]})");
    sim("POST", QStringLiteral("/siakad/api/tahun-ajaran/sync"), R"({"data":[{"x":1}]})");
    force(R"({"kind":"5xx","count":3,"latencyMs":50,"failRate":0.3})");
    sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QVERIFY(stats()[QStringLiteral("requests")].toInt() > 0);

    QCOMPARE_EQ(sim("POST", QStringLiteral("/__sim/reset")).status, 200);
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), 0);
    QCOMPARE_EQ(s[QStringLiteral("injected_failures")].toInt(), 0);
    QCOMPARE_EQ(s[QStringLiteral("forced_pending")].toInt(), 0);
    QCOMPARE_EQ(s[QStringLiteral("fail_rate")].toDouble(), 0.0);
    QCOMPARE_EQ(s[QStringLiteral("latency_ms")].toInt(), 0);
    QVERIFY(s[QStringLiteral("pushed")][QStringLiteral("siakad")].toArray().isEmpty());
    const HttpResult r = sim("GET", QStringLiteral("/siakad/api/tahun-ajaran"));
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE(r.data(), m_seededList);
}

void TestUpstreamSim::stopsCleanlyOnSigterm()
{
    auto p = startSim({});
    QVERIFY(p);
    // An open keep-alive connection and a stalled request must not keep it alive.
    QCOMPARE_EQ(http("POST", p->base + QStringLiteral("/__sim/faults"), R"({"kind":"timeout"})").status, 200);
    QTcpSocket stalled;
    stalled.connectToHost(QStringLiteral("127.0.0.1"), p->port);
    QVERIFY(stalled.waitForConnected(2000));
    stalled.write(rawGet(QStringLiteral("/siakad/api/tahun-ajaran")));
    stalled.flush();
    QTRY_COMPARE_WITH_TIMEOUT(http("GET", p->base + QStringLiteral("/__sim/stats"))
                                  .json()[QStringLiteral("requests")].toInt(), 1, 2000);

    p->process().terminate();
    QVERIFY(p->process().waitForFinished(3000));
    QCOMPARE_EQ(p->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE_EQ(p->process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestUpstreamSim)
#include "tst_upstreamsim.moc"
