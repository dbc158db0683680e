#include "TahunAjaranRepository.h"
#include "db/Database.h"

namespace tu {

namespace {
const QString Columns = QStringLiteral("id_tahun_ajaran, tahun_ajaran, periode_awal_pendaftaran, periode_akhir_pendaftaran, "
                                       "sts_aktif, sts_hapus, created_at, updated_at");
TahunAjaran fromRow(const QSqlQuery &q)
{
    TahunAjaran t;
    t.id = q.value(0).toString();
    t.nama = q.value(1).toString();
    t.awal = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    t.akhir = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    t.stsAktif = q.value(4).toInt();
    t.stsHapus = q.value(5).toInt();
    t.createdAt = q.value(6).toString();
    t.updatedAt = q.value(7).toString();
    return t;
}
} // namespace

Result<QList<TahunAjaran>> TahunAjaranRepository::list(int stsHapus, int stsAktif)
{
    QString sql = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM tahun_ajaran WHERE 1 = 1");
    QVariantList binds;
    if (stsHapus) {
        sql += QStringLiteral(" AND sts_hapus = ?");
        binds << stsHapus;
    }
    if (stsAktif) {
        sql += QStringLiteral(" AND sts_aktif = ?");
        binds << stsAktif;
    }
    sql += QStringLiteral(" ORDER BY tahun_ajaran DESC, periode_awal_pendaftaran DESC");
    auto q = m_db.exec(sql, binds);
    return allRows<TahunAjaran>(q, fromRow);
}

Result<std::optional<TahunAjaran>> TahunAjaranRepository::byId(const QString &id)
{
    return firstRow<TahunAjaran>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM tahun_ajaran WHERE id_tahun_ajaran = ?"), {id}), fromRow);
}

Result<std::optional<TahunAjaran>> TahunAjaranRepository::active()
{
    return firstRow<TahunAjaran>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM tahun_ajaran WHERE sts_aktif = 1 AND sts_hapus = 1"), {}), fromRow);
}

Status TahunAjaranRepository::insert(const TahunAjaran &t)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO tahun_ajaran (") + Columns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {t.id, t.nama, t.awal.toString(Qt::ISODate), t.akhir.toString(Qt::ISODate), t.stsAktif, t.stsHapus,
                        t.createdAt, t.updatedAt});
    return q.ok() ? Status() : Status(q.error());
}

Status TahunAjaranRepository::update(const TahunAjaran &t)
{
    auto q = m_db.exec(QStringLiteral("UPDATE tahun_ajaran SET tahun_ajaran = ?, periode_awal_pendaftaran = ?, "
                                      "periode_akhir_pendaftaran = ?, sts_aktif = ?, sts_hapus = ?, updated_at = ? "
                                      "WHERE id_tahun_ajaran = ?"),
                       {t.nama, t.awal.toString(Qt::ISODate), t.akhir.toString(Qt::ISODate), t.stsAktif, t.stsHapus,
                        t.updatedAt, t.id});
    return q.ok() ? Status() : Status(q.error());
}

Status TahunAjaranRepository::deactivateAllExcept(const QString &id, const QString &now)
{
    auto q = m_db.exec(QStringLiteral("UPDATE tahun_ajaran SET sts_aktif = 2, updated_at = ? WHERE sts_aktif = 1 AND id_tahun_ajaran <> ?"),
                       {now, id});
    return q.ok() ? Status() : Status(q.error());
}

} // namespace tu
