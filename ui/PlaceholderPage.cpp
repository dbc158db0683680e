#include "PlaceholderPage.h"
#include "Icons.h"
#include "PageHeader.h"
#include "Theme.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace tu::ui {

PlaceholderPage::PlaceholderPage(const PageInfo &info, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("placeholder"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 24);
    page->setSpacing(20);
    page->addWidget(new PageHeader(info.title, info.description, this));

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(40, 48, 40, 48);
    v->setSpacing(14);
    v->setAlignment(Qt::AlignHCenter);

    auto *icon = new QLabel(card);
    icon->setObjectName(QStringLiteral("placeholderIcon"));
    icon->setFixedSize(72, 72);
    icon->setAlignment(Qt::AlignCenter);
    icon->setPixmap(icons::pixmap(info.icon, theme::Primary, 34, devicePixelRatioF()));
    v->addWidget(icon, 0, Qt::AlignHCenter);

    auto *badge = new QLabel(tr("Segera hadir"), card);
    badge->setObjectName(QStringLiteral("badge"));
    v->addWidget(badge, 0, Qt::AlignHCenter);

    auto *title = new QLabel(tr("Modul %1 sedang disiapkan").arg(info.title), card);
    title->setObjectName(QStringLiteral("placeholderTitle"));
    title->setAlignment(Qt::AlignCenter);
    v->addWidget(title);

    auto *text = new QLabel(info.description, card);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setMaximumWidth(520);
    v->addWidget(text, 0, Qt::AlignHCenter);

    page->addWidget(card);
    page->addStretch(1);
}

} // namespace tu::ui
