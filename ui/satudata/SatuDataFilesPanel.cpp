#include "SatuDataFilesPanel.h"
#include "common/Async.h"
#include "common/MessageBanner.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "satudata/SatuDataFileModel.h"
#include "satudata/SatuDataMetaDialog.h"
#include "satudata/SatuDataSyncDialog.h"
#include "app/Core.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace tu::ui {

SatuDataFilesPanel::SatuDataFilesPanel(Core &core, const Actor &actor, SatuDataFileModel *model, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(model), m_banner(banner)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 12, 0, 0);
    const Card card = makeCard(this);
    buildToolbar(card.frame, card.toolbar);
    m_table = dataTable(m_model, card.frame, 46);
    m_table->setObjectName(QStringLiteral("filesTable"));
    m_table->setTextElideMode(Qt::ElideRight);
    fitColumns();
    card.layout->addWidget(m_table, 1);
    v->addWidget(card.frame, 1);

    auto *del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &SatuDataFilesPanel::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SatuDataFilesPanel::updateActions);
    // Enter (or double click) on a row, or a click in the Integrasi column: the Sync dialog.
    connect(m_table, &QTableView::activated, this, [this] { openSyncDialog(); });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &i) {
        if (i.column() == SatuDataFileModel::Integrasi)
            openSyncDialog();
    });
    connect(m_edit, &QPushButton::clicked, this, &SatuDataFilesPanel::editSelected);
    connect(m_replace, &QPushButton::clicked, this, &SatuDataFilesPanel::replaceFile);
    connect(m_remove, &QPushButton::clicked, this, &SatuDataFilesPanel::removeSelected);
    connect(m_verify, &QPushButton::clicked, this, &SatuDataFilesPanel::toggleVerified);
    connect(m_sync, &QPushButton::clicked, this, [this] { openSyncDialog(); });
    connectModel();
    updateActions();
}

void SatuDataFilesPanel::buildToolbar(QWidget *card, QHBoxLayout *toolbar)
{
    m_count = plainLabel(card);
    m_count->setObjectName(QStringLiteral("countLabel"));
    toolbar->addWidget(m_count);
    toolbar->addStretch(1);
    m_edit = actionButton(tr("Ubah keterangan…"), QStringLiteral("konten"), card);
    m_edit->setObjectName(QStringLiteral("editFile"));
    m_replace = actionButton(tr("Ganti berkas…"), QStringLiteral("folder"), card);
    m_replace->setObjectName(QStringLiteral("replaceFile"));
    m_replace->setToolTip(tr("Ganti isi berkas dengan CSV/XLSX baru; verifikasi perlu diulang"));
    m_remove = actionButton(tr("Hapus"), QStringLiteral("trash"), card);
    m_remove->setObjectName(QStringLiteral("removeFile"));
    m_remove->setToolTip(tr("Hapus berkas yang belum pernah dikirim (Delete)"));
    m_verify = actionButton(tr("Verifikasi"), QStringLiteral("shield"), card);
    m_verify->setObjectName(QStringLiteral("verifyFile"));
    m_sync = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Sync…"), card);
    m_sync->setObjectName(QStringLiteral("syncFile"));
    m_sync->setIconSize(QSize(16, 16));
    m_sync->setAutoDefault(false);
    m_sync->setToolTip(tr("Sinkronkan berkas terpilih ke SPLP/SIPD (Ctrl+Y atau Enter)"));
    m_sync->setShortcut(QKeySequence(QStringLiteral("Ctrl+Y")));
    for (QPushButton *b : {m_edit, m_replace, m_remove, m_verify, m_sync})
        toolbar->addWidget(b);
}

// Wide enough for their longest usual text, so the title gets the rest. Measured in bold (headers
// and the state columns' weight) with the cells' padding.
void SatuDataFilesPanel::fitColumns()
{
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(SatuDataFileModel::Title, QHeaderView::Stretch);
    h->setMinimumSectionSize(56);
    QFont bold = m_table->font();
    bold.setPixelSize(13);
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const int pad = 30;
    auto fit = [&](int column, QStringList texts) {
        texts << m_model->headerData(column, Qt::Horizontal).toString();
        int w = 0;
        for (const QString &t : texts)
            w = qMax(w, fm.horizontalAdvance(t));
        m_table->setColumnWidth(column, w + pad);
    };
    fit(SatuDataFileModel::Period, {QStringLiteral("2025")});
    fit(SatuDataFileModel::Format, {QStringLiteral("XLSX")});
    fit(SatuDataFileModel::Rows, {QStringLiteral("10.000")});
    fit(SatuDataFileModel::Verified, {QStringLiteral("00/00 00:00")});
    const QStringList states{SatuDataFileModel::tr("Tersinkron"), SatuDataFileModel::tr("Belum pernah"), satudata::failureLabel(satudata::Server),
                             satudata::failureLabel(satudata::Validation), QStringLiteral("00/00 00:00")};
    fit(SatuDataFileModel::Splp, states);
    fit(SatuDataFileModel::Sipd, states);
    fit(SatuDataFileModel::Integrasi, {});
}

