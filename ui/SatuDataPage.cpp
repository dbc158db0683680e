#include "SatuDataPage.h"
#include "Async.h"
#include "FormErrors.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PageHeader.h"
#include "PageParts.h"
#include "PlainText.h"
#include "SatuDataDialogs.h"
#include "SatuDataFileModel.h"
#include "Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

namespace tu::ui {

namespace {

const char *PageStyle = R"css(
QFrame#runStrip { background: #ffffff; border: 1px solid #bfdbfe; border-radius: 10px; }
QLabel#runTitle { color: #0f172a; font-size: 14px; font-weight: 700; }
QLabel#runMessage { color: #334155; font-size: 12px; }
QLabel#runPercent { color: #0f172a; font-size: 12px; font-weight: 700; }
QProgressBar#runBar { background: #e2e8f0; border: none; border-radius: 5px; min-height: 10px; max-height: 10px; }
QProgressBar#runBar::chunk { background: #2563eb; border-radius: 5px; }
QProgressBar#runBar[state="done"]::chunk { background: #16a34a; }
QProgressBar#runBar[state="error"]::chunk { background: #dc2626; }
QTabWidget#satuDataTabs::pane { border: none; border-top: 1px solid #e2e8f0; top: -1px; }
QTabWidget#satuDataTabs QTabBar::tab { background: transparent; border: none; border-bottom: 2px solid transparent;
            padding: 7px 2px 8px 2px; margin-right: 22px; color: #64748b; font-size: 13px; font-weight: 600; }
QTabWidget#satuDataTabs QTabBar::tab:selected { color: #1d4ed8; border-bottom-color: #2563eb; }
QTabWidget#satuDataTabs QTabBar::tab:hover:!selected { color: #0f172a; }
QGroupBox { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px; margin-top: 0px; padding: 40px 18px 16px 18px;
            font-size: 14px; font-weight: 700; color: #0f172a; }
QGroupBox::title { subcontrol-origin: padding; subcontrol-position: top left; left: 18px; top: 14px; }
QLabel#nextRun { color: #1d4ed8; font-size: 13px; font-weight: 600; }
QLabel#scheduleDescribe { color: #475569; font-size: 12px; }
QPlainTextEdit#logDetail { background: #f8fafc; font-size: 12px; }
QTimeEdit { background: #ffffff; color: #0f172a; border: 1px solid #cbd5e1; border-radius: 6px; padding: 4px 8px; font-size: 13px; min-height: 20px; }
QTimeEdit[invalid="true"] { border-color: #dc2626; }
)css";

using LogList = std::decay_t<decltype(std::declval<SatuDataSync &>().logs(std::declval<const PushLogFilter &>(), nullptr).value())>;

struct LogState {
    LogList logs;
    qint64 total = 0;
    QList<RetryItem> retry;
    QString error;
};

struct ScheduleState {
    std::optional<SyncSchedule> schedule;
    QDateTime next;
    QString error;
};

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("ok"))
        return SatuDataPage::tr("Berhasil");
    if (status == QLatin1String("unchanged"))
        return SatuDataPage::tr("Tidak berubah");
    if (status == QLatin1String("failed"))
        return SatuDataPage::tr("Gagal");
    if (status == QLatin1String("conflict"))
        return SatuDataPage::tr("Konflik");
    if (status == QLatin1String("skipped"))
        return SatuDataPage::tr("Dilewati");
    return status;
}

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("ok"))
        return theme::Success;
    if (status == QLatin1String("failed"))
        return theme::Danger;
    if (status == QLatin1String("conflict"))
        return QColor(0xb4, 0x53, 0x09);
    return theme::TextMuted;
}

QString targetShort(const QString &target)
{
    return target == satudata::Splp ? QStringLiteral("SPLP") : target == satudata::Sipd ? QStringLiteral("SIPD") : target;
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    return i;
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return SatuDataPage::tr("%1 ms").arg(ms);
    return SatuDataPage::tr("%1 dtk").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString longTime(const QString &iso, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return iso;
    return QLocale().toString(zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm:ss"));
}

QStringList weekdayNames()
{
    return {SatuDataPage::tr("Senin"), SatuDataPage::tr("Selasa"), SatuDataPage::tr("Rabu"), SatuDataPage::tr("Kamis"),
            SatuDataPage::tr("Jumat"), SatuDataPage::tr("Sabtu"), SatuDataPage::tr("Minggu")};
}

} // namespace

SatuDataPage::SatuDataPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new SatuDataFileModel(core, this))
{
    setObjectName(QStringLiteral("satuDataPage"));
    setStyleSheet(QString::fromUtf8(PageStyle));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(14);

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
    m_upload = new QPushButton(icons::icon(QStringLiteral("plus"), Qt::white), tr("Unggah berkas"), this);
    m_upload->setObjectName(QStringLiteral("uploadFile"));
    m_upload->setIconSize(QSize(16, 16));
    m_upload->setAutoDefault(false);
    m_upload->setToolTip(tr("Unggah berkas CSV atau XLSX, paling besar 10 MB (Ctrl+U)"));
    m_upload->setShortcut(QKeySequence(QStringLiteral("Ctrl+U")));
    theme::setVariant(m_upload, "primary");
    header->addAction(m_refresh);
    header->addAction(m_syncAll);
    header->addAction(m_upload);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    page->addWidget(buildRunStrip());

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("satuDataTabs"));
    m_tabs->addTab(buildFilesTab(), tr("Berkas data"));
    m_tabs->addTab(buildLogTab(), tr("Log sinkronisasi"));
    m_tabs->addTab(buildScheduleTab(), tr("Jadwal otomatis"));
    page->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, &SatuDataPage::reload);
    connect(m_syncAll, &QPushButton::clicked, this, [this] { openSyncAll(); });
    connect(m_upload, &QPushButton::clicked, this, &SatuDataPage::uploadFile);
    connect(m_model, &SatuDataFileModel::loaded, this, [this] {
        m_count->setText(m_model->rowCount() ? tr("%n berkas", nullptr, m_model->rowCount()) : tr("Belum ada berkas. Unggah CSV atau XLSX untuk memulai."));
        updateActions();
    });
    connect(m_model, &SatuDataFileModel::failed, this, [this](const QString &m) { m_banner->showError(m); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const SatuDataRow *r = selected();
        setProperty("keepSelection", r ? r->file.id : QString());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_model->rowOf(property("keepSelection").toString());
        if (row >= 0)
            m_table->selectRow(row);
        updateActions();
    });

    SatuDataSync &sync = m_core.satuDataSync();
    // Emitted on the run's thread: queued into this (GUI) thread.
    connect(&sync.jobs(), &JobRunner::progress, this, &SatuDataPage::onProgress, Qt::QueuedConnection);
    connect(&sync, &SatuDataSync::runFinished, this, &SatuDataPage::onFinished, Qt::QueuedConnection);
    if (sync.isRunning()) { // started over the API, by the schedule or before this window opened
        setRunning(true);
        onProgress(sync.current());
    } else {
        setRunning(false);
    }
    m_model->setTimeZone(m_core.settings().schoolZone());
    reload();
}

