#include "SinkronisasiPage.h"
#include "Async.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PageHeader.h"
#include "PageParts.h"
#include "PlainText.h"
#include "PpdbTableModel.h"
#include "Theme.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSet>
#include <QTimeZone>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace tu::ui {

namespace {

const char *PageStyle = R"css(
QFrame#statCard { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px; }
QLabel#statLabel { color: #64748b; font-size: 11px; font-weight: 700; letter-spacing: 0.5px; }
QLabel#statValue { color: #0f172a; font-size: 16px; font-weight: 700; }
QLabel#statValue[tone="success"] { color: #15803d; }
QLabel#statValue[tone="error"] { color: #b91c1c; }
QLabel#statValue[tone="running"] { color: #1d4ed8; }
QLabel#statNote { color: #64748b; font-size: 12px; }
QLabel#jobTitle { color: #0f172a; font-size: 15px; font-weight: 700; }
QLabel#jobMessage { color: #334155; font-size: 13px; }
QLabel#barCaption { color: #475569; font-size: 12px; font-weight: 600; }
QLabel#barPercent { color: #0f172a; font-size: 12px; font-weight: 700; }
QLabel#timeLabel { color: #475569; font-size: 12px; }
QProgressBar { background: #e2e8f0; border: none; border-radius: 5px; min-height: 10px; max-height: 10px; }
QProgressBar::chunk { background: #2563eb; border-radius: 5px; }
QProgressBar#kecamatanBar::chunk { background: #0ea5e9; }
QProgressBar[state="done"]::chunk { background: #16a34a; }
QProgressBar[state="error"]::chunk { background: #dc2626; }
QPlainTextEdit#syncLog { background: #0f172a; color: #e2e8f0; border: none; border-radius: 0px;
                         font-family: "DejaVu Sans Mono", monospace; font-size: 12px; padding: 8px 10px;
                         selection-background-color: #334155; selection-color: #ffffff; }
QListWidget#kecamatanList { background: #ffffff; border: 1px solid #cbd5e1; border-radius: 6px; font-size: 13px; outline: 0; }
QListWidget#kecamatanList::item { padding: 4px 6px; }
QListWidget#kecamatanList::item:selected { background: #dbeafe; color: #0f172a; }
QTabWidget#syncTabs::pane { border: none; border-top: 1px solid #e2e8f0; }
QTabWidget#syncTabs QTabBar::tab { padding: 8px 16px; }
)css";

// A tick of a long loop ("Sync PTK 3/12 di Gamping…") goes to the message line, not the log.
bool isTicker(const QString &message)
{
    static const QRegularExpression tick(QStringLiteral("\\d+/\\d+"));
    return message.endsWith(QStringLiteral("…")) && tick.match(message).hasMatch();
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("global"))
        return SinkronisasiPage::tr("Sinkronisasi global");
    if (kind == QLatin1String("kecamatan"))
        return SinkronisasiPage::tr("Sinkronisasi kecamatan");
    if (kind == QLatin1String("all-sekolah"))
        return SinkronisasiPage::tr("Sinkronisasi semua sekolah");
    if (kind == QLatin1String("all-ptk"))
        return SinkronisasiPage::tr("Sinkronisasi semua PTK");
    if (kind == QLatin1String("ptk"))
        return SinkronisasiPage::tr("Sinkronisasi satu PTK");
    return SinkronisasiPage::tr("Sinkronisasi");
}

QString kindShort(const QString &kind)
{
    if (kind == QLatin1String("global"))
        return SinkronisasiPage::tr("Global");
    if (kind == QLatin1String("kecamatan"))
        return SinkronisasiPage::tr("Kecamatan");
    if (kind == QLatin1String("all-sekolah"))
        return SinkronisasiPage::tr("Semua sekolah");
    if (kind == QLatin1String("all-ptk"))
        return SinkronisasiPage::tr("Semua PTK");
    if (kind == QLatin1String("ptk"))
        return SinkronisasiPage::tr("Satu PTK");
    return kind;
}

QPair<QString, QColor> statusText(const QString &status)
{
    if (status == QLatin1String("success"))
        return {SinkronisasiPage::tr("Berhasil"), QColor(0x15, 0x80, 0x3d)};
    if (status == QLatin1String("error"))
        return {SinkronisasiPage::tr("Gagal"), QColor(0xb9, 0x1c, 0x1c)};
    if (status == QLatin1String("cancelled"))
        return {SinkronisasiPage::tr("Dibatalkan"), QColor(0xb4, 0x53, 0x09)};
    if (status == QLatin1String("running"))
        return {SinkronisasiPage::tr("Berjalan"), QColor(0x1d, 0x4e, 0xd8)};
    if (status == QLatin1String("interrupted"))
        return {SinkronisasiPage::tr("Terputus"), QColor(0xb9, 0x1c, 0x1c)};
    return {status, theme::TextMuted};
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

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QStringLiteral("sectionTitle"));
    return l;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QStringLiteral("hint"));
    l->setWordWrap(true);
    return l;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFixedHeight(1);
    line->setStyleSheet(QStringLiteral("background: #e2e8f0; border: none;"));
    return line;
}

// What reload() reads on a worker thread.
struct PageState {
    QString lastSync;             // metadata value
    QList<DapodikSyncLogEntry> logs;
    QList<QJsonObject> kecamatan;
    qint64 kecTotal = 0, sekolahTotal = 0, ptkTotal = 0;
    QString error;
};

} // namespace

