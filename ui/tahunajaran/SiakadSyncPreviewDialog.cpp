#include "SiakadSyncPreviewDialog.h"
#include "common/PlainText.h"
#include "common/ScreenFit.h"
#include "common/Theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
QString period(const TahunAjaran &t)
{
    const QLocale locale;
    return QStringLiteral("%1 – %2").arg(locale.toString(t.awal, QStringLiteral("d MMM yyyy")),
                                         locale.toString(t.akhir, QStringLiteral("d MMM yyyy")));
}
} // namespace

SiakadSyncPreviewDialog::SiakadSyncPreviewDialog(const SiakadSyncPlan &plan, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("siakadPreview"));
    setWindowTitle(tr("Pratinjau sinkronisasi SIAKAD"));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(20, 16, 20, 16);
    root->setSpacing(12);

    auto *summary = plainLabel(tr("Belum ada yang diubah. Bila diterapkan, data tahun ajaran di sini mengikuti SIAKAD: "
                                  "%1 ditambahkan, %2 diubah, %3 dipindahkan ke tempat sampah, %4 tetap.")
                                   .arg(plan.added.size()).arg(plan.changed.size()).arg(plan.trashed.size()).arg(plan.unchanged),
                               this);
    summary->setObjectName(QStringLiteral("previewSummary"));
    summary->setWordWrap(true);
    root->addWidget(summary);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("previewChanges"));
    m_table->setAccessibleName(tr("Perubahan yang akan diterapkan"));
    m_table->setHorizontalHeaderLabels({tr("Perubahan"), tr("Tahun ajaran"), tr("Periode pendaftaran"), tr("Aktif")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab moves on to the buttons
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto addChange = [this](const QString &what, const TahunAjaran &t, const QString &periodText) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{what, t.nama, periodText, t.isActive() ? tr("Aktif") : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    };
    for (const TahunAjaran &t : plan.added)
        addChange(tr("Ditambahkan"), t, period(t));
    for (const SiakadSyncPlan::Change &c : plan.changed) {
        QString p = period(c.after);
        if (c.before.awal != c.after.awal || c.before.akhir != c.after.akhir)
            p = tr("%1 (sebelumnya %2)").arg(p, period(c.before));
        QString what = tr("Diubah");
        if (c.before.nama != c.after.nama)
            what = tr("Diubah (dahulu %1)").arg(c.before.nama);
        if (c.after.inTrash())
            what = tr("Ke tempat sampah");
        addChange(what, c.after, p);
    }
    for (const TahunAjaran &t : plan.trashed)
        addChange(tr("Ke tempat sampah"), t, period(t));
    m_table->resizeColumnsToContents();
    root->addWidget(m_table, 1);

    // In plain words: what happens to the active year, its registration and its applicants.
    if (plan.activeYearLost) {
        const TahunAjaran &was = *plan.activeBefore;
        bool trashed = false;
        for (const TahunAjaran &t : plan.trashed)
            trashed |= t.id == was.id;
        // With the period: SIAKAD may hold a year of the same name under another id.
        const QString wasText = tr("%1 (pendaftaran %2)").arg(was.nama, period(was));
        m_consequences << (trashed ? tr("Tahun ajaran aktif %1 akan dipindahkan ke tempat sampah.").arg(wasText)
                                   : tr("Tahun ajaran %1 tidak akan aktif lagi.").arg(wasText));
        m_consequences << (plan.activeAfter
                               ? tr("Tahun ajaran aktif menjadi %1.").arg(tr("%1 (pendaftaran %2)").arg(plan.activeAfter->nama, period(*plan.activeAfter)))
                               : tr("Tidak ada tahun ajaran yang aktif sesudahnya."));
        if (plan.registrationOpenNow)
            m_consequences << tr("Pendaftaran PPDB %1 sedang dibuka hari ini dan akan tertutup.").arg(was.nama);
        if (plan.applicantsOfActiveYear > 0)
            m_consequences << tr("Tahun itu memiliki %n pendaftar. Data mereka tetap tersimpan, tetapi tidak lagi tampil "
                                 "di daftar PPDB tahun aktif.", nullptr, plan.applicantsOfActiveYear);
    } else if (plan.activeBefore) {
        m_consequences << tr("Tahun ajaran aktif %1 tetap aktif.").arg(plan.activeBefore->nama);
    }
    if (!m_consequences.isEmpty()) {
        auto *words = plainLabel(m_consequences.join(QLatin1Char('\n')), this);
        words->setObjectName(QStringLiteral("previewConsequences"));
        words->setWordWrap(true);
        if (plan.activeYearLost)
            theme::setVariant(words, "warning");
        root->addWidget(words);
    }

    auto *buttons = new QHBoxLayout;
    if (plan.dangerous()) {
        m_confirm = new QCheckBox(tr("Saya mengerti: tahun ajaran %1 dengan %n pendaftar tidak akan aktif lagi.", nullptr,
                                     plan.applicantsOfActiveYear).arg(plan.activeBefore->nama),
                                  this);
        m_confirm->setObjectName(QStringLiteral("confirmDanger"));
        root->addWidget(m_confirm);
    }
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Batal"), this);
    cancel->setObjectName(QStringLiteral("cancel"));
    m_apply = new QPushButton(tr("Terapkan sinkronisasi"), this);
    m_apply->setObjectName(QStringLiteral("apply"));
    theme::setVariant(m_apply, plan.activeYearLost ? "danger" : "primary");
    cancel->setDefault(true); // Enter never applies by accident
    m_apply->setAutoDefault(false);
    buttons->addWidget(cancel);
    buttons->addWidget(m_apply);
    root->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &QDialog::accept);
    if (m_confirm) {
        m_apply->setEnabled(false);
        connect(m_confirm, &QCheckBox::toggled, m_apply, &QPushButton::setEnabled);
    }
    fitToScreen(this, QSize(760, 520));
}

} // namespace tu::ui