// The selection survives a reload (the same file, wherever it moved).
void SatuDataFilesPanel::connectModel()
{
    connect(m_model, &SatuDataFileModel::loaded, this, [this] {
        m_count->setText(m_model->rowCount() ? tr("%n berkas", nullptr, m_model->rowCount()) : tr("Belum ada berkas. Unggah CSV atau XLSX untuk memulai."));
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const SatuDataRow *r = selected();
        m_keepSelection = r ? r->file.id : QString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        selectFile(m_keepSelection);
        updateActions();
    });
}

void SatuDataFilesPanel::selectFile(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

const SatuDataRow *SatuDataFilesPanel::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->rowAt(rows.first().row());
}

void SatuDataFilesPanel::updateActions()
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
}

void SatuDataFilesPanel::uploadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Pilih berkas data"), QString(),
                                                      tr("Tabel data (*.csv *.xlsx);;Semua berkas (*)"));
    if (!path.isEmpty())
        uploadPath(path);
}

SatuDataMetaDialog *SatuDataFilesPanel::uploadPath(const QString &path)
{
    auto *dialog = new SatuDataMetaDialog(m_core, m_actor, path, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const DataFile d = dialog->saved();
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("Berkas %1 diunggah: %n baris. Minta admin memverifikasinya sebelum dikirim.", nullptr, d.rowCount).arg(d.title));
        m_keepSelection = d.id;
        m_model->reload();
        connect(m_model, &SatuDataFileModel::loaded, this, [this, id = d.id] { selectFile(id); }, Qt::SingleShotConnection);
    });
    dialog->open();
    return dialog;
}

void SatuDataFilesPanel::replaceFile()
{
    if (!selected())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Pilih berkas pengganti"), QString(),
                                                      tr("Tabel data (*.csv *.xlsx);;Semua berkas (*)"));
    if (!path.isEmpty())
        replacePath(path);
}

void SatuDataFilesPanel::replacePath(const QString &path)
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
            return Error::validation({{QStringLiteral("file"), SatuDataFilesPanel::tr("Berkas tidak dapat dibaca: %1").arg(f.errorString())}},
                                     SatuDataFilesPanel::tr("Berkas tidak dapat dibaca."));
        return core->dataFiles().replace(actor, id, f, QFileInfo(path).fileName());
    }, [this, title](const Result<DataFile> &r) {
        updateActions();
        if (!r.ok()) {
            m_banner->showError(r.error());
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("Isi berkas %1 diganti (%n baris). Verifikasi perlu diulang sebelum dikirim.", nullptr, r->rowCount).arg(title));
        m_model->reload();
    });
}

void SatuDataFilesPanel::editSelected()
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

void SatuDataFilesPanel::removeSelected()
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
        m_banner->showError(s.error());
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Berkas %1 dihapus.").arg(f.title));
    m_model->reload();
}

void SatuDataFilesPanel::toggleVerified()
{
    const SatuDataRow *r = selected();
    if (!r || m_actor.role != Role::Admin)
        return;
    const bool verify = !r->file.verified;
    const QString title = r->file.title;
    auto result = m_core.dataFiles().setVerified(m_actor, r->file.id, verify);
    if (!result.ok()) {
        m_banner->showError(result.error());
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          verify ? tr("Berkas %1 terverifikasi dan siap dikirim.").arg(title)
                                 : tr("Verifikasi berkas %1 dibatalkan; berkas tidak akan dikirim.").arg(title));
    m_model->reload();
}

SatuDataSyncDialog *SatuDataFilesPanel::openSyncDialog()
{
    const SatuDataRow *r = selected();
    if (!r)
        return nullptr;
    auto *dialog = new SatuDataSyncDialog(m_core, m_actor, r->file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SatuDataSyncDialog::synced, this, [this] {
        m_model->reload();
        emit synced();
    });
    dialog->open();
    return dialog;
}

} // namespace tu::ui
