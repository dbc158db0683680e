#pragma once
#include "content/StudentWorkService.h"

#include "common/ListTableModel.h"
#include <QTimeZone>

namespace tu::ui {

// One page of student works: judul, siswa, kategori, unggulan, tanggal (school time zone).
class StudentWorkTableModel : public ListTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Student, Category, Featured, Submitted, ColumnCount };
    explicit StudentWorkTableModel(QObject *parent = nullptr);
    void setWorks(const QList<StudentWork> &works);
    void setTimeZone(const QTimeZone &zone);
    const StudentWork *workAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StudentWork> m_works;
    QTimeZone m_zone;
};

} // namespace tu::ui
