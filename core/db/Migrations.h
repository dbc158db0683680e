#pragma once
#include "Result.h"

#include <QList>
#include <QString>

namespace tu {

class Database;

// Versioned schema migrations shipped in resources (`:/migrations/NNN_name.sql`, with an optional
// `NNN_name.postgres.sql` / `NNN_name.sqlite.sql` variant where the dialects differ). Pending
// ones are applied at start in one transaction and recorded in `schema_version`; a database
// newer than this program is refused rather than misread.
class Migrations
{
public:
    struct Migration {
        int version = 0;
        QString name;
        QString sql;
    };

    static QList<Migration> available(bool postgres, const QString &dir = QStringLiteral(":/migrations"));
    static int latestVersion();
    static Status apply(Database &db, const QString &dir = QStringLiteral(":/migrations"));
    // Splits a script into statements at lines ending with ';' (no procedural SQL needed).
    static QStringList statements(const QString &script);
};

} // namespace tu
