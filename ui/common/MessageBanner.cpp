#include "MessageBanner.h"
#include "common/Icons.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace tu::ui {

MessageBanner::MessageBanner(QWidget *parent, bool closable) : QFrame(parent)
{
    setObjectName(QStringLiteral("banner"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 9, 8, 9);
    row->setSpacing(10);
    m_icon = plainLabel(this);
    m_icon->setFixedSize(18, 18);
    m_text = plainLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    m_undo = new QPushButton(tr("Urungkan"), this);
    m_undo->setObjectName(QStringLiteral("bannerUndo"));
    m_undo->setToolTip(tr("Batalkan perubahan yang baru saja dilakukan"));
    m_undo->setAutoDefault(false);
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, [this] {
        auto undo = std::move(m_undoAction);
        m_undoAction = nullptr;
        m_undo->hide();
        if (undo)
            undo();
    });
    row->addWidget(m_undo, 0, Qt::AlignVCenter);
    if (closable) {
        m_close = new QToolButton(this);
        m_close->setIcon(icons::icon(QStringLiteral("close"), theme::TextMuted));
        m_close->setToolTip(tr("Tutup pesan"));
        m_close->setCursor(Qt::PointingHandCursor);
        connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
        row->addWidget(m_close, 0, Qt::AlignTop);
    }
    hide();
}

void MessageBanner::showUndoable(const QString &text, std::function<void()> undo)
{
    showMessage(Kind::Success, text);
    m_undoAction = std::move(undo);
    m_undo->setVisible(bool(m_undoAction));
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_undoAction = nullptr;
    m_undo->hide();
    static const char *names[] = {"error", "success", "info"};
    setProperty("kind", QString::fromLatin1(names[static_cast<int>(kind)]));
    const QColor color = kind == Kind::Error ? theme::Danger : kind == Kind::Success ? theme::Success : theme::Primary;
    m_icon->setPixmap(icons::pixmap(kind == Kind::Success ? QStringLiteral("check") : QStringLiteral("alert"), color, 18,
                                    devicePixelRatioF()));
    m_text->setText(text);
    theme::repolish(this);
    for (QWidget *w : findChildren<QWidget *>())
        theme::repolish(w);
    show();
}

void MessageBanner::clear()
{
    m_undoAction = nullptr;
    m_undo->hide();
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

} // namespace tu::ui
