#pragma once
#include "Result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <functional>

namespace tu {

enum class RateScope { None, Public, Auth, Protected, Register, Upload, Lookup };
QString rateScopeName(RateScope scope);

// Per-client-IP token buckets, one per scope (DESIGN.md section 3): public 100/min, auth 5/min,
// protected 60/min, PPDB register 5/hour, upload 20/hour, PPDB status/NISN lookup 20/min.
// `TATAUSAHA_RATE_LIMITS` may say `off`
// or override limits: `public=300,auth=10,register=20`.
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

private:
    struct Bucket { double tokens; qint64 updatedMs; };
    QHash<RateScope, Rule> m_rules;
    bool m_enabled = true;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    Clock m_clock;
};

} // namespace tu
