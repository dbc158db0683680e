#pragma once
#include "audit/AuditLog.h"

#include "common/ListTableModel.h"
#include <QTimeZone>

namespace tu::ui {

// One page of the audit log: waktu (school time zone), pengguna, area, aksi, sasaran.
class AuditTableModel : public ListTableModel
{
    Q_OBJECT
public:
    enum Column { Time, User, Area, Action, Target, ColumnCount };
    explicit AuditTableModel(QObject *parent = nullptr);
    void setEntries(const QList<AuditEntry> &entries);
    void setTimeZone(const QTimeZone &zone);
    const AuditEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
    QTimeZone m_zone;
};

} // namespace tu::ui