QString syncElapsedText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString syncRemainingText(qint64 elapsedMs, int progress)
{
    if (progress < 2 || progress >= 100 || elapsedMs < 1500)
        return QString();
    const double remaining = double(elapsedMs) * (100 - progress) / progress / 1000.0; // seconds
    if (remaining < 55) {
        const int five = qMax(5, int(std::ceil(remaining / 5.0)) * 5);
        return SinkronisasiPage::tr("Sisa ± %1 detik").arg(five);
    }
    if (remaining < 90 * 60)
        return SinkronisasiPage::tr("Sisa ± %n menit", nullptr, qMax(1, int(std::lround(remaining / 60.0))));
    return SinkronisasiPage::tr("Sisa ± %n jam", nullptr, qMax(1, int(std::lround(remaining / 3600.0))));
}

SinkronisasiPage::SinkronisasiPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor)
{
    setObjectName(QStringLiteral("sinkronisasiPage"));
    setStyleSheet(QString::fromUtf8(PageStyle));
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
    connect(refresh, &QPushButton::clicked, this, &SinkronisasiPage::reload);
    header->addAction(refresh);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    page->addWidget(buildStatusStrip());

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    QWidget *actions = buildActions();
    actions->setFixedWidth(340);
    columns->addWidget(actions);
    columns->addWidget(buildProgress(), 1);
    page->addLayout(columns, 1);

    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(80);
    connect(m_flush, &QTimer::timeout, this, &SinkronisasiPage::flush);
    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &SinkronisasiPage::tick);

    // The first time each emoji of the sync log is drawn, Qt looks up and loads the colour
    // emoji fallback font and rasterises the glyph: 5–15 ms apiece on the GUI thread, and they
    // used to arrive together in the middle of a sync (the log's first "🏫" and "📦" lines).
    // Draw them once when the page has opened, one per pass of the event loop.
    QTimer::singleShot(300, this, [this] { warmLogGlyphs(0); });

    JobRunner &manager = m_core.dapodik().jobs();
    // Emitted on the job's thread: queued into this (GUI) thread.
    connect(&manager, &JobRunner::progress, this, &SinkronisasiPage::onProgress, Qt::QueuedConnection);
    connect(&manager, &JobRunner::finished, this, &SinkronisasiPage::onFinished, Qt::QueuedConnection);

    // A job may already be running (started over the API, or before this window opened).
    if (manager.isRunning()) {
        setRunning(true);
        onProgress(manager.current());
    } else {
        setRunning(false);
        m_jobTitle->setText(tr("Tidak ada sinkronisasi yang berjalan"));
        m_message->setText(tr("Pilih salah satu sinkronisasi di sebelah kiri. Progresnya tampil di sini."));
    }
    reload();
}

