#pragma once
#include <QSize>

class QWidget;
class QScrollArea;

namespace tu::ui {

// School offices run 1366×768 laptops and 1024×768 projectors with a taskbar: no window may
// open larger than the screen's available area, and a dialog's buttons must stay reachable.

// Resizes `window` to `preferred`, shrunk to the available geometry of the screen it will show
// on (its parent's, else the primary), and centres it there.
void fitToScreen(QWidget *window, QSize preferred);

// A frameless, widget-resizable scroll area around `content`, for the part of a dialog that
// may not fit; the dialog keeps its buttons outside it.
QScrollArea *scrollingBody(QWidget *content, QWidget *parent);

} // namespace tu::ui
