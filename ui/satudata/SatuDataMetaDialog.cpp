#include "SatuDataMetaDialog.h"
#include "satudata/SatuDataDialogParts.h"
#include "common/Async.h"
#include "common/SchoolTime.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "satudata/SatuDataFileModel.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSet>
#include <QStyle>
#include <QTimeZone>
#include <QDateTime>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tu::ui {

SatuDataMetaDialog::SatuDataMetaDialog(Core &core, const Actor &actor, const QString &path, const std::optional<DataFile> &file, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_path(path), m_file(file), m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setObjectName(QStringLiteral("satuDataMetaDialog"));
    const bool upload = !path.isEmpty();
    setWindowTitle(upload ? tr("Unggah berkas data") : tr("Ubah keterangan berkas"));
    setMinimumWidth(560);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(12);
    root->addWidget(satuDataLabel(upload ? tr("Unggah berkas data") : tr("Ubah keterangan berkas"), "sectionTitle", this));
    QString info;
    if (upload) {
        const QFileInfo fi(path);
        info = tr("Berkas: %1 (%2)").arg(fi.fileName(), QLocale().formattedDataSize(fi.size()));
    } else if (file) {
        info = tr("Berkas: %1 · %2 baris").arg(file->originalName, QLocale().toString(file->rowCount));
    }
    auto *fileLabel = satuDataLabel(info, "fileInfo", this);
    root->addWidget(m_errors.withError(QStringLiteral("file"), fileLabel));
    root->addWidget(m_banner);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto line = [&](const QString &field, const QString &caption, const QString &value, const QString &placeholder) {
        auto *e = new QLineEdit(value, this);
        e->setObjectName(field);
        e->setPlaceholderText(placeholder);
        m_edits.insert(field, e);
        form->addRow(formLabel(caption, e), m_errors.withError(field, e));
        return e;
    };
    line(QStringLiteral("title"), tr("&Judul"), file ? file->title : QFileInfo(path).completeBaseName(),
         tr("mis. Jumlah Siswa per Kelas 2025"));
    m_description = new QPlainTextEdit(file ? file->description : QString(), this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("Isi data, sumber, dan cara pengumpulannya"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(72);
    form->addRow(formLabel(tr("&Deskripsi"), m_description), m_errors.withError(QStringLiteral("description"), m_description));
    line(QStringLiteral("period"), tr("&Periode"), file ? file->period : QString::number(QDate::currentDate().year()), tr("Tahun, mis. 2025"));
    line(QStringLiteral("unit"), tr("&Satuan"), file ? file->unit : QString(), tr("mis. orang, rombel, persen"));
    line(QStringLiteral("tags"), tr("&Tag"), file ? file->tags.join(QStringLiteral(", ")) : QString(), tr("Dipisah koma, mis. siswa, kelas"));
    line(QStringLiteral("kodeindikator"), tr("Kode &indikator"), file ? file->kodeIndikator : QString(), tr("SIPD, mis. 1.01.02"));
    line(QStringLiteral("kodepemda"), tr("Kode pe&mda"), file ? file->kodePemda : QString(), tr("SIPD, mis. 3404"));
    root->addLayout(form);
    root->addWidget(satuDataLabel(tr("Kode indikator dan kode pemda diperlukan untuk SIPD e-walidata. Berkas baru atau yang diubah "
                             "perlu diverifikasi admin sebelum dapat dikirim."), "hint", this));
    m_busyBar = satuDataBusyBar(this);
    root->addWidget(m_busyBar);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(upload ? tr("Unggah") : tr("Simpan"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    theme::setVariant(m_save, "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SatuDataMetaDialog::save);
    root->addWidget(buttons);
    m_save->setDefault(true);
}

QLineEdit *SatuDataMetaDialog::edit(const QString &field) const
{
    return m_edits.value(field);
}

QJsonObject SatuDataMetaDialog::meta() const
{
    QJsonObject m;
    for (auto it = m_edits.begin(); it != m_edits.end(); ++it)
        m.insert(it.key(), it.value()->text().trimmed());
    m.insert(QStringLiteral("description"), m_description->toPlainText().trimmed());
    return m;
}

void SatuDataMetaDialog::save()
{
    if (m_busy)
        return;
    m_errors.clear();
    const QJsonObject in = meta();
    Core *core = &m_core;
    const Actor actor = m_actor;
    m_busy = true;
    m_save->setEnabled(false);
    m_busyBar->show();
    auto done = [this](const Result<DataFile> &r) {
        m_busy = false;
        m_save->setEnabled(true);
        m_busyBar->hide();
        if (!r.ok()) {
            m_errors.show(r.error());
            return;
        }
        m_saved = r.value();
        accept();
    };
    if (!m_path.isEmpty()) {
        const QString path = m_path;
        runAsync(this, [core, actor, path, in]() -> Result<DataFile> {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return Error::validation({{QStringLiteral("file"), SatuDataMetaDialog::tr("Berkas tidak dapat dibaca: %1").arg(f.errorString())}});
            return core->dataFiles().upload(actor, f, QFileInfo(path).fileName(), in);
        }, done);
    } else {
        const QString id = m_file ? m_file->id : QString();
        runAsync(this, [core, actor, id, in] { return core->dataFiles().updateMeta(actor, id, in); }, done);
    }
}

} // namespace tu::ui
