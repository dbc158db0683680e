#pragma once
#include "auth/User.h"

#include "common/ListTableModel.h"
#include <QIcon>
#include <QList>
#include <QTimeZone>

namespace tu::ui {

// The users as UserService lists them: username, name, role label, status, last change.
class UserTableModel : public ListTableModel
{
    Q_OBJECT
public:
    enum Column { Username, Name, RoleColumn, Status, Updated, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;  // raw value: ISO time, role order, …
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit UserTableModel(QObject *parent = nullptr);

    void setUsers(const QList<User> &users);
    // Timestamps are shown in the school's time zone, whatever the computer's own.
    void setTimeZone(const QTimeZone &zone);
    const User *userAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString formatTime(const QString &iso) const;
    QList<User> m_users;
    QTimeZone m_zone;
    QIcon m_activeDot, m_inactiveDot;
};

} // namespace tu::ui
