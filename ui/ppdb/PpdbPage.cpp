#include "PpdbPage.h"
#include "common/Pager.h"
#include "common/SchoolTime.h"
#include "common/Async.h"
#include "common/Icons.h"
#include "common/LiveList.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbTableModel.h"
#include "ppdb/PpdbWalkInDialog.h"
#include "common/Confirm.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "ppdb/PpdbExport.h"
#include "ppdb/RegistrationListPrint.h"
#include "common/PrintPreview.h"

#include <QDir>
#include <QMenu>
#include <QShortcut>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

namespace tu::ui {

namespace {
const char *const Statuses[] = {"", "pending", "verified", "accepted", "rejected"};

} // namespace

PpdbPage::PpdbPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new PpdbTableModel(this))
{
    setObjectName(QStringLiteral("ppdbPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);

    auto *header = new PageHeader(tr("PPDB"), tr("Penerimaan peserta didik baru: periksa berkas, verifikasi dan umumkan hasilnya."), this);
    m_export = actionButton(tr("Ekspor Excel"), QStringLiteral("folder"), this);
    m_export->setObjectName(QStringLiteral("exportExcel"));
    m_printList = actionButton(tr("Cetak daftar"), QStringLiteral("konten"), this);
    m_printList->setObjectName(QStringLiteral("printList"));
    m_printList->setToolTip(tr("Cetak daftar pendaftar tab ini dengan pratinjau; tab Diterima mencetak pengumuman (Ctrl+P)"));
    {
        auto *menu = new QMenu(m_printList);
        QAction *a4 = menu->addAction(tr("Cetak di kertas &A4…"));
        connect(a4, &QAction::triggered, this, [this] { printList(QPageSize(QPageSize::A4)); });
        connect(menu->addAction(tr("Cetak di kertas &F4 / Folio…")), &QAction::triggered, this, [this] { printList(folioPageSize()); });
        m_printList->setMenu(menu);
        auto *print = new QShortcut(QKeySequence::Print, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(print, &QShortcut::activated, this, [this] { printList(QPageSize(QPageSize::A4)); });
    }
    m_walkIn = primaryButton(tr("Pendaftaran langsung"), this);
    m_walkIn->setObjectName(QStringLiteral("walkIn"));
    // Ctrl+N while the PPDB page is shown (a hidden page's button takes no shortcut), wherever
    // the focus is: the walk-in form is the office's most frequent task.
    m_walkIn->setShortcut(QKeySequence::New);
    m_walkIn->setToolTip(tr("Daftarkan calon siswa yang datang ke sekolah (Ctrl+N)"));
    auto *refresh = reloadButton(tr("Muat ulang daftar pendaftaran (F5)"), this);
    header->addAction(refresh);
    header->addAction(m_printList);
    header->addAction(m_export);
    header->addAction(m_walkIn);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    if (const auto draft = PpdbWalkInDialog::pendingDraft(m_core)) // left by a crash or power cut
        m_banner->showMessage(MessageBanner::Kind::Info,
                              tr("Ada pendaftaran langsung yang belum disimpan (%1). Buka \"Pendaftaran langsung\" untuk melanjutkannya.")
                                  .arg(draft->value(QLatin1String("fullName")).toString().left(80)));

    const Card cardParts = makeCard(this);
    QFrame *card = cardParts.frame;
    QVBoxLayout *cardLayout = cardParts.layout;
    QHBoxLayout *toolbar = cardParts.toolbar;
    m_tabs = new QTabBar(card);
    m_tabs->setObjectName(QStringLiteral("statusTabs"));
    for (int i = 0; i < 5; ++i)
        m_tabs->addTab(QString());
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    toolbar->addWidget(m_tabs);
    toolbar->addStretch(1);
    m_search = searchField(tr("Cari nama, NISN atau nomor…"), card, 260);
    toolbar->addWidget(m_search);
    m_detail = actionButton(tr("Lihat detail…"), QStringLiteral("eye"), card);
    m_detail->setObjectName(QStringLiteral("openDetail"));
    toolbar->addWidget(m_detail);

    Core *c = &m_core;
    m_live = new LiveList(this, [c] { return changes::registrations(*c); }, [this] { reload(); });
    cardLayout->addWidget(m_live->busyBar());
    m_table = dataTable(m_model, card, 38);
    m_table->setObjectName(QStringLiteral("registrationsTable"));
    m_table->setAccessibleName(tr("Daftar pendaftaran"));
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(PpdbTableModel::Name, QHeaderView::Stretch);
    h->setSectionResizeMode(PpdbTableModel::School, QHeaderView::Stretch);
    m_table->setColumnWidth(PpdbTableModel::Number, 160);
    m_table->setColumnWidth(PpdbTableModel::Nisn, 120);
    m_table->setColumnWidth(PpdbTableModel::Status, 140);
    m_table->setColumnWidth(PpdbTableModel::Submitted, 170);
    cardLayout->addWidget(m_table, 1);

    m_pager = new Pager(PageSize, card);
    cardLayout->addWidget(m_pager);
    page->addWidget(card, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] { m_pager->reset(); reload(); });
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_tabs, &QTabBar::currentChanged, this, [this] { m_pager->reset(); reload(); });
    connect(m_pager, &Pager::pageChanged, this, &PpdbPage::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PpdbPage::updateActions);
    // activated: a double click, and Enter on the current row for keyboard users.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) { openDetail(i.row()); });
    connect(m_detail, &QPushButton::clicked, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            openDetail(rows.first().row());
    });
    connect(m_walkIn, &QPushButton::clicked, this, &PpdbPage::openWalkIn);
    connect(m_export, &QPushButton::clicked, this, &PpdbPage::exportAsk);
    connect(refresh, &QPushButton::clicked, this, &PpdbPage::reload);
    reload();
}

