#include "auth/Jwt.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

using namespace tu;

class TestJwt : public QObject
{
    Q_OBJECT
    Jwt jwt{QByteArray(32, 'k')};
    JwtClaims claims()
    {
        JwtClaims c;
        c.sub = QStringLiteral("u1");
        c.username = QStringLiteral("admin");
        c.role = QStringLiteral("admin");
        c.tokenVersion = 3;
        c.jti = QStringLiteral("j1");
        c.iat = 1000;
        c.exp = 1000 + Jwt::Lifetime;
        return c;
    }
    static QByteArray b64(const QByteArray &s)
    {
        return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }

private slots:
    void roundTrip()
    {
        const QByteArray t = jwt.sign(claims());
        auto c = jwt.verify(t, 2000);
        QVERIFY(c.ok());
        QCOMPARE(c->sub, QStringLiteral("u1"));
        QCOMPARE(c->tokenVersion, 3);
    }
    void tamperedPayloadRefused()
    {
        QList<QByteArray> parts = jwt.sign(claims()).split('.');
        parts[1] = b64(R"({"sub":"u1","role":"admin","username":"x","tv":3,"jti":"j1","iat":1000,"exp":99999999999})");
        QVERIFY(!jwt.verify(parts.join('.'), 2000).ok());
    }
    void algNoneRefused()
    {
        QList<QByteArray> parts = jwt.sign(claims()).split('.');
        parts[0] = b64(R"({"alg":"none","typ":"JWT"})");
        QVERIFY(!jwt.verify(parts[0] + '.' + parts[1] + '.', 2000).ok());
        QVERIFY(!jwt.verify(parts.join('.'), 2000).ok());
    }
    void otherSecretRefused()
    {
        Jwt other(QByteArray(32, 'x'));
        QVERIFY(!other.verify(jwt.sign(claims()), 2000).ok());
    }
    void expiredRefused()
    {
        QVERIFY(!jwt.verify(jwt.sign(claims()), 1000 + Jwt::Lifetime).ok());
    }
    void outOfRangeTimesRefused()
    {
        // Found by fuzzing: a signed payload with exp/iat beyond qint64 was converted with
        // undefined behaviour (UBSan aborts here under scripts/test.sh --sanitize).
        const QByteArray head = b64(R"({"alg":"HS256","typ":"JWT"})");
        for (const char *times : {R"("iat":-1e300,"exp":1e300)", R"("iat":1000,"exp":9.3e18)", R"("iat":1000,"exp":-1e19)"}) {
            const QByteArray payload = b64(R"({"sub":"u1","jti":"j1","tv":3,)" + QByteArray(times) + "}");
            const QByteArray sig = QMessageAuthenticationCode::hash(head + '.' + payload, QByteArray(32, 'k'),
                                                                    QCryptographicHash::Sha256);
            QVERIFY2(!jwt.verify(head + '.' + payload + '.' + b64(sig), 2000).ok(), times);
        }
    }
    void garbageRefused()
    {
        QVERIFY(!jwt.verify("abc", 2000).ok());
        QVERIFY(!jwt.verify("a.b.c", 2000).ok());
        QVERIFY(!jwt.verify(QByteArray(5000, 'a'), 2000).ok());
    }
    // Only the canonical base64url spelling (no padding) of each part is accepted: the lenient
    // decoder skipped junk and padding, so `<token>!!` verified.
    void nonCanonicalEncodingRefused()
    {
        const QByteArray token = jwt.sign(claims());
        QVERIFY(jwt.verify(token, 2000).ok());
        const QList<QByteArray> parts = token.split('.');
        const QByteArray sig = parts[2];
        QCOMPARE(sig.size(), 43); // 32 bytes: the last character carries two unused bits
        auto withPart = [&](int i, const QByteArray &text) {
            QList<QByteArray> p = parts;
            p[i] = text;
            return p.join('.');
        };
        // The last character with one of its unused low bits set decodes to the same bytes.
        static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const int last = alphabet.indexOf(sig.back());
        QVERIFY(last >= 0 && (last & 3) == 0);
        QByteArray sameBytes = sig;
        sameBytes.back() = alphabet.at(last | 1);
        QCOMPARE(QByteArray::fromBase64(sameBytes, QByteArray::Base64UrlEncoding),
                 QByteArray::fromBase64(sig, QByteArray::Base64UrlEncoding));
        QByteArray standardAlphabet = parts[1];
        standardAlphabet.replace('-', '+').replace('_', '/');
        const QList<QByteArray> refused = {
            token + "!!",                                  // trailing junk
            token + "=",                                   // padding on the signature
            withPart(0, parts[0] + "=="),                  // padding on the header
            withPart(1, parts[1] + "="),                   // padding on the payload
            withPart(1, parts[1].left(10) + "!" + parts[1].mid(10)), // a character outside the alphabet
            withPart(1, parts[1].left(10) + " " + parts[1].mid(10)),
            withPart(0, "!" + parts[0]),
            withPart(2, sig.left(20) + "*" + sig.mid(20)),
            withPart(2, sig + "AA"),                       // a longer signature
            withPart(2, sig.left(42)),                     // a shorter one
            withPart(2, sameBytes),                        // same bytes, other spelling
        };
        for (const QByteArray &t : refused)
            QVERIFY2(!jwt.verify(t, 2000).ok(), t.constData());
        if (standardAlphabet != parts[1]) // '+' and '/' are standard base64, not base64url
            QVERIFY(!jwt.verify(withPart(1, standardAlphabet), 2000).ok());
    }
    void secretFileIsPrivateAndStable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwt.secret"));
        auto a = Jwt::loadOrCreateSecret(path);
        QVERIFY(a.ok());
        QCOMPARE(a->size(), 32);
        QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        auto b = Jwt::loadOrCreateSecret(path);
        QCOMPARE(a.value(), b.value());
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
