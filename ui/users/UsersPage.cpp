#include "UsersPage.h"
#include "common/Icons.h"
#include "common/LiveList.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "users/PasswordDialog.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "users/UserDialog.h"
#include "users/UserTableModel.h"
#include "app/Core.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace tu::ui {

UsersPage::UsersPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_model(new UserTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("usersPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);

    auto *header = new PageHeader(tr("Pengguna"), tr("Kelola akun staf dan siswa yang dapat masuk ke TataUsaha."), this);
    m_add = primaryButton(tr("Tambah pengguna"), this);
    m_add->setObjectName(QStringLiteral("addUser"));
    m_add->setShortcut(QKeySequence::New);
    m_add->setToolTip(tr("Tambah pengguna (Ctrl+N)"));
    auto *refresh = reloadButton(tr("Muat ulang daftar pengguna (F5)"), this);
    header->addAction(refresh);
    header->addAction(m_add);
    page->addWidget(header);

    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);

    const Card cardParts = makeCard(this, 14);
    QFrame *card = cardParts.frame;
    QVBoxLayout *cardLayout = cardParts.layout;
    QHBoxLayout *toolbar = cardParts.toolbar;

    m_search = searchField(tr("Cari nama, username, atau peran"), card, 320);
    toolbar->addWidget(m_search);
    toolbar->addStretch(1);
    m_role = actionButton(tr("Ubah peran…"), QStringLiteral("shield"), card);
    m_role->setToolTip(tr("Ubah peran, nama, atau username pengguna terpilih"));
    m_password = actionButton(tr("Reset password…"), QStringLiteral("key"), card);
    m_toggle = actionButton(tr("Nonaktifkan"), QStringLiteral("power"), card);
    m_delete = actionButton(tr("Hapus"), QStringLiteral("trash"), card);
    m_delete->setIcon(icons::icon(QStringLiteral("trash"), theme::Danger));
    theme::setVariant(m_delete, "danger");
    for (QPushButton *b : {m_role, m_password, m_toggle, m_delete})
        toolbar->addWidget(b);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(UserTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    Core *c = &m_core;
    m_live = new LiveList(this, [c] { return changes::users(*c); }, [this] { reload(); });
    cardLayout->addWidget(m_live->busyBar());
    m_table = dataTable(m_proxy, card);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setSortingEnabled(true);
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(UserTableModel::Name, QHeaderView::Stretch);
    h->resizeSection(UserTableModel::Username, 170);
    h->resizeSection(UserTableModel::RoleColumn, 150);
    h->resizeSection(UserTableModel::Status, 110);
    h->resizeSection(UserTableModel::Updated, 170);
    m_table->sortByColumn(UserTableModel::Username, Qt::AscendingOrder);
    cardLayout->addWidget(m_table, 1);

    m_count = plainLabel(card);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setContentsMargins(16, 10, 16, 10);
    cardLayout->addWidget(m_count);
    page->addWidget(card, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateCount();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openEdit(false); });
    connect(m_add, &QPushButton::clicked, this, &UsersPage::openCreate);
    connect(refresh, &QPushButton::clicked, this, &UsersPage::reload);
    connect(m_role, &QPushButton::clicked, this, [this] { openEdit(true); });
    connect(m_password, &QPushButton::clicked, this, &UsersPage::openPassword);
    connect(m_toggle, &QPushButton::clicked, this, &UsersPage::toggleActive);
    connect(m_delete, &QPushButton::clicked, this, &UsersPage::confirmDelete);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &UsersPage::confirmDelete);

    setTabOrder(m_search, m_table);
    reload();
}

namespace {
struct UsersRead {
    Result<QList<User>> users;
    QTimeZone zone;
};
} // namespace

void UsersPage::reload()
{
    Core *core = &m_core;
    const Actor actor = m_actor;
    m_live->load([core, actor] { return UsersRead{core->users().list(actor), core->settings().schoolZone()}; },
                 [this](const UsersRead &read) {
        m_model->setTimeZone(read.zone);
        if (!read.users.ok()) {
            m_banner->showError(read.users.error());
            m_model->setUsers({});
        } else {
            m_model->setUsers(read.users.value()); // rows matched by id: the selection stays
        }
        updateCount();
        updateActions();
    });
}

