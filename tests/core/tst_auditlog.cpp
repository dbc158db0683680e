// The audit log query: filters by user, area and school-calendar dates, newest first, paged.
#include "CoreSuite.h"
#include "TestSupport.h"
#include "app/ChangeStamps.h"

#include <QTest>

using namespace tu;

class TestAuditLog : public test::CoreSuite
{
    Q_OBJECT
    AuditLog &log() { return tc->core->audit(); }
    void at(const QString &iso, const QString &user, const QString &entity)
    {
        QVERIFY(tc->core->db().exec(QStringLiteral("INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id) VALUES (?, ?, ?, ?, 'update', ?, 'x')"),
                                    {newId(), iso, user, user, entity}).ok());
    }
    QStringList users(AuditFilter f)
    {
        QStringList out;
        const auto page = log().query(f);
        for (const AuditEntry &e : page.value().items)
            out << e.username;
        return out;
    }

    void prepare() override
    {
        QVERIFY(tc->core->db().exec(QStringLiteral("DELETE FROM audit_log")).ok());
        at(QStringLiteral("2025-07-13T16:59:59.000Z"), QStringLiteral("a"), QStringLiteral("news"));          // 13 Jul 23:59 WIB
        at(QStringLiteral("2025-07-13T17:00:00.000Z"), QStringLiteral("b"), QStringLiteral("teacher"));       // 14 Jul 00:00 WIB
        at(QStringLiteral("2025-07-14T16:59:59.999Z"), QStringLiteral("a"), QStringLiteral("ppdb_registration")); // 14 Jul 23:59 WIB
        at(QStringLiteral("2025-07-14T17:00:00.000Z"), QStringLiteral("c"), QStringLiteral("user"));          // 15 Jul WIB
    }

private slots:
    void filters()
    {
        AuditFilter f;
        f.zone = QTimeZone("Asia/Jakarta");
        QCOMPARE(users(f), (QStringList{"c", "a", "b", "a"}));
        f.from = f.to = QStringLiteral("2025-07-14");
        QCOMPARE(users(f), (QStringList{"a", "b"}));
        f.area = QStringLiteral("content");
        QCOMPARE(users(f), QStringList{"b"});
        f = {};
        f.userId = QStringLiteral("a");
        QCOMPARE(users(f), (QStringList{"a", "a"}));
        f = {};
        f.area = QStringLiteral("ppdb");
        QCOMPARE(log().query(f)->total, 1);
        QCOMPARE(log().query(f)->items.first().toJson().value(QLatin1String("area")).toString(), QStringLiteral("ppdb"));
    }

    void paging()
    {
        AuditFilter f;
        f.page = PageRequest::parse(QStringLiteral("2"), QStringLiteral("3")).value();
        auto p = log().query(f);
        QCOMPARE(p->total, 4);
        QCOMPARE(p->items.size(), 1);
        QCOMPARE(p->items.first().username, QStringLiteral("a"));
    }

    // The Log Audit page polls this: every new entry moves it, even two in one millisecond.
    void changeStampMovesWithEveryEntry()
    {
        auto before = changes::auditLog(*tc->core);
        QVERIFY(before.ok());
        QCOMPARE(before->latest, QStringLiteral("2025-07-14T17:00:00.000Z"));
        QCOMPARE(*changes::auditLog(*tc->core), *before);
        at(QStringLiteral("2025-07-14T17:00:00.000Z"), QStringLiteral("d"), QStringLiteral("user")); // same millisecond
        auto after = changes::auditLog(*tc->core);
        QVERIFY(after.ok());
        QVERIFY(*after != *before);
        QVERIFY(log().record(Actor::system(QStringLiteral("t")), QStringLiteral("update"), QStringLiteral("user"), QStringLiteral("x")).ok());
        QVERIFY(*changes::auditLog(*tc->core) != *after);
    }

    void badFilters()
    {
        AuditFilter f;
        f.area = QStringLiteral("semua");
        QCOMPARE(log().query(f).error().fields.keys(), QStringList{"area"});
        f = {};
        f.from = QStringLiteral("14-07-2025");
        QVERIFY(log().query(f).error().fields.contains(QStringLiteral("from")));
        f = {};
        f.from = QStringLiteral("2025-07-15");
        f.to = QStringLiteral("2025-07-14");
        QVERIFY(log().query(f).error().fields.contains(QStringLiteral("to")));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
