#pragma once
#include "auth/Actor.h"
#include "auth/User.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tu {
class Core;
}

namespace tu::ui {

class LiveList;
class MessageBanner;
class UserTableModel;

// Pengguna: the accounts table with search, and the actions an admin has on them. Dialogs open
// window-modal without a nested event loop; the outcome of every action shows in the banner.
// The list is live (LiveList): read on a worker, following changes made elsewhere.
class UsersPage : public QWidget
{
    Q_OBJECT
public:
    UsersPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    // Reads the accounts on a worker; the answer lands later, the selection kept by id.
    void reload();
    LiveList *live() const { return m_live; }
    const User *selectedUser() const;
    void selectUser(const QString &id);

    QTableView *table() const { return m_table; }
    UserTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *roleButton() const { return m_role; }
    QPushButton *passwordButton() const { return m_password; }
    QPushButton *toggleButton() const { return m_toggle; }
    QPushButton *deleteButton() const { return m_delete; }
    MessageBanner *banner() const { return m_banner; }

private:
    void openCreate();
    void openEdit(bool focusRole);
    void openPassword();
    void toggleActive();
    void setActive(const User &user, bool active);
    void confirmDelete();
    void removeUser(const User &user);
    void updateActions();
    void updateCount();
    void reloadAndSelect(const QString &id);

    Core &m_core;
    Actor m_actor;
    UserTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_search;
    QPushButton *m_add;
    QPushButton *m_role;
    QPushButton *m_password;
    QPushButton *m_toggle;
    QPushButton *m_delete;
    QLabel *m_count;
    MessageBanner *m_banner;
    LiveList *m_live;
};

} // namespace tu::ui
