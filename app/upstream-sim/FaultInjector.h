#pragma once

#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <QString>

enum class FaultKind { None, Timeout, ServerError, Drop, Malformed, TooManyRequests };

// Decides, request by request, whether an upstream request fails and how. Forced faults
// (POST /__sim/faults) come first, in the order they were queued; otherwise a seeded RNG
// fails a request with probability failRate, so a given seed and request order always
// produce the same faults.
class FaultInjector
{
public:
    FaultInjector(quint32 seed, double failRate) { reset(seed, failRate); }

    void reset(quint32 seed, double failRate);
    FaultKind next();

    void force(FaultKind kind, int count);
    void clearForced() { m_forced.clear(); }
    int forcedPending() const;

    double failRate() const { return m_failRate; }
    void setFailRate(double rate) { m_failRate = rate; }

    // Names used on the wire: timeout, 5xx, drop, malformed, 429.
    static QString name(FaultKind kind);
    static FaultKind fromName(const QString &name); // None if unknown

private:
    QRandomGenerator m_rng;
    double m_failRate = 0.0;
    QList<QPair<FaultKind, int>> m_forced;
};
