#include "PageParts.h"
#include "ViewState.h"
#include "common/Icons.h"
#include "common/Theme.h"

#include <QAction>
#include <QBoxLayout>
#include <QCoreApplication>
#include <QFrame>
#include <QHeaderView>
#include <QLineEdit>
#include <QShortcut>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

namespace tu::ui {

QPushButton *actionButton(const QString &text, const QString &icon, QWidget *parent)
{
    auto *b = new QPushButton(icons::icon(icon, theme::Text), text, parent);
    b->setIconSize(QSize(16, 16));
    b->setAutoDefault(false);
    return b;
}

QPushButton *reloadButton(const QString &toolTip, QWidget *parent)
{
    auto *b = actionButton(QCoreApplication::translate("tu::ui::PageParts", "Muat ulang"), QStringLiteral("refresh"), parent);
    b->setObjectName(QStringLiteral("reloadList"));
    b->setAccessibleName(QCoreApplication::translate("tu::ui::PageParts", "Muat ulang"));
    b->setToolTip(toolTip);
    b->setShortcut(QKeySequence::Refresh);
    return b;
}

QPushButton *primaryButton(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(icons::icon(QStringLiteral("plus"), theme::OnAccent), text, parent);
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
    t->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move inside it
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(rowHeight);
    QHeaderView *h = t->horizontalHeader();
    h->setHighlightSections(false);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rememberWhenNamed(t); // column widths and sort order, per table
    return t;
}

QLineEdit *searchField(const QString &placeholder, QWidget *parent, int minimumWidth)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QStringLiteral("search"));
    e->setPlaceholderText(placeholder);
    e->setAccessibleName(QCoreApplication::translate("PageParts", "Pencarian"));
    e->setAccessibleDescription(placeholder);
    e->setClearButtonEnabled(true);
    QAction *icon = e->addAction(icons::icon(QStringLiteral("search"), theme::TextMuted), QLineEdit::LeadingPosition);
    icon->setToolTip(QCoreApplication::translate("PageParts", "Cari"));
    nameIconButtons(e);
    e->setMinimumWidth(minimumWidth);
    e->setMaxLength(100);
    // Ctrl+F: only the search field of the page on screen answers (a hidden one does not).
    auto *find = new QShortcut(QKeySequence::Find, e, nullptr, nullptr, Qt::WindowShortcut);
    QObject::connect(find, &QShortcut::activated, e, [e] {
        e->setFocus(Qt::ShortcutFocusReason);
        e->selectAll();
    });
    return e;
}

void addRevealAction(QLineEdit *password)
{
    QAction *reveal = password->addAction(icons::icon(QStringLiteral("eye"), theme::TextMuted), QLineEdit::TrailingPosition);
    reveal->setToolTip(QCoreApplication::translate("PageParts", "Tampilkan atau sembunyikan password"));
    QObject::connect(reveal, &QAction::triggered, password, [password] {
        password->setEchoMode(password->echoMode() == QLineEdit::Password ? QLineEdit::Normal : QLineEdit::Password);
    });
    nameIconButtons(password);
}

void nameIconButtons(QLineEdit *edit)
{
    for (QToolButton *b : edit->findChildren<QToolButton *>()) {
        const QAction *a = b->defaultAction();
        QString name = a ? a->toolTip() : QString();
        if (!a || a->objectName() == QLatin1String("_q_qlineeditclearaction"))
            name = QCoreApplication::translate("PageParts", "Kosongkan isian");
        b->setToolTip(name);
        b->setAccessibleName(name);
    }
}

} // namespace tu::ui