SatuDataPage::~SatuDataPage()
{
    delete m_schedErrors;
}

QWidget *SatuDataPage::buildRunStrip()
{
    auto *strip = new QFrame(this);
    strip->setObjectName(QStringLiteral("runStrip"));
    auto *v = new QVBoxLayout(strip);
    v->setContentsMargins(16, 12, 16, 12);
    v->setSpacing(6);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    m_runTitle = plainLabel(tr("Sync semua berkas"), strip);
    m_runTitle->setObjectName(QStringLiteral("runTitle"));
    top->addWidget(m_runTitle);
    top->addStretch(1);
    m_runPercent = plainLabel(QStringLiteral("0%"), strip);
    m_runPercent->setObjectName(QStringLiteral("runPercent"));
    top->addWidget(m_runPercent);
    m_cancel = actionButton(tr("Batal"), QStringLiteral("close"), strip);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Hentikan setelah berkas yang sedang dikirim (Esc)"));
    theme::setVariant(m_cancel, "danger");
    top->addWidget(m_cancel);
    v->addLayout(top);
    m_runBar = new QProgressBar(strip);
    m_runBar->setObjectName(QStringLiteral("runBar"));
    m_runBar->setRange(0, 100);
    m_runBar->setTextVisible(false);
    v->addWidget(m_runBar);
    m_runMessage = plainLabel(strip);
    m_runMessage->setObjectName(QStringLiteral("runMessage"));
    m_runMessage->setWordWrap(true);
    v->addWidget(m_runMessage);
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), strip);
    esc->setContext(Qt::WindowShortcut);
    connect(esc, &QShortcut::activated, this, [this] { if (m_running && isVisible()) cancelAll(); });
    connect(m_cancel, &QPushButton::clicked, this, &SatuDataPage::cancelAll);
    m_runStrip = strip;
    strip->hide();
    return strip;
}

