#include "Jwt.h"
#include "ConstantTime.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <optional>

#include <cmath>

namespace tu {

namespace {
constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// A NumericDate claim. Out of qint64's range (only a foreign or forged token has that) it reads
// as 0, which fails the expiry check, instead of an undefined double-to-integer conversion.
qint64 numericDate(const QJsonValue &v)
{
    const double d = v.toDouble();
    return std::isfinite(d) && std::abs(d) < 9.0e18 ? static_cast<qint64>(d) : 0;
}

Error invalidToken()
{
    return Error::unauthorized(QStringLiteral("Sesi tidak valid atau sudah berakhir. Silakan login kembali."));
}

// Strict base64url: the decoder alone skips characters outside the alphabet, accepts padding
// and ignores the unused low bits of the last character, so `<token>!!` or a signature with its
// last character changed would still verify. Only the one canonical spelling of the bytes (no
// padding) is taken: decode, encode again, and demand the very same text.
std::optional<QByteArray> decodePart(const QByteArray &part)
{
    auto decoded = QByteArray::fromBase64Encoding(part, b64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(b64) != part)
        return std::nullopt;
    return decoded.decoded;
}
} // namespace

QByteArray Jwt::sign(const JwtClaims &c) const
{
    static const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(b64);
    QJsonObject p{{"sub", c.sub}, {"username", c.username}, {"role", c.role}, {"tv", c.tokenVersion},
                  {"jti", c.jti}, {"iat", c.iat}, {"exp", c.exp}};
    const QByteArray payload = QJsonDocument(p).toJson(QJsonDocument::Compact).toBase64(b64);
    const QByteArray signingInput = header + '.' + payload;
    const QByteArray sig = QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return signingInput + '.' + sig.toBase64(b64);
}

Result<JwtClaims> Jwt::verify(const QByteArray &token, qint64 nowSecs) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || token.size() > 4096)
        return invalidToken();
    const auto headerBytes = decodePart(parts[0]), payloadBytes = decodePart(parts[1]), signature = decodePart(parts[2]);
    if (!headerBytes || !payloadBytes || !signature)
        return invalidToken();
    const auto header = QJsonDocument::fromJson(*headerBytes).object();
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return invalidToken();
    const QByteArray expected = QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], m_secret,
                                                                 QCryptographicHash::Sha256);
    if (!constantTimeEquals(expected, *signature))
        return invalidToken();
    const auto p = QJsonDocument::fromJson(*payloadBytes).object();
    JwtClaims c;
    c.sub = p.value(QLatin1String("sub")).toString();
    c.username = p.value(QLatin1String("username")).toString();
    c.role = p.value(QLatin1String("role")).toString();
    c.tokenVersion = p.value(QLatin1String("tv")).toInt();
    c.jti = p.value(QLatin1String("jti")).toString();
    c.iat = numericDate(p.value(QLatin1String("iat")));
    c.exp = numericDate(p.value(QLatin1String("exp")));
    if (c.sub.isEmpty() || c.jti.isEmpty() || c.exp <= nowSecs)
        return invalidToken();
    return c;
}

Result<QByteArray> Jwt::loadOrCreateSecret(const QString &path)
{
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return Error::server(QStringLiteral("cannot read JWT secret ") + path);
        const QByteArray s = QByteArray::fromHex(f.readAll().trimmed());
        if (s.size() >= 32)
            return s;
        f.close();
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(secret.data()),
                                         reinterpret_cast<quint32 *>(secret.data() + secret.size()));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::server(QStringLiteral("cannot write JWT secret ") + path);
    // Restrict before the secret is written.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(secret.toHex());
    out.close();
    return secret;
}

} // namespace tu
