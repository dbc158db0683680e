#include "PageParts.h"
#include "common/Icons.h"
#include "common/Theme.h"

#include <QBoxLayout>
#include <QFrame>

#include <QHeaderView>
#include <QPushButton>
#include <QTableView>

namespace tu::ui {

QPushButton *actionButton(const QString &text, const QString &icon, QWidget *parent)
{
    auto *b = new QPushButton(icons::icon(icon, QColor(0x33, 0x41, 0x55)), text, parent);
    b->setIconSize(QSize(16, 16));
    b->setAutoDefault(false);
    return b;
}

QPushButton *primaryButton(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(icons::icon(QStringLiteral("plus"), Qt::white), text, parent);
    b->setIconSize(QSize(16, 16));
    b->setAutoDefault(false);
    theme::setVariant(b, "primary");
    return b;
}

Card makeCard(QWidget *parent, int toolbarVerticalMargin)
{
    Card c;
    c.frame = new QFrame(parent);
    c.frame->setObjectName(QStringLiteral("card"));
    c.layout = new QVBoxLayout(c.frame);
    c.layout->setContentsMargins(1, 1, 1, 1);
    c.layout->setSpacing(0);
    c.toolbar = new QHBoxLayout;
    c.toolbar->setContentsMargins(16, toolbarVerticalMargin, 16, toolbarVerticalMargin);
    c.toolbar->setSpacing(8);
    c.layout->addLayout(c.toolbar);
    return c;
}

QTableView *dataTable(QAbstractItemModel *model, QWidget *parent, int rowHeight)
{
    auto *t = new QTableView(parent);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(rowHeight);
    QHeaderView *h = t->horizontalHeader();
    h->setHighlightSections(false);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return t;
}

} // namespace tu::ui
