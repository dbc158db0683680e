#include "DapodikSyncHistoryModel.h"
#include "common/JobProgressPanel.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace tu::ui {

void DapodikSyncHistoryModel::setEntries(const QList<DapodikSyncLogEntry> &entries, const QTimeZone &zone)
{
    beginResetModel();
    m_entries = entries;
    m_zone = zone;
    endResetModel();
}

const DapodikSyncLogEntry *DapodikSyncHistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int DapodikSyncHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DapodikSyncHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DapodikSyncHistoryModel::kindShort(const QString &kind)
{
    if (kind == QLatin1String("global"))
        return tr("Global");
    if (kind == QLatin1String("kecamatan"))
        return tr("Kecamatan");
    if (kind == QLatin1String("all-sekolah"))
        return tr("Semua sekolah");
    if (kind == QLatin1String("all-ptk"))
        return tr("Semua PTK");
    if (kind == QLatin1String("ptk"))
        return tr("Satu PTK");
    return kind;
}

QString DapodikSyncHistoryModel::statusText(const QString &status)
{
    if (status == QLatin1String("success"))
        return tr("Berhasil");
    if (status == QLatin1String("error"))
        return tr("Gagal");
    if (status == QLatin1String("cancelled"))
        return tr("Dibatalkan");
    if (status == QLatin1String("running"))
        return tr("Berjalan");
    if (status == QLatin1String("interrupted"))
        return tr("Terputus");
    return status;
}

QColor DapodikSyncHistoryModel::statusColor(const QString &status)
{
    if (status == QLatin1String("success"))
        return theme::Success;
    if (status == QLatin1String("error") || status == QLatin1String("interrupted"))
        return theme::Danger;
    if (status == QLatin1String("cancelled"))
        return theme::Warning;
    if (status == QLatin1String("running"))
        return theme::PrimaryDark;
    return theme::TextMuted;
}

QString DapodikSyncHistoryModel::countsText(const DapodikSyncCounts &counts)
{
    const QLocale l;
    QStringList parts;
    if (counts.kecamatan)
        parts << tr("%1 kecamatan").arg(l.toString(counts.kecamatan));
    if (counts.sekolah)
        parts << tr("%1 sekolah").arg(l.toString(counts.sekolah));
    if (counts.ptk)
        parts << tr("%1 PTK").arg(l.toString(counts.ptk));
    if (counts.inactive)
        parts << tr("%1 nonaktif").arg(l.toString(counts.inactive));
    if (counts.errors)
        parts << tr("%1 galat").arg(l.toString(counts.errors));
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(" · "));
}

QString DapodikSyncHistoryModel::display(const DapodikSyncLogEntry &e, int column) const
{
    switch (column) {
    case Started: return SchoolTime(m_zone).format(e.startedAt);
    case Kind: return e.resumed ? kindShort(e.kind) + tr(" (lanjutan)") : kindShort(e.kind);
    case Status: return statusText(e.status);
    case Result: return countsText(e.counts);
    case StartedBy: return e.startedBy;
    case Duration: {
        const QDateTime a = QDateTime::fromString(e.startedAt, Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(e.finishedAt, Qt::ISODateWithMs);
        return a.isValid() && b.isValid() ? syncElapsedText(a.msecsTo(b)) : QStringLiteral("—");
    }
    }
    return QString();
}

QVariant DapodikSyncHistoryModel::data(const QModelIndex &index, int role) const
{
    const DapodikSyncLogEntry *e = entryAt(index.row());
    if (!e || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole: return display(*e, index.column());
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(statusColor(e->status)) : QVariant();
    case Qt::FontRole:
        if (index.column() == Status) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: // the job's own words (upstream messages included) as plain text
        return index.column() == Result ? QVariant(plainToolTip(e->message.isEmpty() ? e->params : e->message)) : QVariant();
    default: return {};
    }
}

QVariant DapodikSyncHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started: return tr("Mulai");
    case Kind: return tr("Jenis");
    case Status: return tr("Status");
    case Result: return tr("Hasil");
    case StartedBy: return tr("Oleh");
    case Duration: return tr("Durasi");
    }
    return {};
}

} // namespace tu::ui
