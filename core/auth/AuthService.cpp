#include "AuthService.h"
#include "PasswordHasher.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QDateTime>

namespace tu {

namespace {
Error wrongCredentials() { return Error::unauthorized(QStringLiteral("Username atau password salah")); }
} // namespace

AuthService::AuthService(Database &db, AuditLog &audit, QByteArray jwtSecret)
    : m_db(db), m_audit(audit), m_repo(db), m_jwt(std::move(jwtSecret))
{
}

qint64 AuthService::now() const
{
    return m_nowSecs ? m_nowSecs() : QDateTime::currentSecsSinceEpoch();
}

Result<Session> AuthService::login(const LoginRequest &req)
{
    const QString username = req.username.trimmed();
    if (username.isEmpty() || req.password.isEmpty() || username.size() > 64 || req.password.size() > 256) {
        QHash<QString, QString> f;
        if (username.isEmpty())
            f.insert(QStringLiteral("username"), QStringLiteral("Username wajib diisi."));
        if (req.password.isEmpty())
            f.insert(QStringLiteral("password"), QStringLiteral("Password wajib diisi."));
        if (f.isEmpty())
            return wrongCredentials();
        return Error::validation(f, QStringLiteral("Username dan password wajib diisi."));
    }
    // Per account, whatever the address: guessing one account's password from many addresses
    // (each under its own rate limit and captcha count) still slows down exponentially.
    // Checked before the password, so a waiting attempt is neither evaluated nor counted.
    if (const int wait = m_throttle.accountWaitSeconds(username)) {
        const QString howLong = wait < 60 ? QStringLiteral("%1 detik").arg(wait) : QStringLiteral("%1 menit").arg((wait + 59) / 60);
        Error e = Error::make(ErrorCode::RateLimited,
                              QStringLiteral("Terlalu banyak percobaan login gagal untuk akun ini. Tunggu %1 lalu coba lagi.")
                                  .arg(howLong));
        e.retryAfterSeconds = wait;
        return e;
    }
    if (m_throttle.captchaRequired(username, req.ip)) {
        if (req.captcha.isEmpty() || req.captchaId.isEmpty())
            return Error::make(ErrorCode::CaptchaRequired,
                               QStringLiteral("Terlalu banyak percobaan gagal. Masukkan kode captcha yang ditampilkan."));
        if (!m_captcha.check(req.captchaId, req.captcha))
            return Error::make(ErrorCode::CaptchaRequired,
                               QStringLiteral("Kode captcha salah atau kedaluwarsa. Muat captcha baru lalu coba lagi."));
    }
    auto found = m_repo.byUsername(username);
    if (!found.ok())
        return found.error();
    if (!found.value()) {
        auto n = m_repo.count();
        PasswordHasher::verify(req.password, PasswordHasher::dummyHash()); // same timing as a real user
        m_throttle.recordFailure(username, req.ip);
        if (n.ok() && n.value() == 0)
            return Error::unauthorized(QStringLiteral("Belum ada akun admin. Jalankan TataUsaha dengan "
                                                      "TATAUSAHA_ADMIN_PASSWORD untuk membuat akun admin pertama."));
        return wrongCredentials();
    }
    const User user = *found.value();
    if (!PasswordHasher::verify(req.password, user.passwordHash) || !user.active) {
        m_throttle.recordFailure(username, req.ip);
        return wrongCredentials();
    }
    m_throttle.recordSuccess(username, req.ip);

    Session s;
    s.user = user;
    s.claims.sub = user.id;
    s.claims.username = user.username;
    s.claims.role = roleName(user.role);
    s.claims.tokenVersion = user.tokenVersion;
    s.claims.jti = newId();
    s.claims.iat = now();
    s.claims.exp = s.claims.iat + Jwt::Lifetime;
    s.token = m_jwt.sign(s.claims);
    Actor a = s.actor();
    a.ip = req.ip;
    (void)m_audit.record(a, QStringLiteral("login"), QStringLiteral("session"), user.id); // best effort: login already succeeded
    return s;
}

Result<Session> AuthService::authenticate(const QByteArray &token)
{
    auto claims = m_jwt.verify(token, now());
    if (!claims.ok())
        return claims.error();
    auto revoked = m_repo.isRevoked(claims->jti);
    if (!revoked.ok())
        return revoked.error();
    const Error expired = Error::unauthorized(QStringLiteral("Sesi tidak valid atau sudah berakhir. Silakan login kembali."));
    if (revoked.value())
        return expired;
    auto user = m_repo.byId(claims->sub);
    if (!user.ok())
        return user.error();
    if (!user.value() || !user.value()->active || user.value()->tokenVersion != claims->tokenVersion
        || roleName(user.value()->role) != claims->role)
        return expired;
    return Session{*user.value(), token, claims.value()};
}

Status AuthService::logout(const Session &session, const QString &ip)
{
    const QString expires = QDateTime::fromSecsSinceEpoch(session.claims.exp, Qt::UTC).toString(Qt::ISODateWithMs);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto s = m_repo.revokeToken(session.claims.jti, expires); !s.ok())
        return s;
    (void)m_repo.purgeExpiredRevocations(nowIso()); // housekeeping; failure is harmless
    Actor a = session.actor();
    a.ip = ip;
    if (auto s = m_audit.record(a, QStringLiteral("logout"), QStringLiteral("session"), session.user.id); !s.ok())
        return s;
    return tx.commit();
}

} // namespace tu
