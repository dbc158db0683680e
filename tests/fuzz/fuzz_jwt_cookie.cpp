// Session tokens as they arrive: the Cookie header (cookies::parse) and the token in it or in
// `Authorization: Bearer` (Jwt::verify).
//
// Input: the header value. Random bytes never carry a valid signature, so a token of three parts
// is also verified once more signed with the test secret, and the whole input is also taken as
// the claims JSON of a token signed with it: that is what reaches the claims reading, which only
// a holder of the real secret could reach.
#include "FuzzInput.h"
#include "auth/Jwt.h"
#include "http/Cookies.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace {
const QByteArray Secret(32, 'k');
constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 Now = 1'800'000'000;

void verify(const tu::Jwt &jwt, const QByteArray &token)
{
    const auto c = jwt.verify(token, Now);
    if (c.ok())
        TU_FUZZ_CHECK(!c->sub.isEmpty() && !c->jti.isEmpty() && c->exp > Now);
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return;
    const QByteArray input = parts[0] + '.' + parts[1];
    const QByteArray sig = QMessageAuthenticationCode::hash(input, Secret, QCryptographicHash::Sha256)
                               .toBase64(B64);
    const auto signedClaims = jwt.verify(input + '.' + sig, Now);
    if (signedClaims.ok()) {
        TU_FUZZ_CHECK(!signedClaims->sub.isEmpty() && !signedClaims->jti.isEmpty() && signedClaims->exp > Now);
        // What we read back, we can sign again and read the same.
        const auto again = jwt.verify(jwt.sign(*signedClaims), Now);
        TU_FUZZ_CHECK(again.ok() && again->sub == signedClaims->sub && again->exp == signedClaims->exp
                      && again->tokenVersion == signedClaims->tokenVersion);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray header = tu::fuzz::bytes(data, size);
    const tu::Jwt jwt(Secret);
    const auto jar = tu::cookies::parse(header);
    // The same order as ApiServer: `token`, then `auth_token`; and the whole value as a Bearer token.
    verify(jwt, jar.value("token", jar.value("auth_token")));
    verify(jwt, header.trimmed());
    const QByteArray alg = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(B64);
    verify(jwt, alg + '.' + header.toBase64(B64) + ".x");
    return 0;
}
