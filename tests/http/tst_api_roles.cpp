// Walks the whole route table: every protected route refuses anonymous callers (401) and every
// role it does not list (403), and lets a listed role through. A new route is covered the day
// it is added.
#include "TestSupport.h"

#include <QTest>

using namespace tu;

class TestApiRoles : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    QHash<Role, QByteArray> tokens;

    static QString concretePath(const Route &r)
    {
        QStringList parts;
        for (const QString &s : r.segments)
            parts << (s.startsWith(QLatin1Char(':')) ? QStringLiteral("00000000-0000-4000-8000-000000000000") : s);
        return QLatin1Char('/') + parts.join(QLatin1Char('/'));
    }
    test::HttpResult call(const Route &r, const QByteArray &token)
    {
        QList<QPair<QByteArray, QByteArray>> h;
        if (!token.isEmpty())
            h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
        QByteArray body;
        if (r.body == BodyKind::Json) {
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            body = "{}";
        } else if (r.body == BodyKind::Multipart) {
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=B")));
            body = "--B--\r\n";
        }
        return ts->request(r.method, concretePath(r), body, h);
    }

private slots:
    void initTestCase()
    {
        TU_REQUIRE_BACKEND();
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server && ts->server->isRunning());
        for (Role role : allRoles()) {
            tokens.insert(role, ts->loginAs(role));
            QVERIFY2(!tokens.value(role).isEmpty(), qPrintable(roleName(role)));
        }
    }
    void cleanupTestCase() { ts.reset(); }

    void everyProtectedRouteForEveryRole()
    {
        int checked = 0;
        for (const Route &r : ts->server->router().routes()) {
            if (r.isPublic)
                continue;
            const QString what = QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern;
            QVERIFY2(!r.roles.isEmpty(), qPrintable(what + QStringLiteral(" declares no roles")));
            auto anon = call(r, {});
            QVERIFY2(anon.status == 401, qPrintable(what + QStringLiteral(" anonymous -> %1").arg(anon.status)));
            for (Role role : allRoles()) {
                if (r.allows(role)) {
                    if (r.stream)
                        continue; // a permitted stream would start a job; covered by its own suite
                    auto ok = call(r, tokens.value(role));
                    // 403 REGISTRATION_CLOSED is a business answer, not a refused role.
                    const bool refused = ok.status == 401 || ok.json().value(QLatin1String("code")).toString() == QLatin1String("FORBIDDEN");
                    QVERIFY2(!refused,
                             qPrintable(what + QStringLiteral(" as %1 -> %2").arg(roleName(role)).arg(ok.status)));
                } else {
                    auto no = call(r, tokens.value(role));
                    QVERIFY2(no.status == 403, qPrintable(what + QStringLiteral(" as %1 -> %2").arg(roleName(role)).arg(no.status)));
                    QCOMPARE(no.json().value(QLatin1String("code")).toString(), QStringLiteral("FORBIDDEN"));
                }
            }
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void usersAreAdminOnly()
    {
        for (const Route &r : ts->server->router().routes())
            if (r.pattern.startsWith(QLatin1String("/api/admin/users")))
                QCOMPARE(r.roles, QList<Role>{Role::Admin});
    }
};

QTEST_GUILESS_MAIN(TestApiRoles)
#include "tst_api_roles.moc"