QWidget *SatuDataPage::buildFilesTab()
{
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    v->setContentsMargins(0, 12, 0, 0);
    const Card card = makeCard(tab);
    m_count = plainLabel(card.frame);
    m_count->setObjectName(QStringLiteral("countLabel"));
    card.toolbar->addWidget(m_count);
    card.toolbar->addStretch(1);
    m_edit = actionButton(tr("Ubah keterangan…"), QStringLiteral("konten"), card.frame);
    m_edit->setObjectName(QStringLiteral("editFile"));
    m_replace = actionButton(tr("Ganti berkas…"), QStringLiteral("folder"), card.frame);
    m_replace->setObjectName(QStringLiteral("replaceFile"));
    m_replace->setToolTip(tr("Ganti isi berkas dengan CSV/XLSX baru; verifikasi perlu diulang"));
    m_remove = actionButton(tr("Hapus"), QStringLiteral("trash"), card.frame);
    m_remove->setObjectName(QStringLiteral("removeFile"));
    m_remove->setToolTip(tr("Hapus berkas yang belum pernah dikirim (Delete)"));
    m_verify = actionButton(tr("Verifikasi"), QStringLiteral("shield"), card.frame);
    m_verify->setObjectName(QStringLiteral("verifyFile"));
    m_sync = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Sync…"), card.frame);
    m_sync->setObjectName(QStringLiteral("syncFile"));
    m_sync->setIconSize(QSize(16, 16));
    m_sync->setAutoDefault(false);
    m_sync->setToolTip(tr("Sinkronkan berkas terpilih ke SPLP/SIPD (Ctrl+Y atau Enter)"));
    m_sync->setShortcut(QKeySequence(QStringLiteral("Ctrl+Y")));
    for (QPushButton *b : {m_edit, m_replace, m_remove, m_verify, m_sync})
        card.toolbar->addWidget(b);

    m_table = dataTable(m_model, card.frame, 46);
    m_table->setObjectName(QStringLiteral("filesTable"));
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(SatuDataFileModel::Title, QHeaderView::Stretch);
    h->setMinimumSectionSize(56);
    // Wide enough for their longest usual text, so the title gets the rest.
    // Measured in bold (headers and the state columns' weight) with the cells' padding.
    QFont bold = m_table->font();
    bold.setPixelSize(13);
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const int pad = 30;
    auto fit = [&](int column, const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = qMax(w, fm.horizontalAdvance(t));
        m_table->setColumnWidth(column, w + pad);
    };
    fit(SatuDataFileModel::Period, {m_model->headerData(SatuDataFileModel::Period, Qt::Horizontal).toString(), QStringLiteral("2025")});
    fit(SatuDataFileModel::Format, {m_model->headerData(SatuDataFileModel::Format, Qt::Horizontal).toString(), QStringLiteral("XLSX")});
    fit(SatuDataFileModel::Rows, {m_model->headerData(SatuDataFileModel::Rows, Qt::Horizontal).toString(), QStringLiteral("10.000")});
    fit(SatuDataFileModel::Verified, {m_model->headerData(SatuDataFileModel::Verified, Qt::Horizontal).toString(), QStringLiteral("00/00 00:00")});
    const QStringList states{SatuDataFileModel::tr("Tersinkron"), SatuDataFileModel::tr("Belum pernah"), satudata::failureLabel(satudata::Server),
                             satudata::failureLabel(satudata::Validation), QStringLiteral("00/00 00:00")};
    fit(SatuDataFileModel::Splp, states);
    fit(SatuDataFileModel::Sipd, states);
    fit(SatuDataFileModel::Integrasi, {m_model->headerData(SatuDataFileModel::Integrasi, Qt::Horizontal).toString()});
    card.layout->addWidget(m_table, 1);
    v->addWidget(card.frame, 1);

    auto *del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &SatuDataPage::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SatuDataPage::updateActions);
    // Enter (or double click) on a row, or a click in the Integrasi column: the Sync dialog.
    connect(m_table, &QTableView::activated, this, [this] { openSyncDialog(); });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &i) {
        if (i.column() == SatuDataFileModel::Integrasi)
            openSyncDialog();
    });
    connect(m_edit, &QPushButton::clicked, this, &SatuDataPage::editSelected);
    connect(m_replace, &QPushButton::clicked, this, &SatuDataPage::replaceFile);
    connect(m_remove, &QPushButton::clicked, this, &SatuDataPage::removeSelected);
    connect(m_verify, &QPushButton::clicked, this, &SatuDataPage::toggleVerified);
    connect(m_sync, &QPushButton::clicked, this, [this] { openSyncDialog(); });
    return tab;
}

QWidget *SatuDataPage::buildLogTab()
{
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    v->setContentsMargins(0, 12, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, tab);
    split->setChildrenCollapsible(false);
    split->setHandleWidth(12);

    const Card card = makeCard(split);
    m_logTarget = new QComboBox(card.frame);
    m_logTarget->setObjectName(QStringLiteral("logTarget"));
    m_logTarget->setToolTip(tr("Tujuan"));
    m_logTarget->addItem(tr("Semua tujuan"), QString());
    m_logTarget->addItem(QStringLiteral("SPLP"), satudata::Splp);
    m_logTarget->addItem(QStringLiteral("SIPD"), satudata::Sipd);
    m_logStatus = new QComboBox(card.frame);
    m_logStatus->setObjectName(QStringLiteral("logStatus"));
    m_logStatus->setToolTip(tr("Status"));
    m_logStatus->addItem(tr("Semua status"), QString());
    for (const char *s : {"ok", "unchanged", "failed", "conflict"})
        m_logStatus->addItem(statusLabel(QLatin1String(s)), QLatin1String(s));
    card.toolbar->addWidget(m_logTarget);
    card.toolbar->addWidget(m_logStatus);
    card.toolbar->addStretch(1);
    m_logCount = plainLabel(card.frame);
    m_logCount->setObjectName(QStringLiteral("countLabel"));
    card.toolbar->addWidget(m_logCount);
    m_prev = actionButton(tr("‹ Sebelumnya"), QString(), card.frame);
    m_prev->setObjectName(QStringLiteral("prevLogPage"));
    m_next = actionButton(tr("Berikutnya ›"), QString(), card.frame);
    m_next->setObjectName(QStringLiteral("nextLogPage"));
    card.toolbar->addWidget(m_prev);
    card.toolbar->addWidget(m_next);
    m_logModel = new QStandardItemModel(0, 7, this);
    m_logModel->setHorizontalHeaderLabels({tr("Waktu"), tr("Berkas"), tr("Tujuan"), tr("Status"), tr("Kelas gagal"), tr("Durasi"), tr("Pesan")});
    m_logTable = dataTable(m_logModel, card.frame, 34);
    m_logTable->setObjectName(QStringLiteral("logTable"));
    m_logTable->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_logTable->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(6, QHeaderView::Stretch);
    m_logTable->setColumnWidth(0, 120);
    m_logTable->setColumnWidth(1, 230);
    m_logTable->setColumnWidth(2, 76);
    m_logTable->setColumnWidth(3, 104);
    m_logTable->setColumnWidth(4, 126);
    m_logTable->setColumnWidth(5, 76);
    card.layout->addWidget(m_logTable, 1);
    split->addWidget(card.frame);

    auto *bottom = new QWidget(split);
    auto *row = new QHBoxLayout(bottom);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(14);
    auto *detail = new QFrame(bottom);
    detail->setObjectName(QStringLiteral("card"));
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(16, 12, 16, 14);
    dl->setSpacing(6);
    m_logDetailTitle = plainLabel(tr("Jawaban portal"), detail);
    m_logDetailTitle->setObjectName(QStringLiteral("sectionTitle"));
    dl->addWidget(m_logDetailTitle);
    m_logDetail = new QPlainTextEdit(detail);
    m_logDetail->setObjectName(QStringLiteral("logDetail"));
    m_logDetail->setReadOnly(true);
    m_logDetail->setTabChangesFocus(true);
    m_logDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logDetail->setPlaceholderText(tr("Pilih baris log untuk melihat jawaban lengkap dari portal."));
    dl->addWidget(m_logDetail, 1);
    row->addWidget(detail, 1);

    auto *retry = new QFrame(bottom);
    retry->setObjectName(QStringLiteral("card"));
    auto *rl = new QVBoxLayout(retry);
    rl->setContentsMargins(1, 12, 1, 1);
    rl->setSpacing(6);
    auto *rt = new QHBoxLayout;
    rt->setContentsMargins(15, 0, 15, 0);
    auto *retryTitle = plainLabel(tr("Antrean coba ulang"), retry);
    retryTitle->setObjectName(QStringLiteral("sectionTitle"));
    rt->addWidget(retryTitle);
    rt->addStretch(1);
    m_retryCount = plainLabel(retry);
    m_retryCount->setObjectName(QStringLiteral("countLabel"));
    rt->addWidget(m_retryCount);
    rl->addLayout(rt);
    m_retryModel = new QStandardItemModel(0, 4, this);
    m_retryModel->setHorizontalHeaderLabels({tr("Berkas"), tr("Tujuan"), tr("Percobaan"), tr("Berikutnya")});
    m_retryTable = dataTable(m_retryModel, retry, 32);
    m_retryTable->setObjectName(QStringLiteral("retryTable"));
    m_retryTable->setTextElideMode(Qt::ElideRight);
    m_retryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_retryTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    rl->addWidget(m_retryTable, 1);
    m_retryEmpty = plainLabel(tr("Tidak ada yang menunggu dicoba ulang. Kegagalan sementara (jaringan, batas permintaan, "
                                 "server portal) muncul di sini sampai berhasil dikirim."),
                              retry);
    m_retryEmpty->setObjectName(QStringLiteral("hint"));
    m_retryEmpty->setWordWrap(true);
    m_retryEmpty->setAlignment(Qt::AlignCenter);
    m_retryEmpty->setContentsMargins(24, 0, 24, 0);
    rl->addWidget(m_retryEmpty, 1);
    row->addWidget(retry, 1);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    v->addWidget(split, 1);

    auto refilter = [this] { m_logPage = 1; reloadLogs(); };
    connect(m_logTarget, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_logStatus, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_prev, &QPushButton::clicked, this, [this] { if (m_logPage > 1) { --m_logPage; reloadLogs(); } });
    connect(m_next, &QPushButton::clicked, this, [this] { if (qint64(m_logPage) * LogPageSize < m_logTotal) { ++m_logPage; reloadLogs(); } });
    connect(m_logTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SatuDataPage::showLogDetail);
    return tab;
}

