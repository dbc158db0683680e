#include "DapodikDataPage.h"
#include "common/ReloadWhenShown.h"
#include "common/Async.h"
#include "dapodik/DapodikListModel.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace tu::ui {

DapodikDataPage::DapodikDataPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor),
      m_sekolahModel(new DapodikListModel(core, DapodikListModel::Kind::Sekolah, this)),
      m_ptkModel(new DapodikListModel(core, DapodikListModel::Kind::Ptk, this))
{
    setObjectName(QStringLiteral("dapodikDataPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);

    auto *header = new PageHeader(tr("Data Dapodik"),
                                  tr("Sekolah dan PTK hasil sinkronisasi terakhir. Data yang sudah tidak ada di Dapodik tetap disimpan sebagai nonaktif."),
                                  this);
    auto *refresh = actionButton(tr("Muat ulang"), QStringLiteral("refresh"), this);
    refresh->setObjectName(QStringLiteral("reloadData"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Muat ulang data dari database (F5)"));
    header->addAction(refresh);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);

    const Card parts = makeCard(this);
    m_tabs = new QTabBar(parts.frame);
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->addTab(tr("Sekolah"));
    m_tabs->addTab(tr("PTK"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    parts.toolbar->addWidget(m_tabs);
    parts.toolbar->addStretch(1);
    m_kecamatan = new QComboBox(parts.frame);
    m_kecamatan->setObjectName(QStringLiteral("kecamatanFilter"));
    m_kecamatan->setMinimumWidth(190);
    m_kecamatan->addItem(tr("Semua kecamatan"), QString());
    m_kecamatan->setToolTip(tr("Tampilkan hanya data satu kecamatan"));
    parts.toolbar->addWidget(m_kecamatan);
    m_search = searchField(QString(), parts.frame, 250);
    parts.toolbar->addWidget(m_search);
    m_inactive = new QCheckBox(tr("Tampilkan nonaktif"), parts.frame);
    m_inactive->setObjectName(QStringLiteral("showInactive"));
    m_inactive->setToolTip(tr("Tampilkan juga sekolah dan PTK yang sudah tidak ada di Dapodik (abu-abu)"));
    parts.toolbar->addWidget(m_inactive);

    m_stack = new QStackedWidget(parts.frame);
    m_sekolahTable = dataTable(m_sekolahModel, m_stack, 36);
    m_sekolahTable->setObjectName(QStringLiteral("sekolahTable"));
    QHeaderView *sh = m_sekolahTable->horizontalHeader();
    sh->setSectionResizeMode(QHeaderView::Interactive);
    sh->setSectionResizeMode(DapodikListModel::SNama, QHeaderView::Stretch);
    m_sekolahTable->setColumnWidth(DapodikListModel::SNpsn, 110);
    m_sekolahTable->setColumnWidth(DapodikListModel::SBentuk, 90);
    m_sekolahTable->setColumnWidth(DapodikListModel::SStatus, 90);
    m_sekolahTable->setColumnWidth(DapodikListModel::SKecamatan, 140);
    m_sekolahTable->setColumnWidth(DapodikListModel::SJumlahPtk, 70);
    m_sekolahTable->setColumnWidth(DapodikListModel::SAktif, 100);
    m_ptkTable = dataTable(m_ptkModel, m_stack, 36);
    m_ptkTable->setObjectName(QStringLiteral("ptkTable"));
    QHeaderView *ph = m_ptkTable->horizontalHeader();
    ph->setSectionResizeMode(QHeaderView::Interactive);
    ph->setSectionResizeMode(DapodikListModel::PNama, QHeaderView::Stretch);
    ph->setSectionResizeMode(DapodikListModel::PSekolah, QHeaderView::Stretch);
    m_ptkTable->setColumnWidth(DapodikListModel::PNik, 165);
    m_ptkTable->setColumnHidden(DapodikListModel::PNuptk, true); // still searchable; the row is wide enough without it
    m_ptkTable->setColumnWidth(DapodikListModel::PGender, 120);
    m_ptkTable->setColumnWidth(DapodikListModel::PJenis, 150);
    m_ptkTable->setColumnWidth(DapodikListModel::PStatus, 175);
    m_ptkTable->setColumnWidth(DapodikListModel::PAktif, 90);
    m_stack->addWidget(m_sekolahTable);
    m_stack->addWidget(m_ptkTable);
    parts.layout->addWidget(m_stack, 1);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(16, 10, 16, 10);
    m_count = plainLabel(parts.frame);
    m_count->setObjectName(QStringLiteral("countLabel"));
    footer->addWidget(m_count);
    footer->addStretch(1);
    auto *hint = plainLabel(tr("Gulir ke bawah untuk memuat data berikutnya."), parts.frame);
    hint->setObjectName(QStringLiteral("hint"));
    footer->addWidget(hint);
    parts.layout->addLayout(footer);
    page->addWidget(parts.frame, 1);

    connect(m_tabs, &QTabBar::currentChanged, this, [this](int i) {
        m_stack->setCurrentIndex(i);
        m_search->setPlaceholderText(i == SekolahTab ? tr("Cari nama sekolah atau NPSN…") : tr("Cari nama, NIK, NUPTK atau NIP…"));
        applyFilter();
        updateCount();
    });
    // Search as you type: every keystroke goes to the model, which starts the newest filter at
    // once and interrupts the query it supersedes, so typing never queues work up.
    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_kecamatan, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_inactive, &QCheckBox::toggled, this, [this] { applyFilter(); });
    connect(refresh, &QPushButton::clicked, this, &DapodikDataPage::reload);
    for (DapodikListModel *m : {m_sekolahModel, m_ptkModel}) {
        connect(m, &DapodikListModel::loaded, this, &DapodikDataPage::updateCount);
        connect(m, &DapodikListModel::failed, m_banner, qOverload<const QString &>(&MessageBanner::showError));
    }
    // After every sync job the data changed: reload what is on screen.
    new ReloadWhenShown(this, &m_core.dapodik().jobs(), &JobRunner::finished, [this] { reload(); });

    m_search->setPlaceholderText(tr("Cari nama sekolah atau NPSN…"));
    loadKecamatan();
    applyFilter();
}

DapodikListModel *DapodikDataPage::currentModel() const
{
    return m_tabs->currentIndex() == PtkTab ? m_ptkModel : m_sekolahModel;
}

void DapodikDataPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void DapodikDataPage::applyFilter(bool force)
{
    DapodikListFilter f;
    f.q = m_search->text().trimmed();
    f.kodeWilayah = m_kecamatan->currentData().toString();
    f.includeInactive = m_inactive->isChecked();
    currentModel()->setFilter(f, force);
}

void DapodikDataPage::reload()
{
    loadKecamatan();
    applyFilter(true);
}

void DapodikDataPage::loadKecamatan()
{
    Core *core = &m_core;
    runAsync(this, [core] {
        DapodikListFilter f;
        f.page.limit = 100;
        f.includeInactive = true;
        return core->dapodik().kecamatanList(f);
    }, [this](const Result<DapodikListPage> &r) {
        if (!r.ok()) {
            m_banner->showError(r.error());
            return;
        }
        const QString selected = m_kecamatan->currentData().toString();
        QHash<QString, QString> names;
        m_kecamatan->blockSignals(true);
        while (m_kecamatan->count() > 1)
            m_kecamatan->removeItem(1);
        for (const QJsonObject &k : r->items) {
            const QString kode = k.value(QLatin1String("kode_wilayah")).toString();
            const QString nama = k.value(QLatin1String("nama")).toString();
            names.insert(kode, nama);
            if (k.value(QLatin1String("active")).toBool(true))
                m_kecamatan->addItem(nama, kode);
        }
        const int again = m_kecamatan->findData(selected);
        m_kecamatan->setCurrentIndex(again < 0 ? 0 : again);
        m_kecamatan->blockSignals(false);
        m_sekolahModel->setKecamatanNames(names);
        if (again < 0 && !selected.isEmpty())
            applyFilter();
    });
}

void DapodikDataPage::updateCount()
{
    DapodikListModel *m = currentModel();
    const bool ptk = m == m_ptkModel;
    const QLocale l;
    if (m->total() == 0) {
        const bool filtered = !m->filter().q.isEmpty() || !m->filter().kodeWilayah.isEmpty();
        if (filtered)
            m_count->setText(ptk ? tr("Tidak ada PTK yang cocok.") : tr("Tidak ada sekolah yang cocok."));
        else
            m_count->setText(ptk ? tr("Belum ada data PTK. Jalankan sinkronisasi di halaman Sinkronisasi.")
                                 : tr("Belum ada data sekolah. Jalankan sinkronisasi di halaman Sinkronisasi."));
        return;
    }
    m_count->setText((ptk ? tr("%1 dari %2 PTK ditampilkan") : tr("%1 dari %2 sekolah ditampilkan"))
                         .arg(l.toString(m->rowCount()), l.toString(m->total())));
}

} // namespace tu::ui
