#include "LoginThrottle.h"
#include "http/RateLimiter.h"

#include <QDateTime>
#include <cmath>

namespace tu {

namespace {
QString normalizedUser(const QString &u) { return u.trimmed().toLower(); }
QString userKey(const QString &u) { return QStringLiteral("u:") + normalizedUser(u); }
// The same client grouping as the rate limiter: rotating through an IPv6 /64 is one client.
QString ipKey(const QString &ip) { return QStringLiteral("ip:") + RateLimiter::clientKey(ip); }
} // namespace

LoginThrottle::LoginThrottle(Clock clock) { setClock(std::move(clock)); }

void LoginThrottle::setClock(Clock clock)
{
    QMutexLocker l(&m_mutex);
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

int LoginThrottle::countLocked(const QString &key, qint64 now)
{
    QVector<qint64> *v = m_failures.find(key, false);
    if (!v)
        return 0;
    v->erase(std::remove_if(v->begin(), v->end(), [&](qint64 t) { return now - t > WindowMs; }), v->end());
    if (v->isEmpty()) {
        m_failures.remove(key);
        return 0;
    }
    return v->size();
}

bool LoginThrottle::captchaRequired(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    const qint64 now = m_clock();
    return countLocked(userKey(username), now) >= Threshold || countLocked(ipKey(ip), now) >= Threshold;
}

int LoginThrottle::accountWaitSeconds(const QString &username)
{
    QMutexLocker l(&m_mutex);
    const qint64 now = m_clock();
    const QString key = normalizedUser(username);
    Account *a = m_accounts.find(key, false);
    if (!a)
        return 0;
    if (now - a->lastFailureMs > BackoffMemoryMs) {
        m_accounts.remove(key);
        return 0;
    }
    if (now >= a->blockedUntilMs)
        return 0;
    return int(std::ceil(double(a->blockedUntilMs - now) / 1000.0));
}

void LoginThrottle::recordFailure(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    const qint64 now = m_clock();
    for (const QString &k : {userKey(username), ipKey(ip)}) {
        QVector<qint64> &v = m_failures.findOrInsert(k, {});
        v.append(now);
        if (v.size() > 50)
            v.remove(0, v.size() - 50);
    }
    Account &a = m_accounts.findOrInsert(normalizedUser(username), Account{});
    if (now - a.lastFailureMs > BackoffMemoryMs)
        a = Account{};
    ++a.failures;
    a.lastFailureMs = now;
    if (a.failures >= BackoffAfter) {
        const int doublings = qMin(a.failures - BackoffAfter, 20); // 2 s << 20 is far past the cap
        a.blockedUntilMs = now + qMin(MaxBackoffMs, FirstBackoffMs << doublings);
    }
}

void LoginThrottle::recordSuccess(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    m_failures.remove(userKey(username));
    m_failures.remove(ipKey(ip));
    m_accounts.remove(normalizedUser(username));
}

} // namespace tu
