#pragma once
#include "Result.h"

#include <QString>

namespace tu {

class Core;
class Database;
struct ContentType;

// A list seen from outside without reading it: its row count and its newest change time. Two
// equal stamps mean nothing was added, changed or deleted in between (an insert or update moves
// `latest`, a delete lowers `count`), so the desktop's list pages poll this, one aggregate query,
// and read the list again only when it moved: a registration arriving through the web, an edit
// on another desktop, a sync.
struct ChangeStamp {
    qint64 count = 0;
    QString latest;
    bool operator==(const ChangeStamp &o) const { return count == o.count && latest == o.latest; }
    bool operator!=(const ChangeStamp &o) const { return !(*this == o); }
};

// The stamp of each list the desktop keeps current. Reads only, safe on any thread (each thread
// has its own connection); no permission is needed, since a count and a time say nothing about
// the rows.
namespace changes {
Result<ChangeStamp> registrations(Core &core); // PPDB
Result<ChangeStamp> users(Core &core);
Result<ChangeStamp> tahunAjaran(Core &core);
Result<ChangeStamp> content(Core &core, const ContentType &type);
Result<ChangeStamp> studentWorks(Core &core);
// The log only grows: the newest entry's sequence number (as `count`) and time, both from the
// (at, seq) index instead of counting every entry.
Result<ChangeStamp> auditLog(Core &core);

// COUNT(*) and MAX(`timeColumn`) of `table`; both names come from the code, never from input.
Result<ChangeStamp> ofTable(Database &db, const QString &table, const QString &timeColumn = QStringLiteral("updated_at"));
} // namespace changes

} // namespace tu
