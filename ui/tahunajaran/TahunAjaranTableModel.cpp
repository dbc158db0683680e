#include "TahunAjaranTableModel.h"
#include "common/SchoolTime.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace tu::ui {

void TahunAjaranTableModel::setYears(const QList<TahunAjaran> &years)
{
    syncRows(m_years, years, [](const TahunAjaran &t) { return t.id; },
             [](const TahunAjaran &a, const TahunAjaran &b) { return a.toJson() == b.toJson(); });
}

int TahunAjaranTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_years.size(); ++i)
        if (m_years.at(i).id == id)
            return i;
    return -1;
}

const TahunAjaran *TahunAjaranTableModel::yearAt(int row) const
{
    return row >= 0 && row < m_years.size() ? &m_years[row] : nullptr;
}

int TahunAjaranTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_years.size(); }
int TahunAjaranTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TahunAjaranTableModel::data(const QModelIndex &index, int role) const
{
    const TahunAjaran *t = yearAt(index.row());
    if (!t)
        return {};
    const QLocale id(QLocale::Indonesian, QLocale::Indonesia);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Nama: return t->nama;
        case Awal: return id.toString(t->awal, QStringLiteral("d MMMM yyyy"));
        case Akhir: return id.toString(t->akhir, QStringLiteral("d MMMM yyyy"));
        case Status: return t->inTrash() ? tr("Di tempat sampah") : t->isActive() ? tr("Aktif") : tr("Nonaktif");
        case Updated: return SchoolTime(m_zone).format(t->updatedAt, SchoolTime::Medium, id);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return t->isActive() ? theme::Success : theme::TextMuted;
    if (role == Qt::FontRole && (index.column() == Nama || (index.column() == Status && t->isActive()))) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && index.column() == Status && t->isActive())
        return plainToolTip(tr("Tahun ajaran aktif: pendaftaran PPDB mengikuti periode ini."));
    return {};
}

QVariant TahunAjaranTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Nama: return tr("Tahun ajaran");
    case Awal: return tr("Awal pendaftaran");
    case Akhir: return tr("Akhir pendaftaran");
    case Status: return tr("Status");
    case Updated: return tr("Diperbarui");
    }
    return {};
}

} // namespace tu::ui
