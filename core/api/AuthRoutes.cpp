#include "AuthRoutes.h"
#include "http/Cookies.h"
#include "http/Envelope.h"
#include "http/Router.h"
#include "app/Core.h"

namespace tu {

namespace {
const QString Tag = QStringLiteral("Autentikasi");

QJsonObject userSchema()
{
    return schema::record({{"id", schema::uuid()}, {"username", schema::str()}, {"name", schema::str()},
                           {"role", schema::oneOf(allRoleNames())}});
}

QJsonObject publicUser(const User &u)
{
    return {{"id", u.id}, {"username", u.username}, {"name", u.name}, {"role", roleName(u.role)}};
}

void setAuthCookies(HttpResponse &r, const QByteArray &token, qint64 maxAge, bool secure)
{
    cookies::Options o;
    o.maxAgeSeconds = maxAge;
    o.secure = secure;
    r.addHeader("Set-Cookie", cookies::setCookie("token", token, o));
    r.addHeader("Set-Cookie", cookies::setCookie("auth_token", token, o));
}
} // namespace

void registerAuthRoutes(Router &router, Core &core)
{
    router.post(QStringLiteral("/api/auth/login"))
        .publicAccess().rateScope(RateScope::Auth).onWorker()
        .jsonBody(schema::object({{"username", schema::str()}, {"password", schema::str()},
                                  {"captcha", schema::str("Jawaban captcha, wajib setelah 3 kali gagal")},
                                  {"captchaId", schema::str("Dari GET /api/auth/captcha")}},
                                 {"username", "password"}))
        .summary(Tag, QStringLiteral("Login; memasang cookie token dan auth_token (HttpOnly, SameSite=Strict)"))
        .data(schema::record({{"user", userSchema()}, {"token", schema::str("JWT HS256, berlaku 24 jam")}}))
        .errors({400, 401, 429})
        .handle([&core](ApiRequest &req) {
            LoginRequest in;
            in.username = req.json.value(QLatin1String("username")).toString();
            in.password = req.json.value(QLatin1String("password")).toString();
            in.captcha = req.json.value(QLatin1String("captcha")).toVariant().toString();
            in.captchaId = req.json.value(QLatin1String("captchaId")).toString();
            in.ip = req.clientIp;
            auto s = core.auth().login(in);
            if (!s.ok())
                return envelope::error(s.error());
            HttpResponse r = envelope::ok(QJsonObject{{"user", publicUser(s->user)}, {"token", QString::fromLatin1(s->token)}},
                                          QStringLiteral("Login berhasil"));
            setAuthCookies(r, s->token, Jwt::Lifetime, req.http->secure);
            return r;
        });

    router.post(QStringLiteral("/api/auth/logout"))
        .publicAccess().sessionIfPresent().rateScope(RateScope::Protected)
        .summary(Tag, QStringLiteral("Logout: mencabut token dan menghapus cookie"))
        .handle([&core](ApiRequest &req) {
            if (req.session)
                if (auto s = core.auth().logout(*req.session, req.clientIp); !s.ok())
                    return envelope::error(s.error());
            HttpResponse r = envelope::message(QStringLiteral("Logout berhasil"));
            setAuthCookies(r, QByteArray(), 0, req.http->secure);
            return r;
        });

    router.get(QStringLiteral("/api/auth/verify"))
        .allowAnyUser().rateScope(RateScope::Protected)
        .summary(Tag, QStringLiteral("Memeriksa token saat ini"))
        .data(schema::record({{"user", userSchema()}}))
        .handle([](ApiRequest &req) {
            return envelope::ok(QJsonObject{{"user", publicUser(req.session->user)}});
        });

    router.get(QStringLiteral("/api/auth/captcha"))
        .publicAccess().rateScope(RateScope::Public)
        .summary(Tag, QStringLiteral("Captcha baru (gambar PNG) untuk login setelah percobaan gagal"))
        .data(schema::record({{"captchaId", schema::uuid()}, {"image", schema::str("data:image/png;base64,…")}}))
        .handle([&core](ApiRequest &) {
            const auto c = core.auth().captcha().create();
            // The usual envelope: data {captchaId, image}.
            HttpResponse r = envelope::ok(QJsonObject{{"captchaId", c.id}, {"image", c.imageDataUrl}});
            return r;
        });
}

} // namespace tu