QWidget *SatuDataPage::buildScheduleTab()
{
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    v->setContentsMargins(0, 12, 0, 0);
    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    auto *box = new QGroupBox(tr("Sinkronisasi otomatis"), tab);
    box->setObjectName(QStringLiteral("scheduleBox"));
    box->setMinimumWidth(440);
    box->setMaximumWidth(620);
    auto *bl = new QVBoxLayout(box);
    bl->setContentsMargins(0, 0, 0, 0); // the group box's padding is the margin
    bl->setSpacing(10);
    auto *intro = plainLabel(tr("TataUsaha mengirim semua berkas terverifikasi pada jadwal ini (waktu sekolah, %1), selama aplikasi "
                                "atau server berjalan. Berkas yang tidak berubah tidak dikirim ulang.")
                                 .arg(QString::fromUtf8(m_core.settings().schoolZone().id())),
                             box);
    intro->setObjectName(QStringLiteral("hint"));
    intro->setWordWrap(true);
    bl->addWidget(intro);
    m_schedBanner = new MessageBanner(box);
    bl->addWidget(m_schedBanner);
    m_schedErrors = new FormErrors(m_schedBanner);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_frequency = new QComboBox(box);
    m_frequency->setObjectName(QStringLiteral("frequency"));
    m_frequency->addItem(tr("Tidak terjadwal"), QStringLiteral("off"));
    m_frequency->addItem(tr("Setiap hari"), QStringLiteral("daily"));
    m_frequency->addItem(tr("Setiap minggu"), QStringLiteral("weekly"));
    m_weekday = new QComboBox(box);
    m_weekday->setObjectName(QStringLiteral("weekday"));
    const QStringList days = weekdayNames();
    for (int d = 0; d < days.size(); ++d)
        m_weekday->addItem(days[d], d + 1);
    m_time = new QTimeEdit(QTime(7, 0), box);
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setMinimumWidth(110);
    m_time->setButtonSymbols(QAbstractSpinBox::NoButtons); // arrow keys change it; the styled box clips Fusion's arrows
    auto *targets = new QWidget(box);
    auto *tl = new QHBoxLayout(targets);
    tl->setContentsMargins(0, 4, 0, 4);
    tl->setSpacing(18);
    m_schedSplp = new QCheckBox(QStringLiteral("SPLP"), targets);
    m_schedSplp->setObjectName(QStringLiteral("scheduleSplp"));
    m_schedSplp->setToolTip(satudata::targetLabel(satudata::Splp));
    m_schedSipd = new QCheckBox(QStringLiteral("SIPD"), targets);
    m_schedSipd->setObjectName(QStringLiteral("scheduleSipd"));
    m_schedSipd->setToolTip(satudata::targetLabel(satudata::Sipd));
    tl->addWidget(m_schedSplp);
    tl->addWidget(m_schedSipd);
    tl->addStretch(1);
    form->addRow(formLabel(tr("&Frekuensi"), m_frequency), m_schedErrors->withError(QStringLiteral("frequency"), m_frequency));
    form->addRow(formLabel(tr("&Hari"), m_weekday), m_schedErrors->withError(QStringLiteral("weekday"), m_weekday));
    form->addRow(formLabel(tr("&Pukul"), m_time), m_schedErrors->withError(QStringLiteral("time"), m_time));
    form->addRow(formLabel(tr("Tujuan")), m_schedErrors->withError(QStringLiteral("targets"), targets));
    bl->addLayout(form);

    m_nextRun = plainLabel(box);
    m_nextRun->setObjectName(QStringLiteral("nextRun"));
    m_nextRun->setWordWrap(true);
    bl->addWidget(m_nextRun);
    m_schedDescribe = plainLabel(box);
    m_schedDescribe->setObjectName(QStringLiteral("scheduleDescribe"));
    m_schedDescribe->setWordWrap(true);
    bl->addWidget(m_schedDescribe);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_saveSchedule = new QPushButton(tr("Simpan jadwal"), box);
    m_saveSchedule->setObjectName(QStringLiteral("saveSchedule"));
    m_saveSchedule->setAutoDefault(false);
    theme::setVariant(m_saveSchedule, "primary");
    buttons->addWidget(m_saveSchedule);
    bl->addLayout(buttons);
    row->addWidget(box, 0, Qt::AlignTop);

    auto *help = new QGroupBox(tr("Jika pengiriman gagal"), tab);
    help->setMaximumWidth(460);
    auto *hl = new QVBoxLayout(help);
    hl->setContentsMargins(0, 0, 0, 0);
    auto *text = plainLabel(tr("Kegagalan sementara (jaringan, batas permintaan, server portal) masuk antrean coba ulang dan "
                               "dicoba lagi otomatis setelah 1 menit, 5 menit, 15 menit, 1 jam, lalu 6 jam. Kegagalan "
                               "autentikasi dan validasi perlu diperbaiki dulu: periksa kunci API di Pengaturan atau isi berkasnya, "
                               "lalu jalankan Sync lagi. Semua percobaan tercatat di tab Log sinkronisasi."),
                            help);
    text->setWordWrap(true);
    text->setStyleSheet(QStringLiteral("color: #334155; font-size: 12px; font-weight: 400;"));
    hl->addWidget(text);
    row->addWidget(help, 0, Qt::AlignTop);
    row->addStretch(1);
    v->addLayout(row);
    v->addStretch(1);

    connect(m_frequency, &QComboBox::currentIndexChanged, this, &SatuDataPage::updateScheduleForm);
    // Edits by the user keep the form from being refilled by later reloads until saved.
    auto edited = [this] { if (!m_fillingSchedule) m_scheduleDirty = true; };
    connect(m_frequency, &QComboBox::currentIndexChanged, this, edited);
    connect(m_weekday, &QComboBox::currentIndexChanged, this, edited);
    connect(m_time, &QTimeEdit::timeChanged, this, edited);
    connect(m_schedSplp, &QCheckBox::toggled, this, edited);
    connect(m_schedSipd, &QCheckBox::toggled, this, edited);
    connect(m_saveSchedule, &QPushButton::clicked, this, &SatuDataPage::saveSchedule);
    updateScheduleForm();
    return tab;
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
    return m_model->isLoading() || m_logLoading > 0 || m_schedLoading > 0;
}

