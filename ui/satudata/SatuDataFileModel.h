#pragma once
#include "satudata/DataFileService.h"
#include "satudata/SatuDataTypes.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QTimeZone>

namespace tu {
class Core;
}

namespace tu::ui {

// One Satu Data file with what we know of it at each target.
struct SatuDataRow {
    DataFile file;
    QMap<QString, TargetState> states; // "splp" / "sipd" → state; missing: never tried
};

// The Satu Data files (DataFileService) with their per-target sync state (SatuDataSync::
// allStates), read together on a worker thread. Columns: title, period, format, rows, who
// verified and when, the SPLP and SIPD states, and the "Integrasi" column whose cell is the
// row's Sync action (circular-arrow icon).
class SatuDataFileModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Period, Format, Rows, Verified, Splp, Sipd, Integrasi, ColumnCount };
    static constexpr int FileIdRole = Qt::UserRole + 1;

    SatuDataFileModel(Core &core, QObject *parent = nullptr);

    void reload();
    bool isLoading() const { return m_loading > 0; }
    int loadCount() const { return m_loadCount; }
    QString errorText() const { return m_error; }
    void setTimeZone(const QTimeZone &zone);

    const SatuDataRow *rowAt(int row) const;
    int rowOf(const QString &fileId) const;

    // "Tersinkron 02/12 14:05", "Gagal (Jaringan)", "Konflik", "Belum pernah".
    static QString stateText(const TargetState *state, const QTimeZone &zone);
    // The table's two-line form: "Tersinkron\n02/12 14:05", "Gagal\nJaringan", else as stateText.
    static QString stateLines(const TargetState *state, const QTimeZone &zone);
    // "admin · 02/12 10:00" or "Belum".
    static QString verifiedText(const DataFile &file, const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void failed(const QString &message);

private:
    Core &m_core;
    QList<SatuDataRow> m_rows;
    QTimeZone m_zone;
    int m_loading = 0;
    int m_loadCount = 0;
    quint64 m_generation = 0;
    QString m_error;
};

} // namespace tu::ui
