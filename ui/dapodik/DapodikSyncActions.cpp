#include "DapodikSyncActions.h"
#include "common/Icons.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSet>
#include <QVBoxLayout>

namespace tu::ui {

namespace {

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
    line->setProperty("look", QStringLiteral("divider"));
    return line;
}

} // namespace

DapodikSyncActions::DapodikSyncActions(QWidget *parent) : QFrame(parent)
{
    QFrame *card = this;
    setObjectName(QStringLiteral("card"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(18, 16, 18, 16);
    v->setSpacing(8);
    addRunButtons(card, v);
    v->addSpacing(6);
    v->addWidget(separator(card));
    v->addSpacing(4);
    addKecamatanBox(card, v);
    v->addSpacing(6);
    v->addWidget(separator(card));
    v->addSpacing(4);
    addPtkBox(card, v);
    updateKecButton();
}

void DapodikSyncActions::addRunButtons(QWidget *card, QVBoxLayout *v)
{
    v->addWidget(sectionTitle(tr("Jalankan sinkronisasi"), card));
    m_global = new QPushButton(icons::icon(QStringLiteral("sinkronisasi"), theme::OnAccent), tr("Sinkronisasi global"), card);
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
    connect(m_global, &QPushButton::clicked, this, &DapodikSyncActions::globalRequested);
    connect(m_allSekolah, &QPushButton::clicked, this, &DapodikSyncActions::allSekolahRequested);
    connect(m_allPtk, &QPushButton::clicked, this, &DapodikSyncActions::allPtkRequested);
}

void DapodikSyncActions::addKecamatanBox(QWidget *card, QVBoxLayout *v)
{
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
    m_kecList->setAccessibleName(tr("Kecamatan"));
    m_kecList->setMinimumHeight(90);
    m_kecList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_kecList->setToolTip(tr("Centang kecamatan yang ingin disinkronkan (Spasi mencentang)"));
    v->addWidget(m_kecList, 1);
    m_kecEmpty = hint(tr("Daftar kecamatan muncul setelah sinkronisasi global pertama."), card);
    v->addWidget(m_kecEmpty);
    m_kecButton = actionButton(tr("Sinkronkan kecamatan terpilih"), QStringLiteral("sinkronisasi"), card);
    m_kecButton->setObjectName(QStringLiteral("syncKecamatan"));
    v->addWidget(m_kecButton);
    connect(m_kecButton, &QPushButton::clicked, this, &DapodikSyncActions::kecamatanRequested);
    connect(m_kecList, &QListWidget::itemChanged, this, &DapodikSyncActions::updateKecButton);
    connect(m_selectAll, &QPushButton::clicked, this, &DapodikSyncActions::toggleAllKecamatan);
}

void DapodikSyncActions::addPtkBox(QWidget *card, QVBoxLayout *v)
{
    v->addWidget(sectionTitle(tr("Satu PTK"), card));
    auto *ptkRow = new QHBoxLayout;
    ptkRow->setSpacing(8);
    m_nik = new QLineEdit(card);
    m_nik->setObjectName(QStringLiteral("nik"));
    m_nik->setPlaceholderText(tr("NIK (16 angka)"));
    m_nik->setAccessibleName(tr("NIK"));
    m_nik->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,16}")), m_nik));
    m_npsn = new QLineEdit(card);
    m_npsn->setObjectName(QStringLiteral("npsn"));
    m_npsn->setPlaceholderText(tr("NPSN"));
    m_npsn->setAccessibleName(tr("NPSN"));
    m_npsn->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), m_npsn));
    m_npsn->setFixedWidth(100);
    ptkRow->addWidget(m_nik, 1);
    ptkRow->addWidget(m_npsn);
    v->addLayout(ptkRow);
    m_ptkButton = actionButton(tr("Sinkronkan PTK"), QStringLiteral("pengguna"), card);
    m_ptkButton->setObjectName(QStringLiteral("syncPtk"));
    v->addWidget(m_ptkButton);
    connect(m_ptkButton, &QPushButton::clicked, this, &DapodikSyncActions::ptkRequested);
    connect(m_npsn, &QLineEdit::returnPressed, this, &DapodikSyncActions::ptkRequested);
}

void DapodikSyncActions::toggleAllKecamatan()
{
    bool all = true;
    for (int i = 0; i < m_kecList->count(); ++i)
        all = all && m_kecList->item(i)->checkState() == Qt::Checked;
    for (int i = 0; i < m_kecList->count(); ++i)
        m_kecList->item(i)->setCheckState(all ? Qt::Unchecked : Qt::Checked);
}

void DapodikSyncActions::updateKecButton()
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

// The kecamatan list, keeping what was checked.
void DapodikSyncActions::showKecamatan(const QList<QJsonObject> &kecamatan)
{
    QSet<QString> checked;
    for (int i = 0; i < m_kecList->count(); ++i)
        if (m_kecList->item(i)->checkState() == Qt::Checked)
            checked.insert(m_kecList->item(i)->data(Qt::UserRole).toString());
    m_kecList->blockSignals(true);
    m_kecList->clear();
    for (const QJsonObject &k : kecamatan) {
        const QString kode = k.value(QLatin1String("kode_wilayah")).toString();
        auto *it = new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(k.value(QLatin1String("nama")).toString(), kode), m_kecList);
        it->setData(Qt::UserRole, kode);
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        it->setCheckState(checked.contains(kode) ? Qt::Checked : Qt::Unchecked);
        it->setToolTip(tr("%n sekolah aktif", nullptr, int(k.value(QLatin1String("jumlah_sekolah")).toInteger())));
    }
    m_kecList->blockSignals(false);
    updateKecButton();
}

QStringList DapodikSyncActions::checkedKecamatan() const
{
    QStringList codes;
    for (int i = 0; i < m_kecList->count(); ++i)
        if (m_kecList->item(i)->checkState() == Qt::Checked)
            codes << m_kecList->item(i)->data(Qt::UserRole).toString();
    return codes;
}

} // namespace tu::ui
