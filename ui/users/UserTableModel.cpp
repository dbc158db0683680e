#include "UserTableModel.h"
#include "common/SchoolTime.h"
#include "common/PlainText.h"
#include "users/RoleText.h"
#include "common/Theme.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace tu::ui {

namespace {
// A small status dot; as an icon it keeps its colour on a selected row, unlike the text.
QIcon statusDot(const QColor &color)
{
    QIcon icon;
    for (int dpr : {1, 2}) { // the item view's 16 px decoration, drawn at each pixel density
        QPixmap pm(QSize(16, 16) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(4, 4, 8, 8));
        p.end();
        icon.addPixmap(pm, QIcon::Normal);
        icon.addPixmap(pm, QIcon::Selected); // no selection tint
    }
    return icon;
}
} // namespace

UserTableModel::UserTableModel(QObject *parent)
    : ListTableModel(parent), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta"))),
      m_activeDot(statusDot(theme::Success)), m_inactiveDot(statusDot(theme::Danger))
{
}

void UserTableModel::setUsers(const QList<User> &users)
{
    syncRows(m_users, users, [](const User &u) { return u.id; }, [](const User &a, const User &b) { return a.toJson() == b.toJson(); });
}

void UserTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (!m_users.isEmpty())
        emit dataChanged(index(0, Updated), index(m_users.size() - 1, Updated));
}

const User *UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

int UserTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users.at(i).id == id)
            return i;
    return -1;
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_users.size();
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserTableModel::formatTime(const QString &iso) const
{
    return SchoolTime(m_zone).format(iso);
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    const User *u = userAt(index.row());
    if (!u)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Username: return u->username;
        case Name: return u->name;
        case RoleColumn: return roleText(u->role);
        case Status: return u->active ? tr("Aktif") : tr("Nonaktif");
        case Updated: return formatTime(u->updatedAt);
        }
        break;
    case SortRole:
        switch (col) {
        case Username: return u->username.toLower();
        case Name: return u->name.toLower();
        case RoleColumn: return static_cast<int>(u->role);
        case Status: return u->active ? 0 : 1;
        case Updated: return u->updatedAt; // ISO UTC sorts as text
        }
        break;
    case IdRole:
        return u->id;
    case Qt::DecorationRole:
        if (col == Status)
            return u->active ? m_activeDot : m_inactiveDot;
        break;
    case Qt::ForegroundRole:
        if (col == Status)
            return QBrush(u->active ? theme::Success : theme::Danger);
        if (!u->active)
            return QBrush(theme::TextMuted);
        if (col == Updated)
            return QBrush(theme::TextMuted);
        break;
    case Qt::FontRole:
        if (col == Username || col == Status) {
            QFont f;
            f.setWeight(col == Username ? QFont::DemiBold : QFont::Medium);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        if (col == Updated)
            return plainToolTip(tr("Dibuat %1").arg(formatTime(u->createdAt)));
        if (col == RoleColumn)
            return plainToolTip(roleName(u->role));
        break;
    default:
        break;
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Username: return tr("Username");
    case Name: return tr("Nama");
    case RoleColumn: return tr("Peran");
    case Status: return tr("Status");
    case Updated: return tr("Diperbarui");
    }
    return {};
}

} // namespace tu::ui
