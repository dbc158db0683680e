#include "SatuDataSyncDialog.h"
#include "satudata/SatuDataConflictDialog.h"
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

namespace {

// SIPD's per-row log (or SPLP's field errors): row, status, message; at most 8 rows tall.
QTableWidget *rowLogTable(const QList<QJsonObject> &rows, QWidget *card)
{
    auto *table = new QTableWidget(int(rows.size()), 3, card);
    table->setObjectName(QStringLiteral("rowLog"));
    table->setHorizontalHeaderLabels({SatuDataSyncDialog::tr("Baris"), SatuDataSyncDialog::tr("Status"), SatuDataSyncDialog::tr("Pesan")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(26);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject &o = rows[i];
        const QJsonValue rowValue = o.value(QLatin1String("row"));
        QString rowText = rowValue.isDouble() ? QString::number(rowValue.toInt() + 1) : satuDataJsonText(rowValue);
        if (rowText.isEmpty())
            rowText = o.value(QLatin1String("field")).toString();
        QString st = o.value(QLatin1String("status")).toString().toUpper();
        if (st.isEmpty())
            st = QStringLiteral("ERROR");
        auto *a = new QTableWidgetItem(rowText);
        auto *b = new QTableWidgetItem(st);
        b->setForeground(st == QLatin1String("OK") ? theme::Success : theme::Danger);
        QFont bold = b->font();
        bold.setBold(true);
        b->setFont(bold);
        auto *c = new QTableWidgetItem(o.value(QLatin1String("message")).toString());
        c->setToolTip(plainToolTip(c->text()));
        table->setItem(i, 0, a);
        table->setItem(i, 1, b);
        table->setItem(i, 2, c);
    }
    const int visible = qMin(int(rows.size()), 8);
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + visible * 26 + 4);
    return table;
}

// "ID portal: …  ·  12 baris diterima, 1 ditolak  ·  1,4 detik".
QString metaText(const TargetResult &r)
{
    QStringList meta;
    if (!r.remoteId.isEmpty())
        meta << SatuDataSyncDialog::tr("ID portal: %1").arg(r.remoteId);
    if (r.rowsOk > 0 || r.rowsError > 0)
        meta << SatuDataSyncDialog::tr("%1 baris diterima, %2 ditolak").arg(QLocale().toString(r.rowsOk), QLocale().toString(r.rowsError));
    if (r.durationMs >= 1000)
        meta << SatuDataSyncDialog::tr("%1 detik").arg(QLocale().toString(r.durationMs / 1000.0, 'f', 1));
    else if (r.durationMs > 0)
        meta << SatuDataSyncDialog::tr("%1 ms").arg(r.durationMs);
    return meta.join(QStringLiteral("  ·  "));
}

// The failure class in bold and what to do about it; nullptr when the target went through.
QLabel *failureBox(const TargetResult &r, QWidget *card)
{
    if (r.failureClass.isEmpty() && (r.hint.isEmpty() || r.status == QLatin1String("ok")))
        return nullptr;
    QString text;
    if (!r.failureClass.isEmpty())
        text = QStringLiteral("<b>%1</b>").arg(SatuDataSyncDialog::tr("Kelas kegagalan: %1").arg(satudata::failureLabel(r.failureClass)).toHtmlEscaped());
    const QString hint = !r.hint.isEmpty() ? r.hint : satudata::failureHint(r.failureClass);
    if (!hint.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("<br>")) + hint.toHtmlEscaped();
    // Amber when part went through or nothing is broken (a conflict), red when nothing arrived.
    const bool partly = r.status == QLatin1String("conflict") || r.rowsOk > 0;
    auto *box = satuDataLabel(QString(), partly ? "queuedBox" : "failureBox", card);
    markRichText(box);
    box->setText(text);
    return box;
}

} // namespace

