#include "RateLimiter.h"

#include <QDateTime>
#include <QHostAddress>
#include <cmath>

namespace tu {

QString rateScopeName(RateScope s)
{
    switch (s) {
    case RateScope::None: return QStringLiteral("none");
    case RateScope::Public: return QStringLiteral("public");
    case RateScope::Auth: return QStringLiteral("auth");
    case RateScope::Protected: return QStringLiteral("protected");
    case RateScope::Register: return QStringLiteral("register");
    case RateScope::Upload: return QStringLiteral("upload");
    case RateScope::Lookup: return QStringLiteral("lookup");
    }
    return {};
}

QString RateLimiter::clientKey(const QString &ip)
{
    QHostAddress a;
    if (!a.setAddress(ip))
        return ip;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4); // also ::ffff:a.b.c.d
    if (isV4)
        return QHostAddress(v4).toString();
    if (a.protocol() != QAbstractSocket::IPv6Protocol)
        return ip;
    // One subscriber usually holds a whole /64 and may pick any address in it for each request.
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

RateLimiter::RateLimiter() : m_buckets(MaxBuckets)
{
    m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    (void)configure(QString()); // the defaults always parse
}

Status RateLimiter::configure(const QString &spec)
{
    QHash<RateScope, Rule> rules{
        {RateScope::Public, {100, 60000}},      {RateScope::Auth, {5, 60000}},
        {RateScope::Protected, {60, 60000}},    {RateScope::Register, {5, 3600000}},
        {RateScope::Upload, {20, 3600000}},
        {RateScope::Lookup, {20, 60000}},
    };
    bool enabled = true;
    const QString s = spec.trimmed().toLower();
    if (s == QLatin1String("off")) {
        enabled = false;
    } else if (!s.isEmpty()) {
        for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList kv = part.split(QLatin1Char('='));
            bool ok = false;
            const int n = kv.size() == 2 ? kv[1].trimmed().toInt(&ok) : 0;
            RateScope scope = RateScope::None;
            for (RateScope c : {RateScope::Public, RateScope::Auth, RateScope::Protected, RateScope::Register, RateScope::Upload,
                                RateScope::Lookup})
                if (kv[0].trimmed() == rateScopeName(c))
                    scope = c;
            if (scope == RateScope::None || !ok || n <= 0)
                return Error::validation({{QStringLiteral("rate_limits"),
                                           QStringLiteral("Format batas laju: off, atau misalnya public=300,auth=10,register=20.")}});
            rules[scope].limit = n;
        }
    }
    QMutexLocker l(&m_mutex);
    m_rules = rules;
    m_enabled = enabled;
    m_buckets.clear();
    return {};
}

int RateLimiter::take(RateScope scope, const QString &clientIp)
{
    if (!m_enabled || scope == RateScope::None)
        return 0;
    QMutexLocker l(&m_mutex);
    const Rule rule = m_rules.value(scope);
    if (rule.limit <= 0)
        return 0;
    const qint64 now = m_clock();
    const double perMs = double(rule.limit) / double(rule.windowMs);
    // Bounded memory at a constant cost per request: when full, the bucket used longest ago
    // goes (it has most likely refilled anyway).
    const QString key = rateScopeName(scope) + QLatin1Char('|') + clientKey(clientIp);
    Bucket &b = m_buckets.findOrInsert(key, Bucket{double(rule.limit), now});
    b.tokens = qMin(double(rule.limit), b.tokens + (now - b.updatedMs) * perMs);
    b.updatedMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return qMax(1, int(std::ceil((1.0 - b.tokens) / perMs / 1000.0)));
}

void RateLimiter::reset()
{
    QMutexLocker l(&m_mutex);
    m_buckets.clear();
}

int RateLimiter::bucketCount()
{
    QMutexLocker l(&m_mutex);
    return m_buckets.size();
}

} // namespace tu
