#include "FaultInjector.h"

#include <iterator>

namespace {
const FaultKind kRandomKinds[] = {FaultKind::Timeout, FaultKind::ServerError, FaultKind::Drop,
                                  FaultKind::Malformed, FaultKind::TooManyRequests};
}

void FaultInjector::reset(quint32 seed, double failRate)
{
    // Offset the seed so the fault sequence is independent of the data generators,
    // which are seeded from the same --seed.
    m_rng.seed(seed ^ 0x5EEDFA17u);
    m_failRate = failRate;
    m_forced.clear();
}

FaultKind FaultInjector::next()
{
    if (!m_forced.isEmpty()) {
        const FaultKind kind = m_forced.first().first;
        if (--m_forced.first().second <= 0)
            m_forced.removeFirst();
        return kind;
    }
    // Draw only when a rate is set: with rate 0 the RNG stays untouched, so setting a rate
    // later starts the same sequence regardless of how many requests came before.
    if (m_failRate <= 0.0 || m_rng.generateDouble() >= m_failRate)
        return FaultKind::None;
    return kRandomKinds[m_rng.bounded(int(std::size(kRandomKinds)))];
}

void FaultInjector::force(FaultKind kind, int count)
{
    if (kind != FaultKind::None && count > 0)
        m_forced.append({kind, count});
}

int FaultInjector::forcedPending() const
{
    int n = 0;
    for (const auto &f : m_forced)
        n += f.second;
    return n;
}

QString FaultInjector::name(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Timeout: return QStringLiteral("timeout");
    case FaultKind::ServerError: return QStringLiteral("5xx");
    case FaultKind::Drop: return QStringLiteral("drop");
    case FaultKind::Malformed: return QStringLiteral("malformed");
    case FaultKind::TooManyRequests: return QStringLiteral("429");
    case FaultKind::None: break;
    }
    return QStringLiteral("none");
}

FaultKind FaultInjector::fromName(const QString &name)
{
    for (FaultKind k : kRandomKinds) {
        if (FaultInjector::name(k) == name)
            return k;
    }
    return FaultKind::None;
}
