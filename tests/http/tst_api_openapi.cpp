// /api/openapi.json: public, OpenAPI 3.0, and complete: every route of the table with its
// method, path parameters, request body and response envelope; every $ref resolves.
#include "TestSupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace tu;

class TestApiOpenApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;

    static void collectRefs(const QJsonValue &v, QStringList &out)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == QLatin1String("$ref"))
                    out << it.value().toString();
                collectRefs(it.value(), out);
            }
        } else if (v.isArray()) {
            for (const QJsonValue &x : v.toArray())
                collectRefs(x, out);
        }
    }

private slots:
    void init()
    {
        ts = std::make_unique<test::TestServer>();
        QVERIFY(ts->server);
    }

    void documentCoversEveryRoute()
    {
        auto r = ts->get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
        QVERIFY(!doc.value(QLatin1String("info")).toObject().value(QLatin1String("title")).toString().isEmpty());
        const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
        for (const Route &route : ts->server->router().routes()) {
            QString path = route.pattern;
            path.replace(QRegularExpression(QStringLiteral(":([A-Za-z_]+)")), QStringLiteral("{\\1}"));
            const QJsonObject op = paths.value(path).toObject().value(QString::fromLatin1(route.method).toLower()).toObject();
            QVERIFY2(!op.isEmpty(), qPrintable(QStringLiteral("missing %1 %2").arg(QString::fromLatin1(route.method), path)));
            QVERIFY(!op.value(QLatin1String("summary")).toString().isEmpty());
            QVERIFY(!op.value(QLatin1String("operationId")).toString().isEmpty());
            QVERIFY(!op.value(QLatin1String("responses")).toObject().isEmpty());
            const int pathParams = int(route.pattern.count(QLatin1Char(':')));
            int declared = 0;
            for (const QJsonValue &p : op.value(QLatin1String("parameters")).toArray())
                declared += p.toObject().value(QLatin1String("in")).toString() == QLatin1String("path");
            QCOMPARE(declared, pathParams);
            if (route.body != BodyKind::None)
                QVERIFY(op.contains(QStringLiteral("requestBody")));
            if (!route.isPublic) {
                QVERIFY(op.contains(QStringLiteral("security")));
                QVERIFY(op.value(QLatin1String("responses")).toObject().contains(QStringLiteral("403")));
            }
        }
        QStringList refs;
        collectRefs(doc, refs);
        QVERIFY(!refs.isEmpty());
        const QJsonObject schemas = doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        for (const QString &ref : refs) {
            QVERIFY(ref.startsWith(QStringLiteral("#/components/schemas/")));
            QVERIFY2(schemas.contains(ref.mid(21)), qPrintable(ref));
        }
        // Operation ids are unique.
        QSet<QString> ids;
        int ops = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it)
            for (const QJsonValue &op : it.value().toObject()) {
                ids.insert(op.toObject().value(QLatin1String("operationId")).toString());
                ++ops;
            }
        QCOMPARE(ids.size(), ops);
    }

    void uploadPolicyAndStorageErrorAreDocumented()
    {
        const QJsonObject doc = ts->get(QStringLiteral("/api/openapi.json")).json();
        const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
        const QJsonObject upload = paths.value(QLatin1String("/api/ppdb/upload")).toObject().value(QLatin1String("post")).toObject();
        const QString policy = upload.value(QLatin1String("description")).toString();
        QVERIFY2(policy.contains(QStringLiteral("registrationId")) && policy.contains(QStringLiteral("pending"))
                     && policy.contains(QStringLiteral("versi lama")), qPrintable(policy));
        for (const char *p : {"/api/ppdb/upload", "/api/student/works", "/api/admin/media", "/api/integrations/files"}) {
            const QJsonObject op = paths.value(QLatin1String(p)).toObject().value(QLatin1String("post")).toObject();
            QVERIFY2(op.value(QLatin1String("responses")).toObject().contains(QStringLiteral("507")), p);
        }
        const QJsonArray codes = doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject()
                                     .value(QLatin1String("ErrorEnvelope")).toObject().value(QLatin1String("properties")).toObject()
                                     .value(QLatin1String("code")).toObject().value(QLatin1String("enum")).toArray();
        QVERIFY(codes.contains(QStringLiteral("INSUFFICIENT_STORAGE")));
        const QString status = paths.value(QLatin1String("/api/ppdb/status/{registrationNumber}")).toObject()
                                   .value(QLatin1String("get")).toObject().value(QLatin1String("description")).toString();
        QVERIFY2(status.contains(QStringLiteral("lookup")), qPrintable(status));
    }

    void healthReportsVersionAndDatabase()
    {
        auto r = ts->get(QStringLiteral("/api/health"));
        const QJsonObject d = r.json().value(QLatin1String("data")).toObject();
        QCOMPARE(d.value(QLatin1String("version")).toString(), Core::version());
        QCOMPARE(d.value(QLatin1String("database")).toString(), test::usePostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        QVERIFY(d.contains(QStringLiteral("uptimeSeconds")));
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "tst_api_openapi.moc"
