#include "StudentWorksTab.h"
#include "common/LiveList.h"
#include "common/Pager.h"
#include "content/ContentText.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "content/StudentWorkTableModel.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace tu::ui {

StudentWorksTab::StudentWorksTab(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_staff(StudentWorkService::isStaff(actor)),
      m_model(new StudentWorkTableModel(this))
{
    setObjectName(QStringLiteral("worksTab"));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 12, 0, 0);
    root->setSpacing(10);
    m_banner = new MessageBanner(this);
    root->addWidget(m_banner);

    const Card cardParts = makeCard(this);
    QFrame *card = cardParts.frame;
    QHBoxLayout *toolbar = cardParts.toolbar;
    m_search = searchField(tr("Cari judul karya…"), card, 220);
    toolbar->addWidget(m_search);
    m_category = new QComboBox(card);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->addItem(tr("Semua kategori"), QString());
    for (const QString &c : StudentWorkService::categories())
        m_category->addItem(studentWorkCategoryText(c), c);
    toolbar->addWidget(m_category);
    m_featured = new QComboBox(card);
    m_featured->setObjectName(QStringLiteral("featuredFilter"));
    m_featured->addItem(tr("Semua karya"), QString());
    m_featured->addItem(tr("Unggulan"), QStringLiteral("1"));
    m_featured->addItem(tr("Bukan unggulan"), QStringLiteral("0"));
    toolbar->addWidget(m_featured);
    toolbar->addStretch(1);
    m_feature = actionButton(tr("Tandai unggulan"), QStringLiteral("star"), card);
    m_feature->setObjectName(QStringLiteral("toggleFeatured"));
    m_feature->setVisible(m_staff);
    m_open = actionButton(tr("Buka berkas"), QStringLiteral("folder"), card);
    m_open->setObjectName(QStringLiteral("openFile"));
    m_delete = actionButton(tr("Hapus"), QStringLiteral("trash"), card);
    m_delete->setObjectName(QStringLiteral("deleteWork"));
    m_delete->setIcon(icons::icon(QStringLiteral("trash"), theme::Danger));
    theme::setVariant(m_delete, "danger");
    auto *refresh = reloadButton(tr("Muat ulang daftar karya (F5)"), card);
    refresh->setText(QString()); // the icon alone: the toolbar is full
    for (QPushButton *b : {m_feature, m_open, m_delete, refresh})
        toolbar->addWidget(b);
    connect(refresh, &QPushButton::clicked, this, &StudentWorksTab::reload);

    Core *c = &m_core;
    m_live = new LiveList(this, [c] { return changes::studentWorks(*c); }, [this] { reload(); });
    cardParts.layout->addWidget(m_live->busyBar());
    m_table = dataTable(m_model, card, 38);
    m_table->setObjectName(QStringLiteral("worksTable"));
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(StudentWorkTableModel::Title, QHeaderView::Stretch);
    m_table->setColumnWidth(StudentWorkTableModel::Student, 200);
    m_table->setColumnWidth(StudentWorkTableModel::Category, 120);
    m_table->setColumnWidth(StudentWorkTableModel::Featured, 120);
    m_table->setColumnWidth(StudentWorkTableModel::Submitted, 160);
    cardParts.layout->addWidget(m_table, 1);

    m_detail = richLabel(card); // bold title and an http(s) link; everything from the work escaped in showDetail()
    m_detail->setObjectName(QStringLiteral("workDetail"));
    m_detail->setWordWrap(true);
    m_detail->setOpenExternalLinks(true);
    m_detail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_detail->setContentsMargins(16, 10, 16, 10);
    m_detail->setMinimumHeight(64);
    cardParts.layout->addWidget(m_detail);

    m_pager = new Pager(PageSize, card);
    cardParts.layout->addWidget(m_pager);
    root->addWidget(card, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] { m_pager->reset(); reload(); });
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_category, m_featured})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { m_pager->reset(); reload(); });
    connect(m_pager, &Pager::pageChanged, this, &StudentWorksTab::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); showDetail(); });
    connect(m_table, &QTableView::doubleClicked, this, &StudentWorksTab::openFile);
    connect(m_feature, &QPushButton::clicked, this, &StudentWorksTab::toggleFeatured);
    connect(m_open, &QPushButton::clicked, this, &StudentWorksTab::openFile);
    connect(m_delete, &QPushButton::clicked, this, [this] { removeSelected(true); });
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { removeSelected(true); });
    reload();
}

namespace {
struct WorksRead {
    Result<StudentWorkPage> page;
    QTimeZone zone;
};
} // namespace

