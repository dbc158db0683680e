#include "DapodikSyncStore.h"
#include "db/Database.h"

namespace tu {

QJsonObject DapodikSyncLogEntry::toJson() const
{
    return {{"id", id}, {"kind", kind}, {"params", params}, {"status", status}, {"startedAt", startedAt},
            {"finishedAt", finishedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(finishedAt)},
            {"startedBy", startedBy}, {"message", message}, {"resumed", resumed},
            {"counts", QJsonObject{{"kecamatan", counts.kecamatan}, {"sekolah", counts.sekolah}, {"ptk", counts.ptk},
                                   {"inactive", counts.inactive}, {"errors", counts.errors}}}};
}

const QStringList &DapodikSyncStore::kinds()
{
    static const QStringList k{QStringLiteral("global"), QStringLiteral("kecamatan"), QStringLiteral("all-ptk"), QStringLiteral("all-sekolah"),
                               QStringLiteral("ptk")};
    return k;
}

const QStringList &DapodikSyncStore::statuses()
{
    static const QStringList s{QStringLiteral("running"), QStringLiteral("success"), QStringLiteral("error"), QStringLiteral("cancelled"),
                               QStringLiteral("interrupted")};
    return s;
}

Result<QJsonObject> DapodikSyncStore::metadata(const QString &key)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, key, value FROM sync_metadata WHERE key = ?"), {key});
    if (!q.ok())
        return q.error();
    if (!q.value().next())
        return Error::notFound(QStringLiteral("Metadata %1 tidak ada.").arg(key));
    return QJsonObject{{"id", q.value().value(0).toInt()}, {"key", q.value().value(1).toString()}, {"value", q.value().value(2).toString()}};
}

Status DapodikSyncStore::setMetadata(const QString &key, const QString &value)
{
    auto r = m_db.exec(QStringLiteral("UPDATE sync_metadata SET value = ?, updated_at = ? WHERE key = ?"), {value, nowIso(), key});
    if (!r.ok())
        return r.error();
    return {};
}

Result<QString> DapodikSyncStore::startLog(const QString &kind, const QString &params, const QString &startedBy, bool resumed)
{
    Q_ASSERT(kinds().contains(kind));
    const QString id = newId();
    auto r = m_db.exec(QStringLiteral("INSERT INTO sync_log (id, kind, params, status, started_at, started_by, resumed) VALUES (?, ?, ?, 'running', ?, ?, ?)"),
                       {id, kind, params, nowIso(), startedBy, resumed ? 1 : 0});
    if (!r.ok())
        return r.error();
    return id;
}

Status DapodikSyncStore::finishLog(const QString &id, const QString &status, const DapodikSyncCounts &c, const QString &message)
{
    Q_ASSERT(statuses().contains(status));
    auto r = m_db.exec(QStringLiteral("UPDATE sync_log SET status = ?, finished_at = ?, kecamatan_count = ?, sekolah_count = ?, ptk_count = ?, "
                                      "inactive_count = ?, error_count = ?, message = ? WHERE id = ?"),
                       {status, nowIso(), c.kecamatan, c.sekolah, c.ptk, c.inactive, c.errors, message.left(1000), id});
    if (!r.ok())
        return r.error();
    return {};
}

Status DapodikSyncStore::addError(const QString &logId, const QString &item, const QString &message)
{
    auto r = m_db.exec(QStringLiteral("INSERT INTO sync_log_errors (id, log_id, item, message, at) VALUES (?, ?, ?, ?, ?)"),
                       {newId(), logId, item.left(300), message.left(1000), nowIso()});
    if (!r.ok())
        return r.error();
    return {};
}

Result<QList<DapodikSyncLogEntry>> DapodikSyncStore::logs(const PageRequest &page, qint64 *total)
{
    auto n = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM sync_log"));
    if (!n.ok())
        return n.error();
    *total = n.value().next() ? n.value().value(0).toLongLong() : 0;
    return allRows<DapodikSyncLogEntry>(
        m_db.exec(QStringLiteral("SELECT id, kind, params, status, started_at, finished_at, started_by, message, kecamatan_count, sekolah_count, "
                                 "ptk_count, inactive_count, error_count, resumed FROM sync_log ORDER BY started_at DESC, id LIMIT ? OFFSET ?"),
                  {page.limit, page.offset()}),
        [](const QSqlQuery &q) {
            DapodikSyncLogEntry e;
            e.id = q.value(0).toString();
            e.kind = q.value(1).toString();
            e.params = q.value(2).toString();
            e.status = q.value(3).toString();
            e.startedAt = q.value(4).toString();
            e.finishedAt = q.value(5).toString();
            e.startedBy = q.value(6).toString();
            e.message = q.value(7).toString();
            e.counts = {q.value(8).toInt(), q.value(9).toInt(), q.value(10).toInt(), q.value(11).toInt(), q.value(12).toInt()};
            e.resumed = q.value(13).toInt() != 0;
            return e;
        });
}

Result<QList<QJsonObject>> DapodikSyncStore::errors(const QString &logId)
{
    return allRows<QJsonObject>(m_db.exec(QStringLiteral("SELECT item, message, at FROM sync_log_errors WHERE log_id = ? ORDER BY at, item"), {logId}),
                                [](const QSqlQuery &q) {
                                    return QJsonObject{{"item", q.value(0).toString()}, {"message", q.value(1).toString()}, {"at", q.value(2).toString()}};
                                });
}

Result<QStringList> DapodikSyncStore::checkpoints(const QString &jobKey)
{
    auto q = m_db.exec(QStringLiteral("SELECT item FROM sync_checkpoints WHERE job_key = ?"), {jobKey});
    if (!q.ok())
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

Status DapodikSyncStore::addCheckpoint(const QString &jobKey, const QString &item)
{
    auto r = m_db.exec(QStringLiteral("INSERT INTO sync_checkpoints (job_key, item, done_at) VALUES (?, ?, ?) ON CONFLICT (job_key, item) DO NOTHING"),
                       {jobKey, item, nowIso()});
    if (!r.ok())
        return r.error();
    return {};
}

Status DapodikSyncStore::clearCheckpoints(const QString &jobKey)
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM sync_checkpoints WHERE job_key = ?"), {jobKey});
    if (!r.ok())
        return r.error();
    return {};
}

Result<bool> DapodikSyncStore::recoverInterrupted()
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto meta = m_db.execAffected(QStringLiteral("UPDATE sync_metadata SET value = 'ERROR: interrupted', updated_at = ? WHERE value = 'RUNNING'"), {nowIso()});
    if (!meta.ok())
        return meta.error();
    auto logs = m_db.execAffected(QStringLiteral("UPDATE sync_log SET status = 'interrupted', finished_at = ?, "
                                                 "message = 'Terputus: program berhenti saat sinkronisasi berjalan. Jalankan lagi untuk melanjutkan.' "
                                                 "WHERE status = 'running'"),
                                  {nowIso()});
    if (!logs.ok())
        return logs.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return meta.value() + logs.value() > 0;
}

} // namespace tu
