#include "SatuDataPage.h"
#include "common/Icons.h"
#include "common/JobProgressPanel.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "satudata/SatuDataFileModel.h"
#include "satudata/SatuDataFilesPanel.h"
#include "satudata/SatuDataLogPanel.h"
#include "satudata/SatuDataRunStrip.h"
#include "satudata/SatuDataSchedulePanel.h"
#include "satudata/SatuDataTargetsDialog.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tu::ui {

SatuDataPage::SatuDataPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new SatuDataFileModel(core, this))
{
    setObjectName(QStringLiteral("satuDataPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(14);
    page->addWidget(buildHeader());
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    m_run = new SatuDataRunStrip(m_core, m_actor, this);
    page->addWidget(m_run);

    m_files = new SatuDataFilesPanel(m_core, m_actor, m_model, m_banner, this);
    m_logs = new SatuDataLogPanel(m_core, m_banner, this);
    m_schedule = new SatuDataSchedulePanel(m_core, m_actor, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("satuDataTabs"));
    m_tabs->addTab(m_files, tr("Berkas data"));
    m_tabs->addTab(m_logs, tr("Log sinkronisasi"));
    m_tabs->addTab(m_schedule, tr("Jadwal otomatis"));
    page->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, &SatuDataPage::reload);
    connect(m_syncAll, &QPushButton::clicked, this, [this] { openSyncAll(); });
    connect(m_upload, &QPushButton::clicked, m_files, &SatuDataFilesPanel::uploadFile);
    connect(m_model, &SatuDataFileModel::failed, this, [this](const QString &m) { m_banner->showError(m); });
    connect(m_files, &SatuDataFilesPanel::synced, this, &SatuDataPage::reloadLogs);
    connect(m_schedule, &SatuDataSchedulePanel::saved, this, &SatuDataPage::reload);
    connect(m_run, &SatuDataRunStrip::runningChanged, this, [this](bool running) { m_syncAll->setEnabled(!running); });
    connect(m_run, &SatuDataRunStrip::finished, this, &SatuDataPage::onRunFinished);
    m_syncAll->setEnabled(!m_run->isRunning());
    reload();
}

QWidget *SatuDataPage::buildHeader()
{
    auto *header = new PageHeader(tr("Satu Data"),
                                  tr("Berkas data sekolah untuk SPLP Satu Data Indonesia dan SIPD e-walidata. Hanya berkas "
                                     "yang sudah diverifikasi admin yang dikirim."),
                                  this);
    m_refresh = actionButton(tr("Segarkan"), QStringLiteral("refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshSatuData"));
    m_refresh->setToolTip(tr("Muat ulang berkas, status, dan log (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_syncAll = actionButton(tr("Sync semua berkas"), QStringLiteral("sinkronisasi"), this);
    m_syncAll->setObjectName(QStringLiteral("syncAll"));
    m_syncAll->setToolTip(tr("Kirim semua berkas terverifikasi ke SPLP dan/atau SIPD (Ctrl+Shift+Y)"));
    m_syncAll->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Y")));
    m_upload = new QPushButton(icons::icon(QStringLiteral("plus"), theme::OnAccent), tr("Unggah berkas"), this);
    m_upload->setObjectName(QStringLiteral("uploadFile"));
    m_upload->setIconSize(QSize(16, 16));
    m_upload->setAutoDefault(false);
    m_upload->setToolTip(tr("Unggah berkas CSV atau XLSX, paling besar 10 MB (Ctrl+U)"));
    m_upload->setShortcut(QKeySequence(QStringLiteral("Ctrl+U")));
    theme::setVariant(m_upload, "primary");
    header->addAction(m_refresh);
    header->addAction(m_syncAll);
    header->addAction(m_upload);
    return header;
}

void SatuDataPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_model->loadCount() > 0 && !m_model->isLoading())
        reload(); // what the API, the schedule or another window changed meanwhile
}

void SatuDataPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

bool SatuDataPage::isLoading() const
{
    return m_model->isLoading() || m_logs->isLoading() || m_schedule->isLoading();
}

void SatuDataPage::reload()
{
    m_model->setTimeZone(m_core.settings().schoolZone());
    m_model->reload();
    reloadLogs();
    m_schedule->reload();
}

void SatuDataPage::reloadLogs()
{
    m_logs->reload();
}

SatuDataTargetsDialog *SatuDataPage::openSyncAll()
{
    if (m_run->isRunning())
        return nullptr;
    int verified = 0;
    for (int i = 0; i < m_model->rowCount(); ++i)
        verified += m_model->rowAt(i)->file.verified;
    auto *dialog = new SatuDataTargetsDialog(verified, m_model->rowCount(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startAll(dialog->targets()); });
    dialog->open();
    return dialog;
}

void SatuDataPage::startAll(const QStringList &targets)
{
    const Status s = m_run->start(targets);
    if (!s.ok())
        m_banner->showError(s.error());
    else
        m_banner->clear();
}

void SatuDataPage::cancelAll()
{
    m_run->cancel();
}

void SatuDataPage::saveSchedule()
{
    m_schedule->save();
}

void SatuDataPage::onRunFinished(const RunSummary &summary)
{
    QString text = summary.message();
    if (!summary.error.isEmpty())
        text = summary.error + (text.isEmpty() ? QString() : QStringLiteral("\n") + text);
    m_run->panel()->setMessage(text, true);
    int failed = 0;
    for (const TargetSummary &t : summary.perTarget)
        failed += t.failed + t.conflicts;
    const auto kind = !summary.error.isEmpty() ? MessageBanner::Kind::Error
                    : summary.cancelled || failed > 0 ? MessageBanner::Kind::Info : MessageBanner::Kind::Success;
    m_banner->showMessage(kind, text);
    if (auto *mw = qobject_cast<QMainWindow *>(window()))
        mw->statusBar()->showMessage(tr("Satu Data: %1").arg(text), 20000);
    notify(SatuDataRunStrip::finishedTitle(summary), text, kind == MessageBanner::Kind::Success);
    m_model->reload();
    reloadLogs();
}

void SatuDataPage::notify(const QString &title, const QString &text, bool ok)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(icons::icon(QStringLiteral("satu-data"), theme::Primary), this);
        m_tray->setToolTip(QStringLiteral("TataUsaha"));
    }
    m_tray->show();
    m_tray->showMessage(notificationText(title), notificationText(text), ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 8000);
    QTimer::singleShot(10000, m_tray, &QSystemTrayIcon::hide); // only while the message shows
}