void StudentWorksTab::reload()
{
    StudentWorkFilter f;
    f.q = m_search->text();
    f.category = m_category->currentData().toString();
    const QString featured = m_featured->currentData().toString();
    if (!featured.isEmpty())
        f.featured = featured == QLatin1String("1");
    f.page.page = m_pager->page();
    f.page.limit = PageSize;
    Core *core = &m_core;
    const Actor actor = m_actor;
    m_live->load([core, actor, f] { return WorksRead{core->studentWorks().list(actor, f), core->settings().schoolZone()}; },
                 [this](const WorksRead &read) {
        m_model->setTimeZone(read.zone);
        const auto &r = read.page;
        StudentWorkPage result;
        if (!r.ok())
            m_banner->showError(r.error());
        else
            result = r.value();
        if (r.ok() && m_pager->movedPastEnd(result.total, int(result.items.size()))) {
            reload();
            return;
        }
        m_model->setWorks(result.items); // matched by id: the selection stays on its work
        const bool filtered = !m_search->text().trimmed().isEmpty() || m_category->currentIndex() > 0 || m_featured->currentIndex() > 0;
        m_pager->showResult(result.total, int(result.items.size()), filtered ? tr("Tidak ada karya yang cocok.") : tr("Belum ada karya siswa."));
        updateActions();
        showDetail();
    });
}

void StudentWorksTab::updateActions()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const StudentWork *w = rows.isEmpty() ? nullptr : m_model->workAt(rows.first().row());
    m_feature->setEnabled(w != nullptr);
    m_feature->setText(w && w->featured ? tr("Lepas unggulan") : tr("Tandai unggulan"));
    m_open->setEnabled(w && !w->fileName.isEmpty());
    m_delete->setEnabled(w && (m_staff || !w->featured));
}

void StudentWorksTab::showDetail()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const StudentWork *w = rows.isEmpty() ? nullptr : m_model->workAt(rows.first().row());
    if (!w) {
        m_detail->setText(tr("Pilih karya untuk melihat keterangannya."));
        return;
    }
    QStringList parts;
    parts << QStringLiteral("<b>%1</b> — %2").arg(w->title.toHtmlEscaped(), (w->studentName.isEmpty() ? w->studentUsername : w->studentName).toHtmlEscaped());
    if (!w->description.isEmpty())
        parts << w->description.left(400).toHtmlEscaped();
    QStringList extra;
    if (!w->link.isEmpty()) {
        const QUrl url(w->link);
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            extra << tr("Tautan: %1").arg(QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), w->link.toHtmlEscaped()));
        else
            extra << tr("Tautan: %1").arg(w->link.toHtmlEscaped());
    }
    if (!w->fileName.isEmpty())
        extra << tr("Berkas: %1 (%2 KB)").arg(w->originalName.toHtmlEscaped()).arg((w->fileSize + 1023) / 1024);
    if (!extra.isEmpty())
        parts << extra.join(QStringLiteral(" · "));
    m_detail->setText(parts.join(QStringLiteral("<br>")));
}

void StudentWorksTab::toggleFeatured()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const StudentWork *w = rows.isEmpty() ? nullptr : m_model->workAt(rows.first().row());
    if (!w || !m_staff)
        return;
    const bool featured = !w->featured;
    const QString title = w->title;
    auto r = m_core.studentWorks().setFeatured(m_actor, w->id, featured);
    reload();
    if (!r.ok())
        m_banner->showError(r.error());
    else
        m_banner->showMessage(MessageBanner::Kind::Success, featured ? tr("“%1” ditandai sebagai karya unggulan.").arg(title)
                                                                     : tr("“%1” tidak lagi menjadi karya unggulan.").arg(title));
}

QString StudentWorksTab::selectedFilePath()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const StudentWork *w = rows.isEmpty() ? nullptr : m_model->workAt(rows.first().row());
    if (!w || w->fileName.isEmpty())
        return {};
    auto r = m_core.studentWorks().file(m_actor, w->id);
    if (!r.ok()) {
        m_banner->showError(r.error());
        return {};
    }
    return r.value().first;
}

void StudentWorksTab::openFile()
{
    const QString path = selectedFilePath();
    if (path.isEmpty())
        return;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        m_banner->showError(tr("Tidak ada aplikasi untuk membuka berkas ini. Berkasnya tersimpan di %1.").arg(path));
}

void StudentWorksTab::removeSelected(bool confirm)
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const StudentWork *w = rows.isEmpty() ? nullptr : m_model->workAt(rows.first().row());
    if (!w)
        return;
    const QString id = w->id, title = w->title;
    if (confirm) {
        QMessageBox box(QMessageBox::Question, tr("Hapus karya"),
                        tr("Hapus karya “%1”? Berkasnya ikut terhapus; catatannya tetap ada di log audit.").arg(title),
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
    auto s = m_core.studentWorks().remove(m_actor, id);
    reload();
    if (!s.ok())
        m_banner->showError(s.error());
    else
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Karya “%1” dihapus.").arg(title));
}

} // namespace tu::ui
