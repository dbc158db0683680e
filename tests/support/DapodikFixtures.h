#pragma once
// A Core whose Dapodik settings point at the real simulator, and helpers to run a job to its end.
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

namespace tu::test {

inline Status pointAtSim(Core &core, const UpstreamSim &sim, const QString &apiKey = QStringLiteral("sim-dapodik-key"),
                         const QString &password = QStringLiteral("sim-dapodik-pass"))
{
    return core.settings().set(Actor::system(QStringLiteral("test")),
                               {{"dapodik_url", sim.url()}, {"dapodik_username", "sim-dapodik"}, {"dapodik_password", password},
                                {"dapodik_api_key", apiKey}, {"upstream_timeout_ms", "2000"}, {"upstream_backoff_ms", "20"},
                                {"sync_concurrency", "4"}});
}

// Waits for the running job (events delivered through the event loop) and returns its last progress.
inline Progress waitForJob(Core &core, int timeoutMs = 30000)
{
    JobRunner &m = core.dapodik().jobs();
    QElapsedTimer t;
    t.start();
    while (m.isRunning() && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    m.waitForIdle(1000);
    QCoreApplication::processEvents();
    return m.current();
}

inline qint64 count(Core &core, const QString &sql)
{
    auto q = core.db().exec(sql);
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

} // namespace tu::test
