#include "Pager.h"
#include "common/PageParts.h"
#include "common/PlainText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tu::ui {

Pager::Pager(int pageSize, QWidget *parent) : QWidget(parent), m_pageSize(qMax(1, pageSize))
{
    setObjectName(QStringLiteral("pager"));
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(16, 8, 16, 8);
    h->setSpacing(8);
    m_range = plainLabel(this);
    m_range->setObjectName(QStringLiteral("countLabel"));
    h->addWidget(m_range);
    h->addStretch(1);
    m_pageLabel = plainLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->hide();
    h->addWidget(m_pageLabel);
    m_prev = actionButton(tr("‹ Sebelumnya"), QString(), this);
    m_prev->setObjectName(QStringLiteral("prevPage"));
    m_prev->setAccessibleName(tr("Halaman sebelumnya"));
    m_next = actionButton(tr("Berikutnya ›"), QString(), this);
    m_next->setObjectName(QStringLiteral("nextPage"));
    m_next->setAccessibleName(tr("Halaman berikutnya"));
    h->addWidget(m_prev);
    h->addWidget(m_next);
    connect(m_prev, &QPushButton::clicked, this, [this] { step(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { step(+1); });
    updateButtons();
}

int Pager::pageCount() const
{
    return int(qMax<qint64>(1, (m_total + m_pageSize - 1) / m_pageSize));
}

bool Pager::movedPastEnd(qint64 total, int rowsShown)
{
    if (rowsShown > 0 || m_page <= 1 || total <= 0)
        return false;
    m_total = total;
    m_page = pageCount();
    return true;
}

void Pager::showResult(qint64 total, int rowsShown, const QString &emptyText)
{
    m_total = qMax<qint64>(0, total);
    const qint64 first = qint64(m_page - 1) * m_pageSize;
    if (m_total == 0)
        m_range->setText(emptyText);
    else
        m_range->setText(tr("%1–%2 dari %3").arg(first + 1).arg(first + rowsShown).arg(m_total));
    m_pageLabel->setText(tr("Halaman %1 dari %2").arg(m_page).arg(pageCount()));
    m_pageLabel->setVisible(pageCount() > 1);
    updateButtons();
}

void Pager::step(int delta)
{
    const int target = m_page + delta;
    if (target < 1 || qint64(target - 1) * m_pageSize >= m_total)
        return;
    m_page = target;
    updateButtons(); // no double step while the page loads
    emit pageChanged(m_page);
}

void Pager::updateButtons()
{
    m_prev->setEnabled(m_page > 1);
    m_next->setEnabled(qint64(m_page) * m_pageSize < m_total);
}

} // namespace tu::ui
