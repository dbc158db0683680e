#pragma once
#include "dapodik/DapodikService.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QThreadPool>
#include <memory>

namespace tu {
class Core;
}

namespace tu::ui {

// Synced Dapodik schools or PTK, filtered and paged by the database (DapodikRepository), never
// in memory: a filter change asks for the first 100 rows on a worker thread, scrolling down
// fetches the next 100 (canFetchMore/fetchMore). The newest filter never waits for an older
// one: each change starts its query at once on a free worker of the model's own small pool
// (each worker has its own connection) and interrupts the query it supersedes (SQLite:
// sqlite3_interrupt; PostgreSQL: its answer is dropped), so typing key by key costs no more
// than typing the last key. Inactive records (gone upstream) are greyed.
class DapodikListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Sekolah, Ptk };
    static constexpr int PageSize = 100;
    enum SekolahColumn { SNpsn, SNama, SBentuk, SStatus, SKecamatan, SJumlahPtk, SAktif, SekolahColumnCount };
    enum PtkColumn { PNama, PNik, PNuptk, PGender, PJenis, PStatus, PSekolah, PAktif, PtkColumnCount };

    DapodikListModel(Core &core, Kind kind, QObject *parent = nullptr);
    ~DapodikListModel() override;

    Kind kind() const { return m_kind; }
    // Starts a query when the filter differs from the current one (or `force`).
    void setFilter(const DapodikListFilter &filter, bool force = false);
    void reload() { setFilter(m_filter, true); }
    const DapodikListFilter &filter() const { return m_filter; }
    // Kecamatan names for the Sekolah "Kecamatan" column.
    void setKecamatanNames(const QHash<QString, QString> &names);

    qint64 total() const { return m_total; }
    bool isLoading() const { return m_inFlight; }
    QString errorText() const { return m_error; }
    QJsonObject rowAt(int row) const { return m_rows.value(row); }
    // Milliseconds from the last filter change to its rows being in the model.
    qint64 lastLatencyMs() const { return m_lastLatency; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // The rows of the current filter arrived (first page or a further one).
    void loaded();
    void loadingChanged(bool loading);
    void failed(const QString &message);

private:
    void runQuery(int page);
    Core &m_core;
    Kind m_kind;
    DapodikListFilter m_filter;
    QList<QJsonObject> m_rows;
    QHash<QString, QString> m_kecNames;
    qint64 m_total = 0;
    int m_loadedPages = 0;
    quint64 m_generation = 0;   // bumped by every filter change
    bool m_inFlight = false;    // the newest query has not answered yet
    std::shared_ptr<DapodikService::ListCancel> m_running; // of the newest query, to stop it when superseded
    QThreadPool m_pool;
    bool m_everLoaded = false;
    QString m_error;
    QElapsedTimer m_sinceFilter;
    qint64 m_lastLatency = -1;
};

} // namespace tu::ui