void SatuDataPage::reload()
{
    m_model->setTimeZone(m_core.settings().schoolZone());
    m_model->reload();
    reloadLogs();
    if (m_schedLoading)
        return;
    ++m_schedLoading;
    Core *core = &m_core;
    runAsync(this, [core] {
        ScheduleState s;
        auto r = core->satuDataSync().schedule();
        if (r.ok())
            s.schedule = r.value();
        else
            s.error = r.error().message;
        s.next = core->satuDataSync().nextScheduledRun();
        return s;
    }, [this](const ScheduleState &s) {
        --m_schedLoading;
        if (!s.error.isEmpty()) {
            m_schedBanner->showError(s.error);
            return;
        }
        const SyncSchedule &sc = *s.schedule;
        if (!m_scheduleDirty) { // the form keeps what the user is changing
            m_scheduleLoaded = true;
            m_fillingSchedule = true;
            m_frequency->setCurrentIndex(qMax(0, m_frequency->findData(sc.frequency)));
            m_weekday->setCurrentIndex(qMax(0, m_weekday->findData(sc.weekday)));
            m_time->setTime(QTime::fromString(sc.time, QStringLiteral("HH:mm")));
            m_schedSplp->setChecked(sc.targets.contains(satudata::Splp));
            m_schedSipd->setChecked(sc.targets.contains(satudata::Sipd));
            m_fillingSchedule = false;
            updateScheduleForm();
        }
        const QTimeZone zone = m_core.settings().schoolZone();
        if (s.next.isValid())
            m_nextRun->setText(tr("Berikutnya: %1").arg(QLocale().toString(s.next.toTimeZone(zone), QStringLiteral("dddd, d MMMM yyyy 'pukul' HH:mm"))));
        else
            m_nextRun->setText(tr("Tidak ada sinkronisasi terjadwal."));
        QString describe = sc.describe();
        if (!sc.updatedAt.isEmpty())
            describe += QStringLiteral(" · ") + tr("diubah %1 oleh %2").arg(SatuDataFileModel::shortTime(sc.updatedAt, zone),
                                                                           sc.updatedBy.isEmpty() ? tr("sistem") : sc.updatedBy);
        m_schedDescribe->setText(describe);
    });
}