QWidget *SinkronisasiPage::buildStatusStrip()
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

QWidget *SinkronisasiPage::buildActions()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(18, 16, 18, 16);
    v->setSpacing(8);

    v->addWidget(sectionTitle(tr("Jalankan sinkronisasi"), card));
    m_global = new QPushButton(icons::icon(QStringLiteral("sinkronisasi"), Qt::white), tr("Sinkronisasi global"), card);
    m_global->setObjectName(QStringLiteral("syncGlobal"));
    m_global->setIconSize(QSize(16, 16));
    m_global->setAutoDefault(false);
    m_global->setToolTip(tr("Kecamatan, sekolah, lalu PTK seluruh kabupaten (Ctrl+G)"));
    m_global->setShortcut(QKeySequence(QStringLiteral("Ctrl+G")));
    theme::setVariant(m_global, "primary");
    v->addWidget(m_global);
    v->addWidget(hint(tr("Kecamatan → sekolah → PTK untuk seluruh kabupaten."), card));
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    m_allSekolah = actionButton(tr("Semua sekolah"), QStringLiteral("refresh"), card);
    m_allSekolah->setObjectName(QStringLiteral("syncAllSekolah"));
    m_allSekolah->setToolTip(tr("Perbarui daftar sekolah semua kecamatan yang sudah tersimpan"));
    m_allPtk = actionButton(tr("Semua PTK"), QStringLiteral("pengguna"), card);
    m_allPtk->setObjectName(QStringLiteral("syncAllPtk"));
    m_allPtk->setToolTip(tr("Perbarui PTK semua sekolah yang sudah tersimpan"));
    row->addWidget(m_allSekolah, 1);
    row->addWidget(m_allPtk, 1);
    v->addLayout(row);

    v->addSpacing(6);
    v->addWidget(separator(card));
    v->addSpacing(4);
    auto *kecHead = new QHBoxLayout;
    kecHead->addWidget(sectionTitle(tr("Per kecamatan"), card));
    kecHead->addStretch(1);
    m_selectAll = new QPushButton(tr("Pilih semua"), card);
    m_selectAll->setObjectName(QStringLiteral("selectAllKecamatan"));
    m_selectAll->setAutoDefault(false);
    theme::setVariant(m_selectAll, "flat");
    kecHead->addWidget(m_selectAll);
    v->addLayout(kecHead);
    m_kecList = new QListWidget(card);
    m_kecList->setObjectName(QStringLiteral("kecamatanList"));
    m_kecList->setMinimumHeight(90);
    m_kecList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_kecList->setToolTip(tr("Centang kecamatan yang ingin disinkronkan (Spasi mencentang)"));
    v->addWidget(m_kecList, 1);
    m_kecEmpty = hint(tr("Daftar kecamatan muncul setelah sinkronisasi global pertama."), card);
    v->addWidget(m_kecEmpty);
    m_kecButton = actionButton(tr("Sinkronkan kecamatan terpilih"), QStringLiteral("sinkronisasi"), card);
    m_kecButton->setObjectName(QStringLiteral("syncKecamatan"));
    v->addWidget(m_kecButton);

    v->addSpacing(6);
    v->addWidget(separator(card));
    v->addSpacing(4);
    v->addWidget(sectionTitle(tr("Satu PTK"), card));
    auto *ptkRow = new QHBoxLayout;
    ptkRow->setSpacing(8);
    m_nik = new QLineEdit(card);
    m_nik->setObjectName(QStringLiteral("nik"));
    m_nik->setPlaceholderText(tr("NIK (16 angka)"));
    m_nik->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,16}")), m_nik));
    m_npsn = new QLineEdit(card);
    m_npsn->setObjectName(QStringLiteral("npsn"));
    m_npsn->setPlaceholderText(tr("NPSN"));
    m_npsn->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), m_npsn));
    m_npsn->setFixedWidth(100);
    ptkRow->addWidget(m_nik, 1);
    ptkRow->addWidget(m_npsn);
    v->addLayout(ptkRow);
    m_ptkButton = actionButton(tr("Sinkronkan PTK"), QStringLiteral("pengguna"), card);
    m_ptkButton->setObjectName(QStringLiteral("syncPtk"));
    v->addWidget(m_ptkButton);

    connect(m_global, &QPushButton::clicked, this, &SinkronisasiPage::startGlobal);
    connect(m_allSekolah, &QPushButton::clicked, this, &SinkronisasiPage::startAllSekolah);
    connect(m_allPtk, &QPushButton::clicked, this, &SinkronisasiPage::startAllPtk);
    connect(m_kecButton, &QPushButton::clicked, this, &SinkronisasiPage::startSelectedKecamatan);
    connect(m_ptkButton, &QPushButton::clicked, this, &SinkronisasiPage::syncSinglePtk);
    connect(m_npsn, &QLineEdit::returnPressed, this, &SinkronisasiPage::syncSinglePtk);
    connect(m_kecList, &QListWidget::itemChanged, this, &SinkronisasiPage::updateKecButton);
    connect(m_selectAll, &QPushButton::clicked, this, [this] {
        bool all = true;
        for (int i = 0; i < m_kecList->count(); ++i)
            all = all && m_kecList->item(i)->checkState() == Qt::Checked;
        for (int i = 0; i < m_kecList->count(); ++i)
            m_kecList->item(i)->setCheckState(all ? Qt::Unchecked : Qt::Checked);
    });
    updateKecButton();
    return card;
}

