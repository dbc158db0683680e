#pragma once
#include "ppdb/Registration.h"

#include "common/ListTableModel.h"

#include <QColor>
#include <QTimeZone>

namespace tu::ui {

// Indonesian label and colour of a registration status (pending, verified, accepted, rejected).
QString ppdbStatusText(const QString &status);
QColor ppdbStatusColor(const QString &status);

// One page of PPDB registrations: nomor, NISN, nama, sekolah asal, status, waktu daftar.
class PpdbTableModel : public ListTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Nisn, Name, School, Status, Submitted, ColumnCount };
    explicit PpdbTableModel(QObject *parent = nullptr);
    // Keeps the rows that stay (by id): the selection follows its registration.
    void setRegistrations(const QList<Registration> &rows);
    int rowOf(const QString &id) const;
    void setTimeZone(const QTimeZone &zone);
    const Registration *registrationAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Registration> m_rows;
    QTimeZone m_zone;
};

} // namespace tu::ui
