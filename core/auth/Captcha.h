#pragma once
#include "LruMap.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace tu {

// Server-drawn numeric captcha. The image is painted on a QImage with plain line segments
// (no fonts), so the headless server needs no display and no QGuiApplication.
class CaptchaStore
{
public:
    struct Challenge {
        QString id;
        QString imageDataUrl; // data:image/png;base64,…
    };

    explicit CaptchaStore(int capacity = MaxEntries) : m_entries(capacity) {}
    Challenge create();
    // One use: the challenge is consumed whether the answer is right or not.
    bool check(const QString &id, const QString &answer);
    // For tests that must solve the captcha they asked for.
    QString answerForTesting(const QString &id) const;

    static QByteArray renderPng(const QString &digits, quint32 seed);
    int size() const;

    // Challenges kept at once; beyond it the oldest is dropped.
    static constexpr int MaxEntries = 10000;

private:
    struct Entry { QString answer; qint64 expiresMs; };
    mutable QMutex m_mutex;
    mutable LruMap<QString, Entry> m_entries;
};

} // namespace tu
