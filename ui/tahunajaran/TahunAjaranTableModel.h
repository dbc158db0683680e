#pragma once
#include "academic/TahunAjaran.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace tu::ui {

class TahunAjaranTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Nama, Awal, Akhir, Status, Updated, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setYears(const QList<TahunAjaran> &years);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
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
