#include "CoreSuite.h"
#include "TestSupport.h"
#include "auth/PasswordHasher.h"

#include <QJsonDocument>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace tu;

class TestUsers : public test::CoreSuite
{
    Q_OBJECT

    Actor admin;

    UserInput input(const QString &username, const QString &role, const QString &password)
    {
        UserInput in;
        in.username = username;
        in.name = QStringLiteral("Nama ") + username;
        in.role = role;
        in.password = password;
        return in;
    }
    int userCount() { return tc->core->users().count().value(); }

    void prepare() override
    {
        auto a = tc->core->users().list(Actor::system(QStringLiteral("t")));
        QVERIFY(a.ok());
        admin = Actor{a->first().id, a->first().username, Role::Admin, QStringLiteral("127.0.0.1"), false};
    }

private slots:
    void createStoresBcryptAndNeverReturnsHash()
    {
        auto u = tc->core->users().create(admin, input(QStringLiteral("guru.bk"), QStringLiteral("kesiswaan"), QStringLiteral("Sandi-Kuat-9")));
        QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message));
        QVERIFY(u->passwordHash.startsWith("$2b$10$"));
        QVERIFY(PasswordHasher::verify(QStringLiteral("Sandi-Kuat-9"), u->passwordHash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("sandi-kuat-9"), u->passwordHash));
        const QJsonObject json = u->toJson();
        QVERIFY(!json.contains(QStringLiteral("passwordHash")));
        QVERIFY(!QJsonDocument(json).toJson().contains("$2b$"));
    }

    void validationNamesEachFieldAndStoresNothing_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::newRow("short password") << "siti" << "ppdb" << "pendek" << "password" << "minimal 8";
        QTest::newRow("password = username") << "operator1" << "operator" << "OPERATOR1" << "password" << "sama dengan username";
        QTest::newRow("bad username") << "a b" << "ppdb" << "Password-123" << "username" << "Username 3–32";
        QTest::newRow("empty username") << "" << "ppdb" << "Password-123" << "username" << "wajib";
        QTest::newRow("unknown role") << "budi" << "kepala" << "Password-123" << "role" << "Peran harus";
        QTest::newRow("too long password") << "budi" << "ppdb" << QString(80, QLatin1Char('x')) << "password" << "72 byte";
    }
    void validationNamesEachFieldAndStoresNothing()
    {
        QFETCH(QString, username);
        QFETCH(QString, role);
        QFETCH(QString, password);
        QFETCH(QString, field);
        QFETCH(QString, text);
        const int before = userCount();
        auto u = tc->core->users().create(admin, input(username, role, password));
        QVERIFY(!u.ok());
        QCOMPARE(u.error().code, ErrorCode::Validation);
        QVERIFY2(u.error().fields.value(field).contains(text), qPrintable(u.error().fields.value(field)));
        QCOMPARE(userCount(), before);
    }

    void duplicateUsernameIsConflictIgnoringCase()
    {
        QVERIFY(tc->core->users().create(admin, input(QStringLiteral("Rina"), QStringLiteral("ppdb"), QStringLiteral("Password-123"))).ok());
        auto again = tc->core->users().create(admin, input(QStringLiteral("rina"), QStringLiteral("osis"), QStringLiteral("Password-123")));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(again.error().message.contains(QStringLiteral("sudah dipakai")));
    }

    void lastAdminCannotBeDeletedDemotedOrDeactivated()
    {
        UserService &us = tc->core->users();
        // Another admin acts, so the self rules do not hide the last-admin rule.
        const User other = tc->createUser(QStringLiteral("kepsek"), Role::Operator);
        Actor system = Actor::system(QStringLiteral("t"));
        UserInput demote;
        demote.role = QStringLiteral("operator");
        auto d = us.update(system, admin.userId, demote);
        QCOMPARE(d.error().code, ErrorCode::Conflict);
        QVERIFY(d.error().message.contains(QStringLiteral("terakhir")));
        UserInput deactivate;
        deactivate.active = false;
        QCOMPARE(us.update(system, admin.userId, deactivate).error().code, ErrorCode::Conflict);
        QCOMPARE(us.remove(system, admin.userId).error().code, ErrorCode::Conflict);
        QVERIFY(us.get(admin, admin.userId).ok());

        // With a second admin the first may go.
        UserInput promote;
        promote.role = QStringLiteral("admin");
        QVERIFY(us.update(admin, other.id, promote).ok());
        QVERIFY(us.update(system, admin.userId, demote).ok());
    }

    // Two admins demote, deactivate or delete each other at the same moment, each on its own
    // thread and connection. Under PostgreSQL's READ COMMITTED both used to count two admins
    // and both commit, leaving none; the admin rows are now locked for the check.
    void crossDemotionsLeaveOneAdmin()
    {
        UserService &us = tc->core->users();
        const Actor system = Actor::system(QStringLiteral("t"));
        const auto actorOf = [](const User &u) { return Actor{u.id, u.username, Role::Admin, QStringLiteral("127.0.0.1"), false}; };
        UserInput demote;
        demote.role = QStringLiteral("operator");
        UserInput deactivate;
        deactivate.active = false;
        QString previous = admin.userId;
        for (int round = 0; round < 24; ++round) {
            const User a = tc->createUser(QStringLiteral("adm%1a").arg(round), Role::Admin);
            const User b = tc->createUser(QStringLiteral("adm%1b").arg(round), Role::Admin);
            QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
            TU_VERIFY_OK(us.update(system, previous, deactivate)); // only a and b are active admins now
            // Round-robin over demote/demote, deactivate/deactivate, delete/demote.
            const int kind = round % 3;
            QSemaphore ready, go;
            Status results[2];
            auto act = [&](int side) {
                const User &self = side == 0 ? a : b;
                const User &other = side == 0 ? b : a;
                ready.release();
                go.acquire();
                if (kind == 2 && side == 0) {
                    results[side] = us.remove(actorOf(self), other.id);
                    return;
                }
                auto r = us.update(actorOf(self), other.id, kind == 1 ? deactivate : demote);
                results[side] = r.ok() ? Status() : Status(r.error());
            };
            std::unique_ptr<QThread> t1(QThread::create(act, 0)), t2(QThread::create(act, 1));
            t1->start();
            t2->start();
            ready.acquire(2);
            go.release(2);
            QVERIFY(t1->wait(30000) && t2->wait(30000));
            int ok = 0;
            for (const Status &r : results) {
                if (r.ok())
                    ++ok;
                else
                    QVERIFY2(r.error().code == ErrorCode::Conflict, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(r.error().message)));
            }
            auto admins = us.list(system);
            TU_VERIFY_OK(admins);
            int active = 0;
            for (const User &u : admins.value())
                if (u.role == Role::Admin && u.active) {
                    ++active;
                    previous = u.id;
                }
            QVERIFY2(active >= 1, qPrintable(QStringLiteral("round %1 (kind %2) left no active admin").arg(round).arg(kind)));
            QCOMPARE(active, 1);
            QCOMPARE(ok, 1); // exactly one of the two cross changes went through; the other is 409
        }
    }

    void nobodyDeletesOrDemotesThemself()
    {
        const User second = tc->createUser(QStringLiteral("admin2"), Role::Admin);
        QVERIFY(!second.id.isEmpty());
        auto del = tc->core->users().remove(admin, admin.userId);
        QCOMPARE(del.error().code, ErrorCode::Conflict);
        QVERIFY(del.error().message.contains(QStringLiteral("sendiri")));
        UserInput demote;
        demote.role = QStringLiteral("ppdb");
        QCOMPARE(tc->core->users().update(admin, admin.userId, demote).error().code, ErrorCode::Conflict);
    }

    void sensitiveChangesBumpTokenVersion()
    {
        const User u = tc->createUser(QStringLiteral("staf"), Role::Ppdb);
        UserInput rename;
        rename.name = QStringLiteral("Staf Baru");
        auto r1 = tc->core->users().update(admin, u.id, rename);
        QVERIFY(r1.ok());
        QCOMPARE(r1->tokenVersion, u.tokenVersion);
        UserInput pw;
        pw.password = QStringLiteral("Sandi-Baru-77");
        auto r2 = tc->core->users().update(admin, u.id, pw);
        QVERIFY(r2.ok());
        QCOMPARE(r2->tokenVersion, u.tokenVersion + 1);
        UserInput role;
        role.role = QStringLiteral("operator");
        QCOMPARE(tc->core->users().update(admin, u.id, role)->tokenVersion, u.tokenVersion + 2);
    }

    void nonAdminIsForbidden()
    {
        Actor op{QStringLiteral("x"), QStringLiteral("op"), Role::Operator, {}, false};
        QCOMPARE(tc->core->users().list(op).error().code, ErrorCode::Forbidden);
        QCOMPARE(tc->core->users().create(op, input(QStringLiteral("zz1"), QStringLiteral("ppdb"), QStringLiteral("Password-123"))).error().code,
                 ErrorCode::Forbidden);
    }

    void everyChangeIsAudited()
    {
        const User u = tc->createUser(QStringLiteral("audit1"), Role::Osis);
        UserInput pw;
        pw.password = QStringLiteral("Sandi-Baru-77");
        QVERIFY(tc->core->users().update(admin, u.id, pw).ok());
        QVERIFY(tc->core->users().remove(admin, u.id).ok());
        auto log = tc->core->audit().recent(10, QStringLiteral("user"), u.id);
        QVERIFY(log.ok());
        QCOMPARE(log->size(), 3);
        QStringList actions;
        for (const auto &e : log.value())
            actions << e.action;
        QVERIFY(actions.contains(QStringLiteral("create")) && actions.contains(QStringLiteral("update")) && actions.contains(QStringLiteral("delete")));
        for (const auto &e : log.value())
            QVERIFY(!QJsonDocument(e.toJson()).toJson().contains("$2b$"));
    }

    void initialAdminOnlyOnEmptyDatabase()
    {
        auto again = tc->core->users().ensureInitialAdmin(QStringLiteral("Lain-Lagi-123"));
        QVERIFY(again.ok());
        QCOMPARE(again.value(), false);
    }
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
