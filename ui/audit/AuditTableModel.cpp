#include "AuditTableModel.h"
#include "common/Theme.h"
#include "common/SchoolTime.h"
#include "content/ContentTableModel.h"
#include "content/ContentText.h"
#include "common/PlainText.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace tu::ui {

AuditTableModel::AuditTableModel(QObject *parent)
    : ListTableModel(parent), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
}

void AuditTableModel::setEntries(const QList<AuditEntry> &entries)
{
    // Entries never change: the id says it all.
    syncRows(m_entries, entries, [](const AuditEntry &e) { return e.id; }, [](const AuditEntry &, const AuditEntry &) { return true; });
}

void AuditTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    refreshAll();
}

const AuditEntry *AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    const AuditEntry *e = entryAt(index.row());
    if (!e)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Time: return SchoolTime(m_zone).format(e->at, SchoolTime::Long);
        case User: return e->username.isEmpty() ? tr("(sistem)") : e->username;
        case Area: return auditAreaText(AuditLog::areaOf(e->entity));
        case Action: return auditActionText(e->action);
        case Target:
            return e->entityId.isEmpty() ? auditEntityText(e->entity)
                                         : QStringLiteral("%1 · %2").arg(auditEntityText(e->entity), e->entityId.left(8));
        }
        break;
    case Qt::ToolTipRole:
        if (col == Target)
            return plainToolTip(e->entityId);
        if (col == User && !e->ip.isEmpty())
            return plainToolTip(tr("dari %1").arg(e->ip));
        break;
    case Qt::ForegroundRole:
        if (col == Action && e->action == QLatin1String("delete"))
            return QBrush(theme::Danger);
        if (col == Action && e->action == QLatin1String("create"))
            return QBrush(theme::Success);
        if (col == Time || col == Target)
            return QBrush(theme::TextSoft);
        break;
    case Qt::FontRole:
        if (col == Action || col == User) {
            QFont f;
            f.setWeight(col == Action ? QFont::DemiBold : QFont::Medium);
            return f;
        }
        break;
    case Qt::UserRole:
        return e->id;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Waktu");
    case User: return tr("Pengguna");
    case Area: return tr("Area");
    case Action: return tr("Aksi");
    case Target: return tr("Sasaran");
    }
    return {};
}

} // namespace tu::ui
