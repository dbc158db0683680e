#pragma once
#include "Paging.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace tu {

class Database;

struct DapodikListFilter {
    QString q;           // nama / npsn / nik / nuptk contains
    QString kodeWilayah; // sekolah: of this kecamatan; ptk: of schools in this kecamatan
    QString npsn;        // ptk: of this school
    QString status;      // ptk: status_kepegawaian
    bool includeInactive = false;
    PageRequest page;
    // What to compute: a caller that wants both sooner can ask for the page and the total as two
    // parts on two connections at once (the desktop's search as you type).
    enum class Parts { PageAndTotal, PageOnly, TotalOnly };
    Parts parts = Parts::PageAndTotal;
};

struct DapodikListPage {
    QList<QJsonObject> items;
    qint64 total = 0;     // -1: not counted (Parts::PageOnly and a full page)
    PageRequest page;
};

struct AnalyticsRow {
    QString dimensi, kunci, label;
    qint64 jumlah = 0;
};

// All SQL about Dapodik data: batched upserts (INSERT … ON CONFLICT DO UPDATE, on SQLite and
// PostgreSQL), inactive marking of records gone upstream (never deleted), searchable lists and
// the dashboard analytics. Writes run on the caller's connection, inside its transaction.
class DapodikRepository
{
public:
    explicit DapodikRepository(Database &db) : m_db(db) {}
    // The upstream columns kept per table, the key first (API rows add active, inactive_at, synced_at).
    static const QStringList &kecamatanColumns();
    static const QStringList &sekolahColumns();
    static const QStringList &ptkColumns();

    Result<int> upsertKecamatan(const QList<QJsonObject> &rows, const QString &at);
    Result<int> upsertSekolah(const QList<QJsonObject> &rows, const QString &at);
    Result<int> upsertPtk(const QList<QJsonObject> &rows, const QString &at);
    // Marks active records missing from `keep` inactive; returns how many.
    Result<int> retireKecamatan(const QString &kodeKabupaten, const QStringList &keep, const QString &at);
    Result<int> retireSekolah(const QString &kodeKecamatan, const QStringList &keepNpsn, const QString &at);
    Result<int> retirePtk(const QString &npsn, const QStringList &keepIds, const QString &at);
    Result<int> retireSchool(const QString &npsn, const QString &at); // and its PTK

    Result<QStringList> activeKecamatan();
    Result<QStringList> activeSekolah(); // npsn of every active school
    Result<QString> kecamatanName(const QString &kode);

    Result<DapodikListPage> kecamatanList(const DapodikListFilter &f);
    Result<DapodikListPage> sekolahList(const DapodikListFilter &f);
    Result<DapodikListPage> ptkList(const DapodikListFilter &f);

    // PostgreSQL: REFRESH MATERIALIZED VIEW CONCURRENTLY mv_dashboard_analitik; SQLite: the
    // dashboard_analitik table rebuilt from the same SELECT in one transaction.
    Status refreshAnalytics();
    Result<QList<AnalyticsRow>> analytics();

private:
    Result<DapodikListPage> list(const QString &table, const QStringList &columns, const QStringList &pageColumns, const QString &where,
                                 const QVariantList &binds, const QString &orderBy, const PageRequest &page, DapodikListFilter::Parts parts);
    QString namaColumn() const;
    Database &m_db;
};

} // namespace tu
