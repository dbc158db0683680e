#include "PageParts.h"
#include "Icons.h"

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
