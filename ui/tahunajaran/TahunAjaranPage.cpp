#include "TahunAjaranPage.h"
#include "common/Async.h"
#include "common/Confirm.h"
#include "common/Icons.h"
#include "common/LiveList.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "tahunajaran/SiakadSyncPreviewDialog.h"
#include "tahunajaran/TahunAjaranDialog.h"
#include "tahunajaran/TahunAjaranTableModel.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace tu::ui {

TahunAjaranPage::TahunAjaranPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new TahunAjaranTableModel(this))
{
    setObjectName(QStringLiteral("tahunAjaranPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);

    auto *header = new PageHeader(tr("Tahun Ajaran"),
                                  tr("Periode akademik dan periode pendaftaran PPDB, selaras dengan SIAKAD."), this);
    m_sync = actionButton(tr("Sinkronkan dengan SIAKAD"), QStringLiteral("refresh"), this);
    m_sync->setObjectName(QStringLiteral("syncSiakad"));
    m_add = primaryButton(tr("Tambah tahun ajaran"), this);
    m_add->setShortcut(QKeySequence::New);
    m_add->setToolTip(tr("Tambah tahun ajaran (Ctrl+N)"));
    m_add->setObjectName(QStringLiteral("addYear"));
    auto *refresh = reloadButton(tr("Muat ulang daftar tahun ajaran (F5)"), this);
    header->addAction(refresh);
    header->addAction(m_sync);
    header->addAction(m_add);
    page->addWidget(header);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("syncBusy"));
    m_busy->setRange(0, 0); // busy indicator: SIAKAD does not report progress
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    page->addWidget(m_busy);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);

    const Card cardParts = makeCard(this);
    QFrame *card = cardParts.frame;
    QVBoxLayout *cardLayout = cardParts.layout;
    QHBoxLayout *toolbar = cardParts.toolbar;
    m_tabs = new QTabBar(card);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(tr("Data aktif"));
    m_tabs->addTab(tr("Tempat sampah"));
    m_tabs->setDrawBase(false);
    toolbar->addWidget(m_tabs);
    m_onlyActive = new QCheckBox(tr("Hanya tahun ajaran aktif"), card);
    m_onlyActive->setObjectName(QStringLiteral("onlyActive"));
    toolbar->addWidget(m_onlyActive);
    toolbar->addStretch(1);
    m_edit = actionButton(tr("Ubah…"), QStringLiteral("key"), card);
    m_edit->setObjectName(QStringLiteral("editYear"));
    m_activate = actionButton(tr("Aktifkan"), QStringLiteral("check"), card);
    m_activate->setObjectName(QStringLiteral("activateYear"));
    m_trash = actionButton(tr("Hapus"), QStringLiteral("trash"), card);
    m_trash->setObjectName(QStringLiteral("trashYear"));
    for (QPushButton *b : {m_edit, m_activate, m_trash})
        toolbar->addWidget(b);

    Core *c = &m_core;
    m_live = new LiveList(this, [c] { return changes::tahunAjaran(*c); }, [this] { reload(); });
    cardLayout->addWidget(m_live->busyBar());
    m_table = dataTable(m_model, card);
    m_table->setObjectName(QStringLiteral("yearsTable"));
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Stretch);
    cardLayout->addWidget(m_table, 1);
    page->addWidget(card, 1);

    connect(m_tabs, &QTabBar::currentChanged, this, [this] { reload(); });
    connect(m_onlyActive, &QCheckBox::toggled, this, [this] { reload(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TahunAjaranPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this] { if (m_tabs->currentIndex() == 0) openDialog(true); });
    connect(m_add, &QPushButton::clicked, this, [this] { openDialog(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openDialog(true); });
    connect(m_activate, &QPushButton::clicked, this, &TahunAjaranPage::activate);
    connect(m_trash, &QPushButton::clicked, this, &TahunAjaranPage::trashOrRestore);
    connect(m_sync, &QPushButton::clicked, this, &TahunAjaranPage::syncWithSiakad);
    connect(refresh, &QPushButton::clicked, this, &TahunAjaranPage::reload);
    reload();
}

const TahunAjaran *TahunAjaranPage::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->yearAt(rows.first().row());
}

