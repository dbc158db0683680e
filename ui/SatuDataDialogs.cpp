#include "SatuDataDialogs.h"
#include "Async.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PlainText.h"
#include "SatuDataFileModel.h"
#include "Theme.h"
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

const char *DialogStyle = R"css(
QFrame#resultCard { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px; }
QFrame#resultCard[tone="ok"] { border-left: 4px solid #16a34a; }
QFrame#resultCard[tone="warn"] { border-left: 4px solid #d97706; }
QFrame#resultCard[tone="error"] { border-left: 4px solid #dc2626; }
QFrame#resultCard[tone="muted"] { border-left: 4px solid #94a3b8; }
QLabel#targetName { color: #0f172a; font-size: 14px; font-weight: 700; }
QLabel#resultStatus { font-size: 13px; font-weight: 700; }
QLabel#resultStatus[tone="ok"] { color: #15803d; }
QLabel#resultStatus[tone="warn"] { color: #b45309; }
QLabel#resultStatus[tone="error"] { color: #b91c1c; }
QLabel#resultStatus[tone="muted"] { color: #475569; }
QLabel#resultMessage { color: #334155; font-size: 13px; }
QLabel#resultMeta { color: #64748b; font-size: 12px; }
QLabel#failureBox { background: #fef2f2; color: #7f1d1d; border: 1px solid #fecaca; border-radius: 6px; padding: 7px 9px; font-size: 12px; }
QLabel#queuedBox { background: #fffbeb; color: #92400e; border: 1px solid #fde68a; border-radius: 6px; padding: 6px 9px; font-size: 12px; }
QWidget#results { background: transparent; }
QLabel#fileInfo { color: #475569; font-size: 12px; }
QTableWidget#rowLog { border: 1px solid #e2e8f0; border-radius: 6px; font-size: 12px; }
QTableWidget#rowLog QHeaderView::section { padding: 5px 8px; font-size: 11px; }
QTableWidget#rowLog::item { padding: 0 6px; }
QProgressBar#busyBar { background: #e2e8f0; border: none; border-radius: 3px; max-height: 6px; min-height: 6px; }
QProgressBar#busyBar::chunk { background: #2563eb; border-radius: 3px; }
QLabel#busyLabel { color: #1d4ed8; font-size: 12px; }
QTableWidget#conflictTable { border: 1px solid #e2e8f0; border-radius: 6px; }
)css";

QString tone(const TargetResult &r)
{
    if (r.status == QLatin1String("ok") || r.status == QLatin1String("unchanged"))
        return r.rowsError > 0 ? QStringLiteral("warn") : QStringLiteral("ok");
    if (r.status == QLatin1String("conflict"))
        return QStringLiteral("warn");
    if (r.status == QLatin1String("skipped"))
        return QStringLiteral("muted");
    return r.rowsOk > 0 ? QStringLiteral("warn") : QStringLiteral("error"); // SIPD kept part of the rows
}

QPixmap statusPixmap(const QString &tone, qreal dpr)
{
    if (tone == QLatin1String("ok"))
        return icons::pixmap(QStringLiteral("check"), theme::Success, 20, dpr);
    if (tone == QLatin1String("warn"))
        return icons::pixmap(QStringLiteral("alert"), QColor(0xd9, 0x77, 0x06), 20, dpr);
    if (tone == QLatin1String("muted"))
        return icons::pixmap(QStringLiteral("alert"), theme::TextMuted, 20, dpr);
    return icons::pixmap(QStringLiteral("alert"), theme::Danger, 20, dpr);
}

QProgressBar *busyBar(QWidget *parent)
{
    auto *b = new QProgressBar(parent);
    b->setObjectName(QStringLiteral("busyBar"));
    b->setRange(0, 0);
    b->setTextVisible(false);
    b->hide();
    return b;
}

TargetBoxes targetBoxes(QWidget *parent, QVBoxLayout *into)
{
    TargetBoxes b;
    b.splp = new QCheckBox(satudata::targetLabel(satudata::Splp), parent);
    b.splp->setObjectName(QStringLiteral("targetSplp"));
    b.splp->setChecked(true);
    b.sipd = new QCheckBox(satudata::targetLabel(satudata::Sipd), parent);
    b.sipd->setObjectName(QStringLiteral("targetSipd"));
    b.sipd->setChecked(true);
    into->addWidget(b.splp);
    into->addWidget(b.sipd);
    return b;
}

