#pragma once
// Pieces every list page is made of, so the pages look and behave alike: secondary action
// buttons with an icon, and the read-only, row-selecting data table.

#include <QString>

class QAbstractItemModel;
class QPushButton;
class QTableView;
class QWidget;

namespace tu::ui {

QPushButton *actionButton(const QString &text, const QString &icon, QWidget *parent);
// Read-only table of records: whole rows, one at a time, alternating colours, no grid, left-
// aligned header, no row numbers.
QTableView *dataTable(QAbstractItemModel *model, QWidget *parent, int rowHeight = 40);

} // namespace tu::ui
