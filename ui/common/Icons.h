#pragma once
#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace tu::ui::icons {

// The line icons in resources/icons (24×24, stroke "currentColor"), tinted on load because the
// SVG renderer has no notion of a current colour. `selected` tints the Selected/Active modes
// (sidebar items on the blue highlight).
QIcon icon(const QString &name, const QColor &color, const QColor &selected = QColor());
QPixmap pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio = 1.0);

} // namespace tu::ui::icons
