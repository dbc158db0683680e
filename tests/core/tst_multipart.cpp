#include "http/Multipart.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <QTest>

using namespace tu;

class TestMultipart : public QObject
{
    Q_OBJECT
    static QByteArray body(const QByteArray &boundary, const QByteArray &fileData)
    {
        return "preamble\r\n--" + boundary + "\r\n"
               "Content-Disposition: form-data; name=\"registrationId\"\r\n\r\n"
               "abc-123\r\n--" + boundary + "\r\n"
               "Content-Disposition: form-data; name=\"file\"; filename=\"foto \\\"saya\\\".jpg\"\r\n"
               "Content-Type: image/jpeg\r\n\r\n" + fileData + "\r\n--" + boundary + "--\r\n";
    }
    Result<MultipartForm> parse(const QByteArray &b, const QByteArray &type, MultipartLimits limits = {})
    {
        QBuffer buf;
        buf.setData(b);
        buf.open(QIODevice::ReadOnly);
        return parseMultipart(buf, type, limits, QString());
    }

private slots:
    void fieldsAndFileStreamedToDisk()
    {
        // Binary data that contains CRLF and a boundary-like prefix must survive intact.
        QByteArray data;
        for (int i = 0; i < 300000; ++i)
            data.append(char(i % 251));
        data.append("\r\n--notTheBoundary\r\n");
        auto f = parse(body("XyZ", data), "multipart/form-data; boundary=XyZ");
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.error().message));
        QCOMPARE(f->fields.value(QStringLiteral("registrationId")), QStringLiteral("abc-123"));
        const MultipartFile *file = f->file(QStringLiteral("file"));
        QVERIFY(file);
        QCOMPARE(file->size, qint64(data.size()));
        QVERIFY(file->fileName.startsWith(QStringLiteral("foto")));
        QCOMPARE(file->file->readAll(), data);
    }
    void quotedBoundary()
    {
        auto f = parse(body("a b", "x"), "multipart/form-data; boundary=\"a b\"");
        QVERIFY(f.ok());
        QCOMPARE(f->file(QStringLiteral("file"))->size, qint64(1));
    }
    void fileOverLimitIsPayloadTooLarge()
    {
        MultipartLimits l;
        l.maxFileBytes = 1000;
        auto f = parse(body("B", QByteArray(1001, 'x')), "multipart/form-data; boundary=B", l);
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, ErrorCode::PayloadTooLarge);
        QVERIFY(parse(body("B", QByteArray(1000, 'x')), "multipart/form-data; boundary=B", l).ok());
    }
    void malformedBodies()
    {
        QCOMPARE(parse("no boundary here", "multipart/form-data; boundary=B").error().code, ErrorCode::Validation);
        QCOMPARE(parse(body("B", "x"), "multipart/form-data").error().code, ErrorCode::Validation);
        QByteArray truncated = body("B", "data");
        truncated.chop(10);
        QCOMPARE(parse(truncated, "multipart/form-data; boundary=B").error().code, ErrorCode::Validation);
    }
    void tooManyParts()
    {
        QByteArray b;
        for (int i = 0; i < 30; ++i)
            b += "--B\r\nContent-Disposition: form-data; name=\"f" + QByteArray::number(i) + "\"\r\n\r\nv\r\n";
        b += "--B--\r\n";
        QCOMPARE(parse(b, "multipart/form-data; boundary=B").error().code, ErrorCode::Validation);
    }
};

QTEST_GUILESS_MAIN(TestMultipart)
#include "tst_multipart.moc"
