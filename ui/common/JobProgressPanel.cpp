#include "JobProgressPanel.h"
#include "common/Icons.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace tu::ui {

QString syncElapsedText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString syncRemainingText(qint64 elapsedMs, int progress)
{
    if (progress < 2 || progress >= 100 || elapsedMs < 1500)
        return QString();
    const double remaining = double(elapsedMs) * (100 - progress) / progress / 1000.0; // seconds
    if (remaining < 55) {
        const int five = qMax(5, int(std::ceil(remaining / 5.0)) * 5);
        return JobProgressPanel::tr("Sisa ± %1 detik").arg(five);
    }
    if (remaining < 90 * 60)
        return JobProgressPanel::tr("Sisa ± %n menit", nullptr, qMax(1, int(std::lround(remaining / 60.0))));
    return JobProgressPanel::tr("Sisa ± %n jam", nullptr, qMax(1, int(std::lround(remaining / 3600.0))));
}

JobProgressPanel::JobProgressPanel(const QString &barCaption, QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("card"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(18, 14, 18, 16);
    m_layout->setSpacing(8);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    m_title = plainLabel(this);
    m_title->setObjectName(QStringLiteral("jobTitle"));
    top->addWidget(m_title, 1);
    m_time = plainLabel(this);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    top->addWidget(m_time);
    m_cancel = new QPushButton(icons::icon(QStringLiteral("close"), theme::Danger), tr("Batal"), this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setIconSize(QSize(14, 14));
    m_cancel->setAutoDefault(false);
    theme::setVariant(m_cancel, "danger");
    m_cancel->hide();
    top->addWidget(m_cancel);
    m_layout->addLayout(top);
    m_message = plainLabel(this);
    m_message->setObjectName(QStringLiteral("jobMessage"));
    m_message->setMinimumWidth(100);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long message must not widen the page
    m_message->setWordWrap(true);
    m_layout->addWidget(m_message);
    m_layout->addSpacing(4);
    QLabel *caption = nullptr;
    m_bar = addBar(barCaption, &caption, &m_percent, "overallBar");

    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &JobProgressPanel::tick);
    connect(m_cancel, &QPushButton::clicked, this, &JobProgressPanel::cancelRequested);
}

QProgressBar *JobProgressPanel::addBar(const QString &caption, QLabel **captionLabel, QLabel **percent, const char *name)
{
    auto *h = new QHBoxLayout;
    h->setSpacing(8);
    *captionLabel = plainLabel(caption, this);
    (*captionLabel)->setObjectName(QStringLiteral("barCaption"));
    *percent = plainLabel(QStringLiteral("0%"), this);
    (*percent)->setObjectName(QStringLiteral("barPercent"));
    (*percent)->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    h->addWidget(*captionLabel, 1);
    h->addWidget(*percent);
    m_layout->addLayout(h);
    auto *bar = new QProgressBar(this);
    bar->setObjectName(QLatin1String(name));
    bar->setRange(0, 100);
    bar->setValue(0);
    bar->setTextVisible(false);
    bar->setAccessibleName(caption);
    m_layout->addWidget(bar);
    return bar;
}

QProgressBar *JobProgressPanel::addDetailBar(const QString &caption)
{
    if (!m_detailBar) {
        m_layout->addSpacing(2);
        m_detailBar = addBar(caption, &m_detailCaption, &m_detailPercent, "detailBar");
    }
    return m_detailBar;
}

void JobProgressPanel::setDetailCaption(const QString &caption)
{
    if (m_detailCaption)
        m_detailCaption->setText(caption);
}

void JobProgressPanel::setDetailProgress(int percent)
{
    if (!m_detailBar)
        return;
    if (percent >= 0)
        m_detailBar->setValue(qBound(0, percent, 100));
    m_detailPercent->setText(percent >= 0 ? QStringLiteral("%1%").arg(m_detailBar->value()) : QStringLiteral("—"));
}

void JobProgressPanel::begin(const QString &title, const QString &message)
{
    m_cancelling = false;
    m_finished = false;
    m_cancelled = false;
    m_latestProgress = 0;
    m_elapsedMs = 0;
    m_sinceEvent.start();
    m_bar->setValue(0);
    m_percent->setText(QStringLiteral("0%"));
    if (m_detailBar) {
        m_detailBar->setValue(0);
        m_detailPercent->setText(QStringLiteral("—"));
    }
    m_title->setText(title);
    m_message->setText(message);
    setRunning(true);
}

void JobProgressPanel::showProgress(const Progress &p)
{
    if (p.progress > m_bar->value() || p.done)
        m_bar->setValue(qBound(0, qMax(m_bar->value(), p.progress), 100));
    m_percent->setText(QStringLiteral("%1%").arg(m_bar->value()));
    m_latestProgress = p.progress;
    m_elapsedMs = p.elapsedMs;
    m_sinceEvent.start();
    tick();
}

void JobProgressPanel::setMessage(const QString &message, bool force)
{
    if (!m_cancelling || force)
        m_message->setText(message);
}

void JobProgressPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

void JobProgressPanel::setCancelling(const QString &note)
{
    m_cancelling = true;
    m_message->setText(note);
    setRunning(true);
}

void JobProgressPanel::finish(bool ok, bool cancelled)
{
    if (ok) {
        m_bar->setValue(100);
        m_percent->setText(QStringLiteral("100%"));
    }
    m_finished = true;
    m_cancelled = cancelled;
    setRunning(false);
    setBarState(ok ? QStringLiteral("done") : QStringLiteral("error"));
}

void JobProgressPanel::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_cancelling = false;
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running && !m_cancelling);
    m_cancel->setText(m_cancelling ? tr("Membatalkan…") : tr("Batal"));
    if (running) {
        m_finished = false;
        setBarState(QString());
        if (!m_clock->isActive())
            m_clock->start();
    } else {
        m_clock->stop();
    }
    tick();
}

void JobProgressPanel::setBarState(const QString &state)
{
    for (QProgressBar *bar : {m_bar, m_detailBar}) {
        if (bar && bar->property("state").toString() != state) {
            bar->setProperty("state", state);
            theme::repolish(bar);
        }
    }
}

void JobProgressPanel::tick()
{
    if (m_running) {
        const qint64 elapsed = m_elapsedMs + (m_sinceEvent.isValid() ? m_sinceEvent.elapsed() : 0);
        const QString rem = syncRemainingText(elapsed, m_latestProgress);
        m_time->setText(tr("Berjalan %1 · %2").arg(syncElapsedText(elapsed), rem.isEmpty() ? tr("menghitung sisa waktu…") : rem));
    } else if (m_finished) {
        m_time->setText(m_cancelled ? tr("Dihentikan setelah %1").arg(syncElapsedText(m_elapsedMs))
                                    : tr("Selesai dalam %1").arg(syncElapsedText(m_elapsedMs)));
    } else {
        m_time->clear();
    }
}

} // namespace tu::ui
