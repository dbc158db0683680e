// The HTTP foundation over real sockets: limits while reading, keep-alive, JSON errors,
// security headers, SSE, worker routes.
#include "TestSupport.h"
#include "http/Envelope.h"
#include "http/HttpServer.h"
#include "http/Multipart.h"
#include "http/SseStream.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryFile>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <ctime>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

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

    // A client socket from a given loopback source address, connected (and accepted by the
    // in-process server once the event loop runs).
    std::unique_ptr<QTcpSocket> connectFrom(const QString &source)
    {
        auto s = std::make_unique<QTcpSocket>();
        s->bind(QHostAddress(source), 0);
        s->connectToHost(QHostAddress::LocalHost, port());
        return s->waitForConnected(2000) ? std::move(s) : nullptr;
    }
    // Pumps the event loop until the socket is closed by the server or `ms` pass; returns what
    // it read.
    static QByteArray readUntilClosed(QTcpSocket &s, int ms)
    {
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms && s.state() == QAbstractSocket::ConnectedState) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            s.waitForReadyRead(5);
            out += s.readAll();
        }
        return out + s.readAll();
    }
    HttpServer::Limits &limits() { return const_cast<HttpServer::Limits &>(ts->server->http().limits()); }

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
        r.post(QStringLiteral("/test/private-upload")).allow({Role::Admin}).multipartBody(10 * 1024 * 1024).handle([](ApiRequest &) {
            return envelope::message(QStringLiteral("ok"));
        });
        r.get(QStringLiteral("/test/slow")).publicAccess().onWorker().handle([](ApiRequest &) {
            QThread::msleep(1000);
            return envelope::message(QStringLiteral("lambat"));
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
        const QByteArray raw = test::rawExchange(port(), "POST /test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                                         "Content-Length: 2000000\r\n\r\n", 3000, false);
        QCOMPARE(statusOf(raw), 413);
        QVERIFY(raw.contains("\"code\":\"PAYLOAD_TOO_LARGE\""));
        QVERIFY(raw.contains("X-Content-Type-Options: nosniff"));
    }

    void multipartLimitIsFileLimitPlusOneMegabyte()
    {
        const qint64 limit = 6 * 1024 * 1024;
        const QByteArray over = test::rawExchange(port(), "POST /test/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\n"
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
        const QByteArray one = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        const QByteArray raw = test::rawExchange(port(), one + one + "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 3000);
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

    // --- finding: one host could hold the API (deadlines, caps, accept errors) ---------------

    void headHasAnAbsoluteDeadline()
    {
        // A head trickled one byte every 100 ms: each byte used to restart the idle timer.
        limits().idleTimeoutMs = 400;
        limits().headTimeoutMs = 600;
        auto s = connectFrom(QStringLiteral("127.0.0.1"));
        QVERIFY(s);
        const QByteArray head = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + QByteArray(200, 'a');
        QElapsedTimer t;
        t.start();
        QByteArray got;
        for (int i = 0; i < head.size() && got.isEmpty() && s->state() == QAbstractSocket::ConnectedState && t.elapsed() < 3000; ++i) {
            s->write(head.mid(i, 1));
            s->flush();
            got += readUntilClosed(*s, 100);
        }
        QCOMPARE(statusOf(got), 408);
        QVERIFY(t.elapsed() < 1500);
    }

    void bodyHasAMinimumRate()
    {
        limits().bodyRateWindowMs = 300;
        limits().minBodyBytesPerSecond = 1000;
        auto s = connectFrom(QStringLiteral("127.0.0.1"));
        QVERIFY(s);
        s->write("POST /test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{");
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 3000 && s->state() == QAbstractSocket::ConnectedState && got.isEmpty()) {
            s->write(" "); // 10 bytes a second, each one used to restart the idle timer
            got += readUntilClosed(*s, 100);
        }
        QCOMPARE(statusOf(got), 408);
        QVERIFY(t.elapsed() < 2000);
    }

    void connectionsPerAddressAreCapped()
    {
        ts->server->http().setMaxConnectionsPerIp(3);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(connectFrom(QStringLiteral("127.0.0.1")));
            QVERIFY(held.back());
        }
        QTRY_COMPARE(ts->server->http().connectionCount(), 3);
        auto fourth = connectFrom(QStringLiteral("127.0.0.1"));
        QVERIFY(fourth);
        const QByteArray refused = readUntilClosed(*fourth, 2000);
        QCOMPARE(statusOf(refused), 503);
        QVERIFY(refused.contains("\"success\":false"));
        // Another address is not affected, and the held ones still work.
        QCOMPARE(statusOf(test::rawExchange(port(), "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 2000, false)), 503);
        auto other = connectFrom(QStringLiteral("127.0.0.2"));
        QVERIFY(other);
        other->write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(readUntilClosed(*other, 2000)), 200);
        held[0]->write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(readUntilClosed(*held[0], 2000)), 200);
        // IPv6 is counted per /64, IPv4-mapped addresses as IPv4.
        QCOMPARE(HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2::1"))),
                 HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2:ffff:ffff:ffff:ffff"))));
        QVERIFY(HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2::1")))
                != HttpServer::addressKey(QHostAddress(QStringLiteral("2001:db8:1:3::1"))));
        QCOMPARE(HttpServer::addressKey(QHostAddress(QStringLiteral("::ffff:10.0.0.7"))), QByteArray("10.0.0.7"));
    }

    void openFileLimitRaisedAndCapDerivedFromIt()
    {
        struct rlimit saved;
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
        if (saved.rlim_max < 2048 || saved.rlim_max == RLIM_INFINITY)
            QSKIP("needs a finite hard open-file limit of at least 2048");
        struct rlimit low = saved;
        low.rlim_cur = 1024;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
        test::TestServer fresh;
        struct rlimit now;
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &now), 0);
        setrlimit(RLIMIT_NOFILE, &saved);
        QCOMPARE(now.rlim_cur, saved.rlim_max);
        QCOMPARE(fresh.server->http().effectiveMaxConnections(),
                 int(qMin<qint64>(HttpServer::Limits{}.maxConnections, qint64(saved.rlim_max) - HttpServer::Limits{}.fdReserve)));
    }

    void acceptResumesAfterRunningOutOfFileDescriptors()
    {
        // The client connects (the kernel completes the handshake), then the process runs out
        // of descriptors before the server accepts: accept() fails with EMFILE.
        auto client = connectFrom(QStringLiteral("127.0.0.1"));
        QVERIFY(client);
        client->write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        client->flush();
        std::vector<int> hog;
        for (;;) {
            const int fd = ::dup(0);
            if (fd < 0)
                break;
            hog.push_back(fd);
        }
        QVERIFY(!hog.empty());
        QElapsedTimer busy;
        busy.start();
        const std::clock_t cpu0 = std::clock();
        QTest::qWait(500);
        const double cpuMs = double(std::clock() - cpu0) * 1000.0 / CLOCKS_PER_SEC;
        for (int fd : hog)
            ::close(fd);
        // Not spinning on the listening socket meanwhile (a spin burns the whole half second).
        QVERIFY2(cpuMs < 250, qPrintable(QStringLiteral("%1 ms CPU in 500 ms").arg(cpuMs)));
        // And the waiting client is served once descriptors are back.
        const QByteArray answer = readUntilClosed(*client, 3000);
        QVERIFY2(statusOf(answer) == 200, qPrintable(client->errorString() + QLatin1Char(' ') + QString::fromLatin1(answer.left(200))));
    }

    void fullServerClosesIdleKeepAliveFirst()
    {
        limits().maxConnections = 3;
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(connectFrom(QStringLiteral("127.0.0.%1").arg(10 + i)));
            QVERIFY(idle.back());
            QTRY_COMPARE(ts->server->http().connectionCount(), i + 1);
        }
        auto fresh = connectFrom(QStringLiteral("127.0.0.20"));
        QVERIFY(fresh);
        fresh->write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(readUntilClosed(*fresh, 3000)), 200);
        // The oldest idle one made room.
        QTRY_COMPARE(idle[0]->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(idle[2]->state(), QAbstractSocket::ConnectedState);
    }

    // --- finding: memory spent before authentication -------------------------------------------

    void protectedUploadRefusedFromTheHead()
    {
        // Only the head: the 401 must come without the server waiting for 5 MB.
        const QByteArray head = "POST /test/private-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\n"
                                "Content-Length: 5000000\r\n";
        const QByteArray anonymous = test::rawExchange(port(), head + "\r\n", 3000, false);
        QCOMPARE(statusOf(anonymous), 401);
        QVERIFY(anonymous.contains("\"code\":\"UNAUTHORIZED\""));
        QVERIFY(anonymous.contains("Connection: close"));
        const QByteArray osis = ts->loginAs(Role::Osis);
        QCOMPARE(statusOf(test::rawExchange(port(), head + "Authorization: Bearer " + osis + "\r\n\r\n", 3000, false)), 403);
    }

    void onlyMultipartBodiesMayExceedOneMegabyte()
    {
        // A JSON body on a multipart route is held in memory: 1 MB, not the file limit.
        const QByteArray raw = test::rawExchange(port(), "POST /test/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                                         "Content-Length: 2000000\r\n\r\n", 3000, false);
        QCOMPARE(statusOf(raw), 413);
    }

    void pipelinedBytesWaitInTheKernel()
    {
        auto s = connectFrom(QStringLiteral("127.0.0.1"));
        QVERIFY(s);
        // A request that takes a second, then 64 MB of junk behind it.
        s->write("GET /test/slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const QByteArray junk(64 * 1024 * 1024, 'j');
        s->write(junk);
        QElapsedTimer t;
        t.start();
        qint64 peak = 0;
        while (t.elapsed() < 700) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            s->waitForBytesWritten(5);
            peak = qMax(peak, ts->server->http().bufferedBytes());
        }
        // The server took at most what the kernel and a small socket buffer hold.
        QVERIFY2(s->bytesToWrite() > 32 * 1024 * 1024, qPrintable(QString::number(s->bytesToWrite())));
        QVERIFY(peak < 256 * 1024);
        // The slow request is answered; the junk behind it is then refused and the connection ends.
        QElapsedTimer end;
        end.start();
        QCOMPARE(statusOf(readUntilClosed(*s, 8000)), 200);
        QVERIFY(end.elapsed() < 8000);
    }

    void bufferedBytesHaveAGlobalBudget()
    {
        limits().maxBufferedBytes = 1500 * 1000;
        const QByteArray head = "POST /test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n";
        auto a = connectFrom(QStringLiteral("127.0.0.1"));
        auto b = connectFrom(QStringLiteral("127.0.0.2"));
        QVERIFY(a && b);
        a->write(head + QByteArray(900 * 1000, ' '));
        QTRY_VERIFY(ts->server->http().bufferedBytes() >= 900 * 1000);
        b->write(head + QByteArray(900 * 1000, ' '));
        const QByteArray refused = readUntilClosed(*b, 3000);
        QCOMPARE(statusOf(refused), 503);
        QVERIFY(ts->server->http().bufferedBytes() <= 1500 * 1000);
    }

    // --- finding: lenient parsing (over a socket; the parser itself in tst_request_head) ------

    void strictHeadOverTheWire()
    {
        auto status = [this](const QByteArray &raw) { return statusOf(test::rawExchange(port(), raw, 3000, false)); };
        QCOMPARE(status("POST /test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: +2\r\n\r\n{}"), 400);
        QCOMPARE(status("POST /test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length : 2\r\n\r\n{}"), 400);
        QCOMPARE(status("GET /api/health HTTP/1.9\r\nHost: 127.0.0.1\r\n\r\n"), 505);
        QCOMPARE(status("GET /api/health HTTP/1.1\r\n\r\n"), 400);
        QCOMPARE(status("GET /api/health HTTP/1.0\r\n\r\n"), 200);
        // A bare LF is refused at once, not after the head deadline.
        QElapsedTimer t;
        t.start();
        QCOMPARE(status("GET /api/health HTTP/1.1\nHost: 127.0.0.1\n\n"), 400);
        QVERIFY(t.elapsed() < 1500);
    }

    void serverSentEvents()
    {
        const QByteArray raw = test::rawExchange(port(), "GET /test/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 3000);
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