void UsersPage::reloadAndSelect(const QString &id)
{
    m_live->reloadThen([this, id] { selectUser(id); });
}

const User *UsersPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->userAt(m_proxy->mapToSource(rows.first()).row());
}

void UsersPage::selectUser(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void UsersPage::updateActions()
{
    const User *u = selectedUser();
    for (QPushButton *b : {m_role, m_password, m_toggle, m_delete})
        b->setEnabled(u != nullptr);
    m_toggle->setText(u && !u->active ? tr("Aktifkan") : tr("Nonaktifkan"));
}

void UsersPage::updateCount()
{
    const int shown = m_proxy->rowCount(), total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n pengguna", nullptr, total) : tr("%1 dari %2 pengguna").arg(shown).arg(total));
}

void UsersPage::openCreate()
{
    auto *dialog = new UserDialog(m_core, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const User u = dialog->savedUser();
        m_search->clear();
        reloadAndSelect(u.id);
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Pengguna %1 ditambahkan.").arg(u.username));
    });
    dialog->open();
}

void UsersPage::openEdit(bool focusRole)
{
    const User *selected = selectedUser();
    if (!selected)
        return;
    auto *dialog = new UserDialog(m_core, m_actor, *selected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (focusRole)
        dialog->focusRole();
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const User u = dialog->savedUser();
        reloadAndSelect(u.id);
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Data pengguna %1 disimpan.").arg(u.username));
    });
    dialog->open();
}

void UsersPage::openPassword()
{
    const User *selected = selectedUser();
    if (!selected)
        return;
    auto *dialog = new PasswordDialog(m_core, m_actor, *selected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString username = selected->username;
    connect(dialog, &QDialog::accepted, this, [this, username] {
        reload();
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Password %1 diganti. Sesi lamanya sudah diakhiri.").arg(username));
    });
    dialog->open();
}

void UsersPage::toggleActive()
{
    const User *selected = selectedUser();
    if (!selected)
        return;
    const User user = *selected;
    if (!user.active) {
        setActive(user, true);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Nonaktifkan pengguna"),
                                tr("Nonaktifkan %1 (%2)? Pengguna ini tidak dapat login dan semua sesinya berakhir.")
                                    .arg(user.name, user.username),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeactivate"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Nonaktifkan"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Batal"), QMessageBox::RejectRole));
    makePlain(box);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, user](QAbstractButton *clicked) {
        if (clicked == yes)
            setActive(user, false);
    });
    box->open();
}

void UsersPage::setActive(const User &user, bool active)
{
    UserInput in;
    in.active = active;
    auto r = m_core.users().update(m_actor, user.id, in);
    if (!r.ok()) {
        m_banner->showError(r.error());
        return;
    }
    reload();
    if (active) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("%1 diaktifkan kembali.").arg(user.username));
        return;
    }
    // Deactivating can be undone at once (the ended sessions stay ended: the user logs in again).
    m_banner->showUndoable(tr("%1 dinonaktifkan.").arg(user.username), [this, user] { setActive(user, true); });
}

void UsersPage::confirmDelete()
{
    const User *selected = selectedUser();
    if (!selected)
        return;
    const User user = *selected;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Hapus pengguna"),
                                tr("Hapus %1 (%2)? Akun ini tidak dapat dikembalikan.").arg(user.name, user.username),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Hapus"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Batal"), QMessageBox::RejectRole));
    makePlain(box);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, user](QAbstractButton *clicked) {
        if (clicked == yes)
            removeUser(user);
    });
    box->open();
}

void UsersPage::removeUser(const User &user)
{
    if (auto s = m_core.users().remove(m_actor, user.id); !s.ok()) {
        m_banner->showError(s.error());
        return;
    }
    reload();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Pengguna %1 dihapus.").arg(user.username));
}

} // namespace tu::ui
