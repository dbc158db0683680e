#include "DatabaseConfig.h"

#include <QUrl>

namespace tu {

DatabaseConfig DatabaseConfig::sqlite(const QString &path)
{
    DatabaseConfig c;
    c.kind = Kind::Sqlite;
    c.sqlitePath = path;
    return c;
}

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.startsWith(QLatin1String("sqlite:"))) {
        QString path = trimmed.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return Error::validation({{QStringLiteral("database"), QStringLiteral("Path berkas SQLite kosong.")}});
        return sqlite(path);
    }
    if (trimmed.startsWith(QLatin1String("postgresql://")) || trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(trimmed);
        if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2)
            return Error::validation({{QStringLiteral("database"),
                                       QStringLiteral("Alamat PostgreSQL tidak valid. Contoh: postgresql://user:sandi@127.0.0.1:5432/tatausaha")}});
        DatabaseConfig c;
        c.kind = Kind::Postgres;
        c.host = u.host();
        c.port = u.port(5432);
        c.user = u.userName();
        c.password = u.password();
        c.name = u.path().mid(1);
        return c;
    }
    return Error::validation({{QStringLiteral("database"),
                               QStringLiteral("Jenis basis data tidak dikenal. Gunakan sqlite:<berkas> atau postgresql://…")}});
}

QString DatabaseConfig::displayUrl() const
{
    if (!isPostgres())
        return QStringLiteral("sqlite:") + sqlitePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

} // namespace tu
