#pragma once
#include "auth/Actor.h"
#include "satudata/SatuDataTypes.h"
#include "sync/Progress.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QTimeEdit;

namespace tu {
class Core;
}

namespace tu::ui {

class FormErrors;
class MessageBanner;
class SatuDataFileModel;
class SatuDataMetaDialog;
class SatuDataSyncDialog;
class SatuDataTargetsDialog;
struct SatuDataRow;

// Satu Data (seed 002): the data files with who verified them and their state at SPLP and SIPD;
// upload, replace, edit, delete and (admin) verify; Sync of one file in a dialog with per-target
// results and conflicts; "Sync semua berkas" on the service's worker thread with a progress bar,
// Batal and a summary; the sync log with the portal's answers and the retry queue; and the
// automatic schedule. Every read runs on a worker thread; the rules are the services'.
class SatuDataPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { FilesTab, LogTab, ScheduleTab };
    static constexpr int LogPageSize = 50;

    SatuDataPage(Core &core, const Actor &actor, QWidget *parent = nullptr);
    ~SatuDataPage() override;

    void reload();       // files and states, log, retry queue, schedule
    void reloadLogs();
    void showTab(Tab tab);

    // Toolbar actions (the file dialogs ask for the path; tests pass it in).
    void uploadFile();
    SatuDataMetaDialog *uploadPath(const QString &path);
    void replaceFile();
    void replacePath(const QString &path);
    void editSelected();
    void removeSelected();
    void toggleVerified();
    SatuDataSyncDialog *openSyncDialog();
    SatuDataTargetsDialog *openSyncAll();
    void startAll(const QStringList &targets);
    void cancelAll();
    void saveSchedule();

    QTableView *table() const { return m_table; }
    SatuDataFileModel *model() const { return m_model; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *uploadButton() const { return m_upload; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *syncButton() const { return m_sync; }
    QPushButton *syncAllButton() const { return m_syncAll; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *runBar() const { return m_runBar; }
    QLabel *runMessage() const { return m_runMessage; }
    QTableView *logTable() const { return m_logTable; }
    QPlainTextEdit *logDetail() const { return m_logDetail; }
    QTableView *retryTable() const { return m_retryTable; }
    QComboBox *logTargetFilter() const { return m_logTarget; }
    QComboBox *logStatusFilter() const { return m_logStatus; }
    QComboBox *frequencyCombo() const { return m_frequency; }
    QComboBox *weekdayCombo() const { return m_weekday; }
    QTimeEdit *timeEdit() const { return m_time; }
    QCheckBox *scheduleSplp() const { return m_schedSplp; }
    QCheckBox *scheduleSipd() const { return m_schedSipd; }
    QPushButton *saveScheduleButton() const { return m_saveSchedule; }
    FormErrors *scheduleErrors() const { return m_schedErrors; }
    QLabel *nextRunLabel() const { return m_nextRun; }
    bool isLoading() const;
    bool isRunning() const { return m_running; }
    const RunSummary &lastSummary() const { return m_lastSummary; }
    qint64 logTotal() const { return m_logTotal; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildFilesTab();
    QWidget *buildLogTab();
    QWidget *buildScheduleTab();
    QWidget *buildRunStrip();
    const SatuDataRow *selected() const;
    void updateActions();
    void onProgress(const Progress &p);
    void onFinished(const RunSummary &summary);
    void setRunning(bool running);
    void showLogDetail();
    void updateScheduleForm();
    void notify(const QString &title, const QString &text, bool ok);

    Core &m_core;
    Actor m_actor;
    SatuDataFileModel *m_model;
    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_upload = nullptr, *m_replace = nullptr, *m_edit = nullptr, *m_remove = nullptr, *m_verify = nullptr;
    QPushButton *m_sync = nullptr, *m_syncAll = nullptr, *m_refresh = nullptr;

    QWidget *m_runStrip = nullptr;
    QLabel *m_runTitle = nullptr, *m_runMessage = nullptr, *m_runPercent = nullptr;
    QProgressBar *m_runBar = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_running = false;
    bool m_cancelling = false;
    QString m_runId;
    RunSummary m_lastSummary;

    QComboBox *m_logTarget = nullptr, *m_logStatus = nullptr;
    QTableView *m_logTable = nullptr;
    QStandardItemModel *m_logModel = nullptr;
    QPlainTextEdit *m_logDetail = nullptr;
    QLabel *m_logCount = nullptr, *m_logDetailTitle = nullptr, *m_retryCount = nullptr, *m_retryEmpty = nullptr;
    QPushButton *m_prev = nullptr, *m_next = nullptr;
    QTableView *m_retryTable = nullptr;
    QStandardItemModel *m_retryModel = nullptr;
    int m_logPage = 1;
    qint64 m_logTotal = 0;
    int m_logLoading = 0;
    quint64 m_logGeneration = 0;

    QComboBox *m_frequency = nullptr, *m_weekday = nullptr;
    QTimeEdit *m_time = nullptr;
    QCheckBox *m_schedSplp = nullptr, *m_schedSipd = nullptr;
    QPushButton *m_saveSchedule = nullptr;
    MessageBanner *m_schedBanner = nullptr;
    FormErrors *m_schedErrors = nullptr;
    QLabel *m_nextRun = nullptr, *m_schedDescribe = nullptr;
    int m_schedLoading = 0;
    bool m_scheduleLoaded = false;
    bool m_scheduleDirty = false;
    bool m_fillingSchedule = false;

    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace tu::ui