QLabel *label(const QString &text, const char *name, QWidget *parent, bool wrap = true)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(wrap);
    return l;
}

// Text of a JSON value for the conflict table: tags as "a, b", objects compact.
QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("ya") : QStringLiteral("tidak");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << (e.isObject() && e.toObject().contains(QLatin1String("name")) ? e.toObject().value(QLatin1String("name")).toString()
                                                                                  : jsonText(e));
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}

} // namespace

QStringList TargetBoxes::targets() const
{
    QStringList t;
    if (splp && splp->isChecked())
        t << satudata::Splp;
    if (sipd && sipd->isChecked())
        t << satudata::Sipd;
    return t;
}

QString satuDataResultText(const TargetResult &r)
{
    if (r.status == QLatin1String("ok"))
        return r.rowsError > 0 ? SatuDataSyncDialog::tr("Sebagian diterima") : SatuDataSyncDialog::tr("Berhasil");
    if (r.status == QLatin1String("unchanged"))
        return SatuDataSyncDialog::tr("Tidak berubah");
    if (r.status == QLatin1String("conflict"))
        return SatuDataSyncDialog::tr("Konflik");
    if (r.status == QLatin1String("skipped"))
        return SatuDataSyncDialog::tr("Dilewati");
    if (r.status == QLatin1String("failed"))
        return r.rowsOk > 0 ? SatuDataSyncDialog::tr("Sebagian diterima") : SatuDataSyncDialog::tr("Gagal");
    return r.status;
}

// --- Metadata ---------------------------------------------------------------------------------

