#pragma once
#include "common/JobProgressPanel.h"
#include "Result.h"
#include "common/SchoolTime.h"
#include "auth/Actor.h"
#include "sync/Progress.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace tu {
class Core;
}

namespace tu::ui {

class DapodikSyncActions;
class MessageBanner;
class DapodikSyncHistoryModel;
struct SyncPageState;

// Sinkronisasi: starts the Dapodik jobs (global, selected kecamatan, all schools, all PTK, one
// PTK), binds the running job's Progress to a JobProgressPanel (overall and per-kecamatan bar,
// elapsed and remaining time, Batal) and a live log stamped in school time, shows the last global
// sync and the job history. The
// job runs on its own thread (DapodikJobs); its progress arrives queued and is painted at most
// every 80 ms, so even a flood of per-PTK messages never stalls the window.
class DapodikSyncPage : public QWidget
{
    Q_OBJECT
public:
    DapodikSyncPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    void startGlobal();
    void startSelectedKecamatan();
    void startAllSekolah();
    void startAllPtk();
    void syncSinglePtk();
    void cancelJob();
    // Metadata, history and the kecamatan list, read on a worker thread.
    void reload();

    QPushButton *globalButton() const;
    QPushButton *kecamatanButton() const;
    QPushButton *allSekolahButton() const;
    QPushButton *allPtkButton() const;
    QPushButton *ptkButton() const;
    QPushButton *cancelButton() const;
    QListWidget *kecamatanList() const;
    QLineEdit *nikEdit() const;
    QLineEdit *npsnEdit() const;
    QProgressBar *overallBar() const;
    QProgressBar *kecamatanBar() const;
    JobProgressPanel *progressPanel() const { return m_panel; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QLabel *timeLabel() const;
    QTableView *historyTable() const { return m_history; }
    MessageBanner *banner() const { return m_banner; }
    bool isReloading() const { return m_reloading > 0; }

private:
    void onProgress(const Progress &p);
    void onFinished(const Progress &p);
    void flush();
    void warmLogGlyphs(int next);
    void updateStateCard();
    void started(const Result<QString> &r, const QString &what);
    void startFresh(const QString &title, const QString &message);
    QWidget *buildProgress();
    QWidget *buildStatusStrip();
    void showState(const SyncPageState &s);
    void showLastSync(const QString &lastSync);

    Core &m_core;
    Actor m_actor;
    MessageBanner *m_banner = nullptr;
    QLabel *m_lastSync = nullptr, *m_lastSyncNote = nullptr, *m_stateLabel = nullptr, *m_stateNote = nullptr;
    QLabel *m_dataLabel = nullptr, *m_dataNote = nullptr;
    DapodikSyncActions *m_actions = nullptr;
    JobProgressPanel *m_panel = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_history = nullptr;
    DapodikSyncHistoryModel *m_historyModel = nullptr;
    QTimer *m_flush = nullptr;

    Progress m_latest;
    bool m_haveLatest = false;
    QStringList m_pendingLog;
    QString m_lastLogged;
    QString m_jobId;
    int m_reloading = 0;
    SchoolTime m_school; // read again on reload(): the setting may change
};

} // namespace tu::ui