void SatuDataPage::reloadLogs()
{
    ++m_logLoading;
    const quint64 generation = ++m_logGeneration;
    PushLogFilter f;
    f.target = m_logTarget->currentData().toString();
    f.status = m_logStatus->currentData().toString();
    f.page = m_logPage;
    f.limit = LogPageSize;
    Core *core = &m_core;
    runAsync(this, [core, f] {
        LogState s;
        auto logs = core->satuDataSync().logs(f, &s.total);
        if (logs.ok())
            s.logs = logs.value();
        else
            s.error = logs.error().message;
        auto retry = core->satuDataSync().retryQueue();
        if (retry.ok())
            s.retry = retry.value();
        else if (s.error.isEmpty())
            s.error = retry.error().message;
        return s;
    }, [this, generation](const LogState &s) {
        --m_logLoading;
        if (generation != m_logGeneration)
            return;
        if (!s.error.isEmpty())
            m_banner->showError(s.error);
        const QTimeZone zone = m_core.settings().schoolZone();
        const QString keep = [this] {
            const auto rows = m_logTable->selectionModel()->selectedRows();
            return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
        }();
        m_logTotal = s.total;
        m_logModel->removeRows(0, m_logModel->rowCount());
        QFont bold;
        bold.setBold(true);
        for (const auto &e : s.logs) {
            QList<QStandardItem *> row;
            auto *at = item(SatuDataFileModel::shortTime(e.at, zone));
            at->setData(e.id, Qt::UserRole);
            at->setData(e.answer, Qt::UserRole + 1);
            at->setToolTip(plainToolTip(longTime(e.at, zone)));
            row << at;
            auto *file = item(e.fileTitle);
            file->setToolTip(plainToolTip(e.fileTitle));
            row << file << item(targetShort(e.target));
            auto *status = item(statusLabel(e.status));
            status->setForeground(statusColor(e.status));
            status->setFont(bold);
            row << status;
            row << item(e.failureClass.isEmpty() ? QStringLiteral("—") : satudata::failureLabel(e.failureClass));
            auto *dur = item(duration(e.durationMs));
            dur->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row << dur;
            auto *msg = item(e.message);
            msg->setToolTip(plainToolTip(e.message));
            row << msg;
            // What the detail pane shows.
            at->setData(QStringList{e.fileTitle, satudata::targetLabel(e.target), statusLabel(e.status), longTime(e.at, zone),
                                    e.actor, QString::number(e.attempt), e.message},
                        Qt::UserRole + 2);
            m_logModel->appendRow(row);
        }
        for (int i = 0; i < m_logModel->rowCount(); ++i)
            if (!keep.isEmpty() && m_logModel->item(i, 0)->data(Qt::UserRole).toString() == keep)
                m_logTable->selectRow(i);
        if (m_logTotal == 0)
            m_logCount->setText(tr("Belum ada catatan."));
        else
            m_logCount->setText(tr("%1–%2 dari %3").arg(qint64(m_logPage - 1) * LogPageSize + 1)
                                    .arg(qint64(m_logPage - 1) * LogPageSize + m_logModel->rowCount()).arg(m_logTotal));
        m_prev->setEnabled(m_logPage > 1);
        m_next->setEnabled(qint64(m_logPage) * LogPageSize < m_logTotal);
        showLogDetail();

        m_retryModel->removeRows(0, m_retryModel->rowCount());
        for (const RetryItem &r : s.retry) {
            QList<QStandardItem *> row;
            auto *file = item(r.fileTitle);
            file->setToolTip(plainToolTip(r.fileTitle));
            row << file << item(targetShort(r.target));
            auto *attempts = item(tr("%1 dari %2").arg(r.attempts).arg(SatuDataSync::MaxRetryAttempts));
            row << attempts << item(SatuDataFileModel::shortTime(r.nextAt, zone));
            QString err = r.lastError;
            if (!r.failureClass.isEmpty())
                err = QStringLiteral("%1: %2").arg(satudata::failureLabel(r.failureClass), r.lastError);
            for (QStandardItem *i : row)
                i->setToolTip(plainToolTip(tr("%1\nGalat terakhir: %2").arg(r.fileTitle, err)));
            m_retryModel->appendRow(row);
        }
        m_retryTable->setVisible(!s.retry.isEmpty());
        m_retryEmpty->setVisible(s.retry.isEmpty());
        m_retryCount->setText(s.retry.isEmpty() ? tr("Kosong") : tr("%n menunggu", nullptr, int(s.retry.size())));
    });
}

void SatuDataPage::showLogDetail()
{
    const auto rows = m_logTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_logDetailTitle->setText(tr("Jawaban portal"));
        m_logDetail->clear();
        return;
    }
    const QModelIndex first = m_logModel->index(rows.first().row(), 0);
    const QStringList f = first.data(Qt::UserRole + 2).toStringList();
    const QString answer = first.data(Qt::UserRole + 1).toString();
    if (f.size() < 7)
        return;
    m_logDetailTitle->setText(QStringLiteral("%1 · %2").arg(f[0], f[1]));
    QString text = tr("%1, %2, percobaan ke-%3 oleh %4").arg(f[2], f[3], f[5], f[4].isEmpty() ? tr("sistem") : f[4]);
    if (!f[6].isEmpty())
        text += QStringLiteral("\n") + f[6];
    QString pretty = answer;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.toUtf8());
    if (!doc.isNull())
        pretty = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    text += QStringLiteral("\n\n") + (pretty.isEmpty() ? tr("(tidak ada jawaban dari portal)") : pretty);
    m_logDetail->setPlainText(text);
}

