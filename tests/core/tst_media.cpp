// Content images: type decided by content, size limit, decoded once, downscaled copy for lists.
#include "CoreSuite.h"
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTest>

using namespace tu;

class TestMedia : public test::CoreSuite
{
    Q_OBJECT
    Actor staff = test::actorOf(QStringLiteral("u1"), QStringLiteral("kesiswaan"), Role::Kesiswaan);

    Result<Media> store(const QByteArray &bytes, const QString &name = QStringLiteral("foto.png"))
    {
        QBuffer b;
        b.setData(bytes);
        b.open(QIODevice::ReadOnly);
        return tc->core->media().store(staff, b, name);
    }
    int mediaRows() { return tc->core->audit().recent(100, QStringLiteral("media")).value().size(); }

private slots:
    void imagesKeepTheDiskReserve()
    {
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        auto refused = store(test::imageBytes("PNG", 64, 48, false));
        QCOMPARE(refused.error().code, ErrorCode::InsufficientStorage);
        QCOMPARE(mediaRows(), 0);
    }

    void storesEachFormatWithThumbnail_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<QString>("thumbMime");
        QTest::newRow("png") << QByteArray("PNG") << "image/png" << false << "image/jpeg";
        QTest::newRow("png alpha") << QByteArray("PNG") << "image/png" << true << "image/png";
        QTest::newRow("jpeg") << QByteArray("JPEG") << "image/jpeg" << false << "image/jpeg";
        QTest::newRow("webp") << QByteArray("WEBP") << "image/webp" << false << "image/jpeg";
    }
    void storesEachFormatWithThumbnail()
    {
        QFETCH(QByteArray, format);
        QFETCH(QString, mime);
        QFETCH(bool, alpha);
        QFETCH(QString, thumbMime);
        if (!QImageReader::supportedImageFormats().contains(format.toLower()))
            QFAIL("image format plugin missing: scripts/setup.sh installs qt6-image-formats-plugins");
        const QByteArray bytes = test::imageBytes(format.constData(), 1200, 900, alpha);
        auto m = store(bytes, QStringLiteral("misleading-name.gif"));
        TU_VERIFY_OK(m);
        QCOMPARE(m->mime, mime);
        QCOMPARE(m->width, 1200);
        QCOMPARE(m->height, 900);
        QCOMPARE(m->size, bytes.size());
        auto full = tc->core->media().file(m->id, false);
        QFile f(full->path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes); // the original is kept byte for byte
        auto thumb = tc->core->media().file(m->id, true);
        QCOMPARE(thumb->mime, thumbMime);
        const QImage t(thumb->path);
        QCOMPARE(t.width(), 480);
        QCOMPARE(t.height(), 360);
        QVERIFY(thumb->etag != full->etag);
        QCOMPARE(mediaRows(), 1);
    }

    void refusesWhatIsNotAnImage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;", 43) << int(ErrorCode::UnsupportedMediaType);
        QTest::newRow("pdf") << QByteArray("%PDF-1.4\n%%EOF") << int(ErrorCode::UnsupportedMediaType);
        QTest::newRow("text named png") << QByteArray("hello, not an image") << int(ErrorCode::UnsupportedMediaType);
        QTest::newRow("png header, garbage body") << QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(300, 'x') << int(ErrorCode::UnsupportedMediaType);
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Validation);
        QByteArray big = test::imageBytes("PNG");
        big.append(QByteArray(5 * 1024 * 1024, '\0'));
        QTest::newRow("over 5 MB") << big << int(ErrorCode::PayloadTooLarge);
    }
    void refusesWhatIsNotAnImage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        auto m = store(bytes);
        QVERIFY(!m.ok());
        QCOMPARE(int(m.error().code), code);
        QVERIFY(!m.error().message.isEmpty());
        QCOMPARE(mediaRows(), 0);
        QVERIFY(QDir(tc->database.dataDir() + QStringLiteral("/uploads/media")).entryList(QDir::Files).isEmpty());
    }

    void idFromUrl()
    {
        QCOMPARE(MediaService::idFrom(QStringLiteral("/api/media/abc/thumb")), QStringLiteral("abc"));
        QCOMPARE(MediaService::idFrom(QStringLiteral(" abc ")), QStringLiteral("abc"));
        QCOMPARE(tc->core->media().file(QStringLiteral("nope"), false).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
