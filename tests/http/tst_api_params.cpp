// Every GET route of the route table, called as admin with its paging and integer query
// parameters set to nonsense: negative, zero, text, overflowing, exponent, padded, empty. Each
// answer is a client error or a normal answer, never a 5xx or a dropped connection, and the
// server still answers /api/health afterwards. On both databases (PostgreSQL refuses a negative
// OFFSET where SQLite shrugs).
#include "ApiFixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace tu;

namespace {
const QStringList BadValues{QStringLiteral("-1"), QStringLiteral("0"), QStringLiteral("abc"), QStringLiteral("2147483648"),
                            QStringLiteral("21474838"), QStringLiteral("99999999999999999999"), QStringLiteral("1e9"),
                            QStringLiteral("%201"), QString()};

// Routes whose GET starts work instead of reading: the SSE streams (Dapodik global/kecamatan
// sync, Satu Data sync-all events) and the SIAKAD full sync. They have no paging parameters.
bool startsJob(const Route &r)
{
    return bool(r.stream) || r.pattern.endsWith(QLatin1String("/get-sync"));
}

QString concretePath(const Route &r)
{
    QStringList parts;
    for (const QString &s : r.pattern.split(QLatin1Char('/')))
        parts << (s.startsWith(QLatin1Char(':')) ? QUuid::createUuid().toString(QUuid::WithoutBraces) : s);
    return parts.join(QLatin1Char('/'));
}
} // namespace

class TestApiParams : public QObject
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

    void helperIsStrict()
    {
        QCOMPARE(queryInt(QStringLiteral("x"), QStringLiteral("42"), 1, 100).value(), 42);
        QCOMPARE(queryInt(QStringLiteral("x"), QStringLiteral("-3"), -5, 5).value(), -3);
        QCOMPARE(queryInt(QStringLiteral("x"), QString(), 1, 100, 7).value(), 7);
        for (const char *bad : {"", " 1", "1 ", "+1", "1e9", "0x10", "1.0", "-", "abc", "99999999999999999999", "101", "0"})
            QVERIFY2(!queryInt(QStringLiteral("x"), QString::fromLatin1(bad), 1, 100).ok(), bad);
        auto p = PageRequest::parse(QStringLiteral("1000000"), QStringLiteral("100"));
        TU_VERIFY_OK(p);
        QCOMPARE(p->offset(), qint64(999'999) * 100); // beyond int would be wrong; here it is exact
        QCOMPARE(PageRequest::parse({}, QStringLiteral("5000"))->limit, PageRequest::MaxLimit);
        QCOMPARE(PageRequest::parse(QStringLiteral("21474838"), QStringLiteral("100")).error().code, ErrorCode::Validation);
    }

    void usersPageThatOverflowedAnInt()
    {
        auto r = ts->get(QStringLiteral("/api/admin/users?page=21474838&limit=100"), admin);
        QVERIFY2(r.status == 400 || r.status == 200, qPrintable(QString::number(r.status) + r.networkError));
        auto last = ts->get(QStringLiteral("/api/admin/users?page=1000000&limit=100"), admin);
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json().value(QLatin1String("data")).toArray().size(), 0);
        QCOMPARE(last.json().value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/users?limit=1"), admin).json().value(QLatin1String("data")).toArray().size(), 1);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/ppdb/registrations?page=21474838&limit=100"), admin).status, 400);
        QCOMPARE(ts->get(QStringLiteral("/api/admin/ppdb/registrations?page=999999&limit=100"), admin).status, 200);
    }

    void everyGetRouteSurvivesNonsenseNumbers()
    {
        int requests = 0;
        QStringList walked;
        for (const Route &route : ts->server->router().routes()) {
            if (route.method != "GET" || startsJob(route))
                continue;
            const QString path = concretePath(route);
            QStringList intParams{QStringLiteral("page"), QStringLiteral("limit")};
            for (const QJsonObject &p : route.doc.parameters)
                if (p.value(QLatin1String("schema")).toObject().value(QLatin1String("type")).toString() == QLatin1String("integer")
                    && !intParams.contains(p.value(QLatin1String("name")).toString()))
                    intParams << p.value(QLatin1String("name")).toString();
            const test::HttpResult baseline = ts->get(path, admin);
            QVERIFY2(baseline.status > 0 && baseline.status < 500, qPrintable(path + QStringLiteral(" -> %1 %2").arg(baseline.status).arg(QString::fromUtf8(baseline.body.left(300)))));
            walked << route.pattern;
            for (const QString &value : BadValues) {
                QStringList queries;
                for (const QString &name : intParams)
                    queries << name + QLatin1Char('=') + value;
                queries << queries.join(QLatin1Char('&')); // all at once too
                for (const QString &q : queries) {
                    const QString url = path + QLatin1Char('?') + q;
                    const test::HttpResult r = ts->get(url, admin);
                    ++requests;
                    const bool fine = r.status == 200 || r.status == 400 || r.status == 404 || r.status == baseline.status;
                    QVERIFY2(fine && r.status < 500,
                             qPrintable(url + QStringLiteral(" -> %1 %2 %3").arg(r.status).arg(r.networkError, QString::fromUtf8(r.body.left(300)))));
                }
            }
        }
        QVERIFY2(walked.contains(QStringLiteral("/api/admin/users")) && walked.contains(QStringLiteral("/api/admin/ppdb/registrations"))
                     && walked.contains(QStringLiteral("/admin/pendaftaran/master/tahun-ajaran")),
                 qPrintable(walked.join(QLatin1Char(' '))));
        QVERIFY(walked.size() > 30);
        qInfo("%d GET routes, %d requests", int(walked.size()), requests);
        const test::HttpResult health = ts->get(QStringLiteral("/api/health"));
        QCOMPARE(health.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiParams)
#include "tst_api_params.moc"