namespace {
struct YearsRead {
    Result<QList<TahunAjaran>> years;
    QTimeZone zone;
};
} // namespace

void TahunAjaranPage::reload()
{
    const bool trash = m_tabs->currentIndex() == 1;
    m_onlyActive->setEnabled(!trash);
    const int stsHapus = trash ? 2 : 1, stsAktif = !trash && m_onlyActive->isChecked() ? 1 : 0;
    Core *core = &m_core;
    m_live->load([core, stsHapus, stsAktif] { return YearsRead{core->tahunAjaran().list(stsHapus, stsAktif), core->settings().schoolZone()}; },
                 [this](const YearsRead &read) {
        if (!read.years.ok()) {
            m_banner->showError(read.years.error());
            m_model->setYears({});
        } else {
            m_model->setTimeZone(read.zone);
            m_model->setYears(read.years.value());
        }
        updateActions();
    });
}

void TahunAjaranPage::updateActions()
{
    const TahunAjaran *t = selected();
    const bool trash = m_tabs->currentIndex() == 1;
    m_trash->setText(trash ? tr("Pulihkan") : tr("Hapus"));
    m_edit->setVisible(!trash);
    m_activate->setVisible(!trash);
    m_edit->setEnabled(t && !m_syncing);
    m_activate->setEnabled(t && !t->isActive() && !m_syncing);
    m_trash->setEnabled(t && !m_syncing);
    m_add->setEnabled(!m_syncing);
    m_sync->setEnabled(!m_syncing);
}

void TahunAjaranPage::openDialog(bool edit)
{
    std::optional<TahunAjaran> year;
    if (edit) {
        if (!selected())
            return;
        year = *selected();
    }
    TahunAjaranDialog dialog(m_core, m_actor, year, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Tahun ajaran %1 disimpan.").arg(dialog.saved().nama));
}

void TahunAjaranPage::activate()
{
    const TahunAjaran *t = selected();
    if (!t)
        return;
    QJsonObject in = t->toJson();
    in.insert(QStringLiteral("sts_aktif"), 1);
    const QString nama = t->nama;
    // Activating one year deactivates the other: say which, and what it means for PPDB.
    auto current = m_core.tahunAjaran().activeYear();
    std::optional<TahunAjaran> previous = current.ok() ? current.value() : std::nullopt;
    if (previous && previous->id != t->id) {
        if (!confirmAction(this, tr("Aktifkan tahun ajaran"),
                           tr("Tahun ajaran %1 menjadi aktif dan %2 tidak aktif lagi. Pendaftaran PPDB mengikuti periode "
                              "tahun ajaran yang aktif.").arg(nama, previous->nama),
                           tr("Aktifkan %1").arg(nama), false))
            return;
    }
    auto r = m_core.tahunAjaran().store(m_actor, in);
    reload();
    if (!r.ok()) {
        m_banner->showError(r.error());
        return;
    }
    if (!previous || previous->id == t->id) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Tahun ajaran %1 sekarang aktif.").arg(nama));
        return;
    }
    const TahunAjaran before = *previous;
    m_banner->showUndoable(tr("Tahun ajaran %1 sekarang aktif; %2 tidak aktif lagi.").arg(nama, before.nama), [this, before] {
        QJsonObject back = before.toJson();
        back.insert(QStringLiteral("sts_aktif"), 1);
        auto again = m_core.tahunAjaran().store(m_actor, back);
        reload();
        if (again.ok())
            m_banner->showMessage(MessageBanner::Kind::Success, tr("Tahun ajaran %1 aktif kembali.").arg(before.nama));
        else
            m_banner->showError(again.error());
    });
}

