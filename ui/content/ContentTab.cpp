#include "ContentTab.h"
#include "common/ViewState.h"
#include "common/Pager.h"
#include "content/ContentEditor.h"
#include "content/ContentMonthView.h"
#include "common/SchoolTime.h"
#include "content/ContentTableModel.h"
#include "content/ContentText.h"
#include "common/Confirm.h"
#include "common/Icons.h"
#include "common/LiveList.h"
#include "common/MessageBanner.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QFrame>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextCharFormat>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
// The choice field a staff list can filter on (ContentFilter: status, category, priority).
const ContentField *filterFieldOf(const ContentType &type)
{
    for (const ContentField &f : type.fields)
        if (f.kind == FieldKind::Choice
            && (f.key == QLatin1String("status") || f.key == QLatin1String("category") || f.key == QLatin1String("priority")))
            return &f;
    return nullptr;
}

} // namespace

ContentTab::ContentTab(Core &core, const Actor &actor, const ContentType &type, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_type(type), m_filterField(filterFieldOf(type)),
      m_model(new ContentTableModel(type, this))
{
    setObjectName(type.name + QStringLiteral("Tab"));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 12, 0, 0);
    root->setSpacing(10);
    m_banner = new MessageBanner(this);
    root->addWidget(m_banner);

    auto *split = new QSplitter(Qt::Horizontal, this);
    rememberWhenNamed(split);
    split->setObjectName(QStringLiteral("contentSplit"));
    split->setChildrenCollapsible(false);
    split->setHandleWidth(14);
    root->addWidget(split, 1);

    // Left: (calendar) and the list.
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(12);

    const Card cardParts = makeCard(left);
    QFrame *card = cardParts.frame;
    QHBoxLayout *toolbar = cardParts.toolbar;
    m_search = searchField(tr("Cari %1…").arg(contentFieldText(*type.field(type.titleKey)).toLower()), card, 180);
    toolbar->addWidget(m_search, 1);
    if (m_filterField) {
        m_filter = new QComboBox(card);
        m_filter->setObjectName(QStringLiteral("filter"));
        m_filter->addItem(tr("Semua %1").arg(contentFieldText(*m_filterField).toLower()), QString());
        for (const QString &o : m_filterField->options)
            m_filter->addItem(contentOptionText(o), o);
        toolbar->addWidget(m_filter);
    }
    m_new = primaryButton(tr("Baru"), card);
    m_new->setObjectName(QStringLiteral("newItem"));
    m_new->setToolTip(tr("%1 baru (Ctrl+N)").arg(contentTypeText(type)));
    toolbar->addWidget(m_new);
    auto *refresh = reloadButton(tr("Muat ulang daftar (F5)"), card);
    refresh->setText(QString()); // the icon alone: the toolbar is narrow beside the form
    toolbar->addWidget(refresh);
    connect(refresh, &QPushButton::clicked, this, &ContentTab::reload);

    Core *c = &m_core;
    const ContentType *t = &m_type;
    m_live = new LiveList(this, [c, t] { return changes::content(*c, *t); }, [this] { reload(); });
    cardParts.layout->addWidget(m_live->busyBar());
    m_table = dataTable(m_model, card, 36);
    m_table->setObjectName(QStringLiteral("itemsTable"));
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(0, QHeaderView::Stretch);
    h->setMinimumSectionSize(60);
    for (int c = 1; c < m_model->columnCount(); ++c) {
        const ContentField *f = m_model->fieldAt(c);
        if (!f || f->kind != FieldKind::Text) // dates and choices: as wide as what they show
            h->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        else
            m_table->setColumnWidth(c, std::max(116, h->sectionSizeHint(c)));
    }
    cardParts.layout->addWidget(m_table, 1);

    m_pager = new Pager(PageSize, card);
    cardParts.layout->addWidget(m_pager);

    if (type.name == QLatin1String("calendar")) {
        const Card cal = makeCard(left, 12);
        cal.frame->setObjectName(QStringLiteral("card"));
        auto *monthTitle = plainLabel(tr("Tampilan bulan"), cal.frame);
        monthTitle->setObjectName(QStringLiteral("sectionTitle"));
        cal.toolbar->addWidget(monthTitle);
        cal.toolbar->addStretch(1);
        m_month = new ContentMonthView(core, m_banner, cal.frame);
        cal.layout->addWidget(m_month);
        leftLayout->addWidget(cal.frame);
        connect(m_month, &ContentMonthView::eventActivated, this, [this](const QString &id) {
            if (id != m_editor->itemId() && canLeave())
                openItem(id);
        });
    }
    leftLayout->addWidget(card, 1);

    // Right: the form.
    auto *formCard = new QFrame(split);
    formCard->setObjectName(QStringLiteral("card"));
    auto *formLayout = new QVBoxLayout(formCard);
    formLayout->setContentsMargins(18, 14, 18, 14);
    formLayout->setSpacing(10);
    m_formTitle = plainLabel(formCard);
    m_formTitle->setObjectName(QStringLiteral("sectionTitle"));
    formLayout->addWidget(m_formTitle);
    auto *scroll = new QScrollArea(formCard);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *scrollBody = new QWidget;
    scrollBody->setObjectName(QStringLiteral("formBody"));
    auto *bodyLayout = new QVBoxLayout(scrollBody);
    bodyLayout->setContentsMargins(0, 0, 6, 0);
    m_editor = new ContentEditor(core, actor, type, m_banner, scrollBody);
    if (m_editor->grows()) {
        bodyLayout->addWidget(m_editor, 1);
    } else { // a short form keeps its rows together at the top
        bodyLayout->addWidget(m_editor);
        bodyLayout->addStretch(1);
    }
    scroll->setWidget(scrollBody);
    formLayout->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    if (type.name == QLatin1String("news")) {
        m_publish = actionButton(tr("Terbitkan"), QStringLiteral("check"), formCard);
        m_publish->setObjectName(QStringLiteral("publish"));
        m_publish->setToolTip(tr("Simpan lalu tampilkan berita ini di situs sekolah"));
        m_unpublish = actionButton(tr("Jadikan draf"), QStringLiteral("eye"), formCard);
        m_unpublish->setObjectName(QStringLiteral("unpublish"));
        m_unpublish->setToolTip(tr("Sembunyikan berita ini dari situs sekolah"));
        buttons->addWidget(m_publish);
        buttons->addWidget(m_unpublish);
    }
    if (type.needsApproval() && (actor.isSystem || actor.role == Role::Admin || actor.role == Role::Kesiswaan)) {
        m_approve = actionButton(tr("Setujui"), QStringLiteral("check"), formCard);
        m_approve->setObjectName(QStringLiteral("approve"));
        m_approve->setToolTip(tr("Setujui isian OSIS ini agar tampil di situs sekolah"));
        buttons->addWidget(m_approve);
    }
    buttons->addStretch(1);
    m_delete = actionButton(tr("Hapus"), QStringLiteral("trash"), formCard);
    m_delete->setObjectName(QStringLiteral("deleteItem"));
    m_delete->setIcon(icons::icon(QStringLiteral("trash"), theme::Danger));
    theme::setVariant(m_delete, "danger");
    m_save = new QPushButton(icons::icon(QStringLiteral("check"), theme::OnAccent), tr("Simpan"), formCard);
    m_save->setObjectName(QStringLiteral("saveItem"));
    m_save->setIconSize(QSize(16, 16));
    m_save->setAutoDefault(false);
    m_save->setToolTip(tr("Simpan (Ctrl+S)"));
    theme::setVariant(m_save, "primary");
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    formLayout->addLayout(buttons);

    split->addWidget(left);
    split->addWidget(formCard);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({540, 450});
    left->setMinimumWidth(380);
    formCard->setMinimumWidth(380);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] { m_pager->reset(); reload(); });
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    if (m_filter)
        connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { m_pager->reset(); reload(); });
    connect(m_pager, &Pager::pageChanged, this, &ContentTab::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selecting)
            loadSelected();
    });
    connect(m_new, &QPushButton::clicked, this, &ContentTab::newItem);
    connect(m_save, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { removeCurrent(true); });
    if (m_approve)
        connect(m_approve, &QPushButton::clicked, this, &ContentTab::approveCurrent);
    if (m_publish) {
        connect(m_publish, &QPushButton::clicked, this, [this] { setPublished(true); });
        connect(m_unpublish, &QPushButton::clicked, this, [this] { setPublished(false); });
    }
    connect(m_editor, &ContentEditor::edited, this, [this] { m_dirty = true; updateActions(); });
    connect(m_editor, &ContentEditor::busyChanged, this, &ContentTab::updateActions);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { removeCurrent(true); });

    reload();
    startNew();
}

