#include "ScreenFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QWidget>

namespace tu::ui {

void fitToScreen(QWidget *window, QSize preferred)
{
    QScreen *screen = nullptr;
    if (QWidget *p = window->parentWidget())
        screen = p->window()->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    // Room for the window frame, which the geometry below does not include.
    const QRect avail = screen->availableGeometry().adjusted(8, 8, -8, -40);
    const QSize size = preferred.boundedTo(avail.size()).expandedTo(window->minimumSizeHint().boundedTo(avail.size()));
    window->resize(size);
    window->move(avail.center() - QPoint(size.width() / 2, size.height() / 2));
}

QScrollArea *scrollingBody(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setObjectName(QStringLiteral("scrollingBody"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    area->setWidget(content);
    content->setAutoFillBackground(false);
    area->viewport()->setAutoFillBackground(false);
    return area;
}

} // namespace tu::ui