QWidget *SinkronisasiPage::buildProgress()
{
    auto *column = new QWidget(this);
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(16);

    auto *card = new QFrame(column);
    card->setObjectName(QStringLiteral("card"));
    auto *c = new QVBoxLayout(card);
    c->setContentsMargins(18, 14, 18, 16);
    c->setSpacing(8);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    m_jobTitle = plainLabel(card);
    m_jobTitle->setObjectName(QStringLiteral("jobTitle"));
    top->addWidget(m_jobTitle, 1);
    m_time = plainLabel(card);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    top->addWidget(m_time);
    m_cancel = new QPushButton(icons::icon(QStringLiteral("close"), theme::Danger), tr("Batal"), card);
    m_cancel->setObjectName(QStringLiteral("cancelSync"));
    m_cancel->setIconSize(QSize(14, 14));
    m_cancel->setAutoDefault(false);
    m_cancel->setToolTip(tr("Hentikan sinkronisasi; data yang sudah tersimpan tetap ada"));
    theme::setVariant(m_cancel, "danger");
    top->addWidget(m_cancel);
    c->addLayout(top);
    m_message = plainLabel(card);
    m_message->setObjectName(QStringLiteral("jobMessage"));
    m_message->setMinimumWidth(100);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    c->addWidget(m_message);
    c->addSpacing(4);

    auto barRow = [&](const QString &caption, QProgressBar **bar, QLabel **captionLabel, QLabel **pct, const char *name) {
        auto *h = new QHBoxLayout;
        h->setSpacing(8);
        *captionLabel = plainLabel(caption, card);
        (*captionLabel)->setObjectName(QStringLiteral("barCaption"));
        *pct = plainLabel(QStringLiteral("0%"), card);
        (*pct)->setObjectName(QStringLiteral("barPercent"));
        (*pct)->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        h->addWidget(*captionLabel, 1);
        h->addWidget(*pct);
        c->addLayout(h);
        *bar = new QProgressBar(card);
        (*bar)->setObjectName(QLatin1String(name));
        (*bar)->setRange(0, 100);
        (*bar)->setValue(0);
        (*bar)->setTextVisible(false);
        c->addWidget(*bar);
    };
    QLabel *overallCaption = nullptr;
    barRow(tr("Keseluruhan"), &m_overall, &overallCaption, &m_overallPct, "overallBar");
    c->addSpacing(2);
    barRow(tr("Kecamatan saat ini"), &m_kecBar, &m_kecCaption, &m_kecPct, "kecamatanBar");
    v->addWidget(card);

    auto *tabsCard = new QFrame(column);
    tabsCard->setObjectName(QStringLiteral("card"));
    auto *t = new QVBoxLayout(tabsCard);
    t->setContentsMargins(1, 6, 1, 1);
    m_tabs = new QTabWidget(tabsCard);
    m_tabs->setObjectName(QStringLiteral("syncTabs"));
    m_tabs->setDocumentMode(true);
    m_log = new QPlainTextEdit(m_tabs);
    m_log->setObjectName(QStringLiteral("syncLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("Pesan sinkronisasi muncul di sini saat berjalan."));
    m_tabs->addTab(m_log, tr("Log langsung"));

    m_historyModel = new QStandardItemModel(0, 6, this);
    m_historyModel->setHorizontalHeaderLabels({tr("Mulai"), tr("Jenis"), tr("Status"), tr("Hasil"), tr("Oleh"), tr("Durasi")});
    m_history = dataTable(m_historyModel, m_tabs, 34);
    m_history->setObjectName(QStringLiteral("historyTable"));
    QHeaderView *hh = m_history->horizontalHeader();
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setSectionResizeMode(3, QHeaderView::Stretch);
    m_history->setColumnWidth(0, 150);
    m_history->setColumnWidth(1, 120);
    m_history->setColumnWidth(2, 100);
    m_history->setColumnWidth(4, 90);
    m_history->setColumnWidth(5, 70);
    m_tabs->addTab(m_history, tr("Riwayat"));
    t->addWidget(m_tabs);
    v->addWidget(tabsCard, 1);

    connect(m_cancel, &QPushButton::clicked, this, &SinkronisasiPage::cancelJob);
    return column;
}

void SinkronisasiPage::updateKecButton()
{
    int checked = 0;
    for (int i = 0; i < m_kecList->count(); ++i)
        checked += m_kecList->item(i)->checkState() == Qt::Checked;
    m_kecButton->setText(checked ? tr("Sinkronkan %n kecamatan terpilih", nullptr, checked) : tr("Sinkronkan kecamatan terpilih"));
    m_kecButton->setEnabled(checked > 0);
    const bool empty = m_kecList->count() == 0;
    m_kecEmpty->setVisible(empty);
    m_selectAll->setEnabled(!empty);
}

void SinkronisasiPage::started(const Result<QString> &r, const QString &what)
{
    if (!r.ok()) {
        m_banner->showError(r.error().message);
        return;
    }
    m_banner->clear();
    // Fresh bars and log for the new job; its first progress arrives through the event loop.
    m_jobId.clear();
    m_haveLatest = false;
    m_pendingLog.clear();
    m_lastLogged.clear();
    m_log->clear();
    m_overall->setValue(0);
    m_kecBar->setValue(0);
    m_overallPct->setText(QStringLiteral("0%"));
    m_kecPct->setText(QStringLiteral("—"));
    m_jobTitle->setText(what);
    m_message->setText(tr("Memulai…"));
    m_latest = Progress{};
    m_sinceEvent.start();
    setRunning(true);
}

void SinkronisasiPage::startGlobal()
{
    started(m_core.dapodik().startGlobal(m_actor), kindText(QStringLiteral("global")));
}

void SinkronisasiPage::startSelectedKecamatan()
{
    QStringList codes;
    for (int i = 0; i < m_kecList->count(); ++i)
        if (m_kecList->item(i)->checkState() == Qt::Checked)
            codes << m_kecList->item(i)->data(Qt::UserRole).toString();
    if (codes.isEmpty()) {
        m_banner->showError(tr("Centang paling sedikit satu kecamatan."));
        return;
    }
    started(m_core.dapodik().startKecamatan(m_actor, codes), kindText(QStringLiteral("kecamatan")));
}

void SinkronisasiPage::startAllSekolah()
{
    started(m_core.dapodik().startAllSekolah(m_actor), kindText(QStringLiteral("all-sekolah")));
}

void SinkronisasiPage::startAllPtk()
{
    started(m_core.dapodik().startAllPtk(m_actor), kindText(QStringLiteral("all-ptk")));
}

void SinkronisasiPage::syncSinglePtk()
{
    const QString nik = m_nik->text().trimmed();
    const QString npsn = m_npsn->text().trimmed();
    m_ptkButton->setEnabled(false);
    m_ptkButton->setText(tr("Menyinkronkan…"));
    m_banner->clear();
    Core *core = &m_core;
    const Actor actor = m_actor;
    // Synchronous in the service (one upstream request): on a worker thread.
    runAsync(this, [core, actor, nik, npsn] { return core->dapodik().syncPtk(actor, nik, npsn); },
             [this](const Result<QString> &r) {
                 m_ptkButton->setEnabled(true);
                 m_ptkButton->setText(tr("Sinkronkan PTK"));
                 if (!r.ok()) {
                     QString text = r.error().message;
                     const QStringList fields = r.error().fields.values();
                     if (!fields.isEmpty())
                         text += QLatin1Char(' ') + fields.join(QLatin1Char(' '));
                     m_banner->showError(text);
                     return;
                 }
                 m_banner->showMessage(MessageBanner::Kind::Success, tr("Sync detail %1 berhasil!").arg(r.value()));
                 reload();
             });
}

void SinkronisasiPage::cancelJob()
{
    if (!m_running)
        return;
    const Status s = m_core.dapodik().cancel(m_actor);
    if (!s.ok()) {
        m_banner->showError(s.error().message);
        return;
    }
    m_cancelling = true;
    setRunning(true);
    m_message->setText(tr("Membatalkan… menunggu permintaan yang sedang berjalan selesai."));
}

void SinkronisasiPage::warmLogGlyphs(int next)
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

void SinkronisasiPage::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_cancelling = false;
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running && !m_cancelling);
    m_cancel->setText(m_cancelling ? tr("Membatalkan…") : tr("Batal"));
    for (QProgressBar *bar : {m_overall, m_kecBar}) {
        const QString state = running ? QString() : m_latest.done && (!m_latest.error.isEmpty()) ? QStringLiteral("error")
                                                   : m_latest.done ? QStringLiteral("done") : QString();
        if (bar->property("state").toString() != state) {
            bar->setProperty("state", state);
            theme::repolish(bar);
        }
    }
    if (running) {
        m_stateLabel->setText(m_cancelling ? tr("Membatalkan…") : tr("Sedang berjalan"));
        m_stateLabel->setProperty("tone", QStringLiteral("running"));
        m_stateNote->setText(kindText(m_latest.kind.isEmpty() ? QString() : m_latest.kind));
        theme::repolish(m_stateLabel);
        if (!m_clock->isActive())
            m_clock->start();
    } else {
        m_clock->stop();
    }
    tick();
}

