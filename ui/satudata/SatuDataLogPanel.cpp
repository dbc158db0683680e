#include "SatuDataLogPanel.h"
#include "common/ViewState.h"
#include "common/Async.h"
#include "common/MessageBanner.h"
#include "common/PageParts.h"
#include "common/Pager.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace tu::ui {

using LogList = std::decay_t<decltype(std::declval<SatuDataSync &>().logs(std::declval<const PushLogFilter &>(), nullptr).value())>;

// What reload() reads on a worker thread.
struct LogState {
    LogList logs;
    qint64 total = 0;
    QList<RetryItem> retry;
    QString error;
};

namespace {

// The detail pane's fields, kept on the row's first cell.
enum Role { IdRole = Qt::UserRole, AnswerRole, DetailRole };

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("ok"))
        return SatuDataLogPanel::tr("Berhasil");
    if (status == QLatin1String("unchanged"))
        return SatuDataLogPanel::tr("Tidak berubah");
    if (status == QLatin1String("failed"))
        return SatuDataLogPanel::tr("Gagal");
    if (status == QLatin1String("conflict"))
        return SatuDataLogPanel::tr("Konflik");
    if (status == QLatin1String("skipped"))
        return SatuDataLogPanel::tr("Dilewati");
    return status;
}

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("ok"))
        return theme::Success;
    if (status == QLatin1String("failed"))
        return theme::Danger;
    if (status == QLatin1String("conflict"))
        return theme::Warning;
    return theme::TextMuted;
}

QString targetShort(const QString &target)
{
    return target == satudata::Splp ? QStringLiteral("SPLP") : target == satudata::Sipd ? QStringLiteral("SIPD") : target;
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    return i;
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return SatuDataLogPanel::tr("%1 ms").arg(ms);
    return SatuDataLogPanel::tr("%1 dtk").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

template<typename Entry>
QList<QStandardItem *> logRow(const Entry &e, const SchoolTime &school)
{
    QList<QStandardItem *> row;
    auto *at = item(school.format(e.at, SchoolTime::Short));
    at->setData(e.id, IdRole);
    at->setData(e.answer, AnswerRole);
    at->setData(QStringList{e.fileTitle, satudata::targetLabel(e.target), statusLabel(e.status), school.format(e.at, SchoolTime::Long),
                            e.actor, QString::number(e.attempt), e.message},
                DetailRole);
    at->setToolTip(plainToolTip(school.format(e.at, SchoolTime::Long)));
    row << at;
    auto *file = item(e.fileTitle);
    file->setToolTip(plainToolTip(e.fileTitle));
    row << file << item(targetShort(e.target));
    auto *status = item(statusLabel(e.status));
    status->setForeground(statusColor(e.status));
    QFont bold;
    bold.setBold(true);
    status->setFont(bold);
    row << status;
    row << item(e.failureClass.isEmpty() ? QStringLiteral("—") : satudata::failureLabel(e.failureClass));
    auto *dur = item(duration(e.durationMs));
    dur->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row << dur;
    auto *msg = item(e.message);
    msg->setToolTip(plainToolTip(e.message));
    row << msg;
    return row;
}

} // namespace

SatuDataLogPanel::SatuDataLogPanel(Core &core, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_core(core), m_banner(banner)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 12, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("logSplit"));
    rememberWhenNamed(split);
    split->setChildrenCollapsible(false);
    split->setHandleWidth(12);
    split->addWidget(buildLogCard(split));
    auto *bottom = new QWidget(split);
    auto *row = new QHBoxLayout(bottom);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(14);
    row->addWidget(buildDetailCard(bottom), 1);
    row->addWidget(buildRetryCard(bottom), 1);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    v->addWidget(split, 1);

    auto refilter = [this] { m_pager->reset(); reload(); };
    connect(m_target, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_pager, &Pager::pageChanged, this, &SatuDataLogPanel::reload);
    connect(m_logTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SatuDataLogPanel::showDetail);
}

qint64 SatuDataLogPanel::total() const
{
    return m_pager->total();
}