void TahunAjaranPage::trashOrRestore()
{
    const TahunAjaran *t = selected();
    if (!t)
        return;
    const bool restore = t->inTrash();
    const QString nama = t->nama, id = t->id;
    if (!restore) {
        QString text = tr("Tahun ajaran %1 dipindahkan ke tempat sampah; datanya tetap ada dan dapat dipulihkan.").arg(nama);
        if (t->isActive())
            text += QLatin1Char(' ') + tr("Ini tahun ajaran aktif: sesudahnya tidak ada tahun yang aktif dan pendaftaran PPDB tertutup.");
        if (!confirmAction(this, tr("Pindahkan ke tempat sampah"), text, tr("Pindahkan ke tempat sampah")))
            return;
    }
    auto r = restore ? m_core.tahunAjaran().restore(m_actor, id) : m_core.tahunAjaran().trash(m_actor, id);
    reload();
    if (!r.ok()) {
        m_banner->showError(r.error());
        return;
    }
    if (restore) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Tahun ajaran %1 dipulihkan.").arg(nama));
        return;
    }
    m_banner->showUndoable(tr("Tahun ajaran %1 dipindahkan ke tempat sampah.").arg(nama), [this, id, nama] {
        auto back = m_core.tahunAjaran().restore(m_actor, id);
        reload();
        if (back.ok())
            m_banner->showMessage(MessageBanner::Kind::Success, tr("Tahun ajaran %1 dipulihkan.").arg(nama));
        else
            m_banner->showError(back.error());
    });
}

// Two steps: a preview worked out on a worker (SIAKAD's list fetched, nothing sent or changed),
// shown for the person to check; then, only if confirmed, the sync with the preview's
// fingerprint, so what is applied is what was shown.
void TahunAjaranPage::syncWithSiakad()
{
    m_syncing = true;
    m_busy->show();
    m_banner->showMessage(MessageBanner::Kind::Info, tr("Memeriksa data SIAKAD…"));
    updateActions();
    Core *core = &m_core;
    const Actor actor = m_actor;
    runAsync(this, [core, actor] {
        return core->tahunAjaran().previewSiakadSync(actor);
    }, [this](const Result<SiakadSyncPlan> &r) {
        if (!r.ok()) {
            finishSync();
            m_banner->showError(r.error());
            return;
        }
        const SiakadSyncPlan plan = r.value();
        if (plan.empty()) {
            finishSync();
            m_banner->showMessage(MessageBanner::Kind::Success,
                                  tr("Data tahun ajaran sudah sama dengan SIAKAD (%n tahun). Tidak ada yang diubah.", nullptr, plan.unchanged));
            return;
        }
        SiakadSyncPreviewDialog preview(plan, this);
        if (preview.exec() != QDialog::Accepted) {
            finishSync();
            m_banner->showMessage(MessageBanner::Kind::Info, tr("Sinkronisasi SIAKAD dibatalkan. Tidak ada yang diubah."));
            return;
        }
        applySiakadSync(plan.fingerprint);
    });
}

void TahunAjaranPage::applySiakadSync(const QString &fingerprint)
{
    m_banner->showMessage(MessageBanner::Kind::Info, tr("Menyinkronkan dengan SIAKAD…"));
    Core *core = &m_core;
    const Actor actor = m_actor;
    runAsync(this, [core, actor, fingerprint] {
        return core->tahunAjaran().syncWithSiakad(actor, fingerprint);
    }, [this](const Result<SyncSummary> &r) {
        finishSync();
        if (!r.ok()) {
            m_banner->showError(r.error());
            return;
        }
        const SyncSummary s = r.value();
        // One notice per outcome: the banner, not also a message box.
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("Sinkronisasi SIAKAD selesai: %1 ditambahkan, %2 diperbarui, %3 dipindahkan ke tempat sampah, %4 tidak berubah.")
                                  .arg(s.inserted).arg(s.updated).arg(s.trashed).arg(s.unchanged));
    });
}

void TahunAjaranPage::finishSync()
{
    m_syncing = false;
    m_busy->hide();
    reload();
}

} // namespace tu::ui
