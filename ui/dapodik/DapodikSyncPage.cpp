#include "DapodikSyncPage.h"
#include "common/Async.h"
#include "dapodik/DapodikSyncActions.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "dapodik/DapodikSyncHistoryModel.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace tu::ui {

// What reload() reads on a worker thread.
struct SyncPageState {
    QString lastSync; // metadata value
    QList<DapodikSyncLogEntry> logs;
    QList<QJsonObject> kecamatan;
    qint64 kecTotal = 0, sekolahTotal = 0, ptkTotal = 0;
    QString error;
};

namespace {

// A tick of a long loop ("Sync PTK 3/12 di Gamping…") goes to the message line, not the log.
bool isTicker(const QString &message)
{
    static const QRegularExpression tick(QStringLiteral("\\d+/\\d+"));
    return message.endsWith(QStringLiteral("…")) && tick.match(message).hasMatch();
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("global"))
        return DapodikSyncPage::tr("Sinkronisasi global");
    if (kind == QLatin1String("kecamatan"))
        return DapodikSyncPage::tr("Sinkronisasi kecamatan");
    if (kind == QLatin1String("all-sekolah"))
        return DapodikSyncPage::tr("Sinkronisasi semua sekolah");
    if (kind == QLatin1String("all-ptk"))
        return DapodikSyncPage::tr("Sinkronisasi semua PTK");
    if (kind == QLatin1String("ptk"))
        return DapodikSyncPage::tr("Sinkronisasi satu PTK");
    return DapodikSyncPage::tr("Sinkronisasi");
}

QFrame *statCard(QWidget *parent, const QString &title, QLabel **value, QLabel **note)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("statCard"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(16, 12, 16, 12);
    v->setSpacing(3);
    auto *t = plainLabel(title.toUpper(), card);
    t->setObjectName(QStringLiteral("statLabel"));
    *value = plainLabel(card);
    (*value)->setObjectName(QStringLiteral("statValue"));
    *note = plainLabel(card);
    (*note)->setObjectName(QStringLiteral("statNote"));
    v->addWidget(t);
    v->addWidget(*value);
    v->addWidget(*note);
    return card;
}

SyncPageState readState(Core *core)
{
    SyncPageState s;
    DapodikService &d = core->dapodik();
    auto meta = d.lastGlobalSync();
    if (meta.ok())
        s.lastSync = meta->value(QLatin1String("value")).toString();
    else
        s.error = meta.error().text();
    qint64 total = 0;
    PageRequest page;
    page.limit = 30;
    auto logs = d.syncLogs(page, &total);
    if (logs.ok())
        s.logs = logs.value();
    DapodikListFilter f;
    f.page.limit = 100;
    auto kec = d.kecamatanList(f);
    if (kec.ok()) {
        s.kecamatan = kec->items;
        s.kecTotal = kec->total;
    }
    if (auto a = d.analytics(); a.ok()) {
        const QJsonObject totals = a->value(QLatin1String("totals")).toObject();
        s.sekolahTotal = totals.value(QLatin1String("sekolah")).toInteger();
        s.ptkTotal = totals.value(QLatin1String("ptk")).toInteger();
    }
    return s;
}

} // namespace

