#pragma once
#include "academic/TahunAjaran.h"

#include "common/ListTableModel.h"
#include <QList>
#include <QTimeZone>

namespace tu::ui {

class TahunAjaranTableModel : public ListTableModel
{
    Q_OBJECT
public:
    enum Column { Nama, Awal, Akhir, Status, Updated, ColumnCount };
    using ListTableModel::ListTableModel;

    void setYears(const QList<TahunAjaran> &years);
    void setTimeZone(const QTimeZone &zone)
    {
        if (zone.isValid() && zone != m_zone) {
            m_zone = zone;
            refreshAll();
        }
    }
    int rowOf(const QString &id) const;
    const TahunAjaran *yearAt(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<TahunAjaran> m_years;
    QTimeZone m_zone;
};

} // namespace tu::ui
