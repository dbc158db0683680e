#pragma once
#include "LruMap.h"

#include <QMutex>
#include <QString>
#include <QVector>
#include <functional>

namespace tu {

// Counts failed logins per username and per client address (IPv6 by /64) in a sliding window;
// after `Threshold` failures for either, login needs a captcha. Independently of the address,
// an account that failed `BackoffAfter` times makes every further attempt for that username
// wait: 2 s, then twice as long after each new failure, at most `MaxBackoffMs`. A successful
// login clears both. Memory is bounded: when full, the entry untouched longest is forgotten.
// Thread-safe; the clock is injectable for tests.
class LoginThrottle
{
public:
    using Clock = std::function<qint64()>; // milliseconds
    explicit LoginThrottle(Clock clock = {});
    void setClock(Clock clock);

    bool captchaRequired(const QString &username, const QString &ip);
    // 0 when the account may try now, else the seconds until it may.
    int accountWaitSeconds(const QString &username);
    void recordFailure(const QString &username, const QString &ip);
    void recordSuccess(const QString &username, const QString &ip);

    static constexpr int Threshold = 3;
    static constexpr qint64 WindowMs = 15 * 60 * 1000;
    static constexpr int BackoffAfter = 5;
    static constexpr qint64 FirstBackoffMs = 2000;
    static constexpr qint64 MaxBackoffMs = 15 * 60 * 1000;
    // An account's failures are forgotten after this long without a new one.
    static constexpr qint64 BackoffMemoryMs = 60 * 60 * 1000;
    static constexpr int MaxEntries = 100000;

private:
    struct Account { int failures = 0; qint64 lastFailureMs = 0; qint64 blockedUntilMs = 0; };
    int countLocked(const QString &key, qint64 now);
    QMutex m_mutex;
    LruMap<QString, QVector<qint64>> m_failures{MaxEntries};
    LruMap<QString, Account> m_accounts{MaxEntries};
    Clock m_clock;
};

} // namespace tu
