#pragma once
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace tu {

struct JwtClaims {
    QString sub;      // user id
    QString username;
    QString role;
    int tokenVersion = 0; // bumped on password/role change: older tokens stop working
    QString jti;          // token id, for revocation at logout
    qint64 iat = 0;
    qint64 exp = 0;
};

// HS256 only: the header's alg is pinned, so `none` or RS/HS confusion is refused.
class Jwt
{
public:
    static constexpr qint64 Lifetime = 24 * 60 * 60;
    explicit Jwt(QByteArray secret) : m_secret(std::move(secret)) {}
    QByteArray sign(const JwtClaims &claims) const;
    Result<JwtClaims> verify(const QByteArray &token, qint64 nowSecs) const;

    // Reads the per-install secret from `path`, creating it (0600, 32 random bytes) if absent.
    static Result<QByteArray> loadOrCreateSecret(const QString &path);

private:
    QByteArray m_secret;
};

} // namespace tu