QCalendarWidget *ContentTab::calendar() const
{
    return m_month ? m_month->calendar() : nullptr;
}

QListWidget *ContentTab::dayEvents() const
{
    return m_month ? m_month->dayEvents() : nullptr;
}

int ContentTab::currentPage() const
{
    return m_pager->page();
}

namespace {
struct ContentRead {
    Result<ContentPage> page;
    QTimeZone zone;
};
} // namespace

void ContentTab::reload()
{
    ContentFilter f;
    f.q = m_search->text();
    if (m_filter && m_filterField) {
        const QString v = m_filter->currentData().toString();
        if (m_filterField->key == QLatin1String("status"))
            f.status = v;
        else if (m_filterField->key == QLatin1String("priority"))
            f.priority = v;
        else
            f.category = v;
    }
    f.page.page = m_pager->page();
    f.page.limit = PageSize;
    Core *core = &m_core;
    const ContentType *type = &m_type;
    m_live->load([core, type, f] { return ContentRead{core->content().list(*type, f), core->settings().schoolZone()}; },
                 [this](const ContentRead &read) {
        m_model->setTimeZone(read.zone);
        m_editor->setTimeZone(read.zone);
        const auto &r = read.page;
        ContentPage result;
        if (!r.ok())
            m_banner->showError(r.error());
        else
            result = r.value();
        if (r.ok() && m_pager->movedPastEnd(result.total, int(result.items.size()))) { // the last page emptied
            reload();
            return;
        }
        m_selecting = true;
        m_model->setItems(result.items); // matched by id: the selection stays on its item
        const int row = m_model->rowOf(m_editor->itemId());
        const auto selected = m_table->selectionModel()->selectedRows();
        if (row >= 0 && (selected.isEmpty() || selected.first().row() != row))
            m_table->selectRow(row);
        m_selecting = false;
        const bool filtered = !m_search->text().trimmed().isEmpty() || (m_filter && m_filter->currentIndex() > 0);
        m_pager->showResult(result.total, int(result.items.size()), filtered ? tr("Tidak ada yang cocok.") : tr("Belum ada %1.").arg(contentTypeText(m_type).toLower()));
        updateActions();
    });
}

