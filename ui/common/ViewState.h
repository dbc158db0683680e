#pragma once
#include <QSize>
#include <QString>

class QHeaderView;
class QSplitter;
class QWidget;

namespace tu::ui {

// What the office set up stays set up: window size and position, splitters, table column
// widths and sort orders, kept per computer in the application's QSettings under `key`.

// Restores `window`'s saved geometry onto a screen that still exists; the first time, fills the
// available screen (maximized where it is smaller than `preferred`). Call before show().
// Returns true when the window should be shown maximized.
bool restoreWindow(QWidget *window, const QString &key, QSize preferred);
void saveWindow(const QWidget *window, const QString &key);

// Restores and then keeps saving the header's column widths and sort indicator.
void rememberHeader(QHeaderView *header, const QString &key);
void rememberSplitter(QSplitter *splitter, const QString &key);

// For a table (its header) or a splitter, once the page around it is built: the key is the
// widget's place by object names up to its page or dialog ("kontenPage/newsTab/itemsTable"), so
// it is the same wherever the page is shown. A widget without a name is not remembered.
void rememberWhenNamed(QWidget *tableOrSplitter);
QString viewKey(const QWidget *widget);

} // namespace tu::ui