const SatuDataRow *SatuDataPage::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->rowAt(rows.first().row());
}

void SatuDataPage::updateActions()
{
    const SatuDataRow *r = selected();
    const bool admin = m_actor.role == Role::Admin;
    m_edit->setEnabled(r);
    m_replace->setEnabled(r);
    m_remove->setEnabled(r);
    m_sync->setEnabled(r);
    m_verify->setEnabled(r && admin);
    m_verify->setText(r && r->file.verified ? tr("Batalkan verifikasi") : tr("Verifikasi"));
    m_verify->setToolTip(admin ? tr("Tandai isi dan keterangan berkas sudah diperiksa; hanya berkas terverifikasi yang dikirim")
                               : tr("Hanya admin yang dapat memverifikasi berkas."));
    m_syncAll->setEnabled(!m_running);
}

void SatuDataPage::uploadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Pilih berkas data"), QString(),
                                                      tr("Tabel data (*.csv *.xlsx);;Semua berkas (*)"));
    if (!path.isEmpty())
        uploadPath(path);
}

SatuDataMetaDialog *SatuDataPage::uploadPath(const QString &path)
{
    auto *dialog = new SatuDataMetaDialog(m_core, m_actor, path, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const DataFile d = dialog->saved();
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("Berkas %1 diunggah: %n baris. Minta admin memverifikasinya sebelum dikirim.", nullptr, d.rowCount).arg(d.title));
        setProperty("keepSelection", d.id);
        m_model->reload();
        connect(m_model, &SatuDataFileModel::loaded, this, [this, id = d.id] {
            const int row = m_model->rowOf(id);
            if (row >= 0)
                m_table->selectRow(row);
        }, Qt::SingleShotConnection);
    });
    dialog->open();
    return dialog;
}

void SatuDataPage::replaceFile()
{
    if (!selected())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Pilih berkas pengganti"), QString(),
                                                      tr("Tabel data (*.csv *.xlsx);;Semua berkas (*)"));
    if (!path.isEmpty())
        replacePath(path);
}

void SatuDataPage::replacePath(const QString &path)
{
    const SatuDataRow *r = selected();
    if (!r)
        return;
    const QString id = r->file.id, title = r->file.title;
    Core *core = &m_core;
    const Actor actor = m_actor;
    m_replace->setEnabled(false);
    m_banner->showMessage(MessageBanner::Kind::Info, tr("Membaca dan memeriksa %1…").arg(QFileInfo(path).fileName()));
    runAsync(this, [core, actor, id, path]() -> Result<DataFile> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::validation({{QStringLiteral("file"), SatuDataPage::tr("Berkas tidak dapat dibaca: %1").arg(f.errorString())}},
                                     SatuDataPage::tr("Berkas tidak dapat dibaca."));
        return core->dataFiles().replace(actor, id, f, QFileInfo(path).fileName());
    }, [this, title](const Result<DataFile> &r) {
        updateActions();
        if (!r.ok()) {
            QStringList lines{r.error().message};
            for (const QString &m : r.error().fields)
                lines << m;
            m_banner->showError(lines.join(QLatin1Char('\n')));
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("Isi berkas %1 diganti (%n baris). Verifikasi perlu diulang sebelum dikirim.", nullptr, r->rowCount).arg(title));
        m_model->reload();
    });
}

void SatuDataPage::editSelected()
{
    const SatuDataRow *r = selected();
    if (!r)
        return;
    auto *dialog = new SatuDataMetaDialog(m_core, m_actor, QString(), r->file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Keterangan berkas %1 disimpan.").arg(dialog->saved().title));
        m_model->reload();
    });
    dialog->open();
}