QString PpdbPage::statusFilter() const
{
    const int i = m_tabs->currentIndex();
    return i > 0 && i < 5 ? QString::fromLatin1(Statuses[i]) : QString();
}

int PpdbPage::currentPage() const
{
    return m_pager->page();
}

namespace {
struct PpdbRead {
    Result<RegistrationPage> page;
    QTimeZone zone;
};
} // namespace

void PpdbPage::reload()
{
    RegistrationFilter f;
    f.status = statusFilter();
    f.q = m_search->text();
    f.page = m_pager->page();
    f.limit = PageSize;
    Core *core = &m_core;
    m_live->load([core, f] { return PpdbRead{core->ppdb().list(f), core->settings().schoolZone()}; }, [this](const PpdbRead &read) {
        const auto &r = read.page;
        RegistrationPage result;
        if (!r.ok())
            m_banner->showError(r.error());
        else
            result = r.value();
        if (r.ok() && m_pager->movedPastEnd(result.total, int(result.items.size()))) { // the last page emptied
            reload();
            return;
        }
        m_model->setTimeZone(read.zone);
        m_model->setRegistrations(result.items);
        qint64 all = 0;
        for (qint64 n : std::as_const(result.counts))
            all += n;
        const QString labels[] = {tr("Semua"), tr("Menunggu"), tr("Terverifikasi"), tr("Diterima"), tr("Ditolak")};
        for (int i = 0; i < 5; ++i) {
            const QString text = QStringLiteral("%1  %2").arg(labels[i]).arg(i == 0 ? all : result.counts.value(QString::fromLatin1(Statuses[i])));
            if (m_tabs->tabText(i) != text) // an unchanged tab bar is not laid out again
                m_tabs->setTabText(i, text);
        }
        m_pager->showResult(result.total, int(result.items.size()), m_search->text().trimmed().isEmpty() ? tr("Belum ada pendaftaran.") : tr("Tidak ada pendaftaran yang cocok."));
        updateActions();
    });
}

