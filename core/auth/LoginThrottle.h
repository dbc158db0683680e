#pragma once
#include <QHash>
#include <QMutex>
#include <QString>
#include <QVector>
#include <functional>

namespace tu {

// Counts failed logins per username and per client IP in a sliding window; after `threshold`
// failures for either, login needs a captcha. Thread-safe; the clock is injectable for tests.
class LoginThrottle
{
public:
    using Clock = std::function<qint64()>; // milliseconds
    explicit LoginThrottle(Clock clock = {});
    void setClock(Clock clock);

    bool captchaRequired(const QString &username, const QString &ip);
    void recordFailure(const QString &username, const QString &ip);
    void recordSuccess(const QString &username, const QString &ip);

    static constexpr int Threshold = 3;
    static constexpr qint64 WindowMs = 15 * 60 * 1000;

private:
    int countLocked(const QString &key, qint64 now);
    QMutex m_mutex;
    QHash<QString, QVector<qint64>> m_failures;
    Clock m_clock;
};

} // namespace tu
