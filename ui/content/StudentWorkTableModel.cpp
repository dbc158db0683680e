#include "StudentWorkTableModel.h"
#include "common/Theme.h"
#include "common/SchoolTime.h"
#include "content/ContentTableModel.h"
#include "content/ContentText.h"
#include "common/Icons.h"
#include "common/PlainText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace tu::ui {

StudentWorkTableModel::StudentWorkTableModel(QObject *parent)
    : ListTableModel(parent), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
}

void StudentWorkTableModel::setWorks(const QList<StudentWork> &works)
{
    syncRows(m_works, works, [](const StudentWork &w) { return w.id; },
             [](const StudentWork &a, const StudentWork &b) { return a.toJson() == b.toJson(); });
}

void StudentWorkTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    refreshAll();
}

const StudentWork *StudentWorkTableModel::workAt(int row) const
{
    return row >= 0 && row < m_works.size() ? &m_works.at(row) : nullptr;
}

int StudentWorkTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_works.size(); ++i)
        if (m_works.at(i).id == id)
            return i;
    return -1;
}

int StudentWorkTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_works.size());
}

int StudentWorkTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudentWorkTableModel::data(const QModelIndex &index, int role) const
{
    const StudentWork *w = workAt(index.row());
    if (!w)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Title: return w->title;
        case Student: return w->studentName.isEmpty() ? w->studentUsername : w->studentName;
        case Category: return studentWorkCategoryText(w->category);
        case Featured: return w->featured ? tr("Unggulan") : QStringLiteral("—");
        case Submitted: return SchoolTime(m_zone).format(w->createdAt);
        }
        break;
    case Qt::ToolTipRole:
        if (col == Title && !w->description.isEmpty())
            return plainToolTip(w->description.left(300));
        if (col == Student)
            return plainToolTip(w->studentUsername);
        break;
    case Qt::DecorationRole:
        if (col == Featured && w->featured)
            return icons::icon(QStringLiteral("star"), theme::WarningIcon);
        break;
    case Qt::ForegroundRole:
        if (col == Featured && w->featured)
            return QBrush(theme::Warning);
        if (col == Submitted || col == Featured)
            return QBrush(theme::TextSoft);
        break;
    case Qt::FontRole:
        if (col == Title || (col == Featured && w->featured)) {
            QFont f;
            f.setWeight(col == Title ? QFont::Medium : QFont::DemiBold);
            return f;
        }
        break;
    case Qt::UserRole:
        return w->id;
    }
    return {};
}

QVariant StudentWorkTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Judul");
    case Student: return tr("Siswa");
    case Category: return tr("Kategori");
    case Featured: return tr("Unggulan");
    case Submitted: return tr("Tanggal");
    }
    return {};
}

} // namespace tu::ui
