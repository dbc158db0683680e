#include "SatuDataStore.h"
#include "SatuDataSync.h"
#include "SatuDataSyncParts.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "auth/Permissions.h"
#include "db/Database.h"

// The schedule of the Satu Data sync: reading and setting it, its next slot, and the tick that
// starts the scheduled run or the retries that are due.

namespace tu {

Result<SyncSchedule> SatuDataSync::schedule() { return m_store.schedule(); }

Result<SyncSchedule> SatuDataSync::setSchedule(const Actor &actor, const QJsonObject &json)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto s = SyncSchedule::fromJson(json);
    if (!s.ok())
        return s.error();
    auto before = m_store.schedule();
    if (!before.ok())
        return before.error();
    SyncSchedule next = s.value();
    next.updatedAt = satudata::iso(now());
    next.updatedBy = actor.username;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto st = m_store.saveSchedule(next); !st.ok())
        return st.error();
    if (auto st = m_audit.record(actor, QStringLiteral("update"), QStringLiteral("satudata_schedule"), QStringLiteral("1"),
                                 before->toJson(), next.toJson());
        !st.ok())
        return st.error();
    if (auto st = tx.commit(); !st.ok())
        return st.error();
    return next;
}

QDateTime SatuDataSync::nextScheduledRun()
{
    auto s = schedule();
    return s.ok() ? nextScheduledRun(s.value()) : QDateTime();
}

QDateTime SatuDataSync::nextScheduledRun(const SyncSchedule &schedule) const
{
    return schedule.nextSlot(now(), m_settings.schoolZone());
}

Result<QString> SatuDataSync::tick()
{
    if (isRunning())
        return QString();
    auto sch = m_store.schedule();
    if (!sch.ok())
        return sch.error();
    const QDateTime t = now();
    const QDateTime slot = sch->lastSlot(t, m_settings.schoolZone());
    // A slot counts once, and only if it came after the schedule was set (enabling a daily
    // 07:00 run at 10:00 waits for tomorrow instead of starting at once).
    const QDateTime setAt = QDateTime::fromString(sch->updatedAt, Qt::ISODateWithMs);
    const QDateTime lastRun = QDateTime::fromString(m_store.lastRunSlot(), Qt::ISODateWithMs);
    if (slot.isValid() && (!setAt.isValid() || slot > setAt) && (!lastRun.isValid() || slot > lastRun)) {
        auto claimed = m_store.claimSlot(satudata::iso(slot));
        if (!claimed.ok())
            return claimed.error();
        if (!claimed.value())
            return QString(); // another process took this slot
        auto all = m_files.all();
        if (!all.ok())
            return all.error();
        QList<Item> items;
        for (const DataFile &f : all.value())
            items.append({f.id, sch->targets});
        auto started = startRun(Actor::system(QStringLiteral("jadwal")), QStringLiteral("scheduled"), sch->targets, items);
        if (!started.ok())
            return started.error();
        return QStringLiteral("scheduled");
    }
    auto due = m_store.queue(satudata::iso(t));
    if (!due.ok())
        return due.error();
    if (due->isEmpty())
        return QString();
    QList<Item> items;
    QStringList targets;
    for (const RetryItem &i : due.value()) {
        auto it = std::find_if(items.begin(), items.end(), [&](const Item &x) { return x.fileId == i.fileId; });
        if (it == items.end())
            items.append({i.fileId, {i.target}});
        else
            it->targets << i.target;
        if (!targets.contains(i.target))
            targets << i.target;
    }
    auto started = startRun(Actor::system(QStringLiteral("antrean-ulang")), QStringLiteral("retry"), targets, items);
    if (!started.ok())
        return started.error();
    return QStringLiteral("retry");
}

} // namespace tu
