#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

// What the simulator saw since start or the last /__sim/reset. Upstreams append the records
// clients pushed to them under their own key, so tests can assert on what was sent.
class SimStats
{
public:
    SimStats() { reset(); }

    void reset();
    void countRequest() { ++m_requests; }
    void countFailure(const QString &kind);
    void recordPush(const QString &upstream, const QJsonArray &records);

    int requests() const { return m_requests; }
    int injectedFailures() const { return m_injected; }
    QJsonObject failuresByKind() const;
    QJsonObject pushed() const;

private:
    int m_requests = 0;
    int m_injected = 0;
    QMap<QString, int> m_byKind;
    QMap<QString, QJsonArray> m_pushed;
};
