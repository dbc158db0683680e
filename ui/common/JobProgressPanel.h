#pragma once
// The card that follows one long job on the desktop: its title, elapsed and remaining time, a
// Batal button, the latest message and a progress bar that never goes back (plus, for the Dapodik
// sync, a second bar for the current kecamatan). Both the Dapodik sync page and the Satu Data run
// strip feed it the tu::Progress their service emits, so a running job looks and cancels the same
// everywhere. The panel only shows; starting and cancelling the job stay with the page, which
// hears cancelRequested().

#include "sync/Progress.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QList>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace tu::ui {

// "1:05" / "1:02:03" for an elapsed time.
QString syncElapsedText(qint64 ms);
// The time left, estimated from the rate so far: "Sisa ± 40 detik", "Sisa ± 3 menit"; empty
// while there is too little to go on.
QString syncRemainingText(qint64 elapsedMs, int progress);

class JobProgressPanel : public QFrame
{
    Q_OBJECT
public:
    explicit JobProgressPanel(const QString &barCaption, QWidget *parent = nullptr);

    // A second bar under the main one, for one level of the job (0–100 of the current part).
    QProgressBar *addDetailBar(const QString &caption);
    void setDetailCaption(const QString &caption);
    // -1: nothing to show for the detail level ("—").
    void setDetailProgress(int percent);

    // A job starts (here or elsewhere): bars back to 0, clock from zero, Batal shown.
    void begin(const QString &title, const QString &message);
    // Where the job is now: the main bar never goes back, the clock follows p.elapsedMs.
    void showProgress(const Progress &p);
    // The message line; while cancelling it keeps the "Membatalkan…" note unless forced.
    void setMessage(const QString &message, bool force = false);
    void setTitle(const QString &title);
    // Batal was pressed and the service accepted: the button waits, the note explains.
    void setCancelling(const QString &note);
    // The job ended: the bars turn green (ok) or red, the clock says how long it took.
    void finish(bool ok, bool cancelled);

    bool isRunning() const { return m_running; }
    bool isCancelling() const { return m_cancelling; }

    QLabel *titleLabel() const { return m_title; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *timeLabel() const { return m_time; }
    QProgressBar *bar() const { return m_bar; }
    QProgressBar *detailBar() const { return m_detailBar; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    QProgressBar *addBar(const QString &caption, QLabel **captionLabel, QLabel **percent, const char *name);
    void setRunning(bool running);
    void setBarState(const QString &state);
    void tick();

    QVBoxLayout *m_layout;
    QLabel *m_title, *m_time, *m_message;
    QLabel *m_percent = nullptr, *m_detailCaption = nullptr, *m_detailPercent = nullptr;
    QProgressBar *m_bar = nullptr, *m_detailBar = nullptr;
    QPushButton *m_cancel;
    QTimer *m_clock;
    bool m_running = false;
    bool m_cancelling = false;
    bool m_finished = false;
    bool m_cancelled = false;
    int m_latestProgress = 0;
    qint64 m_elapsedMs = 0;
    QElapsedTimer m_sinceEvent; // elapsed keeps ticking between progress events
};

} // namespace tu::ui