void ContentTab::loadSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString id = m_model->itemAt(rows.first().row()).value(QLatin1String("id")).toString();
    if (id.isEmpty() || id == m_editor->itemId())
        return;
    if (!canLeave()) {
        selectEdited();
        // A click selects its row once more after this handler; put it back after that too.
        QTimer::singleShot(0, this, &ContentTab::selectEdited);
        return;
    }
    openItem(id);
}

void ContentTab::selectEdited()
{
    m_selecting = true;
    const int row = m_editor->isNew() ? -1 : m_model->rowOf(m_editor->itemId());
    if (row >= 0)
        m_table->selectRow(row);
    else
        m_table->clearSelection();
    m_selecting = false;
}

bool ContentTab::canLeave()
{
    if (!m_dirty)
        return true;
    const QString title = currentTitle();
    const QString item = contentTypeText(m_type).toLower();
    switch (askUnsaved(this, title.isEmpty() ? tr("%1 ini").arg(item) : tr("%1 “%2”").arg(item, title))) {
    case UnsavedChoice::Save:
        return save(); // a refusal keeps the form, with the messages under the fields
    case UnsavedChoice::Discard:
        discardEdits();
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

void ContentTab::discardEdits()
{
    m_dirty = false;
    if (m_editor->isNew() || !m_core.content().get(m_type, m_editor->itemId()).ok()) // new, or gone meanwhile
        startNew();
    else
        openItem(m_editor->itemId()); // the stored text again
}

void ContentTab::openItem(const QString &id)
{
    auto r = m_core.content().get(m_type, id);
    if (!r.ok()) {
        m_banner->showError(r.error());
        reload();
        return;
    }
    m_banner->clear();
    m_editor->setItem(r.value());
    m_dirty = false;
    m_selecting = true;
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    else
        m_table->clearSelection();
    m_selecting = false;
    updateTitle();
    updateActions();
}

void ContentTab::newItem()
{
    if (canLeave())
        startNew();
}

void ContentTab::startNew()
{
    m_editor->clear();
    m_dirty = false;
    m_selecting = true;
    m_table->clearSelection();
    m_selecting = false;
    updateTitle();
    updateActions();
    if (QWidget *first = m_editor->input(m_type.fields.first().key); first && isVisible())
        first->setFocus();
}

QString ContentTab::currentTitle() const
{
    return m_editor->values().value(m_type.titleKey).toString().trimmed();
}

void ContentTab::updateTitle()
{
    const QString item = contentTypeText(m_type).toLower();
    if (m_type.name == QLatin1String("calendar"))
        m_formTitle->setText(m_editor->isNew() ? tr("Agenda baru") : tr("Ubah agenda"));
    else
        m_formTitle->setText(m_editor->isNew() ? tr("%1 baru").arg(contentTypeText(m_type)) : tr("Ubah %1").arg(item));
}

bool ContentTab::save()
{
    if (m_editor->isBusy()) {
        m_banner->showMessage(MessageBanner::Kind::Info, tr("Tunggu sampai gambar selesai diunggah."));
        return false;
    }
    const bool created = m_editor->isNew();
    auto r = created ? m_core.content().create(m_actor, m_type, m_editor->values())
                     : m_core.content().update(m_actor, m_type, m_editor->itemId(), m_editor->values());
    if (!r.ok()) {
        m_editor->errors().show(r.error());
        return false;
    }
    m_editor->setItem(r.value());
    m_dirty = false;
    if (created) { // show it: the new item may be outside the current search or page
        m_search->blockSignals(true);
        m_search->clear();
        m_search->blockSignals(false);
        if (m_filter) {
            m_filter->blockSignals(true);
            m_filter->setCurrentIndex(0);
            m_filter->blockSignals(false);
        }
        m_pager->reset();
    }
    reload();
    updateTitle();
    if (m_month)
        m_month->reload();
    const QString title = r.value().value(m_type.titleKey).toString();
    m_banner->showMessage(MessageBanner::Kind::Success, created ? tr("“%1” ditambahkan.").arg(title) : tr("Perubahan “%1” disimpan.").arg(title));
    return true;
}

void ContentTab::removeCurrent(bool confirm)
{
    if (m_editor->isNew())
        return;
    const QString id = m_editor->itemId();
    const QString title = currentTitle();
    if (confirm) {
        QMessageBox box(QMessageBox::Question, tr("Hapus %1").arg(contentTypeText(m_type).toLower()),
                        tr("Hapus “%1”? Tindakan ini tidak dapat dibatalkan; isinya tetap tercatat di log audit.").arg(title),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("confirmDelete"));
        QPushButton *yes = box.addButton(tr("Hapus"), QMessageBox::DestructiveRole);
        QPushButton *no = box.addButton(tr("Batal"), QMessageBox::RejectRole);
        box.setDefaultButton(no);
        makePlain(&box);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    auto s = m_core.content().remove(m_actor, m_type, id);
    if (!s.ok()) {
        m_banner->showError(s.error());
        return;
    }
    startNew(); // the item is gone: its unsaved edits with it
    reload();
    if (m_month)
        m_month->reload();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("“%1” dihapus.").arg(title));
}

void ContentTab::setPublished(bool published)
{
    if (m_type.name != QLatin1String("news"))
        return;
    if (published && (m_dirty || m_editor->isNew()) && !save())
        return;
    if (m_editor->isNew())
        return;
    auto r = m_core.content().setPublished(m_actor, m_editor->itemId(), published);
    if (!r.ok()) {
        m_editor->errors().show(r.error());
        return;
    }
    m_editor->setItem(r.value());
    m_dirty = false;
    updateActions(); // from the stored item now; the list follows when its read lands
    reload();
    const QString title = r.value().value(QLatin1String("title")).toString();
    m_banner->showMessage(MessageBanner::Kind::Success, published ? tr("“%1” diterbitkan.").arg(title)
                                                                  : tr("“%1” dijadikan draf dan tidak tampil di situs.").arg(title));
}

void ContentTab::approveCurrent()
{
    if (m_editor->isNew())
        return;
    if (m_dirty && !save())
        return;
    auto r = m_core.content().approve(m_actor, m_type, m_editor->itemId());
    if (!r.ok()) {
        m_banner->showError(r.error());
        return;
    }
    m_editor->setItem(r.value());
    m_dirty = false;
    updateActions(); // from the stored item now; the list follows when its read lands
    reload();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("“%1” disetujui dan tampil di situs sekolah.").arg(r.value().value(m_type.titleKey).toString()));
}

void ContentTab::updateActions()
{
    const bool busy = m_editor->isBusy();
    m_save->setEnabled(!busy);
    m_delete->setEnabled(!m_editor->isNew() && !busy);
    if (m_approve) // only while the stored item waits for approval
        m_approve->setVisible(!m_editor->isNew() && !m_model->isApproved(m_editor->itemId()));
    if (m_publish) {
        const bool published = m_editor->values().value(QLatin1String("status")).toString() == QLatin1String("published");
        // One of the two at a time: what the stored item can become.
        const bool storedPublished = !m_editor->isNew() && published && !m_dirty;
        m_publish->setVisible(!storedPublished);
        m_unpublish->setVisible(storedPublished);
        m_publish->setEnabled(!busy);
        m_unpublish->setEnabled(!busy);
    }
}

} // namespace tu::ui
