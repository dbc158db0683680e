#pragma once
// Real images (encoded by Qt) and content input for the content, media and works suites.
#include "auth/Actor.h"
#include "auth/Roles.h"

#include <QBuffer>
#include <QImage>
#include <QJsonObject>
#include <QPainter>

namespace tu::test {

// A w×h picture with a diagonal, encoded as `format` (PNG, JPEG, WEBP).
inline QByteArray imageBytes(const char *format, int w = 64, int h = 48, bool alpha = false)
{
    QImage img(w, h, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    img.fill(alpha ? QColor(20, 120, 200, 128) : QColor(20, 120, 200));
    QPainter p(&img);
    p.setPen(Qt::white);
    p.drawLine(0, 0, w - 1, h - 1);
    p.end();
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, format);
    return out;
}

inline Actor actorOf(const QString &userId, const QString &username, Role role)
{
    return Actor{userId, username, role, QStringLiteral("127.0.0.1"), false};
}

inline QJsonObject newsInput(const QString &title, const QString &status = QStringLiteral("published"),
                             const QString &category = QStringLiteral("Kegiatan"))
{
    return {{"title", title}, {"category", category}, {"status", status},
            {"content", QStringLiteral("<p>Isi berita %1 untuk warga sekolah.</p>").arg(title)}};
}

} // namespace tu::test
