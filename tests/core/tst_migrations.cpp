#include "TestSupport.h"
#include "db/Migrations.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace tu;

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void init() { TU_REQUIRE_BACKEND(); }

    void freshDatabaseGetsEveryMigration()
    {
        test::TestDatabase tdb;
        QVERIFY(tdb.ok());
        Database db(DatabaseConfig::fromUrl(tdb.url()).value());
        QVERIFY(db.open().ok());
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QVERIFY(Migrations::latestVersion() >= 1);
        auto q = db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
        QVERIFY(q.ok());
        // Opening again applies nothing twice.
        QVERIFY(Migrations::apply(db).ok());
        auto n = db.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
        QVERIFY(n.ok() && n.value().next());
        QCOMPARE(n.value().value(0).toInt(), Migrations::latestVersion());
    }

    void newerDatabaseIsRefused()
    {
        test::TestDatabase tdb;
        Database db(DatabaseConfig::fromUrl(tdb.url()).value());
        QVERIFY(db.open().ok());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')")).ok());
        const Status s = Migrations::apply(db);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("lebih baru")), qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(QStringLiteral("999")));
    }

    void failingMigrationLeavesNothingBehind()
    {
        test::TestDatabase tdb;
        Database db(DatabaseConfig::fromUrl(tdb.url()).value());
        QVERIFY(db.open().ok());
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &sql) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(sql);
        };
        write(QStringLiteral("901_good.sql"), "CREATE TABLE good_table (id INTEGER PRIMARY KEY);\n");
        write(QStringLiteral("902_bad.sql"), "CREATE TABLE half_table (id INTEGER);\nTHIS IS NOT SQL;\n");
        const Status s = Migrations::apply(db, dir.path());
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("Migrasi")));
        // One transaction: neither 002 nor the half of 003 is there.
        QVERIFY(!db.exec(QStringLiteral("SELECT COUNT(*) FROM good_table")).ok());
        QVERIFY(!db.exec(QStringLiteral("SELECT COUNT(*) FROM half_table")).ok());
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    }

    void dialectSpecificFileWins()
    {
        QTemporaryDir dir;
        for (const auto &[name, sql] : {std::pair{"001_x.sql", "common;"}, std::pair{"001_x.postgres.sql", "pg;"},
                                        std::pair{"002_y.sql", "y;"}}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(sql);
        }
        const auto pg = Migrations::available(true, dir.path());
        const auto lite = Migrations::available(false, dir.path());
        QCOMPARE(pg.size(), 2);
        QCOMPARE(pg[0].sql, QStringLiteral("pg;"));
        QCOMPARE(lite[0].sql, QStringLiteral("common;"));
    }

    void statementSplitting()
    {
        const QStringList s = Migrations::statements(QStringLiteral("-- comment\nCREATE TABLE a (\n x INTEGER\n);\n\nINSERT INTO a VALUES (1);\n"));
        QCOMPARE(s.size(), 2);
        QVERIFY(s[0].startsWith(QStringLiteral("CREATE TABLE a")));
    }

    void badUrlIsAClearError()
    {
        auto c = DatabaseConfig::fromUrl(QStringLiteral("mysql://x"));
        QVERIFY(!c.ok());
        QVERIFY(c.error().fields.value(QStringLiteral("database")).contains(QStringLiteral("tidak dikenal")));
        auto pg = DatabaseConfig::fromUrl(QStringLiteral("postgresql://u:secret@db.local:5433/tu"));
        QVERIFY(pg.ok());
        QCOMPARE(pg->port, 5433);
        QVERIFY(!pg->displayUrl().contains(QStringLiteral("secret")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
