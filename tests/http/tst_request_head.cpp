// parseRequestHead as a pure function: what it accepts, and the lenient forms it refuses (each
// of which a proxy in front of us could read differently).
#include "http/RequestHead.h"

#include <QTest>

using namespace tu;

class TestRequestHead : public QObject
{
    Q_OBJECT

    static int statusOf(const QByteArray &head)
    {
        int status = 0;
        auto r = parseRequestHead(head, HeadLimits{}, &status);
        return r.ok() ? 200 : status;
    }

private slots:
    void parsesAWellFormedHead()
    {
        int status = 0;
        auto r = parseRequestHead("\r\nPOST /api/x%20y?a=1&b=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 12\r\nX-Empty:\r\nX-Pad: \t a b \t", HeadLimits{}, &status);
        QVERIFY(r.ok());
        QCOMPARE(r->method, QByteArray("POST"));
        QCOMPARE(r->path, QStringLiteral("/api/x y"));
        QCOMPARE(r->query.queryItemValue(QStringLiteral("b")), QStringLiteral("2"));
        QCOMPARE(r->version, QByteArray("HTTP/1.1"));
        QCOMPARE(r->contentLength, qint64(12));
        QCOMPARE(r->header("x-pad"), QByteArray("a b"));
        QVERIFY(r->hasHeader("x-empty"));
        QCOMPARE(requestHostName(*r), QStringLiteral("127.0.0.1"));
        QCOMPARE(statusOf("GET / HTTP/1.0"), 200); // Host is optional on 1.0
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: [::1]:8080"), 200);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: sekolah.sch.id"), 200);
        QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5"), 200);
    }

    void contentLengthIsDigitsOnly()
    {
        for (const QByteArray &v : {QByteArray("+2"), QByteArray("-0"), QByteArray("0x10"), QByteArray("2 2"), QByteArray("2,2"),
                                    QByteArray(""), QByteArray("1e3"), QByteArray("99999999999999999999"),
                                    QByteArray("9223372036854775808")})
            QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + v), 400);
        QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6"), 400);
    }

    void noWhitespaceBeforeTheColon()
    {
        QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length : 2"), 400);
        QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length\t: 2"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\n X-Folded: b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\nBad(name): b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\n: b"), 400);
    }

    void crlfOnly()
    {
        QCOMPARE(statusOf("GET / HTTP/1.1\nHost: a"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\nX: b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\rX: b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: b\r"), 400);
        QCOMPARE(statusOf(QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: b") + '\0' + "c"), 400);
        QVERIFY(hasBareLineFeed("GET / HTTP/1.1\n"));
        QVERIFY(!hasBareLineFeed("GET / HTTP/1.1\r\nHost: a\r"));
    }

    void onlyHttp10And11()
    {
        QCOMPARE(statusOf("GET / HTTP/1.9\r\nHost: a"), 505);
        QCOMPARE(statusOf("GET / HTTP/2.0\r\nHost: a"), 505);
        QCOMPARE(statusOf("GET / HTTP/1.10\r\nHost: a"), 400);
        QCOMPARE(statusOf("GET / http/1.1\r\nHost: a"), 400);
        QCOMPARE(statusOf("GET /  HTTP/1.1\r\nHost: a"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1 \r\nHost: a"), 400);
        QCOMPARE(statusOf("get / HTTP/1.1\r\nHost: a"), 400);
        QCOMPARE(statusOf("GET http://a/ HTTP/1.1\r\nHost: a"), 400);
        QCOMPARE(statusOf("GET /a\x7f HTTP/1.1\r\nHost: a"), 400);
    }

    void hostRequiredOnHttp11()
    {
        QCOMPARE(statusOf("GET / HTTP/1.1"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost:"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\nHost: b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a b"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a:80x"), 400);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a@b"), 400);
    }

    void limitsAndChunked()
    {
        QCOMPARE(statusOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked"), 411);
        QByteArray many = "GET / HTTP/1.1\r\nHost: a";
        for (int i = 0; i < 120; ++i)
            many += "\r\nX-" + QByteArray::number(i) + ": v";
        QCOMPARE(statusOf(many), 431);
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(20000, 'a')), 431);
        QCOMPARE(statusOf(""), 400);
        QCOMPARE(statusOf("\r\n\r\n"), 400);
    }
};

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_request_head.moc"