SatuDataSyncDialog::SatuDataSyncDialog(Core &core, const Actor &actor, const DataFile &file, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_file(file), m_banner(new MessageBanner(this, false))
{
    setObjectName(QStringLiteral("satuDataSyncDialog"));
    setWindowTitle(tr("Sync berkas"));
    setMinimumWidth(640);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    auto *title = satuDataLabel(file.title, "sectionTitle", this);
    root->addWidget(title);
    QStringList facts{tr("Periode %1").arg(file.period), file.format.toUpper(), tr("%n baris", nullptr, file.rowCount)};
    facts << (file.verified ? tr("diverifikasi %1").arg(file.verifiedBy) : tr("belum diverifikasi"));
    root->addWidget(satuDataLabel(facts.join(QStringLiteral(" · ")), "fileInfo", this));
    root->addWidget(m_banner);

    auto *pick = new QHBoxLayout;
    pick->setSpacing(18);
    auto *boxes = new QVBoxLayout;
    boxes->setSpacing(6);
    boxes->addWidget(satuDataLabel(tr("Kirim ke:"), "resultMeta", this));
    m_boxes = satuDataTargetBoxes(this, boxes);
    pick->addLayout(boxes, 1);
    m_sync = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Sync berkas ini"), this);
    m_sync->setObjectName(QStringLiteral("syncFile"));
    theme::setVariant(m_sync, "primary");
    m_sync->setDefault(true);
    pick->addWidget(m_sync, 0, Qt::AlignBottom);
    root->addLayout(pick);
    m_busyLabel = satuDataLabel(tr("Menyinkronkan… permintaan ke portal sedang berjalan."), "busyLabel", this);
    m_busyLabel->hide();
    root->addWidget(m_busyLabel);
    m_busyBar = satuDataBusyBar(this);
    root->addWidget(m_busyBar);

    // The results scroll when a long SIPD log and a small screen do not leave room for all.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("resultsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results = new QWidget(m_scroll);
    m_results->setObjectName(QStringLiteral("results"));
    m_resultsLayout = new QVBoxLayout(m_results);
    m_resultsLayout->setContentsMargins(0, 4, 0, 0);
    m_resultsLayout->setSpacing(10);
    m_scroll->setWidget(m_results);
    m_scroll->viewport()->setAutoFillBackground(false);
    m_results->setAutoFillBackground(false);
    m_scroll->hide();
    root->addWidget(m_scroll, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *close = buttons->addButton(tr("Tutup"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("close"));
    close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);

    auto update = [this] { m_sync->setEnabled(!m_busy && !m_boxes.targets().isEmpty()); };
    connect(m_boxes.splp, &QCheckBox::toggled, this, update);
    connect(m_boxes.sipd, &QCheckBox::toggled, this, update);
    connect(m_sync, &QPushButton::clicked, this, &SatuDataSyncDialog::startSync);
    if (!file.verified)
        m_banner->showMessage(MessageBanner::Kind::Info, tr("Berkas ini belum diverifikasi admin; hanya berkas terverifikasi yang dapat dikirim."));
}

void SatuDataSyncDialog::startSync()
{
    const QStringList targets = m_boxes.targets();
    if (m_busy || targets.isEmpty())
        return;
    m_busy = true;
    m_banner->clear();
    m_sync->setEnabled(false);
    m_boxes.splp->setEnabled(false);
    m_boxes.sipd->setEnabled(false);
    m_busyBar->show();
    m_busyLabel->show();
    Core *core = &m_core;
    const Actor actor = m_actor;
    const QString id = m_file.id;
    runAsync(this, [core, actor, id, targets] { return core->satuDataSync().syncFile(actor, id, targets); },
             [this](const Result<FileSyncResult> &r) {
                 m_busy = false;
                 m_busyBar->hide();
                 m_busyLabel->hide();
                 m_boxes.splp->setEnabled(true);
                 m_boxes.sipd->setEnabled(true);
                 m_sync->setEnabled(!m_boxes.targets().isEmpty());
                 m_sync->setText(tr("Sync lagi"));
                 if (!r.ok()) {
                     m_banner->showError(r.error());
                     return;
                 }
                 showResult(r.value());
                 emit synced();
             });
}

QWidget *SatuDataSyncDialog::resultCard(const TargetResult &r)
{
    auto *card = new QFrame(m_results);
    card->setObjectName(QStringLiteral("resultCard"));
    const QString t = satuDataResultTone(r);
    card->setProperty("tone", t);
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(14, 10, 14, 12);
    v->setSpacing(5);

    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    auto *icon = plainLabel(card);
    icon->setFixedSize(20, 20);
    icon->setPixmap(satuDataStatusPixmap(t, devicePixelRatioF()));
    head->addWidget(icon);
    head->addWidget(satuDataLabel(satudata::targetLabel(r.target), "targetName", card, false));
    head->addStretch(1);
    auto *status = satuDataLabel(satuDataResultText(r), "resultStatus", card, false);
    status->setProperty("tone", t);
    status->setAccessibleName(r.target + QStringLiteral("Status"));
    m_statusLabels.insert(r.target, status);
    head->addWidget(status);
    v->addLayout(head);

    if (!r.message.isEmpty())
        v->addWidget(satuDataLabel(r.message, "resultMessage", card));
    const QString meta = metaText(r);
    if (!meta.isEmpty()) {
        auto *m = satuDataLabel(meta, "resultMeta", card);
        m->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->addWidget(m);
    }
    if (QLabel *box = failureBox(r, card))
        v->addWidget(box);
    if (r.queued)
        v->addWidget(satuDataLabel(tr("Masuk antrean ulang: dicoba lagi otomatis nanti."), "queuedBox", card));

    // SIPD's per-row log (or SPLP's field errors).
    QList<QJsonObject> rows;
    for (const QJsonValue &e : r.log)
        if (e.isObject())
            rows << e.toObject();
    if (!rows.isEmpty()) {
        QTableWidget *table = rowLogTable(rows, card);
        m_rowLogs.insert(r.target, table);
        v->addWidget(table);
    }
    if (r.status == QLatin1String("conflict")) {
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        auto *b = new QPushButton(tr("Lihat konflik…"), card);
        b->setObjectName(r.target + QStringLiteral("Conflict"));
        b->setAutoDefault(false);
        const QString target = r.target;
        connect(b, &QPushButton::clicked, this, [this, target] { openConflict(target); });
        m_conflictButtons.insert(r.target, b);
        row->addWidget(b);
        v->addLayout(row);
    }
    return card;
}

void SatuDataSyncDialog::showResult(const FileSyncResult &result)
{
    m_result = result;
    m_statusLabels.clear();
    m_conflictButtons.clear();
    m_rowLogs.clear();
    while (QLayoutItem *item = m_resultsLayout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    m_resultsLayout->addWidget(satuDataLabel(tr("Hasil sinkronisasi"), "sectionTitle", m_results));
    for (const TargetResult &r : result.results)
        m_resultsLayout->addWidget(resultCard(r));
    m_resultsLayout->addStretch(1);
    m_scroll->show();
    // As tall as the results need, within the screen (adjustSize() stops at two thirds of it).
    const QMargins m = layout()->contentsMargins();
    const int w = qMax(width(), minimumWidth()) - m.left() - m.right();
    const int need = m_results->hasHeightForWidth() ? m_results->heightForWidth(w) : m_results->sizeHint().height();
    const int wanted = sizeHint().height() - m_scroll->sizeHint().height() + need + 2;
    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    resize(qMax(width(), minimumWidth()), qMin(wanted, avail.height() - 60));
}

QString SatuDataSyncDialog::statusText(const QString &target) const
{
    const QLabel *l = m_statusLabels.value(target);
    return l ? l->text() : QString();
}

QPushButton *SatuDataSyncDialog::conflictButton(const QString &target) const
{
    return m_conflictButtons.value(target);
}

QTableWidget *SatuDataSyncDialog::rowLog(const QString &target) const
{
    return m_rowLogs.value(target);
}

void SatuDataSyncDialog::openConflict(const QString &target)
{
    auto *dialog = new SatuDataConflictDialog(m_core, m_actor, m_file.id, target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        const std::optional<TargetResult> r = dialog->resolved();
        if (!r || !m_result)
            return;
        FileSyncResult updated = *m_result;
        for (TargetResult &t : updated.results)
            if (t.target == target)
                t = *r;
        showResult(updated);
        emit synced();
    });
    dialog->open();
}

} // namespace tu::ui
