#include "PasswordHasher.h"
#include "ConstantTime.h"

#include <crypt.h>
#include <cstring>
#include <memory>

namespace tu {

QByteArray PasswordHasher::hash(const QString &password, int cost)
{
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // nullptr random bytes: libxcrypt takes them from the OS CSPRNG.
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, setting, sizeof setting))
        return {};
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const QByteArray utf8 = password.toUtf8();
    const char *out = crypt_rn(utf8.constData(), setting, data.get(), sizeof(crypt_data));
    if (!out || out[0] == '*')
        return {};
    return QByteArray(out);
}

bool PasswordHasher::verify(const QString &password, const QByteArray &hash)
{
    if (!hash.startsWith("$2"))
        return false;
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const QByteArray utf8 = password.toUtf8();
    const char *out = crypt_rn(utf8.constData(), hash.constData(), data.get(), sizeof(crypt_data));
    if (!out || out[0] == '*')
        return false;
    return constantTimeEquals(QByteArray(out), hash);
}

const QByteArray &PasswordHasher::dummyHash()
{
    static const QByteArray h = hash(QStringLiteral("tidak-ada-pengguna-ini"));
    return h;
}

} // namespace tu
