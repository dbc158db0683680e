#include "Captcha.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QUuid>

namespace tu {

namespace {
constexpr qint64 LifetimeMs = 5 * 60 * 1000;
constexpr int Length = 5;

// Seven-segment layout: a b c d e f g (top, top-right, bottom-right, bottom, bottom-left,
// top-left, middle).
constexpr unsigned char Segments[10] = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

void drawDigit(QPainter &p, int digit, QPointF origin, qreal w, qreal h, QRandomGenerator &rng)
{
    const QPointF tl = origin, tr = origin + QPointF(w, 0), ml = origin + QPointF(0, h / 2),
                  mr = origin + QPointF(w, h / 2), bl = origin + QPointF(0, h), br = origin + QPointF(w, h);
    const QLineF seg[7] = {{tl, tr}, {tr, mr}, {mr, br}, {bl, br}, {ml, bl}, {tl, ml}, {ml, mr}};
    auto jitter = [&](QPointF pt) {
        return pt + QPointF(rng.bounded(5) - 2, rng.bounded(5) - 2);
    };
    for (int s = 0; s < 7; ++s)
        if (Segments[digit] & (1 << s))
            p.drawLine(jitter(seg[s].p1()), jitter(seg[s].p2()));
}
} // namespace

QByteArray CaptchaStore::renderPng(const QString &digits, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage img(180, 60, QImage::Format_RGB32);
    img.fill(QColor(245, 245, 240));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 8; ++i) { // noise lines
        p.setPen(QPen(QColor(rng.bounded(120, 200), rng.bounded(120, 200), rng.bounded(120, 200)), 1.5));
        p.drawLine(rng.bounded(180), rng.bounded(60), rng.bounded(180), rng.bounded(60));
    }
    for (int i = 0; i < digits.size(); ++i) {
        p.save();
        const QPointF origin(14 + i * 32, 12 + rng.bounded(8));
        p.translate(origin + QPointF(9, 16));
        p.rotate(rng.bounded(-12, 13));
        p.translate(-9, -16);
        p.setPen(QPen(QColor(rng.bounded(20, 90), rng.bounded(20, 90), rng.bounded(60, 130)), 4,
                      Qt::SolidLine, Qt::RoundCap));
        drawDigit(p, digits.at(i).digitValue(), QPointF(0, 0), 18, 32, rng);
        p.restore();
    }
    for (int i = 0; i < 120; ++i) { // speckles
        p.setPen(QColor(rng.bounded(100, 220), rng.bounded(100, 220), rng.bounded(100, 220)));
        p.drawPoint(rng.bounded(180), rng.bounded(60));
    }
    p.end();
    QByteArray png;
    QBuffer buf(&png);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return png;
}

CaptchaStore::Challenge CaptchaStore::create()
{
    QString answer;
    for (int i = 0; i < Length; ++i)
        answer += QChar(u'0' + QRandomGenerator::system()->bounded(10));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray png = renderPng(answer, QRandomGenerator::system()->generate());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker l(&m_mutex);
        // Entries are never touched after creation, so the oldest end holds the expired ones;
        // when still full, the oldest challenge goes (inside LruMap) instead of everyone's.
        while (m_entries.oldest() && m_entries.oldest()->second.expiresMs < now)
            m_entries.evictOldest();
        m_entries.findOrInsert(id, {answer, now + LifetimeMs});
    }
    return {id, QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64())};
}

bool CaptchaStore::check(const QString &id, const QString &answer)
{
    QMutexLocker l(&m_mutex);
    const Entry *found = m_entries.find(id, false);
    if (!found)
        return false;
    const Entry e = *found;
    m_entries.remove(id);
    return e.expiresMs >= QDateTime::currentMSecsSinceEpoch() && e.answer == answer.trimmed();
}

int CaptchaStore::size() const
{
    QMutexLocker l(&m_mutex);
    return m_entries.size();
}

QString CaptchaStore::answerForTesting(const QString &id) const
{
    QMutexLocker l(&m_mutex);
    const Entry *e = m_entries.find(id, false);
    return e ? e->answer : QString();
}

} // namespace tu
