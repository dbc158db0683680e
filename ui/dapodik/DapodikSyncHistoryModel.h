#pragma once
// The Dapodik sync history (one row per job from the sync log): start in school time, kind,
// status in its colour, what was pulled, who started it and how long it took.

#include "dapodik/DapodikSyncStore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace tu::ui {

class DapodikSyncHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Started, Kind, Status, Result, StartedBy, Duration, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<DapodikSyncLogEntry> &entries, const QTimeZone &zone);
    const DapodikSyncLogEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "Global", "Kecamatan", "Semua sekolah", "Semua PTK", "Satu PTK".
    static QString kindShort(const QString &kind);
    // "Berhasil", "Gagal", "Dibatalkan", "Berjalan", "Terputus" and the colour they are shown in.
    static QString statusText(const QString &status);
    static QColor statusColor(const QString &status);
    // "3 kecamatan · 12 sekolah · 48 PTK", or "—".
    static QString countsText(const DapodikSyncCounts &counts);

private:
    QString display(const DapodikSyncLogEntry &e, int column) const;
    QList<DapodikSyncLogEntry> m_entries;
    QTimeZone m_zone;
};

} // namespace tu::ui
