#pragma once
// Read, edit, write and audit in one transaction: the shape of most mutations. The row is read
// inside the transaction (so a concurrent change waits or is seen), the edit may refuse with an
// error (nothing is written), and the audit entry carries the record before and after.

#include "AuditLog.h"
#include "Result.h"
#include "db/Database.h"

namespace tu {

struct AuditedChange {
    QString action; // "update", "delete", …
    QString entity; // the audit entity ("tahun_ajaran", "satudata_file", …)
    QString id;
    bool removes = false; // a delete: the entry keeps the record before, and nothing after
};

// read(): Result<T>; edit(const T &before): Result<T>; write(const T &after): Status;
// view(const T &): QJsonObject, what the audit entry keeps of the record before and after (a
// summary, or only the fields the action is about).
template<typename Read, typename Edit, typename Write, typename View>
auto auditedChange(Database &db, AuditLog &audit, const Actor &actor, const AuditedChange &what, Read read, Edit edit, Write write, View view)
    -> decltype(read())
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto before = read();
    if (!before.ok())
        return before.error();
    auto after = edit(before.value());
    if (!after.ok())
        return after.error();
    if (auto s = write(after.value()); !s.ok())
        return s.error();
    const QJsonObject afterView = what.removes ? QJsonObject() : view(after.value());
    if (auto s = audit.record(actor, what.action, what.entity, what.id, view(before.value()), afterView); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return after;
}

// The same with the whole record in the audit entry: T has toJson().
template<typename Read, typename Edit, typename Write>
auto auditedChange(Database &db, AuditLog &audit, const Actor &actor, const AuditedChange &what, Read read, Edit edit, Write write)
    -> decltype(read())
{
    return auditedChange(db, audit, actor, what, std::move(read), std::move(edit), std::move(write), [](const auto &record) { return record.toJson(); });
}

} // namespace tu