void SatuDataPage::removeSelected()
{
    const SatuDataRow *r = selected();
    if (!r)
        return;
    const DataFile f = r->file;
    // A file already sent cannot be deleted: no question first, the service says why.
    if (!f.everSynced) {
        QMessageBox box(QMessageBox::Question, tr("Hapus berkas"),
                        tr("Hapus berkas %1? Berkas yang belum pernah dikirim dapat dihapus; tindakan ini tidak dapat dibatalkan.").arg(f.title),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("confirmRemove"));
        QPushButton *yes = box.addButton(tr("Hapus"), QMessageBox::DestructiveRole);
        box.addButton(tr("Batal"), QMessageBox::RejectRole);
        box.setDefaultButton(yes);
        makePlain(&box);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    const Status s = m_core.dataFiles().remove(m_actor, f.id);
    if (!s.ok()) {
        m_banner->showError(s.error().message);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Berkas %1 dihapus.").arg(f.title));
    m_model->reload();
}

void SatuDataPage::toggleVerified()
{
    const SatuDataRow *r = selected();
    if (!r || m_actor.role != Role::Admin)
        return;
    const bool verify = !r->file.verified;
    const QString title = r->file.title;
    auto result = m_core.dataFiles().setVerified(m_actor, r->file.id, verify);
    if (!result.ok()) {
        m_banner->showError(result.error().message);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          verify ? tr("Berkas %1 terverifikasi dan siap dikirim.").arg(title)
                                 : tr("Verifikasi berkas %1 dibatalkan; berkas tidak akan dikirim.").arg(title));
    m_model->reload();
}

SatuDataSyncDialog *SatuDataPage::openSyncDialog()
{
    const SatuDataRow *r = selected();
    if (!r)
        return nullptr;
    auto *dialog = new SatuDataSyncDialog(m_core, m_actor, r->file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SatuDataSyncDialog::synced, this, [this] {
        m_model->reload();
        reloadLogs();
    });
    dialog->open();
    return dialog;
}

SatuDataTargetsDialog *SatuDataPage::openSyncAll()
{
    if (m_running)
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
    auto r = m_core.satuDataSync().startAll(m_actor, targets);
    if (!r.ok()) {
        m_banner->showError(r.error().message);
        return;
    }
    m_banner->clear();
    m_runId = r.value();
    m_runBar->setValue(0);
    m_runPercent->setText(QStringLiteral("0%"));
    m_runMessage->setText(tr("Memulai…"));
    m_runTitle->setText(tr("Sync semua berkas"));
    setRunning(true);
}

void SatuDataPage::cancelAll()
{
    if (!m_running || m_cancelling)
        return;
    m_core.satuDataSync().cancel();
    m_cancelling = true;
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Membatalkan…"));
    m_runMessage->setText(tr("Membatalkan… menunggu berkas yang sedang dikirim selesai."));
}

void SatuDataPage::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_cancelling = false;
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running && !m_cancelling);
    m_cancel->setText(m_cancelling ? tr("Membatalkan…") : tr("Batal"));
    if (running) {
        m_runStrip->show();
        if (!m_runBar->property("state").toString().isEmpty()) {
            m_runBar->setProperty("state", QString());
            theme::repolish(m_runBar);
        }
    }
    updateActions();
}

void SatuDataPage::onProgress(const Progress &p)
{
    if (p.done && !m_running)
        return; // runFinished follows
    if (!m_running) { // a run started elsewhere (API, schedule, retry queue)
        m_runBar->setValue(0);
        m_runTitle->setText(tr("Sinkronisasi Satu Data berjalan"));
        setRunning(true);
    }
    if (!p.jobId.isEmpty() && p.jobId != m_runId) {
        m_runId = p.jobId;
        m_runBar->setValue(0);
    }
    if (p.progress > m_runBar->value())
        m_runBar->setValue(qBound(0, p.progress, 100));
    m_runPercent->setText(QStringLiteral("%1%").arg(m_runBar->value()));
    if (!m_cancelling && !p.message.isEmpty()) {
        QString msg = p.message;
        if (p.total > 0)
            msg = tr("%1 (%2 dari %3)").arg(p.message).arg(qMin(p.current + (p.done ? 0 : 1), p.total)).arg(p.total);
        m_runMessage->setText(msg);
    }
}

void SatuDataPage::onFinished(const RunSummary &summary)
{
    m_lastSummary = summary;
    const bool ok = summary.error.isEmpty() && !summary.cancelled;
    if (ok)
        m_runBar->setValue(100);
    m_runPercent->setText(QStringLiteral("%1%").arg(m_runBar->value()));
    m_runBar->setProperty("state", ok ? QStringLiteral("done") : QStringLiteral("error"));
    theme::repolish(m_runBar);
    setRunning(false);
    m_runStrip->hide(); // the summary goes to the banner
    QString text = summary.message();
    if (!summary.error.isEmpty())
        text = summary.error + (text.isEmpty() ? QString() : QStringLiteral("\n") + text);
    m_runTitle->setText(summary.cancelled ? tr("Sync semua berkas dibatalkan") : !summary.error.isEmpty() ? tr("Sync semua berkas gagal")
                                                                                                          : tr("Sync semua berkas selesai"));
    m_runMessage->setText(text);
    int failed = 0;
    for (const TargetSummary &t : summary.perTarget)
        failed += t.failed + t.conflicts;
    const auto kind = !summary.error.isEmpty() ? MessageBanner::Kind::Error
                    : summary.cancelled || failed > 0 ? MessageBanner::Kind::Info : MessageBanner::Kind::Success;
    m_banner->showMessage(kind, text);
    if (auto *mw = qobject_cast<QMainWindow *>(window()))
        mw->statusBar()->showMessage(tr("Satu Data: %1").arg(text), 20000);
    notify(m_runTitle->text(), text, kind == MessageBanner::Kind::Success);
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

void SatuDataPage::updateScheduleForm()
{
    const QString f = m_frequency->currentData().toString();
    m_weekday->setEnabled(f == QLatin1String("weekly"));
    m_time->setEnabled(f != QLatin1String("off"));
    m_schedSplp->setEnabled(f != QLatin1String("off"));
    m_schedSipd->setEnabled(f != QLatin1String("off"));
}

void SatuDataPage::saveSchedule()
{
    m_schedErrors->clear();
    QJsonArray targets;
    if (m_schedSplp->isChecked())
        targets.append(satudata::Splp);
    if (m_schedSipd->isChecked())
        targets.append(satudata::Sipd);
    const QJsonObject in{{"frequency", m_frequency->currentData().toString()},
                         {"weekday", m_weekday->currentData().toInt()},
                         {"time", m_time->time().toString(QStringLiteral("HH:mm"))},
                         {"targets", targets}};
    auto r = m_core.satuDataSync().setSchedule(m_actor, in);
    if (!r.ok()) {
        m_schedErrors->show(r.error());
        return;
    }
    m_schedBanner->showMessage(MessageBanner::Kind::Success, tr("Jadwal disimpan: %1.").arg(r->describe()));
    m_scheduleDirty = false; // show what was stored
    reload();
}

} // namespace tu::ui
