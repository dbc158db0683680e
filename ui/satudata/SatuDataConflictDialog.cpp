#include "SatuDataConflictDialog.h"
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

SatuDataConflictDialog::SatuDataConflictDialog(Core &core, const Actor &actor, const QString &fileId, const QString &target, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_fileId(fileId), m_target(target), m_banner(new MessageBanner(this, false))
{
    setObjectName(QStringLiteral("satuDataConflictDialog"));
    setWindowTitle(tr("Konflik data"));
    setMinimumSize(720, 490);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    root->addWidget(satuDataLabel(tr("Konflik dengan %1").arg(satudata::targetLabel(target)), "sectionTitle", this));
    root->addWidget(satuDataLabel(tr("Dataset di portal diubah orang lain sejak kiriman terakhir kita, dan berkas di sini juga berubah. "
                             "Pilih versi yang dipakai; bagian yang berbeda ditandai."), "resultMessage", this));
    m_detected = satuDataLabel(QString(), "resultMeta", this);
    root->addWidget(m_detected);
    root->addWidget(m_banner);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setHorizontalHeaderLabels({tr("Bagian"), tr("Versi lokal (TataUsaha)"), tr("Versi portal")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    root->addWidget(m_table, 1);
    m_busyBar = satuDataBusyBar(this);
    root->addWidget(m_busyBar);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_local = new QPushButton(tr("Pakai versi lokal"), this);
    m_local->setObjectName(QStringLiteral("keepLocal"));
    m_local->setToolTip(tr("Kirim ulang versi TataUsaha dan timpa perubahan di portal"));
    m_remote = new QPushButton(tr("Pakai versi portal"), this);
    m_remote->setObjectName(QStringLiteral("keepRemote"));
    m_remote->setToolTip(tr("Ambil judul dan deskripsi dari portal ke berkas ini"));
    auto *cancel = new QPushButton(tr("Batal"), this);
    for (QPushButton *b : {m_local, m_remote, cancel}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    theme::setVariant(m_local, "primary");
    root->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_local, &QPushButton::clicked, this, [this] { resolve(QStringLiteral("local")); });
    connect(m_remote, &QPushButton::clicked, this, [this] { resolve(QStringLiteral("remote")); });
    m_local->setEnabled(false);
    m_remote->setEnabled(false);

    m_busy = true;
    m_busyBar->show();
    Core *c = &m_core;
    runAsync(this, [c, fileId, target] { return c->satuDataSync().conflict(fileId, target); }, [this](const Result<SyncConflict> &r) {
        m_busy = false;
        m_busyBar->hide();
        if (!r.ok()) {
            m_banner->showError(r.error());
            return;
        }
        showConflict(r.value());
        m_local->setEnabled(true);
        m_remote->setEnabled(true);
    });
}

void SatuDataConflictDialog::showConflict(const SyncConflict &c)
{
    const SchoolTime school = SchoolTime::of(m_core);
    const QDateTime at = QDateTime::fromString(c.detectedAt, Qt::ISODateWithMs);
    m_detected->setText(at.isValid() ? tr("Ditemukan %1").arg(school.format(at)) : QString());
    auto when = [&school](const QJsonValue &v) {
        QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (t.isValid() && t.timeSpec() == Qt::LocalTime && !v.toString().endsWith(QLatin1Char('Z')) && !v.toString().contains(QLatin1Char('+')))
            t.setTimeZone(QTimeZone::utc()); // CKAN writes UTC without a zone
        return t.isValid() ? school.format(t) : v.toString();
    };
    struct Pair { QString caption; QString local, remote; bool compare; };
    const QList<Pair> pairs{
        {tr("Judul"), satuDataJsonText(c.local.value(QLatin1String("title"))), satuDataJsonText(c.remote.value(QLatin1String("title"))), true},
        {tr("Deskripsi"), satuDataJsonText(c.local.value(QLatin1String("description"))), satuDataJsonText(c.remote.value(QLatin1String("notes"))), true},
        {tr("Tag"), satuDataJsonText(c.local.value(QLatin1String("tags"))), satuDataJsonText(c.remote.value(QLatin1String("tags"))), true},
        {tr("Periode"), satuDataJsonText(c.local.value(QLatin1String("period"))), QString(), false},
        {tr("Jumlah baris"), satuDataJsonText(c.local.value(QLatin1String("rowCount"))), satuDataJsonText(c.remote.value(QLatin1String("records"))), false},
        {tr("Terakhir diubah"), when(c.local.value(QLatin1String("updatedAt"))), when(c.remote.value(QLatin1String("metadata_modified"))), false},
    };
    const QColor changed(0x92, 0x40, 0x0e);
    const QIcon mark = icons::icon(QStringLiteral("alert"), theme::WarningIcon);
    m_table->setRowCount(0);
    for (const Pair &p : pairs) {
        if (p.local.isEmpty() && p.remote.isEmpty())
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *k = new QTableWidgetItem(p.caption);
        QFont bold = k->font();
        bold.setBold(true);
        k->setFont(bold);
        m_table->setItem(row, 0, k);
        auto *a = new QTableWidgetItem(p.local.isEmpty() ? QStringLiteral("—") : p.local);
        auto *b = new QTableWidgetItem(p.remote.isEmpty() ? QStringLiteral("—") : p.remote);
        m_table->setItem(row, 1, a);
        m_table->setItem(row, 2, b);
        if (p.compare && p.local != p.remote) { // what differs stands out (the theme's item style hides backgrounds)
            k->setIcon(mark);
            k->setData(Qt::UserRole, true);
            for (QTableWidgetItem *i : {k, a, b}) {
                i->setForeground(changed);
                i->setFont(bold);
                i->setBackground(theme::MarkSoft);
            }
        }
    }
    m_table->resizeRowsToContents();
}

void SatuDataConflictDialog::resolve(const QString &keep)
{
    if (m_busy)
        return;
    m_busy = true;
    m_banner->clear();
    m_local->setEnabled(false);
    m_remote->setEnabled(false);
    m_busyBar->show();
    Core *c = &m_core;
    const Actor actor = m_actor;
    const QString id = m_fileId, target = m_target;
    runAsync(this, [c, actor, id, target, keep] { return c->satuDataSync().resolveConflict(actor, id, target, keep); },
             [this](const Result<TargetResult> &r) {
                 m_busy = false;
                 m_busyBar->hide();
                 m_local->setEnabled(true);
                 m_remote->setEnabled(true);
                 if (!r.ok()) {
                     m_banner->showError(r.error());
                     return;
                 }
                 m_resolved = r.value();
                 if (!r->ok()) {
                     m_banner->showError(r->message.isEmpty() ? satuDataResultText(r.value()) : r->message);
                     return;
                 }
                 accept();
             });
}

} // namespace tu::ui