// The file actions live in the files tab; the page keeps its API for the window and the tests.
void SatuDataPage::uploadFile() { m_files->uploadFile(); }
SatuDataMetaDialog *SatuDataPage::uploadPath(const QString &path) { return m_files->uploadPath(path); }
void SatuDataPage::replaceFile() { m_files->replaceFile(); }
void SatuDataPage::replacePath(const QString &path) { m_files->replacePath(path); }
void SatuDataPage::editSelected() { m_files->editSelected(); }
void SatuDataPage::removeSelected() { m_files->removeSelected(); }
void SatuDataPage::toggleVerified() { m_files->toggleVerified(); }
SatuDataSyncDialog *SatuDataPage::openSyncDialog() { return m_files->openSyncDialog(); }

QTableView *SatuDataPage::table() const { return m_files->table(); }
QPushButton *SatuDataPage::replaceButton() const { return m_files->replaceButton(); }
QPushButton *SatuDataPage::editButton() const { return m_files->editButton(); }
QPushButton *SatuDataPage::removeButton() const { return m_files->removeButton(); }
QPushButton *SatuDataPage::verifyButton() const { return m_files->verifyButton(); }
QPushButton *SatuDataPage::syncButton() const { return m_files->syncButton(); }
QPushButton *SatuDataPage::cancelButton() const { return m_run->panel()->cancelButton(); }
QProgressBar *SatuDataPage::runBar() const { return m_run->panel()->bar(); }
QLabel *SatuDataPage::runMessage() const { return m_run->panel()->messageLabel(); }
bool SatuDataPage::isRunning() const { return m_run->isRunning(); }
const RunSummary &SatuDataPage::lastSummary() const { return m_run->lastSummary(); }
QTableView *SatuDataPage::logTable() const { return m_logs->logTable(); }
QPlainTextEdit *SatuDataPage::logDetail() const { return m_logs->detail(); }
QTableView *SatuDataPage::retryTable() const { return m_logs->retryTable(); }
QComboBox *SatuDataPage::logTargetFilter() const { return m_logs->targetFilter(); }
QComboBox *SatuDataPage::logStatusFilter() const { return m_logs->statusFilter(); }
qint64 SatuDataPage::logTotal() const { return m_logs->total(); }
QComboBox *SatuDataPage::frequencyCombo() const { return m_schedule->frequencyCombo(); }
QComboBox *SatuDataPage::weekdayCombo() const { return m_schedule->weekdayCombo(); }
QTimeEdit *SatuDataPage::timeEdit() const { return m_schedule->timeEdit(); }
QCheckBox *SatuDataPage::scheduleSplp() const { return m_schedule->splpBox(); }
QCheckBox *SatuDataPage::scheduleSipd() const { return m_schedule->sipdBox(); }
QPushButton *SatuDataPage::saveScheduleButton() const { return m_schedule->saveButton(); }
FormErrors *SatuDataPage::scheduleErrors() const { return m_schedule->errors(); }
QLabel *SatuDataPage::nextRunLabel() const { return m_schedule->nextRunLabel(); }

} // namespace tu::ui
