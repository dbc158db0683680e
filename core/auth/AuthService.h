#pragma once
#include "Actor.h"
#include "Captcha.h"
#include "Jwt.h"
#include "LoginThrottle.h"
#include "Result.h"
#include "User.h"
#include "UserRepository.h"

namespace tu {

class AuditLog;
class Database;

struct LoginRequest {
    QString username;
    QString password;
    QString captchaId;
    QString captcha;
    QString ip;
};

struct Session {
    User user;
    QByteArray token;
    JwtClaims claims;
    Actor actor() const { return Actor{user.id, user.username, user.role, QString(), false}; }
};

// Login (bcrypt, captcha after repeated failures), token issue and verification, logout.
class AuthService
{
public:
    AuthService(Database &db, AuditLog &audit, QByteArray jwtSecret);

    Result<Session> login(const LoginRequest &request);
    // Checks signature, expiry, revocation and that the user is still active with the same
    // role and token version.
    Result<Session> authenticate(const QByteArray &token);
    Status logout(const Session &session, const QString &ip);

    CaptchaStore &captcha() { return m_captcha; }
    LoginThrottle &throttle() { return m_throttle; }
    const Jwt &jwt() const { return m_jwt; }
    void setClock(std::function<qint64()> nowSecs) { m_nowSecs = std::move(nowSecs); }

private:
    qint64 now() const;
    Database &m_db;
    AuditLog &m_audit;
    UserRepository m_repo;
    Jwt m_jwt;
    CaptchaStore m_captcha;
    LoginThrottle m_throttle;
    std::function<qint64()> m_nowSecs;
};

} // namespace tu
