#pragma once
#include <QColor>

class QApplication;
class QWidget;

namespace tu::ui {

// One look for every window: Fusion (identical on Windows and Linux), a light palette and a
// style sheet keyed on object names and the dynamic properties below.
namespace theme {

inline const QColor Primary{0x25, 0x63, 0xeb};
inline const QColor Sidebar{0x1e, 0x29, 0x3b};
inline const QColor SidebarText{0xcb, 0xd5, 0xe1};
inline const QColor TextStrong{0x0f, 0x17, 0x2a};
inline const QColor TextMuted{0x64, 0x74, 0x8b};
inline const QColor Success{0x15, 0x80, 0x3d};
inline const QColor Danger{0xb9, 0x1c, 0x1c};

void apply(QApplication &app);

// Buttons: "primary" (filled), "danger" (red text), or default. Set before the first show, or
// call repolish() after.
void setVariant(QWidget *button, const char *variant);
// Re-applies the style sheet after a dynamic property change (e.g. "invalid" on an input).
void repolish(QWidget *widget);

} // namespace theme
} // namespace tu::ui
