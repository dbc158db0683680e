#pragma once
#include <QByteArray>

namespace tu {

// Compares secrets (signatures, hashes, API keys) without an early exit, so the time taken
// does not tell an attacker how many leading bytes were right. An empty secret never matches.
inline bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.isEmpty() || a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (int i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace tu
