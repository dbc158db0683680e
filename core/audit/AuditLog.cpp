#include "AuditLog.h"
#include "db/Database.h"

#include <QJsonDocument>

namespace tu {

namespace {
QString toText(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject fromText(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

const QString Columns = QStringLiteral("id, at, user_id, username, ip, action, entity, entity_id, before_json, after_json");
AuditEntry fromRow(const QSqlQuery &r)
{
    return {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
            r.value(4).toString(), r.value(5).toString(), r.value(6).toString(), r.value(7).toString(),
            fromText(r.value(8).toString()), fromText(r.value(9).toString())};
}

struct AreaDef { const char *area; const char *label; QStringList entities; };
const QList<AreaDef> &areaDefs()
{
    static const QList<AreaDef> d{
        {"users", "Pengguna & sesi", {QStringLiteral("user"), QStringLiteral("session")}},
        {"settings", "Pengaturan", {QStringLiteral("settings")}},
        {"tahun_ajaran", "Tahun ajaran", {QStringLiteral("tahun_ajaran")}},
        {"ppdb", "PPDB", {QStringLiteral("ppdb_registration")}},
        {"content", "Konten sekolah", {QStringLiteral("news"), QStringLiteral("announcement"), QStringLiteral("calendar_event"),
                                       QStringLiteral("teacher"), QStringLiteral("facility"), QStringLiteral("extracurricular"),
                                       QStringLiteral("media")}},
        {"student_works", "Karya siswa", {QStringLiteral("student_work")}},
        {"dapodik", "Sinkronisasi Dapodik", {QStringLiteral("dapodik_sync")}},
        {"satudata", "Satu Data", {QStringLiteral("satudata_file"), QStringLiteral("satudata_sync"), QStringLiteral("satudata_schedule")}},
    };
    return d;
}
} // namespace

QJsonObject AuditEntry::toJson() const
{
    return {{"id", id}, {"at", at}, {"userId", userId}, {"username", username}, {"ip", ip}, {"action", action},
            {"entity", entity}, {"area", AuditLog::areaOf(entity)}, {"entityId", entityId}, {"before", before}, {"after", after}};
}

Status AuditLog::record(const Actor &actor, const QString &action, const QString &entity, const QString &entityId,
                        const QJsonObject &before, const QJsonObject &after)
{
    auto r = m_db.execCached(QStringLiteral("INSERT INTO audit_log (id, at, user_id, username, ip, action, entity, entity_id, "
                                      "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {newId(), nowIso(), actor.userId.isEmpty() ? QVariant() : actor.userId, actor.username,
                        actor.ip.isEmpty() ? QVariant() : actor.ip, action, entity, entityId,
                        before.isEmpty() ? QVariant() : toText(before), after.isEmpty() ? QVariant() : toText(after)});
    if (!r.ok())
        return r.error();
    return {};
}

const QStringList &AuditLog::areas()
{
    static const QStringList a = [] {
        QStringList out;
        for (const AreaDef &d : areaDefs())
            out << QLatin1String(d.area);
        return out;
    }();
    return a;
}

QStringList AuditLog::entitiesOf(const QString &area)
{
    for (const AreaDef &d : areaDefs())
        if (area == QLatin1String(d.area))
            return d.entities;
    return {};
}

QString AuditLog::areaOf(const QString &entity)
{
    for (const AreaDef &d : areaDefs())
        if (d.entities.contains(entity))
            return QLatin1String(d.area);
    return QLatin1String(OtherArea);
}

QString AuditLog::areaLabel(const QString &area)
{
    for (const AreaDef &d : areaDefs())
        if (area == QLatin1String(d.area))
            return QString::fromUtf8(d.label);
    return area;
}

Result<AuditPage> AuditLog::query(const AuditFilter &filter)
{
    QHash<QString, QString> f;
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!filter.userId.isEmpty()) {
        where += QStringLiteral(" AND user_id = ?");
        binds << filter.userId;
    }
    if (!filter.area.isEmpty()) {
        const QStringList entities = entitiesOf(filter.area);
        if (entities.isEmpty()) {
            f.insert(QStringLiteral("area"), QStringLiteral("Area harus salah satu dari: %1.").arg(areas().join(QStringLiteral(", "))));
        } else {
            where += QStringLiteral(" AND entity IN (") + QStringList(entities.size(), QStringLiteral("?")).join(QStringLiteral(", ")) + QLatin1Char(')');
            for (const QString &e : entities)
                binds << e;
        }
    }
    // Dates are days of the school's calendar; stored times are UTC.
    auto day = [&](const QString &key, const QString &value, bool end) -> QString {
        if (value.isEmpty())
            return {};
        const QDate d = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
        if (!d.isValid()) {
            f.insert(key, QStringLiteral("Tanggal harus berformat TTTT-BB-HH."));
            return {};
        }
        const QDateTime t = end ? QDateTime(d.addDays(1), QTime(0, 0), filter.zone) : QDateTime(d, QTime(0, 0), filter.zone);
        return t.toUTC().toString(Qt::ISODateWithMs);
    };
    const QString from = day(QStringLiteral("from"), filter.from, false);
    const QString to = day(QStringLiteral("to"), filter.to, true);
    if (!from.isEmpty() && !to.isEmpty() && from >= to)
        f.insert(QStringLiteral("to"), QStringLiteral("Tanggal akhir tidak boleh sebelum tanggal awal."));
    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Filter log audit tidak valid."));
    if (!from.isEmpty()) {
        where += QStringLiteral(" AND at >= ?");
        binds << from;
    }
    if (!to.isEmpty()) {
        where += QStringLiteral(" AND at < ?");
        binds << to;
    }
    auto total = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log") + where, binds);
    if (!total.ok())
        return total.error();
    AuditPage page;
    page.page = filter.page;
    page.total = total.value().next() ? total.value().value(0).toLongLong() : 0;
    QVariantList pb = binds;
    pb << filter.page.limit << filter.page.offset();
    auto rows = allRows<AuditEntry>(m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_log") + where
                                                  + QStringLiteral(" ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?"), pb),
                                    fromRow);
    if (!rows.ok())
        return rows.error();
    page.items = rows.value();
    return page;
}

Result<QList<AuditEntry>> AuditLog::recent(int limit, const QString &entity, const QString &entityId)
{
    QString sql = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_log WHERE 1 = 1");
    QVariantList binds;
    if (!entity.isEmpty()) {
        sql += QStringLiteral(" AND entity = ?");
        binds << entity;
    }
    if (!entityId.isEmpty()) {
        sql += QStringLiteral(" AND entity_id = ?");
        binds << entityId;
    }
    sql += QStringLiteral(" ORDER BY at DESC, seq DESC LIMIT ?");
    binds << limit;
    return allRows<AuditEntry>(m_db.exec(sql, binds), fromRow);
}

} // namespace tu