QWidget *SatuDataLogPanel::buildLogCard(QWidget *parent)
{
    const Card card = makeCard(parent);
    m_target = new QComboBox(card.frame);
    m_target->setObjectName(QStringLiteral("logTarget"));
    m_target->setToolTip(tr("Tujuan"));
    m_target->setAccessibleName(tr("Tujuan"));
    m_target->addItem(tr("Semua tujuan"), QString());
    m_target->addItem(QStringLiteral("SPLP"), satudata::Splp);
    m_target->addItem(QStringLiteral("SIPD"), satudata::Sipd);
    m_status = new QComboBox(card.frame);
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->setToolTip(tr("Status"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Semua status"), QString());
    for (const char *s : {"ok", "unchanged", "failed", "conflict"})
        m_status->addItem(statusLabel(QLatin1String(s)), QLatin1String(s));
    card.toolbar->addWidget(m_target);
    card.toolbar->addWidget(m_status);
    card.toolbar->addStretch(1);
    m_pager = new Pager(PageSize, card.frame);
    m_pager->layout()->setContentsMargins(0, 0, 0, 0);
    m_pager->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred); // right-aligned after the filters
    m_pager->previousButton()->setObjectName(QStringLiteral("prevLogPage"));
    m_pager->nextButton()->setObjectName(QStringLiteral("nextLogPage"));
    card.toolbar->addWidget(m_pager);
    m_logModel = new QStandardItemModel(0, 7, this);
    m_logModel->setHorizontalHeaderLabels({tr("Waktu"), tr("Berkas"), tr("Tujuan"), tr("Status"), tr("Kelas gagal"), tr("Durasi"), tr("Pesan")});
    m_logTable = dataTable(m_logModel, card.frame, 34);
    m_logTable->setObjectName(QStringLiteral("logTable"));
    m_logTable->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_logTable->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(6, QHeaderView::Stretch);
    const int widths[] = {120, 230, 76, 104, 126, 76};
    for (int c = 0; c < 6; ++c)
        m_logTable->setColumnWidth(c, widths[c]);
    card.layout->addWidget(m_logTable, 1);
    return card.frame;
}

QWidget *SatuDataLogPanel::buildDetailCard(QWidget *parent)
{
    auto *detail = new QFrame(parent);
    detail->setObjectName(QStringLiteral("card"));
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(16, 12, 16, 14);
    dl->setSpacing(6);
    m_detailTitle = plainLabel(tr("Jawaban portal"), detail);
    m_detailTitle->setObjectName(QStringLiteral("sectionTitle"));
    dl->addWidget(m_detailTitle);
    m_detail = new QPlainTextEdit(detail);
    m_detail->setObjectName(QStringLiteral("logDetail"));
    m_detail->setAccessibleName(tr("Jawaban portal"));
    m_detail->setReadOnly(true);
    m_detail->setTabChangesFocus(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Pilih baris log untuk melihat jawaban lengkap dari portal."));
    dl->addWidget(m_detail, 1);
    return detail;
}

QWidget *SatuDataLogPanel::buildRetryCard(QWidget *parent)
{
    auto *retry = new QFrame(parent);
    retry->setObjectName(QStringLiteral("card"));
    auto *rl = new QVBoxLayout(retry);
    rl->setContentsMargins(1, 12, 1, 1);
    rl->setSpacing(6);
    auto *rt = new QHBoxLayout;
    rt->setContentsMargins(15, 0, 15, 0);
    auto *retryTitle = plainLabel(tr("Antrean coba ulang"), retry);
    retryTitle->setObjectName(QStringLiteral("sectionTitle"));
    rt->addWidget(retryTitle);
    rt->addStretch(1);
    m_retryCount = plainLabel(retry);
    m_retryCount->setObjectName(QStringLiteral("countLabel"));
    rt->addWidget(m_retryCount);
    rl->addLayout(rt);
    m_retryModel = new QStandardItemModel(0, 4, this);
    m_retryModel->setHorizontalHeaderLabels({tr("Berkas"), tr("Tujuan"), tr("Percobaan"), tr("Berikutnya")});
    m_retryTable = dataTable(m_retryModel, retry, 32);
    m_retryTable->setObjectName(QStringLiteral("retryTable"));
    m_retryTable->setTextElideMode(Qt::ElideRight);
    m_retryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_retryTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    rl->addWidget(m_retryTable, 1);
    m_retryEmpty = plainLabel(tr("Tidak ada yang menunggu dicoba ulang. Kegagalan sementara (jaringan, batas permintaan, "
                                 "server portal) muncul di sini sampai berhasil dikirim."),
                              retry);
    m_retryEmpty->setObjectName(QStringLiteral("hint"));
    m_retryEmpty->setWordWrap(true);
    m_retryEmpty->setAlignment(Qt::AlignCenter);
    m_retryEmpty->setContentsMargins(24, 0, 24, 0);
    rl->addWidget(m_retryEmpty, 1);
    return retry;
}

void SatuDataLogPanel::reload()
{
    ++m_loading;
    const quint64 generation = ++m_generation;
    PushLogFilter f;
    f.target = m_target->currentData().toString();
    f.status = m_status->currentData().toString();
    f.page = m_pager->page();
    f.limit = PageSize;
    Core *core = &m_core;
    runAsync(this, [core, f] {
        LogState s;
        auto logs = core->satuDataSync().logs(f, &s.total);
        if (logs.ok())
            s.logs = logs.value();
        else
            s.error = logs.error().text();
        auto retry = core->satuDataSync().retryQueue();
        if (retry.ok())
            s.retry = retry.value();
        else if (s.error.isEmpty())
            s.error = retry.error().text();
        return s;
    }, [this, generation](const LogState &s) {
        --m_loading;
        if (generation != m_generation)
            return; // a newer filter or page is on its way
        if (!s.error.isEmpty())
            m_banner->showError(s.error);
        showLogs(s);
        showRetry(s);
    });
}

void SatuDataLogPanel::showLogs(const LogState &s)
{
    const SchoolTime school = SchoolTime::of(m_core);
    const auto selectedRows = m_logTable->selectionModel()->selectedRows();
    const QString keep = selectedRows.isEmpty() ? QString() : selectedRows.first().data(IdRole).toString();
    m_logModel->removeRows(0, m_logModel->rowCount());
    for (const auto &e : s.logs)
        m_logModel->appendRow(logRow(e, school));
    for (int i = 0; i < m_logModel->rowCount(); ++i)
        if (!keep.isEmpty() && m_logModel->item(i, 0)->data(IdRole).toString() == keep)
            m_logTable->selectRow(i);
    m_pager->showResult(s.total, m_logModel->rowCount(), tr("Belum ada catatan."));
    showDetail();
}

void SatuDataLogPanel::showRetry(const LogState &s)
{
    const SchoolTime school = SchoolTime::of(m_core);
    m_retryModel->removeRows(0, m_retryModel->rowCount());
    for (const RetryItem &r : s.retry) {
        QList<QStandardItem *> row;
        row << item(r.fileTitle) << item(targetShort(r.target));
        row << item(tr("%1 dari %2").arg(r.attempts).arg(SatuDataSync::MaxRetryAttempts));
        row << item(school.format(r.nextAt, SchoolTime::Short));
        QString err = r.lastError;
        if (!r.failureClass.isEmpty())
            err = QStringLiteral("%1: %2").arg(satudata::failureLabel(r.failureClass), r.lastError);
        for (QStandardItem *i : row)
            i->setToolTip(plainToolTip(tr("%1\nGalat terakhir: %2").arg(r.fileTitle, err)));
        m_retryModel->appendRow(row);
    }
    m_retryTable->setVisible(!s.retry.isEmpty());
    m_retryEmpty->setVisible(s.retry.isEmpty());
    m_retryCount->setText(s.retry.isEmpty() ? tr("Kosong") : tr("%n menunggu", nullptr, int(s.retry.size())));
}

void SatuDataLogPanel::showDetail()
{
    const auto rows = m_logTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detailTitle->setText(tr("Jawaban portal"));
        m_detail->clear();
        return;
    }
    const QModelIndex first = m_logModel->index(rows.first().row(), 0);
    const QStringList f = first.data(DetailRole).toStringList();
    const QString answer = first.data(AnswerRole).toString();
    if (f.size() < 7)
        return;
    m_detailTitle->setText(QStringLiteral("%1 · %2").arg(f[0], f[1]));
    QString text = tr("%1, %2, percobaan ke-%3 oleh %4").arg(f[2], f[3], f[5], f[4].isEmpty() ? tr("sistem") : f[4]);
    if (!f[6].isEmpty())
        text += QStringLiteral("\n") + f[6];
    QString pretty = answer;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.toUtf8());
    if (!doc.isNull())
        pretty = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    text += QStringLiteral("\n\n") + (pretty.isEmpty() ? tr("(tidak ada jawaban dari portal)") : pretty);
    m_detail->setPlainText(text);
}

} // namespace tu::ui
