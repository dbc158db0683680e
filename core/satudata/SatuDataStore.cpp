#include "SatuDataStore.h"
#include "db/Database.h"

#include <QJsonDocument>

namespace tu {

namespace {
const QString StateColumns = QStringLiteral("file_id, target, status, remote_id, resource_id, remote_modified, pushed_hash, "
                                            "last_sync_at, last_attempt_at, failure_class, error, conflict_json");
TargetState stateFrom(const QSqlQuery &q)
{
    TargetState s;
    int i = 0;
    s.fileId = q.value(i++).toString();
    s.target = q.value(i++).toString();
    s.status = q.value(i++).toString();
    s.remoteId = q.value(i++).toString();
    s.resourceId = q.value(i++).toString();
    s.remoteModified = q.value(i++).toString();
    s.pushedHash = q.value(i++).toString();
    s.lastSyncAt = q.value(i++).toString();
    s.lastAttemptAt = q.value(i++).toString();
    s.failureClass = q.value(i++).toString();
    s.error = q.value(i++).toString();
    s.conflictRemote = QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).object();
    return s;
}

QVariant opt(const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }

const QString LogColumns = QStringLiteral("id, run_id, file_id, file_title, target, status, failure_class, message, answer, "
                                          "duration_ms, attempt, actor, at");
PushLogEntry logFrom(const QSqlQuery &q)
{
    PushLogEntry e;
    int i = 0;
    e.id = q.value(i++).toString();
    e.runId = q.value(i++).toString();
    e.fileId = q.value(i++).toString();
    e.fileTitle = q.value(i++).toString();
    e.target = q.value(i++).toString();
    e.status = q.value(i++).toString();
    e.failureClass = q.value(i++).toString();
    e.message = q.value(i++).toString();
    e.answer = q.value(i++).toString();
    e.durationMs = q.value(i++).toLongLong();
    e.attempt = q.value(i++).toInt();
    e.actor = q.value(i++).toString();
    e.at = q.value(i++).toString();
    return e;
}
} // namespace

Result<QMap<QString, TargetState>> SatuDataStore::states(const QString &fileId)
{
    auto rows = allRows<TargetState>(m_db.exec(QStringLiteral("SELECT ") + StateColumns + QStringLiteral(" FROM satudata_targets WHERE file_id = ?"), {fileId}), stateFrom);
    if (!rows.ok())
        return rows.error();
    QMap<QString, TargetState> out;
    for (const TargetState &s : rows.value())
        out.insert(s.target, s);
    return out;
}

Result<QHash<QString, QMap<QString, TargetState>>> SatuDataStore::allStates()
{
    auto rows = allRows<TargetState>(m_db.exec(QStringLiteral("SELECT ") + StateColumns + QStringLiteral(" FROM satudata_targets")), stateFrom);
    if (!rows.ok())
        return rows.error();
    QHash<QString, QMap<QString, TargetState>> out;
    for (const TargetState &s : rows.value())
        out[s.fileId].insert(s.target, s);
    return out;
}

Status SatuDataStore::saveState(const TargetState &s)
{
    const QString conflict = s.conflictRemote.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(s.conflictRemote).toJson(QJsonDocument::Compact));
    const QVariantList values{s.status.isEmpty() ? QStringLiteral("pending") : s.status, opt(s.remoteId), opt(s.resourceId), opt(s.remoteModified), opt(s.pushedHash), opt(s.lastSyncAt),
                              opt(s.lastAttemptAt), opt(s.failureClass), opt(s.error), opt(conflict), s.fileId, s.target};
    auto updated = m_db.execAffected(QStringLiteral("UPDATE satudata_targets SET status = ?, remote_id = ?, resource_id = ?, remote_modified = ?, "
                                                    "pushed_hash = ?, last_sync_at = ?, last_attempt_at = ?, failure_class = ?, error = ?, "
                                                    "conflict_json = ? WHERE file_id = ? AND target = ?"),
                                     values);
    if (!updated.ok())
        return updated.error();
    if (updated.value() > 0)
        return {};
    QVariantList ins{s.fileId, s.target};
    ins.append(values.mid(0, 10));
    auto r = m_db.exec(QStringLiteral("INSERT INTO satudata_targets (") + StateColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), ins);
    if (!r.ok())
        return r.error();
    return {};
}

Status SatuDataStore::appendLog(const PushLogEntry &e)
{
    // seq keeps the order of entries written within one millisecond (one writer: the sync).
    auto r = m_db.exec(QStringLiteral("INSERT INTO satudata_sync_log (") + LogColumns
                           + QStringLiteral(", seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                            "(SELECT COALESCE(MAX(seq), 0) + 1 FROM satudata_sync_log))"),
                       {e.id, opt(e.runId), e.fileId, e.fileTitle, e.target, e.status, opt(e.failureClass), opt(e.message),
                        opt(e.answer.left(4000)), e.durationMs, e.attempt, opt(e.actor), e.at});
    if (!r.ok())
        return r.error();
    return {};
}