SatuDataMetaDialog::SatuDataMetaDialog(Core &core, const Actor &actor, const QString &path, const std::optional<DataFile> &file, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_path(path), m_file(file), m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setObjectName(QStringLiteral("satuDataMetaDialog"));
    setStyleSheet(QString::fromUtf8(DialogStyle));
    const bool upload = !path.isEmpty();
    setWindowTitle(upload ? tr("Unggah berkas data") : tr("Ubah keterangan berkas"));
    setMinimumWidth(560);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(12);
    root->addWidget(label(upload ? tr("Unggah berkas data") : tr("Ubah keterangan berkas"), "sectionTitle", this));
    QString info;
    if (upload) {
        const QFileInfo fi(path);
        info = tr("Berkas: %1 (%2)").arg(fi.fileName(), QLocale().formattedDataSize(fi.size()));
    } else if (file) {
        info = tr("Berkas: %1 · %2 baris").arg(file->originalName, QLocale().toString(file->rowCount));
    }
    auto *fileLabel = label(info, "fileInfo", this);
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
    root->addWidget(label(tr("Kode indikator dan kode pemda diperlukan untuk SIPD e-walidata. Berkas baru atau yang diubah "
                             "perlu diverifikasi admin sebelum dapat dikirim."), "hint", this));
    m_busyBar = busyBar(this);
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

// --- Sync one file ----------------------------------------------------------------------------

SatuDataSyncDialog::SatuDataSyncDialog(Core &core, const Actor &actor, const DataFile &file, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_file(file), m_banner(new MessageBanner(this, false))
{
    setObjectName(QStringLiteral("satuDataSyncDialog"));
    setStyleSheet(QString::fromUtf8(DialogStyle));
    setWindowTitle(tr("Sync berkas"));
    setMinimumWidth(640);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    auto *title = label(file.title, "sectionTitle", this);
    root->addWidget(title);
    QStringList facts{tr("Periode %1").arg(file.period), file.format.toUpper(), tr("%n baris", nullptr, file.rowCount)};
    facts << (file.verified ? tr("diverifikasi %1").arg(file.verifiedBy) : tr("belum diverifikasi"));
    root->addWidget(label(facts.join(QStringLiteral(" · ")), "fileInfo", this));
    root->addWidget(m_banner);

    auto *pick = new QHBoxLayout;
    pick->setSpacing(18);
    auto *boxes = new QVBoxLayout;
    boxes->setSpacing(6);
    boxes->addWidget(label(tr("Kirim ke:"), "resultMeta", this));
    m_boxes = targetBoxes(this, boxes);
    pick->addLayout(boxes, 1);
    m_sync = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Sync berkas ini"), this);
    m_sync->setObjectName(QStringLiteral("syncFile"));
    theme::setVariant(m_sync, "primary");
    m_sync->setDefault(true);
    pick->addWidget(m_sync, 0, Qt::AlignBottom);
    root->addLayout(pick);
    m_busyLabel = label(tr("Menyinkronkan… permintaan ke portal sedang berjalan."), "busyLabel", this);
    m_busyLabel->hide();
    root->addWidget(m_busyLabel);
    m_busyBar = busyBar(this);
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
                     m_banner->showError(r.error().message);
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
    const QString t = tone(r);
    card->setProperty("tone", t);
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(14, 10, 14, 12);
    v->setSpacing(5);

    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    auto *icon = plainLabel(card);
    icon->setFixedSize(20, 20);
    icon->setPixmap(statusPixmap(t, devicePixelRatioF()));
    head->addWidget(icon);
    head->addWidget(label(satudata::targetLabel(r.target), "targetName", card, false));
    head->addStretch(1);
    auto *status = label(satuDataResultText(r), "resultStatus", card, false);
    status->setProperty("tone", t);
    status->setAccessibleName(r.target + QStringLiteral("Status"));
    m_statusLabels.insert(r.target, status);
    head->addWidget(status);
    v->addLayout(head);

    if (!r.message.isEmpty())
        v->addWidget(label(r.message, "resultMessage", card));
    QStringList meta;
    if (!r.remoteId.isEmpty())
        meta << tr("ID portal: %1").arg(r.remoteId);
    if (r.rowsOk > 0 || r.rowsError > 0)
        meta << tr("%1 baris diterima, %2 ditolak").arg(QLocale().toString(r.rowsOk), QLocale().toString(r.rowsError));
    if (r.durationMs >= 1000)
        meta << tr("%1 detik").arg(QLocale().toString(r.durationMs / 1000.0, 'f', 1));
    else if (r.durationMs > 0)
        meta << tr("%1 ms").arg(r.durationMs);
    if (!meta.isEmpty()) {
        auto *m = label(meta.join(QStringLiteral("  ·  ")), "resultMeta", card);
        m->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->addWidget(m);
    }
    if (!r.failureClass.isEmpty() || (!r.hint.isEmpty() && r.status != QLatin1String("ok"))) {
        QString text;
        if (!r.failureClass.isEmpty())
            text = QStringLiteral("<b>%1</b>").arg(tr("Kelas kegagalan: %1").arg(satudata::failureLabel(r.failureClass)).toHtmlEscaped());
        const QString hint = !r.hint.isEmpty() ? r.hint : satudata::failureHint(r.failureClass);
        if (!hint.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("<br>")) + hint.toHtmlEscaped();
        // Amber when part went through or nothing is broken (a conflict), red when nothing arrived.
        const bool partly = r.status == QLatin1String("conflict") || r.rowsOk > 0;
        auto *box = label(QString(), partly ? "queuedBox" : "failureBox", card);
        markRichText(box);
        box->setText(text);
        v->addWidget(box);
    }
    if (r.queued)
        v->addWidget(label(tr("Masuk antrean ulang: dicoba lagi otomatis nanti."), "queuedBox", card));

    // SIPD's per-row log (or SPLP's field errors).
    QList<QJsonObject> rows;
    for (const QJsonValue &e : r.log)
        if (e.isObject())
            rows << e.toObject();
    if (!rows.isEmpty()) {
        auto *table = new QTableWidget(int(rows.size()), 3, card);
        table->setObjectName(QStringLiteral("rowLog"));
        table->setHorizontalHeaderLabels({tr("Baris"), tr("Status"), tr("Pesan")});
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
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
            QString rowText = rowValue.isDouble() ? QString::number(rowValue.toInt() + 1) : jsonText(rowValue);
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
    m_resultsLayout->addWidget(label(tr("Hasil sinkronisasi"), "sectionTitle", m_results));
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

// --- Conflict ---------------------------------------------------------------------------------

SatuDataConflictDialog::SatuDataConflictDialog(Core &core, const Actor &actor, const QString &fileId, const QString &target, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_fileId(fileId), m_target(target), m_banner(new MessageBanner(this, false))
{
    setObjectName(QStringLiteral("satuDataConflictDialog"));
    setStyleSheet(QString::fromUtf8(DialogStyle));
    setWindowTitle(tr("Konflik data"));
    setMinimumSize(720, 490);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    root->addWidget(label(tr("Konflik dengan %1").arg(satudata::targetLabel(target)), "sectionTitle", this));
    root->addWidget(label(tr("Dataset di portal diubah orang lain sejak kiriman terakhir kita, dan berkas di sini juga berubah. "
                             "Pilih versi yang dipakai; bagian yang berbeda ditandai."), "resultMessage", this));
    m_detected = label(QString(), "resultMeta", this);
    root->addWidget(m_detected);
    root->addWidget(m_banner);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setHorizontalHeaderLabels({tr("Bagian"), tr("Versi lokal (TataUsaha)"), tr("Versi portal")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    root->addWidget(m_table, 1);
    m_busyBar = busyBar(this);
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
            m_banner->showError(r.error().message);
            return;
        }
        showConflict(r.value());
        m_local->setEnabled(true);
        m_remote->setEnabled(true);
    });
}

void SatuDataConflictDialog::showConflict(const SyncConflict &c)
{
    const QTimeZone zone = m_core.settings().schoolZone();
    const QDateTime at = QDateTime::fromString(c.detectedAt, Qt::ISODateWithMs);
    m_detected->setText(at.isValid() ? tr("Ditemukan %1").arg(QLocale().toString(at.toTimeZone(zone), QStringLiteral("d MMM yyyy, HH:mm"))) : QString());
    auto when = [&zone](const QJsonValue &v) {
        QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (t.isValid() && t.timeSpec() == Qt::LocalTime && !v.toString().endsWith(QLatin1Char('Z')) && !v.toString().contains(QLatin1Char('+')))
            t.setTimeZone(QTimeZone::utc()); // CKAN writes UTC without a zone
        return t.isValid() ? QLocale().toString(t.toTimeZone(zone), QStringLiteral("d MMM yyyy, HH:mm")) : v.toString();
    };
    struct Pair { QString caption; QString local, remote; bool compare; };
    const QList<Pair> pairs{
        {tr("Judul"), jsonText(c.local.value(QLatin1String("title"))), jsonText(c.remote.value(QLatin1String("title"))), true},
        {tr("Deskripsi"), jsonText(c.local.value(QLatin1String("description"))), jsonText(c.remote.value(QLatin1String("notes"))), true},
        {tr("Tag"), jsonText(c.local.value(QLatin1String("tags"))), jsonText(c.remote.value(QLatin1String("tags"))), true},
        {tr("Periode"), jsonText(c.local.value(QLatin1String("period"))), QString(), false},
        {tr("Jumlah baris"), jsonText(c.local.value(QLatin1String("rowCount"))), jsonText(c.remote.value(QLatin1String("records"))), false},
        {tr("Terakhir diubah"), when(c.local.value(QLatin1String("updatedAt"))), when(c.remote.value(QLatin1String("metadata_modified"))), false},
    };
    const QColor changed(0x92, 0x40, 0x0e);
    const QIcon mark = icons::icon(QStringLiteral("alert"), QColor(0xd9, 0x77, 0x06));
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
                i->setBackground(QColor(0xfe, 0xf9, 0xc3));
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
                     m_banner->showError(r.error().message);
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

// --- Targets of a bulk run --------------------------------------------------------------------

SatuDataTargetsDialog::SatuDataTargetsDialog(int verified, int total, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("satuDataTargetsDialog"));
    setWindowTitle(tr("Sync semua berkas"));
    setMinimumWidth(440);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    root->addWidget(label(tr("Sync semua berkas"), "sectionTitle", this));
    root->addWidget(label(tr("%1 dari %2 berkas terverifikasi akan dikirim; yang belum diverifikasi dilewati. Berkas yang "
                             "isinya tidak berubah sejak kiriman terakhir tidak dikirim ulang.").arg(verified).arg(total),
                          "hint", this));
    auto *boxes = new QVBoxLayout;
    boxes->setSpacing(6);
    m_boxes = targetBoxes(this, boxes);
    root->addLayout(boxes);
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Sync semua berkas"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startAll"));
    theme::setVariant(m_start, "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this] { m_start->setEnabled(!m_boxes.targets().isEmpty()); };
    connect(m_boxes.splp, &QCheckBox::toggled, this, update);
    connect(m_boxes.sipd, &QCheckBox::toggled, this, update);
    root->addWidget(buttons);
    m_start->setDefault(true);
}

} // namespace tu::ui
