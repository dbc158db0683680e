#include "Migrations.h"
#include "Database.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QRegularExpression>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace tu {

QList<Migrations::Migration> Migrations::available(bool postgres, const QString &dir)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_([a-z0-9_]+?)(?:\\.(postgres|sqlite))?\\.sql$"));
    const QString dialect = postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
    QMap<int, Migration> chosen;
    QMap<int, bool> dialectSpecific;
    for (const QString &file : QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        const QString variant = m.captured(3);
        if (!variant.isEmpty() && variant != dialect)
            continue;
        const int version = m.captured(1).toInt();
        if (dialectSpecific.value(version) && variant.isEmpty())
            continue; // the dialect's own file wins over the common one
        QFile f(dir + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        chosen[version] = Migration{version, m.captured(2), QString::fromUtf8(f.readAll())};
        dialectSpecific[version] = !variant.isEmpty();
    }
    return chosen.values();
}

int Migrations::latestVersion()
{
    const auto all = available(false);
    return all.isEmpty() ? 0 : all.last().version;
}

QStringList Migrations::statements(const QString &script)
{
    QStringList out;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1String("--")) || (t.isEmpty() && current.isEmpty()))
            continue;
        current += line + QLatin1Char('\n');
        if (t.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

Status Migrations::apply(Database &db, const QString &dir)
{
    const auto migrations = available(db.isPostgres(), dir);
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;

    auto created = db.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    if (!created.ok())
        return created.error();

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    if (db.isPostgres()) {
        // Two programs starting together on one PostgreSQL database must not both migrate.
        auto lock = db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7316001)"));
        if (!lock.ok())
            return lock.error();
    }
    auto cur = db.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!cur.ok())
        return cur.error();
    const int current = cur.value().next() ? cur.value().value(0).toInt() : 0;
    if (current > latest) {
        return Error::make(ErrorCode::ServerError,
                           QStringLiteral("Basis data ini memakai skema versi %1, lebih baru daripada yang dikenal "
                                          "program ini (versi %2). Perbarui TataUsaha ke versi terbaru sebelum "
                                          "membuka basis data ini.").arg(current).arg(latest));
    }
    for (const Migration &m : migrations) {
        if (m.version <= current)
            continue;
        for (const QString &stmt : statements(m.sql)) {
            auto r = db.exec(stmt);
            if (!r.ok())
                return Error::make(ErrorCode::ServerError,
                                   QStringLiteral("Migrasi basis data %1 gagal; tidak ada perubahan yang disimpan. "
                                                  "Hubungi admin dengan log aplikasi.").arg(m.version));
        }
        auto rec = db.exec(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"),
                           {m.version, m.name, nowIso()});
        if (!rec.ok())
            return rec.error();
        qCInfo(lcDb) << "applied migration" << m.version << m.name;
    }
    return tx.commit();
}

} // namespace tu
