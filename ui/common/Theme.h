#pragma once
#include <QColor>
#include <QString>

class QApplication;
class QWidget;

namespace tu::ui {

// One look for every window: Fusion (identical on Windows and Linux), a light palette and one
// style sheet, resources/theme/tatausaha.qss, keyed on object names and the dynamic properties
// below. Colours are tokens: the list here is the only place a colour value is written. The
// style sheet names them as `@token`; C++ (table models, charts, icons) uses the constants.
namespace theme {

// X(constant, name in the style sheet, value)
#define TU_THEME_TOKENS(X)                                                                          \
    /* neutrals (slate) */                                                                          \
    X(Canvas, canvas, 0xf1f5f9)               /* window background */                               \
    X(Surface, surface, 0xffffff)             /* cards, inputs, tables */                           \
    X(Subtle, subtle, 0xf8fafc)               /* read-only fields, table stripes, headers */        \
    X(Border, border, 0xe2e8f0)               /* card edges and separators */                       \
    X(BorderStrong, borderStrong, 0xcbd5e1)   /* input edges */                                     \
    X(TextFaint, textFaint, 0x94a3b8)         /* disabled text, placeholders */                     \
    X(TextMuted, textMuted, 0x64748b)         /* hints, captions */                                 \
    X(TextSoft, textSoft, 0x475569)           /* secondary text, column headers */                  \
    X(Text, text, 0x334155)                   /* body text, icons on plain buttons */               \
    X(TextStrong, textStrong, 0x0f172a)       /* titles, values */                                  \
    X(OnAccent, onAccent, 0xffffff)           /* text and icons on accent or dark backgrounds */   \
    X(Sidebar, sidebar, 0x1e293b)                                                                   \
    X(SidebarHover, sidebarHover, 0x334155)                                                         \
    X(SidebarText, sidebarText, 0xcbd5e1)                                                           \
    /* accent (blue) */                                                                             \
    X(AccentTint, accentTint, 0xeff6ff)                                                             \
    X(AccentSoft, accentSoft, 0xdbeafe)       /* selection */                                       \
    X(AccentLine, accentLine, 0xbfdbfe)                                                             \
    X(AccentFaint, accentFaint, 0x93c5fd)     /* disabled primary button */                         \
    X(Primary, primary, 0x2563eb)             /* primary buttons, focus ring, links */              \
    X(PrimaryDark, primaryDark, 0x1d4ed8)                                                           \
    X(PrimaryDeep, primaryDeep, 0x1e40af)                                                           \
    X(PrimaryDeepest, primaryDeepest, 0x1e3a8a)                                                     \
    X(Info, info, 0x0ea5e9)                                                                         \
    /* outcomes */                                                                                  \
    X(SuccessTint, successTint, 0xf0fdf4)                                                           \
    X(SuccessSoft, successSoft, 0xdcfce7)                                                           \
    X(SuccessLine, successLine, 0xbbf7d0)                                                           \
    X(SuccessBright, successBright, 0x16a34a)                                                       \
    X(Success, success, 0x15803d)                                                                   \
    X(SuccessDeep, successDeep, 0x166534)                                                           \
    X(WarningTint, warningTint, 0xfffbeb)                                                           \
    X(WarningSoft, warningSoft, 0xfef3c7)                                                           \
    X(WarningLine, warningLine, 0xfde68a)                                                           \
    X(WarningBorder, warningBorder, 0xfcd34d)                                                       \
    X(WarningBright, warningBright, 0xf59e0b)                                                       \
    X(WarningIcon, warningIcon, 0xd97706)                                                           \
    X(Warning, warning, 0xb45309)                                                                   \
    X(WarningDeep, warningDeep, 0x92400e)                                                           \
    X(MarkSoft, markSoft, 0xfef9c3)           /* a changed cell */                                  \
    X(Mark, mark, 0xfef08a)                   /* a search hit */                                    \
    X(DangerTint, dangerTint, 0xfef2f2)                                                             \
    X(DangerSoft, dangerSoft, 0xfee2e2)                                                             \
    X(DangerLine, dangerLine, 0xfecaca)                                                             \
    X(DangerFaint, dangerFaint, 0xfca5a5)                                                           \
    X(DangerBright, dangerBright, 0xdc2626)                                                         \
    X(Danger, danger, 0xb91c1c)                                                                     \
    X(DangerDeep, dangerDeep, 0x991b1b)                                                             \
    X(DangerDeepest, dangerDeepest, 0x7f1d1d)                                                       \
    /* chart series beyond the ones above */                                                        \
    X(ChartViolet, chartViolet, 0x8b5cf6)                                                           \
    X(ChartRed, chartRed, 0xef4444)                                                                 \
    X(ChartTeal, chartTeal, 0x14b8a6)                                                               \
    X(ChartPink, chartPink, 0xec4899)

#define TU_THEME_DECLARE(constant, name, rgb) inline const QColor constant{QRgb(rgb)};
TU_THEME_TOKENS(TU_THEME_DECLARE)
#undef TU_THEME_DECLARE

// The colour of a token by its style sheet name (without the @); invalid if unknown.
QColor token(const QString &name);
// The style sheet with every @token replaced by its colour (unknown tokens are left as they are
// and reported by unknownTokens()).
QString styleSheet();
QStringList unknownTokens(const QString &sheet);

void apply(QApplication &app);

// Buttons: "primary" (filled), "danger" (red text), or default. Set before the first show, or
// call repolish() after.
void setVariant(QWidget *button, const char *variant);
// Re-applies the style sheet after a dynamic property change (e.g. "invalid" on an input).
void repolish(QWidget *widget);

} // namespace theme
} // namespace tu::ui