void SinkronisasiPage::onProgress(const Progress &p)
{
    if (!p.jobId.isEmpty() && p.jobId != m_jobId) {
        if (!m_running && !p.done) { // a job started elsewhere (the API): start afresh
            m_log->clear();
            m_lastLogged.clear();
            m_overall->setValue(0);
            m_kecBar->setValue(0);
            setRunning(true);
        }
        m_jobId = p.jobId;
    }
    m_latest = p;
    m_haveLatest = true;
    m_sinceEvent.start();
    if (!p.message.isEmpty() && !isTicker(p.message) && p.message != m_lastLogged) {
        m_pendingLog << QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH.mm.ss")), p.message);
        m_lastLogged = p.message;
    }
    if (p.done)
        flush();
    else if (!m_flush->isActive())
        m_flush->start();
}

void SinkronisasiPage::flush()
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
        m_jobTitle->setText(kindText(p.kind));
    if (p.progress > m_overall->value() || p.done)
        m_overall->setValue(qMax(m_overall->value(), p.progress));
    m_overallPct->setText(QStringLiteral("%1%").arg(m_overall->value()));
    if (p.subProgress >= 0) {
        m_kecBar->setValue(p.subProgress);
        m_kecPct->setText(QStringLiteral("%1%").arg(p.subProgress));
    } else if (p.done) {
        m_kecBar->setValue(p.error.isEmpty() ? 100 : m_kecBar->value());
        m_kecPct->setText(p.error.isEmpty() ? QStringLiteral("100%") : QStringLiteral("—"));
    }
    if (p.total > 0)
        m_kecCaption->setText(tr("Kecamatan %1 dari %2").arg(qMin(p.current + (p.done ? 0 : 1), p.total)).arg(p.total));
    else
        m_kecCaption->setText(tr("Kecamatan saat ini"));
    if (!m_cancelling || p.done)
        m_message->setText(p.done && !p.error.isEmpty() ? p.error : p.message);
    tick();
}