DapodikSyncPage::DapodikSyncPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_school(SchoolTime::of(core))
{
    setObjectName(QStringLiteral("sinkronisasiPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(14);

    auto *header = new PageHeader(tr("Sinkronisasi Dapodik"),
                                  tr("Tarik data wilayah, sekolah, dan PTK dari Dapodik. Sinkronisasi berjalan di latar belakang; "
                                     "halaman lain tetap bisa dipakai."),
                                  this);
    auto *refresh = actionButton(tr("Muat ulang"), QStringLiteral("refresh"), this);
    refresh->setObjectName(QStringLiteral("reloadSync"));
    refresh->setToolTip(tr("Muat ulang status dan riwayat (F5)"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QPushButton::clicked, this, &DapodikSyncPage::reload);
    header->addAction(refresh);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    page->addWidget(buildStatusStrip());

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    m_actions = new DapodikSyncActions(this);
    m_actions->setFixedWidth(340);
    columns->addWidget(m_actions);
    columns->addWidget(buildProgress(), 1);
    page->addLayout(columns, 1);
    connect(m_actions, &DapodikSyncActions::globalRequested, this, &DapodikSyncPage::startGlobal);
    connect(m_actions, &DapodikSyncActions::allSekolahRequested, this, &DapodikSyncPage::startAllSekolah);
    connect(m_actions, &DapodikSyncActions::allPtkRequested, this, &DapodikSyncPage::startAllPtk);
    connect(m_actions, &DapodikSyncActions::kecamatanRequested, this, &DapodikSyncPage::startSelectedKecamatan);
    connect(m_actions, &DapodikSyncActions::ptkRequested, this, &DapodikSyncPage::syncSinglePtk);

    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(80);
    connect(m_flush, &QTimer::timeout, this, &DapodikSyncPage::flush);

    // The first time each emoji of the sync log is drawn, Qt looks up and loads the colour
    // emoji fallback font and rasterises the glyph: 5–15 ms apiece on the GUI thread, and they
    // used to arrive together in the middle of a sync (the log's first "🏫" and "📦" lines).
    // Draw them once when the page has opened, one per pass of the event loop.
    QTimer::singleShot(300, this, [this] { warmLogGlyphs(0); });

    JobRunner &manager = m_core.dapodik().jobs();
    // Emitted on the job's thread: queued into this (GUI) thread.
    connect(&manager, &JobRunner::progress, this, &DapodikSyncPage::onProgress, Qt::QueuedConnection);
    connect(&manager, &JobRunner::finished, this, &DapodikSyncPage::onFinished, Qt::QueuedConnection);

    // A job may already be running (started over the API, or before this window opened).
    if (manager.isRunning()) {
        const Progress current = manager.current();
        startFresh(kindText(current.kind), current.message);
        onProgress(current);
    } else {
        m_panel->setTitle(tr("Tidak ada sinkronisasi yang berjalan"));
        m_panel->setMessage(tr("Pilih salah satu sinkronisasi di sebelah kiri. Progresnya tampil di sini."));
        updateStateCard();
    }
    reload();
}

QPushButton *DapodikSyncPage::cancelButton() const
{
    return m_panel->cancelButton();
}

QProgressBar *DapodikSyncPage::overallBar() const
{
    return m_panel->bar();
}

QProgressBar *DapodikSyncPage::kecamatanBar() const
{
    return m_panel->detailBar();
}

QLabel *DapodikSyncPage::timeLabel() const
{
    return m_panel->timeLabel();
}

QPushButton *DapodikSyncPage::globalButton() const { return m_actions->globalButton(); }
QPushButton *DapodikSyncPage::kecamatanButton() const { return m_actions->kecamatanButton(); }
QPushButton *DapodikSyncPage::allSekolahButton() const { return m_actions->allSekolahButton(); }
QPushButton *DapodikSyncPage::allPtkButton() const { return m_actions->allPtkButton(); }
QPushButton *DapodikSyncPage::ptkButton() const { return m_actions->ptkButton(); }
QListWidget *DapodikSyncPage::kecamatanList() const { return m_actions->kecamatanList(); }
QLineEdit *DapodikSyncPage::nikEdit() const { return m_actions->nikEdit(); }
QLineEdit *DapodikSyncPage::npsnEdit() const { return m_actions->npsnEdit(); }

QWidget *DapodikSyncPage::buildStatusStrip()
{
    auto *strip = new QWidget(this);
    auto *h = new QHBoxLayout(strip);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(16);
    h->addWidget(statCard(strip, tr("Sinkron global terakhir"), &m_lastSync, &m_lastSyncNote), 1);
    m_lastSync->setObjectName(QStringLiteral("statValue"));
    m_lastSync->setAccessibleName(QStringLiteral("lastSync"));
    h->addWidget(statCard(strip, tr("Status"), &m_stateLabel, &m_stateNote), 1);
    h->addWidget(statCard(strip, tr("Data lokal"), &m_dataLabel, &m_dataNote), 1);
    m_lastSync->setText(QStringLiteral("—"));
    m_stateLabel->setText(QStringLiteral("—"));
    m_dataLabel->setText(QStringLiteral("—"));
    return strip;
}

QWidget *DapodikSyncPage::buildProgress()
{
    auto *column = new QWidget(this);
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(16);

    m_panel = new JobProgressPanel(tr("Keseluruhan"), column);
    m_panel->addDetailBar(tr("Kecamatan saat ini"));
    m_panel->detailBar()->setObjectName(QStringLiteral("kecamatanBar"));
    m_panel->cancelButton()->setObjectName(QStringLiteral("cancelSync"));
    m_panel->cancelButton()->setToolTip(tr("Hentikan sinkronisasi; data yang sudah tersimpan tetap ada"));
    v->addWidget(m_panel);

    auto *tabsCard = new QFrame(column);
    tabsCard->setObjectName(QStringLiteral("card"));
    auto *t = new QVBoxLayout(tabsCard);
    t->setContentsMargins(1, 6, 1, 1);
    m_tabs = new QTabWidget(tabsCard);
    m_tabs->setObjectName(QStringLiteral("syncTabs"));
    m_tabs->setDocumentMode(true);
    m_log = new QPlainTextEdit(m_tabs);
    m_log->setObjectName(QStringLiteral("syncLog"));
    m_log->setAccessibleName(tr("Log langsung"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("Pesan sinkronisasi muncul di sini saat berjalan."));
    m_tabs->addTab(m_log, tr("Log langsung"));

    m_historyModel = new DapodikSyncHistoryModel(this);
    m_history = dataTable(m_historyModel, m_tabs, 34);
    m_history->setObjectName(QStringLiteral("historyTable"));
    QHeaderView *hh = m_history->horizontalHeader();
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setSectionResizeMode(DapodikSyncHistoryModel::Result, QHeaderView::Stretch);
    m_history->setColumnWidth(DapodikSyncHistoryModel::Started, 150);
    m_history->setColumnWidth(DapodikSyncHistoryModel::Kind, 120);
    m_history->setColumnWidth(DapodikSyncHistoryModel::Status, 100);
    m_history->setColumnWidth(DapodikSyncHistoryModel::StartedBy, 90);
    m_history->setColumnWidth(DapodikSyncHistoryModel::Duration, 70);
    m_tabs->addTab(m_history, tr("Riwayat"));
    t->addWidget(m_tabs);
    v->addWidget(tabsCard, 1);

    connect(m_panel, &JobProgressPanel::cancelRequested, this, &DapodikSyncPage::cancelJob);
    return column;
}

// Fresh bars and log for a new job; its first progress arrives through the event loop.
void DapodikSyncPage::startFresh(const QString &title, const QString &message)
{
    m_haveLatest = false;
    m_pendingLog.clear();
    m_lastLogged.clear();
    m_log->clear();
    m_latest = Progress{};
    m_panel->begin(title, message);
    updateStateCard();
}

void DapodikSyncPage::started(const Result<QString> &r, const QString &what)
{
    if (!r.ok()) {
        m_banner->showError(r.error());
        return;
    }
    m_banner->clear();
    m_jobId.clear();
    startFresh(what, tr("Memulai…"));
}
void DapodikSyncPage::startGlobal()
{
    started(m_core.dapodik().startGlobal(m_actor), kindText(QStringLiteral("global")));
}

void DapodikSyncPage::startSelectedKecamatan()
{
    const QStringList codes = m_actions->checkedKecamatan();
    if (codes.isEmpty()) {
        m_banner->showError(tr("Centang paling sedikit satu kecamatan."));
        return;
    }
    started(m_core.dapodik().startKecamatan(m_actor, codes), kindText(QStringLiteral("kecamatan")));
}

void DapodikSyncPage::startAllSekolah()
{
    started(m_core.dapodik().startAllSekolah(m_actor), kindText(QStringLiteral("all-sekolah")));
}

void DapodikSyncPage::startAllPtk()
{
    started(m_core.dapodik().startAllPtk(m_actor), kindText(QStringLiteral("all-ptk")));
}

void DapodikSyncPage::syncSinglePtk()
{
    const QString nik = m_actions->nikEdit()->text().trimmed();
    const QString npsn = m_actions->npsnEdit()->text().trimmed();
    m_actions->ptkButton()->setEnabled(false);
    m_actions->ptkButton()->setText(tr("Menyinkronkan…"));
    m_banner->clear();
    Core *core = &m_core;
    const Actor actor = m_actor;
    // Synchronous in the service (one upstream request): on a worker thread.
    runAsync(this, [core, actor, nik, npsn] { return core->dapodik().syncPtk(actor, nik, npsn); },
             [this](const Result<QString> &r) {
                 m_actions->ptkButton()->setEnabled(true);
                 m_actions->ptkButton()->setText(tr("Sinkronkan PTK"));
                 if (!r.ok()) {
                     m_banner->showError(r.error());
                     return;
                 }
                 m_banner->showMessage(MessageBanner::Kind::Success, tr("Sync detail %1 berhasil!").arg(r.value()));
                 reload();
             });
}

void DapodikSyncPage::cancelJob()
{
    if (!m_panel->isRunning())
        return;
    const Status s = m_core.dapodik().cancel(m_actor);
    if (!s.ok()) {
        m_banner->showError(s.error());
        return;
    }
    m_panel->setCancelling(tr("Membatalkan… menunggu permintaan yang sedang berjalan selesai."));
    updateStateCard();
}

void DapodikSyncPage::warmLogGlyphs(int next)
{
    // Every symbol the Dapodik sync writes into its log (core/dapodik, core/sync).
    static const QStringList glyphs{QStringLiteral("🚀"), QStringLiteral("🗺"), QStringLiteral("🏫"), QStringLiteral("📦"),
                                    QStringLiteral("🏁"), QStringLiteral("❌"), QStringLiteral("⚠"), QStringLiteral("⏹"),
                                    QStringLiteral("↩")};
    if (next >= glyphs.size())
        return;
    m_log->ensurePolished();
    QImage scratch(48, 32, QImage::Format_ARGB32_Premultiplied);
    scratch.fill(Qt::transparent);
    QPainter painter(&scratch);
    painter.setFont(m_log->font());
    painter.drawText(2, 24, glyphs.at(next) + QStringLiteral(" Aa"));
    painter.end();
    QTimer::singleShot(0, this, [this, next] { warmLogGlyphs(next + 1); });
}

void DapodikSyncPage::updateStateCard()
{
    if (!m_panel->isRunning())
        return; // reload() shows the last job
    m_stateLabel->setText(m_panel->isCancelling() ? tr("Membatalkan…") : tr("Sedang berjalan"));
    m_stateLabel->setProperty("tone", QStringLiteral("running"));
    m_stateNote->setText(kindText(m_latest.kind));
    theme::repolish(m_stateLabel);
}

void DapodikSyncPage::onProgress(const Progress &p)
{
    if (!p.jobId.isEmpty() && p.jobId != m_jobId) {
        if (!m_panel->isRunning() && !p.done) // a job started elsewhere (the API): start afresh
            startFresh(kindText(p.kind), p.message);
        m_jobId = p.jobId;
    }
    m_latest = p;
    m_haveLatest = true;
    if (!p.message.isEmpty() && !isTicker(p.message) && p.message != m_lastLogged) {
        // Stamped in school time, like the cards and the history beside it.
        m_pendingLog << QStringLiteral("%1  %2").arg(m_school.nowText(SchoolTime::Clock), p.message);
        m_lastLogged = p.message;
    }
    if (p.done)
        flush();
    else if (!m_flush->isActive())
        m_flush->start();
}

void DapodikSyncPage::flush()
{
    m_flush->stop();
    if (!m_pendingLog.isEmpty()) {
        QScrollBar *sb = m_log->verticalScrollBar();
        const bool atEnd = sb->value() >= sb->maximum() - 4;
        m_log->appendPlainText(m_pendingLog.join(QLatin1Char('\n')));
        m_pendingLog.clear();
        if (atEnd)
            sb->setValue(sb->maximum());
    }
    if (!m_haveLatest)
        return;
    const Progress &p = m_latest;
    if (!p.kind.isEmpty())
        m_panel->setTitle(kindText(p.kind));
    m_panel->showProgress(p);
    if (p.subProgress >= 0)
        m_panel->setDetailProgress(p.subProgress);
    else if (p.done)
        m_panel->setDetailProgress(p.error.isEmpty() ? 100 : -1);
    if (p.total > 0)
        m_panel->setDetailCaption(tr("Kecamatan %1 dari %2").arg(qMin(p.current + (p.done ? 0 : 1), p.total)).arg(p.total));
    else
        m_panel->setDetailCaption(tr("Kecamatan saat ini"));
    m_panel->setMessage(p.done && !p.error.isEmpty() ? p.error : p.message, p.done);
}

void DapodikSyncPage::onFinished(const Progress &p)
{
    m_latest = p;
    m_haveLatest = true;
    flush();
    m_panel->finish(p.error.isEmpty(), p.cancelled);
    if (p.cancelled)
        m_banner->showMessage(MessageBanner::Kind::Info, p.error);
    else if (!p.error.isEmpty())
        m_banner->showError(p.error);
    else if (p.kind != QLatin1String("ptk")) // the single PTK has its own message
        m_banner->showMessage(MessageBanner::Kind::Success, tr("%1 selesai.").arg(kindText(p.kind)));
    reload();
}

void DapodikSyncPage::reload()
{
    ++m_reloading;
    m_school = SchoolTime::of(m_core);
    Core *core = &m_core;
    runAsync(this, [core] { return readState(core); }, [this](const SyncPageState &s) {
        --m_reloading;
        showState(s);
    });
}

void DapodikSyncPage::showState(const SyncPageState &s)
{
    if (!s.error.isEmpty())
        m_banner->showError(s.error);
    showLastSync(s.lastSync);
    const QLocale l;
    m_dataLabel->setText(tr("%1 PTK").arg(l.toString(s.ptkTotal)));
    m_dataNote->setText(tr("%1 kecamatan · %2 sekolah").arg(l.toString(s.kecTotal), l.toString(s.sekolahTotal)));
    if (!m_panel->isRunning()) {
        if (!s.logs.isEmpty()) {
            const DapodikSyncLogEntry &last = s.logs.first();
            m_stateLabel->setText(DapodikSyncHistoryModel::statusText(last.status));
            m_stateLabel->setProperty("tone", last.status == QLatin1String("success") ? QStringLiteral("success")
                                              : last.status == QLatin1String("cancelled") ? QString() : QStringLiteral("error"));
            m_stateNote->setText(tr("%1 · %2").arg(DapodikSyncHistoryModel::kindShort(last.kind),
                                                   m_school.format(last.finishedAt.isEmpty() ? last.startedAt : last.finishedAt)));
        } else {
            m_stateLabel->setText(tr("Siap"));
            m_stateLabel->setProperty("tone", QString());
            m_stateNote->setText(tr("Belum ada sinkronisasi."));
        }
        theme::repolish(m_stateLabel);
    }
    m_historyModel->setEntries(s.logs, m_school.zone());
    m_actions->showKecamatan(s.kecamatan);
}

void DapodikSyncPage::showLastSync(const QString &lastSync)
{
    QString tone;
    if (lastSync.isEmpty()) {
        m_lastSync->setText(tr("Belum pernah"));
        m_lastSyncNote->setText(tr("Jalankan sinkronisasi global pertama."));
    } else if (lastSync == QLatin1String("RUNNING")) {
        m_lastSync->setText(tr("Sedang berjalan"));
        m_lastSyncNote->setText(tr("Sinkronisasi global sedang berlangsung."));
        tone = QStringLiteral("running");
    } else if (lastSync.startsWith(QLatin1String("ERROR: Dibatalkan"))) {
        m_lastSync->setText(tr("Dibatalkan"));
        m_lastSyncNote->setText(tr("Dihentikan; jalankan lagi untuk melanjutkan."));
        tone = QStringLiteral("error");
    } else if (lastSync.startsWith(QLatin1String("ERROR"))) {
        m_lastSync->setText(tr("Gagal"));
        m_lastSyncNote->setText(lastSync.mid(6).trimmed());
        m_lastSyncNote->setToolTip(plainToolTip(lastSync.mid(6).trimmed()));
        tone = QStringLiteral("error");
    } else {
        m_lastSync->setText(m_school.format(lastSync));
        m_lastSyncNote->setText(tr("Berhasil, data lengkap."));
        tone = QStringLiteral("success");
    }
    m_lastSync->setProperty("tone", tone);
    theme::repolish(m_lastSync);
}

} // namespace tu::ui
