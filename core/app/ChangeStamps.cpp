#include "ChangeStamps.h"
#include "app/Core.h"
#include "content/ContentTypes.h"
#include "db/Database.h"

namespace tu::changes {

namespace {
Result<ChangeStamp> firstStamp(Result<QSqlQuery *> q)
{
    if (!q.ok())
        return q.error();
    ChangeStamp s;
    if (q.value()->next()) {
        s.count = q.value()->value(0).toLongLong();
        s.latest = q.value()->value(1).toString();
    }
    q.value()->finish(); // an unfinished SQLite statement would pin its read snapshot
    return s;
}
} // namespace

Result<ChangeStamp> ofTable(Database &db, const QString &table, const QString &timeColumn)
{
    return firstStamp(db.execCached(QStringLiteral("SELECT COUNT(*), MAX(%1) FROM %2").arg(timeColumn, table), {}));
}

Result<ChangeStamp> registrations(Core &core)
{
    return ofTable(core.db(), QStringLiteral("ppdb_registrations"));
}

Result<ChangeStamp> users(Core &core)
{
    return ofTable(core.db(), QStringLiteral("users"));
}

Result<ChangeStamp> tahunAjaran(Core &core)
{
    return ofTable(core.db(), QStringLiteral("tahun_ajaran"));
}

Result<ChangeStamp> content(Core &core, const ContentType &type)
{
    return ofTable(core.db(), type.table);
}

Result<ChangeStamp> studentWorks(Core &core)
{
    return ofTable(core.db(), QStringLiteral("student_works"));
}

Result<ChangeStamp> auditLog(Core &core)
{
    return firstStamp(core.db().execCached(QStringLiteral("SELECT seq, at FROM audit_log ORDER BY at DESC, seq DESC LIMIT 1"), {}));
}

} // namespace tu::changes
