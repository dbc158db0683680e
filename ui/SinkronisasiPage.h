#pragma once
#include "auth/Actor.h"
#include "Result.h"
#include "sync/Progress.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// "1:05" / "1:02:03" for an elapsed time.
QString syncElapsedText(qint64 ms);
// The time left, estimated from the rate so far: "Sisa ± 40 detik", "Sisa ± 3 menit"; empty
// while there is too little to go on.
QString syncRemainingText(qint64 elapsedMs, int progress);

// Sinkronisasi: starts the Dapodik jobs (global, selected kecamatan, all schools, all PTK, one
// PTK), binds the running job's Progress to an overall and a per-kecamatan bar and a live log,
// shows elapsed and remaining time and Batal, the last global sync and the job history. The
// job runs on its own thread (DapodikJobs); its progress arrives queued and is painted at most
// every 80 ms, so even a flood of per-PTK messages never stalls the window.
class SinkronisasiPage : public QWidget
{
    Q_OBJECT
public:
    SinkronisasiPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    void startGlobal();
    void startSelectedKecamatan();
    void startAllSekolah();
    void startAllPtk();
    void syncSinglePtk();
    void cancelJob();
    // Metadata, history and the kecamatan list, read on a worker thread.
    void reload();

    QPushButton *globalButton() const { return m_global; }
    QPushButton *kecamatanButton() const { return m_kecButton; }
    QPushButton *allSekolahButton() const { return m_allSekolah; }
    QPushButton *allPtkButton() const { return m_allPtk; }
    QPushButton *ptkButton() const { return m_ptkButton; }
    QPushButton *cancelButton() const { return m_cancel; }
    QListWidget *kecamatanList() const { return m_kecList; }
    QLineEdit *nikEdit() const { return m_nik; }
    QLineEdit *npsnEdit() const { return m_npsn; }
    QProgressBar *overallBar() const { return m_overall; }
    QProgressBar *kecamatanBar() const { return m_kecBar; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QLabel *timeLabel() const { return m_time; }
    QTableView *historyTable() const { return m_history; }
    MessageBanner *banner() const { return m_banner; }
    bool isReloading() const { return m_reloading > 0; }

private:
    void onProgress(const Progress &p);
    void onFinished(const Progress &p);
    void flush();
    void tick();
    void warmLogGlyphs(int next);
    void setRunning(bool running);
    void started(const Result<QString> &r, const QString &what);
    void updateKecButton();
    QWidget *buildActions();
    QWidget *buildProgress();
    QWidget *buildStatusStrip();

    Core &m_core;
    Actor m_actor;
    MessageBanner *m_banner = nullptr;
    QLabel *m_lastSync = nullptr, *m_lastSyncNote = nullptr, *m_stateLabel = nullptr, *m_stateNote = nullptr;
    QLabel *m_dataLabel = nullptr, *m_dataNote = nullptr;
    QPushButton *m_global = nullptr, *m_kecButton = nullptr, *m_allSekolah = nullptr, *m_allPtk = nullptr;
    QPushButton *m_ptkButton = nullptr, *m_cancel = nullptr, *m_selectAll = nullptr;
    QListWidget *m_kecList = nullptr;
    QLabel *m_kecEmpty = nullptr;
    QLineEdit *m_nik = nullptr, *m_npsn = nullptr;
    QLabel *m_jobTitle = nullptr, *m_message = nullptr, *m_overallPct = nullptr, *m_kecCaption = nullptr, *m_kecPct = nullptr;
    QProgressBar *m_overall = nullptr, *m_kecBar = nullptr;
    QLabel *m_time = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_history = nullptr;
    QStandardItemModel *m_historyModel = nullptr;
    QTimer *m_flush = nullptr;
    QTimer *m_clock = nullptr;

    Progress m_latest;
    bool m_haveLatest = false;
    QStringList m_pendingLog;
    QString m_lastLogged;
    QString m_jobId;
    bool m_running = false;
    bool m_cancelling = false;
    QElapsedTimer m_sinceEvent; // elapsed keeps ticking between progress events
    int m_reloading = 0;
};

} // namespace tu::ui
