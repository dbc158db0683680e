#include "PageHeader.h"
#include "common/PlainText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tu::ui {

PageHeader::PageHeader(const QString &title, const QString &subtitle, QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    auto *t = plainLabel(title, this);
    t->setObjectName(QStringLiteral("pageTitle"));
    auto *s = plainLabel(subtitle, this);
    s->setObjectName(QStringLiteral("pageSubtitle"));
    s->setWordWrap(true);
    s->setVisible(!subtitle.isEmpty());
    text->addWidget(t);
    text->addWidget(s);
    row->addLayout(text, 1);
    m_actions = new QHBoxLayout;
    m_actions->setSpacing(8);
    row->addLayout(m_actions);
}

void PageHeader::addAction(QWidget *widget)
{
    m_actions->addWidget(widget, 0, Qt::AlignBottom);
}

} // namespace tu::ui
