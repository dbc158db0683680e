// The HTTP foundation over real sockets: limits while reading, keep-alive, JSON errors,
// security headers, SSE, worker routes.
#include "TestSupport.h"
#include "http/Envelope.h"
#include "http/HttpServer.h"
#include "http/Multipart.h"
#include "http/SseStream.h"

#include <QCryptographicHash>
#include <QTemporaryFile>
#include <QJsonDocument>
#include <QTest>

using namespace tu;

class TestHttpServer : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    quint16 port() const { return ts->server->port(); }

    static int statusOf(const QByteArray &raw)
    {
        return raw.startsWith("HTTP/1.1 ") ? raw.mid(9, 3).toInt() : 0;
    }

private slots:
    void init()
    {
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        Router &r = ts->server->router();
        r.post(QStringLiteral("/test/echo")).publicAccess().jsonBody().handle([](ApiRequest &req) {
            return envelope::ok(req.json);
        });
        r.post(QStringLiteral("/test/upload")).publicAccess().multipartBody(5 * 1024 * 1024).onWorker().handle([](ApiRequest &req) {
            auto form = req.multipart(MultipartLimits{});
            if (!form.ok())
                return envelope::error(form.error());
            const MultipartFile *f = form->file(QStringLiteral("file"));
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(f->file.get());
            return envelope::ok(QJsonObject{{"size", f->size}, {"sha256", QString::fromLatin1(h.result().toHex())},
                                            {"note", form->fields.value(QStringLiteral("note"))}});
        });
        r.get(QStringLiteral("/test/stream")).publicAccess().handleStream([](ApiRequest &, HttpConnection *c, const HeaderList &h) {
            auto *sse = new SseStream(c, h, 50);
            sse->send(QJsonObject{{"message", "mulai"}, {"progress", 0}});
            QTimer::singleShot(150, sse, [sse] {
                sse->send(QJsonObject{{"message", "selesai"}, {"progress", 100}, {"done", true}});
                sse->finish();
            });
        });
    }
    void cleanup() { ts.reset(); }

    void oversizedJsonRefusedFromTheHead()
    {
        // Only the head is sent: the 413 must come without the server waiting for 2 MB.
        const QByteArray raw = test::rawExchange(port(), "POST /test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                         "Content-Length: 2000000\r\n\r\n", 3000, false);
        QCOMPARE(statusOf(raw), 413);
        QVERIFY(raw.contains("\"code\":\"PAYLOAD_TOO_LARGE\""));
        QVERIFY(raw.contains("X-Content-Type-Options: nosniff"));
    }

    void multipartLimitIsFileLimitPlusOneMegabyte()
    {
        const qint64 limit = 6 * 1024 * 1024;
        const QByteArray over = test::rawExchange(port(), "POST /test/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\n"
                                                          "Content-Length: " + QByteArray::number(limit + 1) + "\r\n\r\n", 3000, false);
        QCOMPARE(statusOf(over), 413);
    }

    void fileOverItsLimitInsideABodyThatFits()
    {
        const QByteArray data(5 * 1024 * 1024 + 10, 'a');
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n" + data + "\r\n--B--\r\n";
        auto r = ts->request("POST", QStringLiteral("/test/upload"), body, {{"Content-Type", "multipart/form-data; boundary=B"}});
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    void uploadStreamsIntact()
    {
        QByteArray data;
        for (int i = 0; i < 2 * 1024 * 1024; ++i)
            data.append(char((i * 7) % 256));
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nrapor\r\n"
                                "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n" + data + "\r\n--B--\r\n";
        auto r = ts->request("POST", QStringLiteral("/test/upload"), body, {{"Content-Type", "multipart/form-data; boundary=B"}});
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.json().value(QLatin1String("data")).toObject();
        QCOMPARE(d.value(QLatin1String("size")).toInteger(), qint64(data.size()));
        QCOMPARE(d.value(QLatin1String("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(d.value(QLatin1String("note")).toString(), QStringLiteral("rapor"));
    }

    void malformedJsonIsValidationError()
    {
        auto r = ts->request("POST", QStringLiteral("/test/echo"), "{\"a\":", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(r.json().value(QLatin1String("success")).toBool(true), false);
        auto arr = ts->request("POST", QStringLiteral("/test/echo"), "[1,2]", {{"Content-Type", "application/json"}});
        QCOMPARE(arr.status, 400);
    }

    void wrongContentTypeIs415()
    {
        auto r = ts->request("POST", QStringLiteral("/test/echo"), "a=1", {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
        auto m = ts->request("POST", QStringLiteral("/test/upload"), "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(m.status, 415);
    }

    void unknownRouteIsJson404()
    {
        auto r = ts->get(QStringLiteral("/api/tidak-ada"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("NOT_FOUND"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
    }

    void securityHeadersOnEveryResponse()
    {
        for (const QString &path : {QStringLiteral("/api/health"), QStringLiteral("/nope")}) {
            auto r = ts->get(path);
            QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
            QVERIFY(!r.header("Referrer-Policy").isEmpty());
            QVERIFY(r.header("Content-Security-Policy").contains("default-src 'none'"));
        }
    }

    void keepAliveServesSeveralRequests()
    {
        const QByteArray one = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray raw = test::rawExchange(port(), one + one + "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
        QCOMPARE(raw.count("HTTP/1.1 200 OK"), 3);
        QVERIFY(raw.contains("Connection: close"));
    }

    void hugeHeaderIs431AndChunkedIs411()
    {
        const QByteArray big = "GET /api/health HTTP/1.1\r\nX-Pad: " + QByteArray(20000, 'a') + "\r\n\r\n";
        QCOMPARE(statusOf(test::rawExchange(port(), big, 3000, false)), 431);
        QCOMPARE(statusOf(test::rawExchange(port(), "POST /test/echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 3000, false)), 411);
        QCOMPARE(statusOf(test::rawExchange(port(), "BROKEN\r\n\r\n", 3000, false)), 400);
    }

    void idleConnectionIsClosed()
    {
        ts->server->http().setLimits({16 * 1024, 200, 2000, 16 * 1024 * 1024});
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(s.waitForConnected(1000));
        QTRY_VERIFY_WITH_TIMEOUT(s.state() == QAbstractSocket::UnconnectedState, 3000);
    }

    void serverSentEvents()
    {
        const QByteArray raw = test::rawExchange(port(), "GET /test/stream HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
        QVERIFY(raw.startsWith("HTTP/1.1 200 OK"));
        QVERIFY(raw.contains("Content-Type: text/event-stream"));
        QVERIFY(raw.contains("data: {\"message\":\"mulai\",\"progress\":0}\n\n"));
        QVERIFY(raw.contains(": keep-alive\n\n"));
        QVERIFY(raw.contains("\"done\":true"));
        QVERIFY(raw.indexOf("mulai") < raw.indexOf("selesai"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
