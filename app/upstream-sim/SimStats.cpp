#include "SimStats.h"

void SimStats::reset()
{
    m_requests = 0;
    m_injected = 0;
    m_byKind.clear();
    m_pushed.clear();
    // SIAKAD's list always appears, even before anything was pushed, so clients of
    // /__sim/stats can index it without checking. SPLP and SIPD report counters of their
    // current state under "pushed" themselves (Upstream::addStats), not a list of records.
    m_pushed.insert(QStringLiteral("siakad"), QJsonArray());
}

void SimStats::countFailure(const QString &kind)
{
    ++m_injected;
    ++m_byKind[kind];
}

void SimStats::recordPush(const QString &upstream, const QJsonArray &records)
{
    QJsonArray &list = m_pushed[upstream];
    for (const QJsonValue &v : records)
        list.append(v);
}

QJsonObject SimStats::failuresByKind() const
{
    QJsonObject o;
    for (auto it = m_byKind.cbegin(); it != m_byKind.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject SimStats::pushed() const
{
    QJsonObject o;
    for (auto it = m_pushed.cbegin(); it != m_pushed.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
