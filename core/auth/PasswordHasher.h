#pragma once
#include <QByteArray>
#include <QString>

namespace tu {

// bcrypt ($2b$) through libxcrypt. Hashing costs ~50-100 ms at cost 10 by design: callers on
// the HTTP thread run it on the worker pool.
class PasswordHasher
{
public:
    static constexpr int DefaultCost = 10;
    static QByteArray hash(const QString &password, int cost = DefaultCost);
    static bool verify(const QString &password, const QByteArray &hash);
    // A valid hash of a random password, for equal timing when a username does not exist.
    static const QByteArray &dummyHash();
};

} // namespace tu
