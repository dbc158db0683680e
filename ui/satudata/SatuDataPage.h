#pragma once
#include "auth/Actor.h"
#include "satudata/SatuDataTypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
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
class SatuDataFilesPanel;
class SatuDataLogPanel;
class SatuDataMetaDialog;
class SatuDataRunStrip;
class SatuDataSchedulePanel;
class SatuDataSyncDialog;
class SatuDataTargetsDialog;

// Satu Data: the data files and their state at SPLP and SIPD (SatuDataFilesPanel), the push log
// and retry queue (SatuDataLogPanel), the automatic schedule (SatuDataSchedulePanel) in three
// tabs, under a header with "Sync semua berkas" whose run shows in SatuDataRunStrip. The page
// composes them and reports a run's summary in its banner, the status bar and the tray. Every
// read runs on a worker thread; the rules are the services'.
class SatuDataPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { FilesTab, LogTab, ScheduleTab };
    static constexpr int LogPageSize = 50;

    SatuDataPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

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

    QTableView *table() const;
    SatuDataFileModel *model() const { return m_model; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *uploadButton() const { return m_upload; }
    QPushButton *replaceButton() const;
    QPushButton *editButton() const;
    QPushButton *removeButton() const;
    QPushButton *verifyButton() const;
    QPushButton *syncButton() const;
    QPushButton *syncAllButton() const { return m_syncAll; }
    QPushButton *cancelButton() const;
    QProgressBar *runBar() const;
    QLabel *runMessage() const;
    QTableView *logTable() const;
    QPlainTextEdit *logDetail() const;
    QTableView *retryTable() const;
    QComboBox *logTargetFilter() const;
    QComboBox *logStatusFilter() const;
    QComboBox *frequencyCombo() const;
    QComboBox *weekdayCombo() const;
    QTimeEdit *timeEdit() const;
    QCheckBox *scheduleSplp() const;
    QCheckBox *scheduleSipd() const;
    QPushButton *saveScheduleButton() const;
    FormErrors *scheduleErrors() const;
    QLabel *nextRunLabel() const;
    bool isLoading() const;
    bool isRunning() const;
    const RunSummary &lastSummary() const;
    qint64 logTotal() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildHeader();
    void onRunFinished(const RunSummary &summary);
    void notify(const QString &title, const QString &text, bool ok);

    Core &m_core;
    Actor m_actor;
    SatuDataFileModel *m_model;
    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_upload = nullptr, *m_syncAll = nullptr, *m_refresh = nullptr;
    SatuDataRunStrip *m_run = nullptr;
    SatuDataFilesPanel *m_files = nullptr;
    SatuDataLogPanel *m_logs = nullptr;
    SatuDataSchedulePanel *m_schedule = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace tu::ui
