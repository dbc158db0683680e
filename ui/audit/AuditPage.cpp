#include "AuditPage.h"
#include "common/ViewState.h"
#include "audit/AuditTableModel.h"
#include "common/Pager.h"
#include "common/Async.h"
#include "common/LiveList.h"
#include "common/SchoolTime.h"
#include "content/ContentText.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

namespace tu::ui {

AuditPage::AuditPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new AuditTableModel(this))
{
    setObjectName(QStringLiteral("auditPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);
    auto *header = new PageHeader(tr("Log Audit"), tr("Setiap perubahan oleh pengguna yang masuk: siapa, kapan, apa, dan isinya sebelum serta sesudahnya."), this);
    m_refresh = reloadButton(tr("Muat ulang log dan daftar pengguna (F5)"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAudit"));
    header->addAction(m_refresh);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("auditSplit"));
    rememberWhenNamed(split);
    split->setChildrenCollapsible(false);
    split->setHandleWidth(14);

    const Card cardParts = makeCard(split);
    QFrame *card = cardParts.frame;
    QHBoxLayout *toolbar = cardParts.toolbar;
    m_user = new QComboBox(card);
    m_user->setObjectName(QStringLiteral("userFilter"));
    m_user->setMinimumWidth(200);
    m_user->setToolTip(tr("Pengguna"));
    toolbar->addWidget(m_user);
    m_area = new QComboBox(card);
    m_area->setObjectName(QStringLiteral("areaFilter"));
    m_area->setToolTip(tr("Area"));
    m_area->addItem(tr("Semua area"), QString());
    for (const QString &a : AuditLog::areas())
        m_area->addItem(auditAreaText(a), a);
    toolbar->addWidget(m_area);
    toolbar->addSpacing(8);
    m_range = new QCheckBox(tr("Tanggal"), card);
    m_range->setObjectName(QStringLiteral("dateRange"));
    m_range->setToolTip(tr("Batasi pada rentang tanggal (zona waktu sekolah)"));
    toolbar->addWidget(m_range);
    const QDate today = SchoolTime::of(core).today();
    auto dateEdit = [card](const QString &name, const QDate &d) {
        auto *e = new QDateEdit(d, card);
        e->setObjectName(name);
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        e->setEnabled(false);
        e->setMinimumWidth(124);
        return e;
    };
    m_from = dateEdit(QStringLiteral("fromDate"), today.addDays(-30));
    m_to = dateEdit(QStringLiteral("toDate"), today);
    toolbar->addWidget(m_from);
    auto *dash = plainLabel(QStringLiteral("–"), card);
    toolbar->addWidget(dash);
    toolbar->addWidget(m_to);
    toolbar->addStretch(1);

    Core *c = &m_core;
    m_live = new LiveList(this, [c] { return changes::auditLog(*c); }, [this] { reload(); });
    cardParts.layout->addWidget(m_live->busyBar());
    m_table = dataTable(m_model, card, 36);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(AuditTableModel::Target, QHeaderView::Stretch);
    m_table->setColumnWidth(AuditTableModel::Time, 190);
    m_table->setColumnWidth(AuditTableModel::User, 170);
    m_table->setColumnWidth(AuditTableModel::Area, 170);
    m_table->setColumnWidth(AuditTableModel::Action, 150);
    cardParts.layout->addWidget(m_table, 1);
    m_pager = new Pager(PageSize, card);
    cardParts.layout->addWidget(m_pager);
    split->addWidget(card);

    // Detail: before and after side by side.
    auto *detail = new QFrame(split);
    detail->setObjectName(QStringLiteral("card"));
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(18, 12, 18, 14);
    dl->setSpacing(8);
    m_detailTitle = plainLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("sectionTitle"));
    dl->addWidget(m_detailTitle);
    m_changed = plainLabel(detail);
    m_changed->setObjectName(QStringLiteral("hint"));
    m_changed->setWordWrap(true);
    dl->addWidget(m_changed);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(14);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto jsonView = [&](const QString &title, const QString &name) {
        auto *box = new QVBoxLayout;
        box->setSpacing(4);
        auto *l = plainLabel(title, detail);
        l->setProperty("look", QStringLiteral("jsonTitle"));
        box->addWidget(l);
        auto *e = new QPlainTextEdit(detail);
        e->setObjectName(name);
        e->setAccessibleName(title);
        e->setReadOnly(true);
        e->setFont(mono);
        e->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        e->setTabChangesFocus(true);
        e->setProperty("look", QStringLiteral("jsonView"));
        box->addWidget(e, 1);
        columns->addLayout(box, 1);
        return e;
    };
    m_before = jsonView(tr("Sebelum"), QStringLiteral("beforeJson"));
    m_after = jsonView(tr("Sesudah"), QStringLiteral("afterJson"));
    dl->addLayout(columns, 1);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    page->addWidget(split, 1);

    auto refilter = [this] { m_pager->reset(); reload(); };
    connect(m_user, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_area, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_range, &QCheckBox::toggled, this, [this, refilter](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        refilter();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this, refilter] { if (m_range->isChecked()) refilter(); });
    connect(m_to, &QDateEdit::dateChanged, this, [this, refilter] { if (m_range->isChecked()) refilter(); });
    connect(m_pager, &Pager::pageChanged, this, &AuditPage::reload);
    connect(m_refresh, &QPushButton::clicked, this, [this] { reloadUsers(); reload(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::showDetail);
    reloadUsers();
    reload();
}

void AuditPage::reloadUsers()
{
    Core *core = &m_core;
    const Actor actor = m_actor;
    const quint64 generation = ++m_usersGeneration;
    runAsync(this, [core, actor] { return core->users().list(actor); }, [this, generation](const Result<QList<User>> &users) {
        if (generation != m_usersGeneration)
            return; // a newer read is on its way
        if (!users.ok()) {
            m_banner->showError(users.error());
            return;
        }
        const QString keep = m_user->currentData().toString();
        QSignalBlocker block(m_user);
        m_user->clear();
        m_user->addItem(tr("Semua pengguna"), QString());
        for (const User &u : users.value())
            m_user->addItem(QStringLiteral("%1 (%2)").arg(u.name, u.username), u.id);
        const int i = m_user->findData(keep);
        m_user->setCurrentIndex(i >= 0 ? i : 0);
    });
}

int AuditPage::currentPage() const
{
    return m_pager->page();
}

namespace {
struct AuditRead {
    Result<tu::AuditPage> page; // the service's page of entries, not this widget
    QTimeZone zone;
};
} // namespace

void AuditPage::reload()
{
    AuditFilter f;
    f.userId = m_user->currentData().toString();
    f.area = m_area->currentData().toString();
    if (m_range->isChecked()) {
        f.from = m_from->date().toString(Qt::ISODate);
        f.to = m_to->date().toString(Qt::ISODate);
    }
    f.page.page = m_pager->page();
    f.page.limit = PageSize;
    Core *core = &m_core;
    m_live->load([core, f]() mutable {
        f.zone = core->settings().schoolZone(); // dates are days of the school's calendar
        return AuditRead{core->audit().query(f), f.zone};
    }, [this](const AuditRead &read) {
        m_model->setTimeZone(read.zone);
        const auto &r = read.page;
        qint64 total = 0;
        if (!r.ok()) {
            m_banner->showError(r.error());
            m_model->setEntries({});
        } else {
            m_banner->clear();
            if (m_pager->movedPastEnd(r->total, int(r->items.size()))) {
                reload();
                return;
            }
            m_model->setEntries(r->items); // matched by id: the selection stays on its entry
            total = r->total;
        }
        m_pager->showResult(total, m_model->rowCount(), tr("Tidak ada catatan untuk filter ini."));
        showDetail();
    });
}

namespace {
QString pretty(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}
} // namespace

void AuditPage::showDetail()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const AuditEntry *e = rows.isEmpty() ? nullptr : m_model->entryAt(rows.first().row());
    const QString id = e ? e->id : QString();
    if (m_detailShown && id == m_detailId)
        return; // the same entry (entries never change): its views keep their scroll
    m_detailShown = true;
    m_detailId = id;
    if (!e) {
        m_detailTitle->setText(tr("Rincian"));
        m_changed->setText(tr("Pilih catatan untuk melihat isinya sebelum dan sesudah perubahan."));
        m_before->clear();
        m_after->clear();
        m_before->setPlaceholderText(QString());
        m_after->setPlaceholderText(QString());
        return;
    }
    QString title = QStringLiteral("%1 · %2").arg(auditActionText(e->action), auditEntityText(e->entity));
    if (!e->entityId.isEmpty())
        title += QStringLiteral(" · ") + e->entityId;
    m_detailTitle->setText(title);
    QStringList changed;
    if (!e->before.isEmpty() && !e->after.isEmpty()) {
        QSet<QString> keys;
        for (auto it = e->before.begin(); it != e->before.end(); ++it)
            keys.insert(it.key());
        for (auto it = e->after.begin(); it != e->after.end(); ++it)
            keys.insert(it.key());
        for (const QString &k : keys)
            if (e->before.value(k) != e->after.value(k) && k != QLatin1String("updatedAt") && k != QLatin1String("updated_at"))
                changed << k;
        changed.sort();
    }
    QString who = e->username.isEmpty() ? tr("sistem") : e->username;
    if (!e->ip.isEmpty())
        who += tr(" dari %1").arg(e->ip);
    QString line = tr("Oleh %1.").arg(who);
    if (!changed.isEmpty())
        line += QLatin1Char(' ') + tr("Berubah: %1.").arg(changed.join(QStringLiteral(", ")));
    m_changed->setText(line);
    m_before->setPlainText(pretty(e->before));
    m_after->setPlainText(pretty(e->after));
    // The changed keys stand out on both sides; the first one is scrolled into view.
    for (QPlainTextEdit *view : {m_before, m_after}) {
        QList<QTextEdit::ExtraSelection> marks;
        QTextCursor first;
        for (const QString &key : std::as_const(changed)) {
            const QString needle = QStringLiteral("\n    \"%1\": ").arg(key);
            const int at = view->toPlainText().indexOf(needle);
            if (at < 0)
                continue;
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(view->document()->findBlock(at + 1));
            mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor); // every line of a wrapped value
            mark.format.setBackground(theme::Mark);
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks << mark;
            if (first.isNull() || mark.cursor.anchor() < first.position())
                first = QTextCursor(view->document()->findBlock(at + 1));
        }
        view->setExtraSelections(marks);
        if (!first.isNull()) {
            view->setTextCursor(first);
            view->centerCursor();
        }
    }
    m_before->setPlaceholderText(tr("(kosong: belum ada sebelumnya)"));
    m_after->setPlaceholderText(e->action == QLatin1String("delete") ? tr("(kosong: dihapus)") : tr("(kosong)"));
}

} // namespace tu::ui
