#include "PlaceholderPage.h"
#include "common/Icons.h"
#include "common/PageHeader.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tu::ui {

PlaceholderPage::PlaceholderPage(const PageInfo &info, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("placeholder"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 24);
    page->setSpacing(20);
    page->addWidget(new PageHeader(info.title, QString(), this)); // the card says what is coming

    // The card fills the page; its content sits centred in a column of readable width.
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto *outer = new QHBoxLayout(card);
    outer->setContentsMargins(40, 40, 40, 40);
    auto *column = new QWidget(card);
    column->setMaximumWidth(560);
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addStretch(2);

    auto *icon = plainLabel(column);
    icon->setObjectName(QStringLiteral("placeholderIcon"));
    icon->setFixedSize(72, 72);
    icon->setAlignment(Qt::AlignCenter);
    icon->setPixmap(icons::pixmap(info.icon, theme::Primary, 34, devicePixelRatioF()));
    v->addWidget(icon, 0, Qt::AlignHCenter);
    v->addSpacing(18);

    auto *badge = plainLabel(tr("Segera hadir"), column);
    badge->setObjectName(QStringLiteral("badge"));
    badge->setFixedHeight(24);
    v->addWidget(badge, 0, Qt::AlignHCenter);
    v->addSpacing(12);

    auto *title = plainLabel(tr("Modul %1 sedang disiapkan").arg(info.title), column);
    title->setObjectName(QStringLiteral("placeholderTitle"));
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    v->addWidget(title);
    v->addSpacing(8);

    auto *text = plainLabel(info.description, column);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    v->addWidget(text);
    v->addStretch(3);

    outer->addStretch(1);
    outer->addWidget(column, 4);
    outer->addStretch(1);
    page->addWidget(card, 1);
}

} // namespace tu::ui
