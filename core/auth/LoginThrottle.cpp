#include "LoginThrottle.h"

#include <QDateTime>

namespace tu {

namespace {
QString userKey(const QString &u) { return QStringLiteral("u:") + u.trimmed().toLower(); }
QString ipKey(const QString &ip) { return QStringLiteral("ip:") + ip; }
} // namespace

LoginThrottle::LoginThrottle(Clock clock) { setClock(std::move(clock)); }

void LoginThrottle::setClock(Clock clock)
{
    QMutexLocker l(&m_mutex);
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

int LoginThrottle::countLocked(const QString &key, qint64 now)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    auto &v = it.value();
    v.erase(std::remove_if(v.begin(), v.end(), [&](qint64 t) { return now - t > WindowMs; }), v.end());
    if (v.isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    return v.size();
}

bool LoginThrottle::captchaRequired(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    const qint64 now = m_clock();
    return countLocked(userKey(username), now) >= Threshold || countLocked(ipKey(ip), now) >= Threshold;
}

void LoginThrottle::recordFailure(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    const qint64 now = m_clock();
    if (m_failures.size() > 100000)
        m_failures.clear(); // bounded memory under a spray of usernames; captcha still gates by IP soon
    for (const QString &k : {userKey(username), ipKey(ip)}) {
        auto &v = m_failures[k];
        v.append(now);
        if (v.size() > 50)
            v.remove(0, v.size() - 50);
    }
}

void LoginThrottle::recordSuccess(const QString &username, const QString &ip)
{
    QMutexLocker l(&m_mutex);
    m_failures.remove(userKey(username));
    m_failures.remove(ipKey(ip));
}

} // namespace tu
