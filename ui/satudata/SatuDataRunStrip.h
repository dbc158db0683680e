#pragma once
// "Sync semua berkas" while it runs: the shared JobProgressPanel bound to SatuDataSync's
// progress, shown from the start of a run (here, over the API, by the schedule or the retry
// queue) until it ends; Batal or Esc asks the service to stop after the file being sent.

#include "Result.h"
#include "auth/Actor.h"
#include "satudata/SatuDataTypes.h"
#include "sync/Progress.h"

#include <QWidget>

namespace tu {
class Core;
}

namespace tu::ui {

class JobProgressPanel;

class SatuDataRunStrip : public QWidget
{
    Q_OBJECT
public:
    SatuDataRunStrip(Core &core, const Actor &actor, QWidget *parent = nullptr);

    // Starts a run over `targets`; the service's refusal is returned for the page's banner.
    Status start(const QStringList &targets);
    void cancel();

    bool isRunning() const;
    const RunSummary &lastSummary() const { return m_lastSummary; }
    JobProgressPanel *panel() const { return m_panel; }
    // "Sync semua berkas selesai / dibatalkan / gagal" for the run that just ended.
    static QString finishedTitle(const RunSummary &summary);

signals:
    void runningChanged(bool running);
    // The strip has hidden itself; the summary is for the banner, status bar and tray.
    void finished(const RunSummary &summary);

private:
    void onProgress(const Progress &p);
    void onFinished(const RunSummary &summary);

    Core &m_core;
    Actor m_actor;
    JobProgressPanel *m_panel;
    QString m_runId;
    RunSummary m_lastSummary;
};

} // namespace tu::ui
