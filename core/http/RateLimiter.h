#pragma once
#include "LruMap.h"
#include "Result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <functional>

namespace tu {

enum class RateScope { None, Public, Auth, Protected, Register, Upload, Lookup };
QString rateScopeName(RateScope scope);

// Per-client token buckets, one per scope: public 100/min, auth 5/min, protected 60/min, PPDB
// register 5/hour, upload 20/hour, PPDB status/NISN lookup 20/min. A client is an IPv4 address
// (IPv4-mapped IPv6 counts as IPv4) or an IPv6 /64. `TATAUSAHA_RATE_LIMITS` may say `off` or
// override limits: `public=300,auth=10,register=20,lookup=40`.
class RateLimiter
{
public:
    struct Rule { int limit = 0; qint64 windowMs = 60000; };
    using Clock = std::function<qint64()>; // ms

    RateLimiter();
    Status configure(const QString &spec);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    bool enabled() const { return m_enabled; }
    Rule rule(RateScope scope) const { return m_rules.value(scope); }

    // 0 if allowed (and counted), else the seconds to wait.
    int take(RateScope scope, const QString &clientIp);
    void reset();
    int bucketCount();

    // The client an address counts as: the IPv4 address itself, or the IPv6 /64 it lies in
    // ("2001:db8:1:2::/64"). Anything unparsable stays as given.
    static QString clientKey(const QString &ip);
    static constexpr int MaxBuckets = 200000;

private:
    struct Bucket { double tokens; qint64 updatedMs; };
    QHash<RateScope, Rule> m_rules;
    bool m_enabled = true;
    QMutex m_mutex;
    LruMap<QString, Bucket> m_buckets;
    Clock m_clock;
};

} // namespace tu