void SinkronisasiPage::tick()
{
    if (m_running) {
        const qint64 elapsed = m_latest.elapsedMs + (m_sinceEvent.isValid() ? m_sinceEvent.elapsed() : 0);
        const QString rem = syncRemainingText(elapsed, m_latest.progress);
        m_time->setText(tr("Berjalan %1 · %2").arg(syncElapsedText(elapsed), rem.isEmpty() ? tr("menghitung sisa waktu…") : rem));
    } else if (m_latest.done) {
        m_time->setText(m_latest.cancelled ? tr("Dihentikan setelah %1").arg(syncElapsedText(m_latest.elapsedMs))
                                           : tr("Selesai dalam %1").arg(syncElapsedText(m_latest.elapsedMs)));
    } else {
        m_time->clear();
    }
}

void SinkronisasiPage::onFinished(const Progress &p)
{
    m_latest = p;
    m_haveLatest = true;
    flush();
    setRunning(false);
    if (p.cancelled)
        m_banner->showMessage(MessageBanner::Kind::Info, p.error);
    else if (!p.error.isEmpty())
        m_banner->showError(p.error);
    else if (p.kind != QLatin1String("ptk")) // the single PTK has its own message
        m_banner->showMessage(MessageBanner::Kind::Success, tr("%1 selesai.").arg(kindText(p.kind)));
    reload();
}

