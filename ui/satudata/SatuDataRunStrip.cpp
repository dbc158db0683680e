#include "SatuDataRunStrip.h"
#include "common/JobProgressPanel.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QKeySequence>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace tu::ui {

SatuDataRunStrip::SatuDataRunStrip(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    m_panel = new JobProgressPanel(tr("Keseluruhan"), this);
    m_panel->setObjectName(QStringLiteral("runStrip"));
    m_panel->setTitle(tr("Sync semua berkas"));
    m_panel->bar()->setObjectName(QStringLiteral("runBar"));
    m_panel->messageLabel()->setObjectName(QStringLiteral("runMessage"));
    m_panel->cancelButton()->setObjectName(QStringLiteral("cancelRun"));
    m_panel->cancelButton()->setToolTip(tr("Hentikan setelah berkas yang sedang dikirim (Esc)"));
    v->addWidget(m_panel);
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    esc->setContext(Qt::WindowShortcut);
    connect(esc, &QShortcut::activated, this, [this] { if (isRunning() && isVisible()) cancel(); });
    connect(m_panel, &JobProgressPanel::cancelRequested, this, &SatuDataRunStrip::cancel);

    SatuDataSync &sync = m_core.satuDataSync();
    // Emitted on the run's thread: queued into this (GUI) thread.
    connect(&sync.jobs(), &JobRunner::progress, this, &SatuDataRunStrip::onProgress, Qt::QueuedConnection);
    connect(&sync, &SatuDataSync::runFinished, this, &SatuDataRunStrip::onFinished, Qt::QueuedConnection);
    hide();
    if (sync.isRunning()) // started over the API, by the schedule or before this window opened
        onProgress(sync.current());
}

bool SatuDataRunStrip::isRunning() const
{
    return m_panel->isRunning();
}

Status SatuDataRunStrip::start(const QStringList &targets)
{
    auto r = m_core.satuDataSync().startAll(m_actor, targets);
    if (!r.ok())
        return r.error();
    m_runId = r.value();
    m_panel->begin(tr("Sync semua berkas"), tr("Memulai…"));
    show();
    emit runningChanged(true);
    return {};
}

void SatuDataRunStrip::cancel()
{
    if (!isRunning() || m_panel->isCancelling())
        return;
    m_core.satuDataSync().cancel();
    m_panel->setCancelling(tr("Membatalkan… menunggu berkas yang sedang dikirim selesai."));
}

void SatuDataRunStrip::onProgress(const Progress &p)
{
    if (p.done && !isRunning())
        return; // runFinished follows
    if (!isRunning() || (!p.jobId.isEmpty() && p.jobId != m_runId)) {
        // A run started elsewhere (API, schedule, retry queue), or the next one: from zero.
        m_panel->begin(isRunning() ? m_panel->titleLabel()->text() : tr("Sinkronisasi Satu Data berjalan"), QString());
        m_runId = p.jobId;
        show();
        emit runningChanged(true);
    }
    m_panel->showProgress(p);
    if (p.message.isEmpty())
        return;
    QString msg = p.message;
    if (p.total > 0)
        msg = tr("%1 (%2 dari %3)").arg(p.message).arg(qMin(p.current + (p.done ? 0 : 1), p.total)).arg(p.total);
    m_panel->setMessage(msg);
}

QString SatuDataRunStrip::finishedTitle(const RunSummary &summary)
{
    if (summary.cancelled)
        return tr("Sync semua berkas dibatalkan");
    return summary.error.isEmpty() ? tr("Sync semua berkas selesai") : tr("Sync semua berkas gagal");
}

void SatuDataRunStrip::onFinished(const RunSummary &summary)
{
    m_lastSummary = summary;
    const bool ok = summary.error.isEmpty() && !summary.cancelled;
    m_panel->finish(ok, summary.cancelled);
    m_panel->setTitle(finishedTitle(summary));
    hide(); // the summary goes to the page's banner
    emit runningChanged(false);
    emit finished(summary);
}

} // namespace tu::ui