Result<QList<PushLogEntry>> SatuDataStore::logs(const PushLogFilter &f, qint64 *total)
{
    QStringList where;
    QVariantList binds;
    auto add = [&](const QString &column, const QString &value) {
        if (!value.isEmpty()) {
            where << column + QStringLiteral(" = ?");
            binds << value;
        }
    };
    add(QStringLiteral("file_id"), f.fileId);
    add(QStringLiteral("target"), f.target);
    add(QStringLiteral("status"), f.status);
    const QString w = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    auto count = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM satudata_sync_log") + w, binds);
    if (!count.ok())
        return count.error();
    if (total)
        *total = count.value().next() ? count.value().value(0).toLongLong() : 0;
    QVariantList page = binds;
    page << f.limit << qMax<qint64>(0, (qint64(f.page) - 1) * f.limit); // 64-bit: no page number wraps
    return allRows<PushLogEntry>(m_db.exec(QStringLiteral("SELECT ") + LogColumns + QStringLiteral(" FROM satudata_sync_log") + w
                                               + QStringLiteral(" ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?"),
                                           page),
                                 logFrom);
}

Status SatuDataStore::enqueue(const RetryItem &i)
{
    if (auto s = dequeue(i.fileId, i.target); !s.ok())
        return s;
    auto r = m_db.exec(QStringLiteral("INSERT INTO satudata_retry_queue (file_id, target, attempts, next_at, failure_class, last_error) "
                                      "VALUES (?, ?, ?, ?, ?, ?)"),
                       {i.fileId, i.target, i.attempts, i.nextAt, opt(i.failureClass), opt(i.lastError.left(1000))});
    if (!r.ok())
        return r.error();
    return {};
}

Status SatuDataStore::dequeue(const QString &fileId, const QString &target)
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM satudata_retry_queue WHERE file_id = ? AND target = ?"), {fileId, target});
    if (!r.ok())
        return r.error();
    return {};
}

int SatuDataStore::attempts(const QString &fileId, const QString &target)
{
    auto r = m_db.exec(QStringLiteral("SELECT attempts FROM satudata_retry_queue WHERE file_id = ? AND target = ?"), {fileId, target});
    return r.ok() && r.value().next() ? r.value().value(0).toInt() : 0;
}

Result<QList<RetryItem>> SatuDataStore::queue(const QString &dueBefore)
{
    QString sql = QStringLiteral("SELECT q.file_id, f.title, q.target, q.next_at, q.last_error, q.failure_class, q.attempts "
                                 "FROM satudata_retry_queue q JOIN satudata_files f ON f.id = q.file_id");
    QVariantList binds;
    if (!dueBefore.isEmpty()) {
        sql += QStringLiteral(" WHERE q.next_at <= ?");
        binds << dueBefore;
    }
    sql += QStringLiteral(" ORDER BY q.next_at, q.file_id, q.target");
    return allRows<RetryItem>(m_db.exec(sql, binds), [](const QSqlQuery &q) {
        RetryItem i;
        i.fileId = q.value(0).toString();
        i.fileTitle = q.value(1).toString();
        i.target = q.value(2).toString();
        i.nextAt = q.value(3).toString();
        i.lastError = q.value(4).toString();
        i.failureClass = q.value(5).toString();
        i.attempts = q.value(6).toInt();
        return i;
    });
}

Result<SyncSchedule> SatuDataStore::schedule()
{
    auto r = m_db.exec(QStringLiteral("SELECT frequency, weekday, at_time, targets, updated_at, updated_by FROM satudata_schedule WHERE id = 1"));
    if (!r.ok())
        return r.error();
    SyncSchedule s;
    if (r.value().next()) {
        s.frequency = r.value().value(0).toString();
        s.weekday = r.value().value(1).toInt();
        s.time = r.value().value(2).toString();
        s.targets = r.value().value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        s.updatedAt = r.value().value(4).toString();
        s.updatedBy = r.value().value(5).toString();
    }
    return s;
}

Status SatuDataStore::saveSchedule(const SyncSchedule &s)
{
    auto r = m_db.exec(QStringLiteral("UPDATE satudata_schedule SET frequency = ?, weekday = ?, at_time = ?, targets = ?, updated_at = ?, "
                                      "updated_by = ? WHERE id = 1"),
                       {s.frequency, s.weekday, s.time, s.targets.join(QLatin1Char(',')), s.updatedAt, opt(s.updatedBy)});
    if (!r.ok())
        return r.error();
    return {};
}

QString SatuDataStore::lastRunSlot()
{
    auto r = m_db.exec(QStringLiteral("SELECT last_run_slot FROM satudata_schedule WHERE id = 1"));
    return r.ok() && r.value().next() ? r.value().value(0).toString() : QString();
}

Result<bool> SatuDataStore::claimSlot(const QString &slot)
{
    auto r = m_db.execAffected(QStringLiteral("UPDATE satudata_schedule SET last_run_slot = ? WHERE id = 1 AND (last_run_slot IS NULL OR last_run_slot < ?)"),
                               {slot, slot});
    if (!r.ok())
        return r.error();
    return r.value() == 1;
}

} // namespace tu
