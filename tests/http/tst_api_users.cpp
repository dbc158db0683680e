// /api/admin/users over HTTP: the service rules show through with the right statuses.
#include "ApiFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace tu;

class TestApiUsers : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QByteArray admin;

private slots:
    void init()
    {
        TU_START_SERVER_AS_ADMIN(ts, admin);
    }
    void cleanup() { ts.reset(); }

    void crudRoundTrip()
    {
        auto c = ts->sendJson("POST", QStringLiteral("/api/admin/users"),
                              {{"username", "operator.tu"}, {"name", "Bu Sari"}, {"role", "operator"}, {"password", "Sandi-Kuat-1"}}, admin);
        QCOMPARE(c.status, 201);
        const QString id = c.json().value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(id.size(), 36);
        QVERIFY(!c.body.contains("password"));
        auto list = ts->get(QStringLiteral("/api/admin/users"), admin);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QLatin1String("data")).toArray().size(), 2);
        QCOMPARE(list.json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 2);
        auto one = ts->get(QStringLiteral("/api/admin/users/") + id, admin);
        QCOMPARE(one.json().value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Bu Sari"));
        auto upd = ts->sendJson("PUT", QStringLiteral("/api/admin/users/") + id, {{"role", "ppdb"}}, admin);
        QCOMPARE(upd.status, 200);
        QCOMPARE(upd.json().value(QLatin1String("data")).toObject().value(QLatin1String("role")).toString(), QStringLiteral("ppdb"));
        QCOMPARE(ts->request("DELETE", QStringLiteral("/api/admin/users/") + id, {}, {{"Authorization", "Bearer " + admin}}).status, 200);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users/") + id, admin).status, 404);
    }

    void validationHasFields()
    {
        auto r = ts->sendJson("POST", QStringLiteral("/api/admin/users"),
                              {{"username", "x"}, {"name", ""}, {"role", "raja"}, {"password", "123"}}, admin);
        QCOMPARE(r.status, 400);
        const QJsonObject f = r.json().value(QLatin1String("fields")).toObject();
        for (const char *k : {"username", "name", "role", "password"})
            QVERIFY2(f.contains(QLatin1String(k)), k);
        auto typed = ts->sendJson("POST", QStringLiteral("/api/admin/users"),
                                  {{"username", 5}, {"name", "A"}, {"role", "ppdb"}, {"password", "Password-123"}}, admin);
        QCOMPARE(typed.status, 400);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users"), admin).json().value(QLatin1String("data")).toArray().size(), 1);
    }

    void duplicateIs409()
    {
        const QJsonObject body{{"username", "kembar"}, {"name", "A"}, {"role", "osis"}, {"password", "Password-123"}};
        QCOMPARE(ts->sendJson("POST", QStringLiteral("/api/admin/users"), body, admin).status, 201);
        auto again = ts->sendJson("POST", QStringLiteral("/api/admin/users"), body, admin);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QLatin1String("code")).toString(), QStringLiteral("CONFLICT"));
    }

    void adminCannotDeleteOrDemoteThemselfOrTheLastAdmin()
    {
        const QString adminId = ts->get(QStringLiteral("/api/auth/verify"), admin).json().value(QLatin1String("data")).toObject()
                                    .value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
        auto del = ts->request("DELETE", QStringLiteral("/api/admin/users/") + adminId, {}, {{"Authorization", "Bearer " + admin}});
        QCOMPARE(del.status, 409);
        auto demote = ts->sendJson("PUT", QStringLiteral("/api/admin/users/") + adminId, {{"role", "operator"}}, admin);
        QCOMPARE(demote.status, 409);
        auto off = ts->sendJson("PUT", QStringLiteral("/api/admin/users/") + adminId, {{"active", false}}, admin);
        QCOMPARE(off.status, 409);
        QCOMPARE(ts->get(QStringLiteral("/api/auth/verify"), admin).status, 200);
    }

    void unknownIdIs404()
    {
        QCOMPARE(ts->sendJson("PUT", QStringLiteral("/api/admin/users/00000000-0000-0000-0000-000000000000"), {{"name", "X"}}, admin).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiUsers)
#include "tst_api_users.moc"
