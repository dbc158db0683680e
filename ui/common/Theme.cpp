#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QVariant>
#include <QWidget>

namespace tu::ui::theme {

namespace {

// Slate greys and one blue accent; sizes in px so the layout holds at any system font size.
const char *StyleSheet = R"css(
QMainWindow, QDialog { background: #f1f5f9; }
QWidget#content { background: #f1f5f9; }

QWidget#sidebarPanel { background: #1e293b; }
QLabel#brandTitle { color: #ffffff; font-size: 17px; font-weight: 700; }
QLabel#brandSubtitle { color: #94a3b8; font-size: 11px; }
QLabel#sidebarSection { color: #64748b; font-size: 10px; font-weight: 700; letter-spacing: 1px; padding-left: 22px; }
QLabel#sidebarFooter { color: #64748b; font-size: 11px; padding: 10px 22px; }
QListWidget#sidebar { background: transparent; border: none; color: #cbd5e1; font-size: 13px; outline: 0; }
QListWidget#sidebar::item { padding: 9px 10px; margin: 1px 12px; border-radius: 6px; }
QListWidget#sidebar::item:hover { background: #334155; color: #ffffff; }
QListWidget#sidebar::item:selected { background: #2563eb; color: #ffffff; }

QWidget#headerBar { background: #ffffff; border-bottom: 1px solid #e2e8f0; }
QLabel#schoolName { color: #0f172a; font-size: 17px; font-weight: 700; }
QLabel#headerSubtitle { color: #64748b; font-size: 12px; }
QLabel#userName { color: #0f172a; font-size: 13px; font-weight: 600; }
QLabel#userRole { color: #64748b; font-size: 11px; }
QLabel#avatar { background: #dbeafe; color: #1d4ed8; border-radius: 18px; font-size: 13px; font-weight: 700; }

QLabel#pageTitle { color: #0f172a; font-size: 21px; font-weight: 700; }
QLabel#pageSubtitle { color: #64748b; font-size: 13px; }
QLabel#sectionTitle { color: #0f172a; font-size: 14px; font-weight: 700; }
QLabel#hint { color: #64748b; font-size: 11px; }
QLabel#countLabel { color: #64748b; font-size: 12px; }
QLabel[role="fieldError"] { color: #b91c1c; font-size: 11px; }

QFrame#card { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px; }
QLabel#placeholderIcon { background: #eff6ff; border-radius: 36px; }
QLabel#placeholderTitle { color: #0f172a; font-size: 19px; font-weight: 700; }
QLabel#placeholderText { color: #475569; font-size: 13px; }
QLabel#badge { background: #fef3c7; color: #92400e; border: 1px solid #fde68a; border-radius: 12px; padding: 0 12px; font-size: 11px; font-weight: 700; }

QFrame#banner { border-radius: 8px; }
QFrame#banner[kind="error"] { background: #fef2f2; border: 1px solid #fecaca; }
QFrame#banner[kind="success"] { background: #f0fdf4; border: 1px solid #bbf7d0; }
QFrame#banner[kind="info"] { background: #eff6ff; border: 1px solid #bfdbfe; }
QFrame#banner[kind="error"] QLabel#bannerText { color: #991b1b; }
QFrame#banner[kind="success"] QLabel#bannerText { color: #166534; }
QFrame#banner[kind="info"] QLabel#bannerText { color: #1e40af; }
QFrame#banner QToolButton { border: none; background: transparent; padding: 2px; }

QPushButton { background: #ffffff; color: #0f172a; border: 1px solid #cbd5e1; border-radius: 6px;
              padding: 6px 14px; font-size: 13px; min-height: 18px; }
QPushButton:hover { background: #f8fafc; border-color: #94a3b8; }
QPushButton:pressed { background: #e2e8f0; }
QPushButton:focus { border: 2px solid #2563eb; padding: 5px 13px; }
QPushButton:disabled { color: #94a3b8; background: #f8fafc; border-color: #e2e8f0; }
QPushButton[variant="primary"] { background: #2563eb; color: #ffffff; border-color: #2563eb; font-weight: 600; }
QPushButton[variant="primary"]:hover { background: #1d4ed8; border-color: #1d4ed8; }
QPushButton[variant="primary"]:focus { border: 2px solid #1e3a8a; }
QPushButton[variant="primary"]:disabled { background: #93c5fd; border-color: #93c5fd; color: #ffffff; }
QPushButton[variant="danger"] { color: #b91c1c; }
QPushButton[variant="danger"]:hover { background: #fef2f2; border-color: #fca5a5; }
QPushButton[variant="danger"]:disabled { color: #94a3b8; }
QPushButton[variant="flat"] { border: none; background: transparent; color: #475569; }
QPushButton[variant="flat"]:hover { background: #f1f5f9; color: #0f172a; }

QLineEdit, QComboBox, QSpinBox, QPlainTextEdit { background: #ffffff; color: #0f172a; border: 1px solid #cbd5e1;
              border-radius: 6px; padding: 5px 8px; font-size: 13px; selection-background-color: #bfdbfe;
              selection-color: #0f172a; }
QLineEdit, QComboBox, QSpinBox { min-height: 20px; }
/* A focus ring people can see: 2 px, padding reduced by the extra pixel so nothing moves. */
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QPlainTextEdit:focus { border: 2px solid #2563eb; padding: 4px 7px; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] { border-color: #dc2626; }
QLineEdit:read-only { background: #f8fafc; color: #475569; }
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled { background: #f1f5f9; color: #94a3b8; }
QComboBox::drop-down { border: none; width: 26px; }
QComboBox::down-arrow { image: url(:/icons/combo-arrow.svg); width: 14px; height: 14px; }
QComboBox QAbstractItemView { background: #ffffff; border: 1px solid #cbd5e1; selection-background-color: #dbeafe;
              selection-color: #0f172a; outline: 0; }
QCheckBox { color: #0f172a; font-size: 13px; spacing: 8px; }

QTableView { background: #ffffff; alternate-background-color: #f8fafc; border: none; gridline-color: #f1f5f9;
             selection-background-color: #dbeafe; selection-color: #0f172a; font-size: 13px; outline: 0; }
QTableView::item { padding: 0 10px; border-bottom: 1px solid #f1f5f9; }
QTableView:focus, QListView:focus, QTreeView:focus { border: 2px solid #2563eb; }
QCheckBox:focus, QRadioButton:focus { color: #1d4ed8; }
QLabel[variant="warning"] { color: #92400e; background: #fffbeb; border: 1px solid #fcd34d; border-radius: 6px; padding: 8px 10px; }
QHeaderView { background: #ffffff; }
QHeaderView::section { background: #f8fafc; color: #475569; font-size: 12px; font-weight: 700; padding: 9px 13px;
             border: none; border-top: 1px solid #e2e8f0; border-bottom: 1px solid #e2e8f0; }

QStatusBar { background: #ffffff; border-top: 1px solid #e2e8f0; color: #475569; font-size: 12px; }
QStatusBar::item { border: none; }
QMenuBar { background: #ffffff; color: #0f172a; border-bottom: 1px solid #e2e8f0; }
QMenuBar::item { padding: 4px 10px; background: transparent; }
QMenuBar::item:selected { background: #f1f5f9; border-radius: 4px; }
QMenu { background: #ffffff; border: 1px solid #e2e8f0; padding: 4px; }
QMenu::item { padding: 6px 24px 6px 12px; border-radius: 4px; }
QMenu::item:selected { background: #dbeafe; color: #0f172a; }
QMenu::separator { height: 1px; background: #e2e8f0; margin: 4px 6px; }
QToolTip { background: #0f172a; color: #ffffff; border: none; padding: 4px 8px; }
QScrollArea { background: transparent; border: none; }
)css";

} // namespace

void apply(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = app.palette();
    p.setColor(QPalette::Window, QColor(0xf1, 0xf5, 0xf9));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf8, 0xfa, 0xfc));
    p.setColor(QPalette::Text, TextStrong);
    p.setColor(QPalette::WindowText, TextStrong);
    p.setColor(QPalette::ButtonText, TextStrong);
    p.setColor(QPalette::Button, Qt::white);
    p.setColor(QPalette::Highlight, Primary);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x94, 0xa3, 0xb8));
    p.setColor(QPalette::Link, Primary);
    app.setPalette(p);
    app.setStyleSheet(QString::fromUtf8(StyleSheet));
}

void setVariant(QWidget *button, const char *variant)
{
    button->setProperty("variant", QString::fromLatin1(variant));
    repolish(button);
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace tu::ui::theme
