#include "TahunAjaranDialog.h"
#include "common/Confirm.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tu::ui {

TahunAjaranDialog::TahunAjaranDialog(Core &core, const Actor &actor, const std::optional<TahunAjaran> &year, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_original(year), m_banner(new MessageBanner(this, false)), m_errors(m_banner)
{
    setObjectName(QStringLiteral("tahunAjaranDialog"));
    setWindowTitle(year ? tr("Ubah tahun ajaran") : tr("Tambah tahun ajaran"));
    setMinimumWidth(480);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(14);
    auto *title = plainLabel(year ? tr("Ubah tahun ajaran %1").arg(year->nama) : tr("Tambah tahun ajaran"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    root->addWidget(title);
    root->addWidget(m_banner);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QDate today = QDate::currentDate();
    const int first = today.month() >= 7 ? today.year() + 1 : today.year();
    m_nama = new QLineEdit(year ? year->nama : QStringLiteral("%1/%2").arg(first).arg(first + 1), this);
    m_nama->setObjectName(QStringLiteral("tahunAjaran"));
    m_nama->setPlaceholderText(tr("mis. 2025/2026"));
    auto dateEdit = [this](const QDate &d, const QString &name) {
        auto *e = new QDateEdit(d, this);
        e->setObjectName(name);
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
        e->setLocale(QLocale(QLocale::Indonesian, QLocale::Indonesia));
        return e;
    };
    m_awal = dateEdit(year ? year->awal : today, QStringLiteral("awal"));
    m_akhir = dateEdit(year ? year->akhir : today.addMonths(2), QStringLiteral("akhir"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Nonaktif"), 2);
    m_status->addItem(tr("Aktif — pendaftaran PPDB mengikuti tahun ini"), 1);
    m_status->setCurrentIndex(year && year->isActive() ? 1 : 0);
    auto row = [&](const QString &label, const QString &field, QWidget *input) {
        form->addRow(formLabel(label, input), m_errors.withError(field, input));
    };
    row(tr("Tahun ajaran"), QStringLiteral("tahun_ajaran"), m_nama);
    row(tr("Awal pendaftaran"), QStringLiteral("periode_awal_pendaftaran"), m_awal);
    row(tr("Akhir pendaftaran"), QStringLiteral("periode_akhir_pendaftaran"), m_akhir);
    row(tr("Status"), QStringLiteral("sts_aktif"), m_status);
    root->addLayout(form);
    auto *hint = plainLabel(tr("Mengaktifkan tahun ini menonaktifkan tahun ajaran lain. Periode pendaftaran tidak boleh "
                               "bertabrakan dengan tahun ajaran lain (tanggal awal dan akhir ikut dihitung)."), this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("hint"));
    root->addWidget(hint);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Simpan"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("save"));
    theme::setVariant(m_ok, "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, &TahunAjaranDialog::save);
    root->addWidget(buttons);
    m_ok->setDefault(true);
    m_initial = input();
}

QJsonObject TahunAjaranDialog::input() const
{
    return {{"tahun_ajaran", m_nama->text()},
            {"periode_awal_pendaftaran", m_awal->date().toString(Qt::ISODate)},
            {"periode_akhir_pendaftaran", m_akhir->date().toString(Qt::ISODate)},
            {"sts_aktif", m_status->currentData().toInt()}};
}

bool TahunAjaranDialog::hasUnsavedChanges() const
{
    return input() != m_initial;
}

void TahunAjaranDialog::reject()
{
    if (hasUnsavedChanges()) {
        switch (askUnsaved(this, m_original ? tr("tahun ajaran %1").arg(m_original->nama) : tr("tahun ajaran baru"))) {
        case UnsavedChoice::Save:
            save();
            return; // accepted, or still open with the messages under the fields
        case UnsavedChoice::Cancel:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    QDialog::reject();
}

void TahunAjaranDialog::save()
{
    m_errors.clear();
    QJsonObject in = input();
    if (m_original)
        in.insert(QStringLiteral("id_tahun_ajaran"), m_original->id);
    auto r = m_core.tahunAjaran().store(m_actor, in);
    if (!r.ok()) {
        m_errors.show(r.error());
        return;
    }
    m_saved = r.value();
    accept();
}

} // namespace tu::ui
