#pragma once
#include "Result.h"

#include <QString>
#include <QStringList>

namespace tu {

// Where the data lives: `sqlite:<path>` (default) or `postgresql://user:pass@host:port/db`.
struct DatabaseConfig {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString name;

    static Result<DatabaseConfig> fromUrl(const QString &url);
    static DatabaseConfig sqlite(const QString &path);
    bool isPostgres() const { return kind == Kind::Postgres; }
    QString kindName() const { return kindNames().at(isPostgres() ? 1 : 0); }
    static const QStringList &kindNames() // sqlite, postgresql
    {
        static const QStringList k{QStringLiteral("sqlite"), QStringLiteral("postgresql")};
        return k;
    }
    // For logs and the status bar: never contains the password.
    QString displayUrl() const;
};

} // namespace tu
