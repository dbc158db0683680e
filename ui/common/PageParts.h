#pragma once
// Pieces every list page is made of, so the pages look and behave alike: secondary action
// buttons with an icon, and the read-only, row-selecting data table.

#include <QString>

class QAbstractItemModel;
class QFrame;
class QHBoxLayout;
class QVBoxLayout;
class QPushButton;
class QLineEdit;
class QTableView;
class QWidget;

namespace tu::ui {

QPushButton *actionButton(const QString &text, const QString &icon, QWidget *parent);
// "Muat ulang" with the refresh icon, F5 while its page is visible; `toolTip` says what it reads.
QPushButton *reloadButton(const QString &toolTip, QWidget *parent);
// The page's main action in its header ("Tambah …"): a primary button with a plus.
QPushButton *primaryButton(const QString &text, QWidget *parent);

// The white card that holds a page's toolbar (already added on top) and its table.
struct Card {
    QFrame *frame;
    QVBoxLayout *layout;
    QHBoxLayout *toolbar;
};
Card makeCard(QWidget *parent, int toolbarVerticalMargin = 10);
// Read-only table of records: whole rows, one at a time, alternating colours, no grid, left-
// aligned header, no row numbers.
QTableView *dataTable(QAbstractItemModel *model, QWidget *parent, int rowHeight = 40);
// The search box of a list: search icon, clear button, named for screen readers ("Pencarian",
// the placeholder as description), object name "search".
QLineEdit *searchField(const QString &placeholder, QWidget *parent, int minimumWidth = 240);
// The eye button inside a password field that shows or hides what was typed.
void addRevealAction(QLineEdit *password);
// Gives the icon-only buttons Qt adds inside `edit` (its clear button, its actions) a name and
// a tooltip; call after adding the actions.
void nameIconButtons(QLineEdit *edit);

} // namespace tu::ui