void PpdbPage::selectRegistration(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

QString PpdbPage::listTitle() const
{
    const QString status = statusFilter();
    if (status == QLatin1String("accepted"))
        return tr("Pengumuman hasil PPDB: calon siswa yang diterima");
    if (status.isEmpty())
        return tr("Daftar pendaftar PPDB");
    return tr("Daftar pendaftar PPDB: %1").arg(registrationStatusText(status));
}

void PpdbPage::printList(const QPageSize &size)
{
    RegistrationFilter filter;
    filter.status = statusFilter();
    filter.q = m_search->text();
    Core *core = &m_core;
    const QString title = listTitle();
    m_printList->setEnabled(false);
    runAsync(this, [core, filter] { return core->ppdb().all(filter); }, [this, size, title](const Result<QList<Registration>> &rows) {
        m_printList->setEnabled(true);
        if (!rows.ok()) {
            m_banner->showError(rows.error());
            return;
        }
        const QString html = registrationListHtml(rows.value(), m_core.settings().value(QStringLiteral("school_name")), title,
                                                  SchoolTime::of(m_core));
        printWithPreview(this, size, title, tr("Pratinjau cetak: %1").arg(title), QStringLiteral("listPreview"),
                         [html](QPrinter *p) { printRegistrationList(p, html); });
    });
}

void PpdbPage::updateActions()
{
    m_detail->setEnabled(m_table->selectionModel()->hasSelection());
    m_export->setEnabled(!m_exporting);
}

void PpdbPage::openDetail(int row)
{
    const Registration *r = m_model->registrationAt(row);
    if (!r)
        return;
    const QString id = r->id;
    PpdbDetailDialog dialog(m_core, m_actor, id, this);
    dialog.exec();
    if (dialog.changed()) {
        m_live->reloadThen([this, id] { selectRegistration(id); });
    }
}

void PpdbPage::openWalkIn()
{
    PpdbWalkInDialog dialog(m_core, m_actor, this);
    // A draft left by a crash or power cut is offered back, never silently dropped.
    if (const auto draft = PpdbWalkInDialog::pendingDraft(m_core)) {
        const QString name = draft->value(QLatin1String("fullName")).toString().left(80);
        if (confirmAction(this, tr("Draf pendaftaran langsung"),
                          tr("Ada pendaftaran langsung yang belum disimpan%1. Lanjutkan mengisinya? Bila tidak, draf itu dibuang.")
                              .arg(name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(name)),
                          tr("Lanjutkan draf"), false))
            dialog.loadDraft(*draft);
        else
            PpdbWalkInDialog::discardDraft(m_core);
    }
    m_banner->clear();
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_pager->reset();
    reload();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Pendaftaran %1 tersimpan dengan nomor %2. Cetak bukti pendaftaran dari detailnya.")
                              .arg(dialog.saved().fullName, dialog.saved().number));
}

void PpdbPage::exportAsk()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Ekspor pendaftaran PPDB"),
                                                dir + QStringLiteral("/PPDB-%1.xlsx").arg(QDate::currentDate().toString(Qt::ISODate)),
                                                tr("Buku kerja Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    exportTo(path);
}

void PpdbPage::exportTo(const QString &path)
{
    m_exporting = true;
    updateActions();
    m_banner->clear();
    auto *progress = new QProgressDialog(QString(), tr("Batal"), 0, 0, this);
    plainLabelText(progress, tr("Menyiapkan berkas Excel…"));
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Ekspor Excel"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    auto cancelled = std::make_shared<bool>(false);
    connect(progress, &QProgressDialog::canceled, this, [this, cancelled, progress] {
        *cancelled = true;
        m_exporting = false;
        updateActions();
        progress->deleteLater();
        m_banner->showMessage(MessageBanner::Kind::Info, tr("Ekspor dibatalkan."));
    });
    progress->show();

    RegistrationFilter filter;
    filter.status = statusFilter();
    filter.q = m_search->text();
    Core *core = &m_core;
    const QTimeZone zone = SchoolTime::of(m_core).zone();
    runAsync(this, [core, filter, path, zone]() -> Status {
        auto rows = core->ppdb().all(filter);
        if (!rows.ok())
            return rows.error();
        auto bytes = registrationsXlsx(rows.value(), QDir::tempPath(), zone);
        if (!bytes.ok())
            return bytes.error();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size() || !file.commit())
            return Error::make(ErrorCode::ServerError,
                               PpdbPage::tr("Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.").arg(QDir::toNativeSeparators(path)));
        return {};
    }, [this, cancelled, progress, path](const Status &s) {
        if (*cancelled)
            return; // the user stopped waiting; the result is ignored
        m_exporting = false;
        progress->deleteLater();
        updateActions();
        if (!s.ok())
            m_banner->showError(s.error());
        else
            m_banner->showMessage(MessageBanner::Kind::Success, tr("Data PPDB diekspor ke %1.").arg(QDir::toNativeSeparators(path)));
    });
}

} // namespace tu::ui