void SinkronisasiPage::reload()
{
    ++m_reloading;
    Core *core = &m_core;
    runAsync(this, [core] {
        PageState s;
        DapodikService &d = core->dapodik();
        auto meta = d.lastGlobalSync();
        if (meta.ok())
            s.lastSync = meta->value(QLatin1String("value")).toString();
        else
            s.error = meta.error().message;
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
    }, [this](const PageState &s) {
        --m_reloading;
        if (!s.error.isEmpty())
            m_banner->showError(s.error);
        const QTimeZone zone = m_core.settings().schoolZone();
        QString tone;
        if (s.lastSync.isEmpty()) {
            m_lastSync->setText(tr("Belum pernah"));
            m_lastSyncNote->setText(tr("Jalankan sinkronisasi global pertama."));
        } else if (s.lastSync == QLatin1String("RUNNING")) {
            m_lastSync->setText(tr("Sedang berjalan"));
            m_lastSyncNote->setText(tr("Sinkronisasi global sedang berlangsung."));
            tone = QStringLiteral("running");
        } else if (s.lastSync.startsWith(QLatin1String("ERROR: Dibatalkan"))) {
            m_lastSync->setText(tr("Dibatalkan"));
            m_lastSyncNote->setText(tr("Dihentikan; jalankan lagi untuk melanjutkan."));
            tone = QStringLiteral("error");
        } else if (s.lastSync.startsWith(QLatin1String("ERROR"))) {
            m_lastSync->setText(tr("Gagal"));
            m_lastSyncNote->setText(s.lastSync.mid(6).trimmed());
            m_lastSyncNote->setToolTip(plainToolTip(s.lastSync.mid(6).trimmed()));
            tone = QStringLiteral("error");
        } else {
            m_lastSync->setText(ppdbFormatTime(s.lastSync, zone));
            m_lastSyncNote->setText(tr("Berhasil, data lengkap."));
            tone = QStringLiteral("success");
        }
        m_lastSync->setProperty("tone", tone);
        theme::repolish(m_lastSync);
        const QLocale l;
        m_dataLabel->setText(tr("%1 PTK").arg(l.toString(s.ptkTotal)));
        m_dataNote->setText(tr("%1 kecamatan · %2 sekolah").arg(l.toString(s.kecTotal), l.toString(s.sekolahTotal)));

        if (!m_running) {
            if (!s.logs.isEmpty()) {
                const DapodikSyncLogEntry &last = s.logs.first();
                const auto st = statusText(last.status);
                m_stateLabel->setText(st.first);
                m_stateLabel->setProperty("tone", last.status == QLatin1String("success") ? QStringLiteral("success")
                                                  : last.status == QLatin1String("cancelled") ? QString() : QStringLiteral("error"));
                m_stateNote->setText(tr("%1 · %2").arg(kindShort(last.kind), ppdbFormatTime(last.finishedAt.isEmpty() ? last.startedAt : last.finishedAt, zone)));
            } else {
                m_stateLabel->setText(tr("Siap"));
                m_stateLabel->setProperty("tone", QString());
                m_stateNote->setText(tr("Belum ada sinkronisasi."));
            }
            theme::repolish(m_stateLabel);
        }

        // History
        m_historyModel->removeRows(0, m_historyModel->rowCount());
        for (const DapodikSyncLogEntry &e : s.logs) {
            QList<QStandardItem *> row;
            auto item = [](const QString &text) {
                auto *i = new QStandardItem(text);
                i->setEditable(false);
                return i;
            };
            row << item(ppdbFormatTime(e.startedAt, zone));
            QString kind = kindShort(e.kind);
            if (e.resumed)
                kind += tr(" (lanjutan)");
            row << item(kind);
            const auto st = statusText(e.status);
            auto *status = item(st.first);
            status->setForeground(st.second);
            QFont bold;
            bold.setBold(true);
            status->setFont(bold);
            row << status;
            QStringList parts;
            if (e.counts.kecamatan)
                parts << tr("%1 kecamatan").arg(l.toString(e.counts.kecamatan));
            if (e.counts.sekolah)
                parts << tr("%1 sekolah").arg(l.toString(e.counts.sekolah));
            if (e.counts.ptk)
                parts << tr("%1 PTK").arg(l.toString(e.counts.ptk));
            if (e.counts.inactive)
                parts << tr("%1 nonaktif").arg(l.toString(e.counts.inactive));
            if (e.counts.errors)
                parts << tr("%1 galat").arg(l.toString(e.counts.errors));
            auto *result = item(parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(" · ")));
            result->setToolTip(plainToolTip(e.message.isEmpty() ? e.params : e.message));
            row << result;
            row << item(e.startedBy);
            const QDateTime a = QDateTime::fromString(e.startedAt, Qt::ISODateWithMs);
            const QDateTime b = QDateTime::fromString(e.finishedAt, Qt::ISODateWithMs);
            row << item(a.isValid() && b.isValid() ? syncElapsedText(a.msecsTo(b)) : QStringLiteral("—"));
            m_historyModel->appendRow(row);
        }

        // Kecamatan list, keeping what was checked.
        QSet<QString> checked;
        for (int i = 0; i < m_kecList->count(); ++i)
            if (m_kecList->item(i)->checkState() == Qt::Checked)
                checked.insert(m_kecList->item(i)->data(Qt::UserRole).toString());
        m_kecList->blockSignals(true);
        m_kecList->clear();
        for (const QJsonObject &k : s.kecamatan) {
            const QString kode = k.value(QLatin1String("kode_wilayah")).toString();
            auto *it = new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(k.value(QLatin1String("nama")).toString(), kode), m_kecList);
            it->setData(Qt::UserRole, kode);
            it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            it->setCheckState(checked.contains(kode) ? Qt::Checked : Qt::Unchecked);
            it->setToolTip(tr("%n sekolah aktif", nullptr, int(k.value(QLatin1String("jumlah_sekolah")).toInteger())));
        }
        m_kecList->blockSignals(false);
        updateKecButton();
    });
}

} // namespace tu::ui
