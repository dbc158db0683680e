#include "Icons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

namespace tu::ui::icons {

namespace {
QByteArray tinted(const QString &name, const QColor &color)
{
    static QHash<QString, QByteArray> cache; // GUI thread only
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile f(QStringLiteral(":/icons/%1.svg").arg(name));
        it = cache.insert(name, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
    }
    QByteArray svg = it.value();
    return svg.replace("currentColor", color.name().toLatin1());
}
} // namespace

QPixmap pixmap(const QString &name, const QColor &color, int size, qreal dpr)
{
    QSvgRenderer renderer(tinted(name, color));
    QPixmap pm(qRound(size * dpr), qRound(size * dpr));
    pm.fill(Qt::transparent);
    if (renderer.isValid()) {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p);
    }
    pm.setDevicePixelRatio(dpr);
    return pm;
}

QIcon icon(const QString &name, const QColor &color, const QColor &selected)
{
    QIcon result;
    for (int size : {16, 18, 20, 24, 32, 48}) {
        for (qreal dpr : {1.0, 2.0}) {
            result.addPixmap(pixmap(name, color, size, dpr), QIcon::Normal);
            if (selected.isValid()) {
                const QPixmap on = pixmap(name, selected, size, dpr);
                result.addPixmap(on, QIcon::Selected);
                result.addPixmap(on, QIcon::Active);
            }
        }
    }
    return result;
}

} // namespace tu::ui::icons
