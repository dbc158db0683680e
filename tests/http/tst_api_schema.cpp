// The OpenAPI document is a contract a web team generates a typed client from: every JSON answer
// of the real server, with data in every area, must match its route's response schema in the
// served /api/openapi.json. Every key an answer carries is declared (envelope included, nested
// objects too), every `required` key is there and not null unless `nullable`, enum values are in
// their enum, and `date`, `date-time` and `uuid` strings parse. The validator below knows exactly
// the subset of JSON Schema the document uses and refuses any other keyword, so a schema it
// cannot check fails loudly instead of passing silently. Every GET route of the table is either
// called here or listed with the reason it cannot be (streams, file downloads).
#include "ApiFixture.h"
#include "ContentFixtures.h"
#include "DapodikFixtures.h"
#include "PpdbFixtures.h"
#include "SatuDataFixtures.h"
#include "dapodik/DapodikSyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace tu;

namespace {

// A validator for the JSON Schema subset of the OpenAPI 3.0 document.
class SchemaCheck
{
public:
    explicit SchemaCheck(QJsonObject components) : m_components(std::move(components)) {}
    QStringList errors;

    void check(const QJsonValue &v, const QJsonObject &schema, const QString &path) { visit(v, schema, path, {}); }

    // Schemas the document declares, walked once: only keywords the validator checks.
    void checkKeywords(const QJsonObject &schema, const QString &path)
    {
        static const QSet<QString> known{"type", "properties", "required", "items", "enum", "format", "nullable", "allOf",
                                         "$ref", "additionalProperties", "description"};
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!known.contains(it.key()))
                errors << QStringLiteral("%1: keyword %2 unknown to the validator").arg(path, it.key());
            if (it.key() == QLatin1String("properties")) {
                const QJsonObject props = it.value().toObject();
                for (auto p = props.begin(); p != props.end(); ++p)
                    checkKeywords(p.value().toObject(), path + QLatin1Char('.') + p.key());
            }
            else if (it.key() == QLatin1String("items") || (it.key() == QLatin1String("additionalProperties") && it.value().isObject()))
                checkKeywords(it.value().toObject(), path + QLatin1Char('/') + it.key());
            else if (it.key() == QLatin1String("allOf"))
                for (const QJsonValue &b : it.value().toArray())
                    checkKeywords(b.toObject(), path + QStringLiteral("/allOf"));
            else if (it.key() == QLatin1String("format")
                     && !QStringList{"date", "date-time", "uuid", "binary"}.contains(it.value().toString()))
                errors << QStringLiteral("%1: format %2 unknown to the validator").arg(path, it.value().toString());
        }
    }

private:
    QJsonObject m_components;

    QJsonObject resolve(QJsonObject s, const QString &path)
    {
        for (int depth = 0; s.contains(QLatin1String("$ref")) && depth < 10; ++depth) {
            const QString ref = s.value(QLatin1String("$ref")).toString();
            const QString name = ref.section(QLatin1Char('/'), -1);
            if (!ref.startsWith(QLatin1String("#/components/schemas/")) || !m_components.contains(name)) {
                errors << QStringLiteral("%1: unresolved %2").arg(path, ref);
                return {};
            }
            s = m_components.value(name).toObject();
        }
        return s;
    }

    // Keys an object schema declares (through allOf and $ref too).
    QSet<QString> declared(const QJsonObject &schema, const QString &path)
    {
        const QJsonObject s = resolve(schema, path);
        QSet<QString> keys;
        for (const QString &k : s.value(QLatin1String("properties")).toObject().keys())
            keys.insert(k);
        for (const QJsonValue &b : s.value(QLatin1String("allOf")).toArray())
            keys += declared(b.toObject(), path);
        return keys;
    }

    static bool isType(const QJsonValue &v, const QString &type)
    {
        if (type == QLatin1String("string"))
            return v.isString();
        if (type == QLatin1String("integer"))
            return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
        if (type == QLatin1String("number"))
            return v.isDouble();
        if (type == QLatin1String("boolean"))
            return v.isBool();
        if (type == QLatin1String("array"))
            return v.isArray();
        if (type == QLatin1String("object"))
            return v.isObject();
        return false;
    }

    static bool formatHolds(const QString &format, const QString &s)
    {
        if (format == QLatin1String("date")) {
            static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
            return re.match(s).hasMatch() && QDate::fromString(s, Qt::ISODate).isValid();
        }
        if (format == QLatin1String("date-time")) {
            // RFC 3339: a full date, a time, and a zone (Z or an offset).
            static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
            return re.match(s).hasMatch() && QDateTime::fromString(s, Qt::ISODateWithMs).isValid();
        }
        if (format == QLatin1String("uuid")) {
            static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            return re.match(s).hasMatch();
        }
        return true; // binary: not JSON
    }

    // `siblings`: keys declared by the other branches of an enclosing allOf.
    void visit(const QJsonValue &v, const QJsonObject &schema, const QString &path, const QSet<QString> &siblings)
    {
        const QJsonObject s = resolve(schema, path);
        const bool nullable = s.value(QLatin1String("nullable")).toBool();
        if (v.isNull() && nullable)
            return;
        if (s.contains(QLatin1String("allOf"))) {
            // Each branch checks the keys it declares; a key no branch declares is reported
            // here, once.
            QSet<QString> all = siblings;
            for (const QJsonValue &b : s.value(QLatin1String("allOf")).toArray())
                all += declared(b.toObject(), path);
            QSet<QString> present = all;
            for (const QString &k : v.toObject().keys()) {
                if (!all.contains(k))
                    errors << QStringLiteral("%1.%2: key not declared in the schema").arg(path, k);
                present.insert(k);
            }
            for (const QJsonValue &b : s.value(QLatin1String("allOf")).toArray())
                visit(v, b.toObject(), path, present);
            return;
        }
        if (s.isEmpty() || (s.size() == 1 && s.contains(QLatin1String("description"))))
            return; // any value
        if (v.isNull()) {
            errors << QStringLiteral("%1: null but not nullable").arg(path);
            return;
        }
        const QString type = s.value(QLatin1String("type")).toString();
        if (type.isEmpty()) {
            errors << QStringLiteral("%1: schema without type").arg(path);
            return;
        }
        if (!isType(v, type)) {
            errors << QStringLiteral("%1: %2 is not %3").arg(path, QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)), type);
            return;
        }
        if (s.contains(QLatin1String("enum")) && !s.value(QLatin1String("enum")).toArray().contains(v))
            errors << QStringLiteral("%1: %2 not in enum %3").arg(path, v.toVariant().toString(),
                                                                QString::fromUtf8(QJsonDocument(s.value(QLatin1String("enum")).toArray()).toJson(QJsonDocument::Compact)));
        if (v.isString() && s.contains(QLatin1String("format")) && !formatHolds(s.value(QLatin1String("format")).toString(), v.toString()))
            errors << QStringLiteral("%1: \"%2\" is not a %3").arg(path, v.toString(), s.value(QLatin1String("format")).toString());
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (int i = 0; i < a.size(); ++i)
                visit(a.at(i), s.value(QLatin1String("items")).toObject(), QStringLiteral("%1[%2]").arg(path).arg(i), {});
        }
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QJsonObject props = s.value(QLatin1String("properties")).toObject();
            const QJsonValue more = s.value(QLatin1String("additionalProperties"));
            for (const QJsonValue &r : s.value(QLatin1String("required")).toArray())
                if (!o.contains(r.toString()))
                    errors << QStringLiteral("%1: required key %2 missing").arg(path, r.toString());
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString sub = path + QLatin1Char('.') + it.key();
                if (props.contains(it.key()))
                    visit(it.value(), props.value(it.key()).toObject(), sub, {});
                else if (siblings.contains(it.key()))
                    continue; // checked by the branch that declares it
                else if (more.isObject())
                    visit(it.value(), more.toObject(), sub, {});
                else if (!(more.isBool() && more.toBool()))
                    errors << QStringLiteral("%1: key not declared in the schema").arg(sub);
            }
        }
    }
};

QString docPath(const QString &pattern)
{
    return QString(pattern).replace(QRegularExpression(QStringLiteral(":([A-Za-z_]+)")), QStringLiteral("{\\1}"));
}

QByteArray multipart(const QList<QPair<QByteArray, QByteArray>> &fields, const QByteArray &fileName, const QByteArray &file)
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    body += "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + file + "\r\n--B--\r\n";
    return body;
}

} // namespace

class TestApiSchema : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestServer> ts;
    std::unique_ptr<test::UpstreamSim> sim;
    QByteArray admin;
    QJsonObject doc;
    QStringList failures;
    QSet<QString> checkedRoutes; // "GET /api/…" as in the route table
    int answers = 0;

    // Checks one successful answer against the schema its route documents for that status.
    QJsonObject expect(const test::HttpResult &r, const QByteArray &method, const QString &pattern)
    {
        const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + pattern;
        const QJsonObject json = r.json();
        if (r.status < 200 || r.status >= 300) {
            failures << QStringLiteral("%1: status %2 %3").arg(what).arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
            return json;
        }
        const QJsonObject op = doc.value(QLatin1String("paths")).toObject().value(docPath(pattern)).toObject()
                                   .value(QString::fromLatin1(method).toLower()).toObject();
        if (op.isEmpty()) {
            failures << what + QStringLiteral(": not in the document");
            return json;
        }
        const QJsonObject response = op.value(QLatin1String("responses")).toObject().value(QString::number(r.status)).toObject();
        if (response.isEmpty()) {
            failures << QStringLiteral("%1: answered %2, which the document does not list").arg(what).arg(r.status);
            return json;
        }
        const QJsonObject schema = response.value(QLatin1String("content")).toObject().value(QLatin1String("application/json")).toObject()
                                       .value(QLatin1String("schema")).toObject();
        if (schema.isEmpty()) {
            failures << what + QStringLiteral(": no application/json schema for a JSON answer");
            return json;
        }
        SchemaCheck check(doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject());
        check.checkKeywords(schema, what);
        check.check(json, schema, what);
        failures += check.errors;
        checkedRoutes.insert(what);
        ++answers;
        return json;
    }

    // The admin's token unless told otherwise; Anonymous sends none.
    static constexpr const char *Anonymous = "-";
    QByteArray tokenFor(const QByteArray &token) const { return token == Anonymous ? QByteArray() : token.isEmpty() ? admin : token; }
    QJsonObject get(const QString &path, const QString &pattern, const QByteArray &token = {})
    {
        return expect(ts->get(path, tokenFor(token)), "GET", pattern);
    }
    QJsonObject send(const QByteArray &method, const QString &path, const QString &pattern, const QJsonObject &body, const QByteArray &token = {})
    {
        return expect(ts->sendJson(method, path, body, tokenFor(token)), method, pattern);
    }
    QJsonObject upload(const QString &path, const QString &pattern, const QByteArray &body, const QByteArray &token = {})
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "multipart/form-data; boundary=B"}};
        if (!token.isEmpty())
            h.append({"Authorization", "Bearer " + token});
        return expect(ts->request("POST", path, body, h), "POST", pattern);
    }
    static QJsonObject data(const QJsonObject &answer) { return answer.value(QLatin1String("data")).toObject(); }
    static QString idOf(const QJsonObject &answer) { return data(answer).value(QLatin1String("id")).toString(); }

private slots:
    // The validator itself: an undeclared key, a missing or null required key, a value outside
    // its enum and a malformed format all fail; declared, nullable and allOf-split keys pass.
    void validatorRefusesWhatTheSchemaDoesNotDeclare()
    {
        const QJsonObject components{{"Env", schema::object({{"success", schema::boolean()}}, {"success"})}};
        const QJsonObject item = schema::record({{"id", schema::uuid()}, {"status", schema::oneOf({"a", "b"})},
                                                 {"day", schema::date()}, {"at", schema::nullable(schema::dateTime())}});
        const QJsonObject answerSchema{{"allOf", QJsonArray{schema::ref(QStringLiteral("Env")), schema::record({{"data", item}})}}};
        const QJsonObject good{{"id", "0b6e8e2c-1f0a-4c55-9d7e-3b1f6f0c2a11"}, {"status", "a"}, {"day", "2025-07-14"}, {"at", QJsonValue::Null}};
        const auto errorsFor = [&](const QJsonObject &answer) {
            SchemaCheck c(components);
            c.check(answer, answerSchema, QStringLiteral("t"));
            return c.errors;
        };
        QVERIFY2(errorsFor({{"success", true}, {"data", good}}).isEmpty(), qPrintable(errorsFor({{"success", true}, {"data", good}}).join('\n')));

        QJsonObject extra = good;
        extra.insert(QStringLiteral("secret"), "x");
        const QStringList undeclared = errorsFor({{"success", true}, {"data", extra}});
        QCOMPARE(undeclared, QStringList{QStringLiteral("t.data.secret: key not declared in the schema")});
        QCOMPARE(errorsFor({{"success", true}, {"data", good}, {"debug", 1}}),
                 QStringList{QStringLiteral("t.debug: key not declared in the schema")});

        QJsonObject missing = good;
        missing.remove(QStringLiteral("day"));
        QVERIFY(errorsFor({{"success", true}, {"data", missing}}).join('\n').contains(QStringLiteral("required key day missing")));
        QJsonObject nulled = good;
        nulled.insert(QStringLiteral("id"), QJsonValue::Null);
        QVERIFY(errorsFor({{"success", true}, {"data", nulled}}).join('\n').contains(QStringLiteral("t.data.id: null but not nullable")));
        QJsonObject outside = good;
        outside.insert(QStringLiteral("status"), "c");
        QVERIFY(errorsFor({{"success", true}, {"data", outside}}).join('\n').contains(QStringLiteral("not in enum")));
        for (const auto &[key, bad] : {std::pair{"id", "{0b6e8e2c-1f0a-4c55-9d7e-3b1f6f0c2a11}"}, std::pair{"day", "14-07-2025"},
                                       std::pair{"day", "2025-02-30"}, std::pair{"at", "2025-07-14 07:00:00"}}) {
            QJsonObject o = good;
            o.insert(QLatin1String(key), QLatin1String(bad));
            QVERIFY2(errorsFor({{"success", true}, {"data", o}}).join('\n').contains(QStringLiteral("is not a")), bad);
        }
        // A free-form object must say so (additionalProperties), and unknown keywords are refused.
        SchemaCheck c(components);
        c.check(QJsonObject{{"k", 1}}, QJsonObject{{"type", "object"}}, QStringLiteral("free"));
        QCOMPARE(c.errors, QStringList{QStringLiteral("free.k: key not declared in the schema")});
        c.errors.clear();
        c.check(QJsonObject{{"k", 1}}, schema::map(), QStringLiteral("map"));
        QVERIFY(c.errors.isEmpty());
        c.checkKeywords(QJsonObject{{"type", "string"}, {"pattern", "^a$"}}, QStringLiteral("kw"));
        QCOMPARE(c.errors, QStringList{QStringLiteral("kw: keyword pattern unknown to the validator")});
    }

    void everyAnswerMatchesItsSchema()
    {
        TU_START_SERVER_AS_ADMIN(ts, admin);
        Core &core = *ts->core.core;
        sim = std::make_unique<test::UpstreamSim>(QStringList{"--kecamatan", "2", "--sekolah-per-kecamatan", "2", "--ptk-per-sekolah", "2"});
        QVERIFY(sim->ok());
        TU_VERIFY_OK(test::pointAtSim(core, *sim));
        TU_VERIFY_OK(test::pointSatuDataAtSim(core, *sim));
        TU_VERIFY_OK(core.settings().set(Actor::system(QStringLiteral("test")),
                                         {{QStringLiteral("siakad_url"), sim->url()}, {QStringLiteral("siakad_api_key"), QStringLiteral("sim-siakad-key")}}));
        auto served = ts->get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(served.status, 200);
        doc = served.json();
        QCOMPARE(doc.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3")); // hence `nullable`, not a null type
        expect(served, "GET", QStringLiteral("/api/openapi.json"));
        const QJsonObject components = doc.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        SchemaCheck keywords(components);
        for (auto it = components.begin(); it != components.end(); ++it)
            keywords.checkKeywords(it.value().toObject(), it.key());
        failures += keywords.errors;

        // --- system, authentication, users --------------------------------------------------
        get(QStringLiteral("/api/health"), QStringLiteral("/api/health"), Anonymous);
        send("POST", QStringLiteral("/api/auth/login"), QStringLiteral("/api/auth/login"),
             {{"username", "admin"}, {"password", test::TestCore::AdminPassword}});
        get(QStringLiteral("/api/auth/verify"), QStringLiteral("/api/auth/verify"));
        get(QStringLiteral("/api/auth/captcha"), QStringLiteral("/api/auth/captcha"));
        send("POST", QStringLiteral("/api/auth/logout"), QStringLiteral("/api/auth/logout"), {},
             ts->login(QStringLiteral("admin"), QLatin1String(test::TestCore::AdminPassword)));
        const QString users = QStringLiteral("/api/admin/users");
        const QString userId = idOf(send("POST", users, users, {{"username", "guru.satu"}, {"name", "Guru Satu"}, {"role", "operator"},
                                                                {"password", "Password-123"}}));
        get(users, users);
        get(users + QLatin1Char('/') + userId, users + QStringLiteral("/:id"));
        send("PUT", users + QLatin1Char('/') + userId, users + QStringLiteral("/:id"), {{"name", "Guru Satu, S.Pd."}});
        expect(ts->request("DELETE", users + QLatin1Char('/') + userId, {}, {{"Authorization", "Bearer " + admin}}), "DELETE", users + QStringLiteral("/:id"));

        // --- PPDB ----------------------------------------------------------------------------
        QVERIFY(test::openRegistration(core));
        send("POST", QStringLiteral("/api/ppdb/check-nisn"), QStringLiteral("/api/ppdb/check-nisn"), {{"nisn", "0012345678"}}, Anonymous);
        const QJsonObject reg = data(send("POST", QStringLiteral("/api/ppdb/register"), QStringLiteral("/api/ppdb/register"),
                                          test::validRegistration(QStringLiteral("0012345678")), Anonymous));
        const QString regId = reg.value(QLatin1String("registrationId")).toString();
        const QString number = reg.value(QLatin1String("registrationNumber")).toString();
        get(QStringLiteral("/api/ppdb/check-nisn?nisn=0012345678"), QStringLiteral("/api/ppdb/check-nisn"));
        get(QStringLiteral("/api/ppdb/check-nisn?nisn=0099999999"), QStringLiteral("/api/ppdb/check-nisn"));
        get(QStringLiteral("/api/ppdb/status/") + number, QStringLiteral("/api/ppdb/status/:registrationNumber"));
        get(QStringLiteral("/api/ppdb/status/%1?nisn=0012345678").arg(number), QStringLiteral("/api/ppdb/status/:registrationNumber"));
        for (const QString &path : {QStringLiteral("/api/ppdb/upload"), QStringLiteral("/api/ppdb/upload-r2")})
            upload(path, path, multipart({{"registrationId", regId.toLatin1()}, {"documentType", "photo"}}, "foto.png", test::imageBytes("PNG")));
        const QString regs = QStringLiteral("/api/admin/ppdb/registrations");
        send("POST", regs, regs, test::validRegistration(QStringLiteral("0012345679"), QStringLiteral("Budi Walkin")));
        get(regs, regs);
        get(regs + QLatin1Char('/') + regId, regs + QStringLiteral("/:id"));
        get(regs + QLatin1Char('/') + number, regs + QStringLiteral("/:id"));
        send("PATCH", regs + QLatin1Char('/') + regId + QStringLiteral("/status"), regs + QStringLiteral("/:id/status"), {{"status", "verified"}});

        // --- content, media, student works ---------------------------------------------------
        const QString mediaId = idOf(upload(QStringLiteral("/api/admin/media"), QStringLiteral("/api/admin/media"),
                                            multipart({}, "foto.png", test::imageBytes("PNG")), admin));
        const QDate today = QDate::currentDate();
        const QMap<QString, QJsonObject> inputs{
            {QStringLiteral("news"), [&] { QJsonObject n = test::newsInput(QStringLiteral("Juara Lomba")); n.insert(QStringLiteral("image"), mediaId); return n; }()},
            {QStringLiteral("announcements"), {{"title", "Libur semester"}, {"priority", "high"}, {"content", "<p>Libur mulai Senin.</p>"},
                                               {"activeFrom", today.addDays(-1).toString(Qt::ISODate)}}},
            {QStringLiteral("calendar"), {{"title", "Ujian"}, {"category", "ujian"}, {"startDate", today.toString(Qt::ISODate)},
                                          {"endDate", today.addDays(1).toString(Qt::ISODate)}, {"location", "Aula"}}},
            {QStringLiteral("teachers"), {{"name", "Sri Wahyuni, S.Pd."}, {"subject", "Matematika"}, {"nip", "198001012005012001"}, {"photo", mediaId}}},
            {QStringLiteral("facilities"), {{"name", "Perpustakaan"}, {"description", "Ruang baca"}, {"image", mediaId}}},
            {QStringLiteral("extracurricular"), {{"name", "Pramuka"}, {"description", "Kegiatan Sabtu"}}},
        };
        QString newsId;
        for (const ContentType &t : content::types()) {
            const QString base = QStringLiteral("/api/admin/content/") + t.name;
            const QString id = idOf(send("POST", base, base, inputs.value(t.name)));
            if (t.name == QLatin1String("news"))
                newsId = id;
            get(base, base);
            get(base + QLatin1Char('/') + id, base + QStringLiteral("/:id"));
            send("PUT", base + QLatin1Char('/') + id, base + QStringLiteral("/:id"), {{t.titleKey, "Diubah"}});
            if (t.needsApproval())
                send("POST", base + QLatin1Char('/') + id + QStringLiteral("/approve"), base + QStringLiteral("/:id/approve"), {});
            const QString spare = idOf(send("POST", base, base, inputs.value(t.name)));
            expect(ts->request("DELETE", base + QLatin1Char('/') + spare, {}, {{"Authorization", "Bearer " + admin}}), "DELETE", base + QStringLiteral("/:id"));
        }
        for (const char *name : {"news", "announcements", "teachers", "facilities", "extracurricular"})
            get(QStringLiteral("/api/public/") + QLatin1String(name), QStringLiteral("/api/public/") + QLatin1String(name), Anonymous);
        get(QStringLiteral("/api/public/news/") + newsId, QStringLiteral("/api/public/news/:id"), Anonymous);
        get(QStringLiteral("/api/public/calendar"), QStringLiteral("/api/public/calendar"), Anonymous);

        const QByteArray siswa = ts->loginAs(Role::Siswa);
        const QString works = QStringLiteral("/api/student/works");
        const QString workId = idOf(send("POST", works, works, {{"title", "Puisi Laut"}, {"category", "tulisan"}, {"link", "https://example.id/puisi"}}, siswa));
        const QString withFile = idOf(upload(works, works, multipart({{"title", "Poster"}, {"category", "seni"}}, "poster.png", test::imageBytes("PNG")), siswa));
        get(works, works);
        get(works, works, siswa);
        get(works + QLatin1Char('/') + withFile, works + QStringLiteral("/:id"));
        send("PATCH", works + QLatin1Char('/') + workId, works + QStringLiteral("/:id"), {{"featured", true}});
        expect(ts->request("DELETE", works + QLatin1Char('/') + withFile, {}, {{"Authorization", "Bearer " + siswa}}), "DELETE", works + QStringLiteral("/:id"));

        // --- tahun ajaran ----------------------------------------------------------------------
        const QString ta = QStringLiteral("/admin/pendaftaran/master/tahun-ajaran");
        get(ta, ta);
        const QJsonObject year = data(send("POST", ta + QStringLiteral("/store"), ta + QStringLiteral("/store"),
                                           {{"tahun_ajaran", "2031/2032"}, {"periode_awal_pendaftaran", "2031-03-01"},
                                            {"periode_akhir_pendaftaran", "2031-03-31"}, {"sts_aktif", 2}}));
        const QString yearId = year.value(QLatin1String("id_tahun_ajaran")).toString();
        send("POST", ta + QStringLiteral("/delete"), ta + QStringLiteral("/delete"), {{"id_tahun_ajaran", yearId}});
        get(ta + QStringLiteral("?page=2"), ta);
        send("POST", ta + QStringLiteral("/restore"), ta + QStringLiteral("/restore"), {{"id_tahun_ajaran", yearId}});
        expect(ts->request("POST", ta + QStringLiteral("/update-from-sync"),
                           QJsonDocument(QJsonObject{{"id_tahun_ajaran", "6f1f5d0e-8c1b-4b47-9d0e-0000000000bb"}, {"tahun_ajaran", "2033/2034"},
                                                     {"periode_awal_pendaftaran", "2033-03-01"}, {"periode_akhir_pendaftaran", "2033-03-31"},
                                                     {"sts_aktif", 2}}).toJson(),
                           {{"Content-Type", "application/json"}, {"X-API-KEY", "sim-siakad-key"}}),
               "POST", ta + QStringLiteral("/update-from-sync"));
        expect(ts->request("GET", ta + QStringLiteral("/get-sync"), {}, {{"Authorization", "Bearer " + admin}}, 30000), "GET", ta + QStringLiteral("/get-sync"));

        // --- Dapodik ---------------------------------------------------------------------------
        get(QStringLiteral("/api/sync/metadata"), QStringLiteral("/api/sync/metadata"));
        const Actor system = Actor::system(QStringLiteral("test"));
        TU_VERIFY_OK(core.dapodik().startGlobal(system));
        QVERIFY(test::waitForJob(core).done);
        get(QStringLiteral("/api/sync/metadata"), QStringLiteral("/api/sync/metadata"));
        get(QStringLiteral("/api/sync/status"), QStringLiteral("/api/sync/status"));
        const QJsonObject logs = get(QStringLiteral("/api/sync/logs"), QStringLiteral("/api/sync/logs"));
        const QString logId = logs.value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("id")).toString();
        TU_VERIFY_OK(DapodikSyncStore(core.db()).addError(logId, QStringLiteral("20400001"), QStringLiteral("Sekolah tidak ditemukan")));
        get(QStringLiteral("/api/sync/logs/%1/errors").arg(logId), QStringLiteral("/api/sync/logs/:id/errors"));
        for (const char *list : {"kecamatan", "sekolah", "ptk"})
            get(QStringLiteral("/api/dapodik/%1?inactive=true").arg(QLatin1String(list)), QStringLiteral("/api/dapodik/") + QLatin1String(list));
        get(QStringLiteral("/api/dashboard/analitik"), QStringLiteral("/api/dashboard/analitik"));
        const QJsonObject ptk = get(QStringLiteral("/api/dapodik/ptk?limit=1"), QStringLiteral("/api/dapodik/ptk"))
                                    .value(QLatin1String("data")).toArray().first().toObject();
        send("POST", QStringLiteral("/api/sync/ptk"), QStringLiteral("/api/sync/ptk"),
             {{"nik", ptk.value(QLatin1String("nik"))}, {"npsn", ptk.value(QLatin1String("npsn"))}});
        for (const char *job : {"all-sekolah", "all-ptk"}) {
            send("POST", QStringLiteral("/api/sync/") + QLatin1String(job), QStringLiteral("/api/sync/") + QLatin1String(job), {});
            test::waitForJob(core);
        }
        get(QStringLiteral("/api/sync/status"), QStringLiteral("/api/sync/status"));

        // --- Satu Data -------------------------------------------------------------------------
        const QString files = QStringLiteral("/api/integrations/files");
        const QString fileId = idOf(upload(files, files, multipart({{"title", "Jumlah Siswa"}, {"period", "2025"}, {"description", "Per kelas"},
                                                                    {"tags", "siswa,kelas"}, {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}},
                                                                   "data.csv", test::sampleCsv()), admin));
        const QString file = files + QLatin1Char('/') + fileId;
        get(files, files);
        get(file, files + QStringLiteral("/:id"));
        send("PUT", file, files + QStringLiteral("/:id"), {{"unit", "orang"}});
        send("POST", file + QStringLiteral("/verify"), files + QStringLiteral("/:id/verify"), {});
        send("POST", file + QStringLiteral("/sync"), files + QStringLiteral("/:id/sync"), {{"targets", QJsonArray{"splp", "sipd"}}});
        get(files, files);
        get(file, files + QStringLiteral("/:id"));
        send("POST", QStringLiteral("/api/integrations/sync-all"), QStringLiteral("/api/integrations/sync-all"), {{"targets", QJsonArray{"splp", "sipd"}}});
        get(QStringLiteral("/api/integrations/sync-all/status"), QStringLiteral("/api/integrations/sync-all/status"));
        // A conflict: the portal and the school both changed the dataset.
        const QString remoteId = data(get(file, files + QStringLiteral("/:id"))).value(QLatin1String("sync")).toObject()
                                     .value(QLatin1String("splp")).toObject().value(QLatin1String("remoteId")).toString();
        sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", "Versi portal"}});
        send("PUT", file, files + QStringLiteral("/:id"), {{"title", "Versi sekolah"}});
        send("POST", file + QStringLiteral("/verify"), files + QStringLiteral("/:id/verify"), {});
        send("POST", file + QStringLiteral("/sync"), files + QStringLiteral("/:id/sync"), {{"targets", QJsonArray{"splp"}}});
        get(file + QStringLiteral("?x=1"), files + QStringLiteral("/:id"));
        get(file + QStringLiteral("/conflict?target=splp"), files + QStringLiteral("/:id/conflict"));
        send("POST", file + QStringLiteral("/resolve"), files + QStringLiteral("/:id/resolve"), {{"target", "splp"}, {"keep", "remote"}});
        // A transient failure: queued for a retry.
        const QString other = idOf(upload(files, files, multipart({{"title", "Jumlah Guru"}, {"period", "2025"}}, "guru.csv", test::sampleCsv(2)), admin));
        send("POST", files + QLatin1Char('/') + other + QStringLiteral("/verify"), files + QStringLiteral("/:id/verify"), {});
        sim->forceFault(QStringLiteral("5xx"), 50);
        send("POST", files + QLatin1Char('/') + other + QStringLiteral("/sync"), files + QStringLiteral("/:id/sync"), {{"targets", QJsonArray{"splp", "sipd"}}});
        sim->control("POST", QStringLiteral("/__sim/faults"), {{"clear", true}});
        get(QStringLiteral("/api/integrations/queue"), QStringLiteral("/api/integrations/queue"));
        get(files, files);
        get(QStringLiteral("/api/integrations/logs"), QStringLiteral("/api/integrations/logs"));
        upload(files + QLatin1Char('/') + other + QStringLiteral("/replace"), files + QStringLiteral("/:id/replace"),
               multipart({}, "guru.csv", test::sampleCsv(3)), admin);
        get(QStringLiteral("/api/integrations/schedule"), QStringLiteral("/api/integrations/schedule"));
        send("PUT", QStringLiteral("/api/integrations/schedule"), QStringLiteral("/api/integrations/schedule"),
             {{"frequency", "weekly"}, {"weekday", 1}, {"time", "07:00"}, {"targets", QJsonArray{"splp"}}});
        get(QStringLiteral("/api/integrations/schedule"), QStringLiteral("/api/integrations/schedule"));
        const QString spare = idOf(upload(files, files, multipart({{"title", "Sementara"}, {"period", "2025"}}, "x.csv", test::sampleCsv(1)), admin));
        expect(ts->request("DELETE", files + QLatin1Char('/') + spare, {}, {{"Authorization", "Bearer " + admin}}), "DELETE", files + QStringLiteral("/:id"));

        // --- audit log: entries from every area above -----------------------------------------
        get(QStringLiteral("/api/admin/audit?limit=100"), QStringLiteral("/api/admin/audit"));
        get(QStringLiteral("/api/admin/audit?area=satudata"), QStringLiteral("/api/admin/audit"));

        // Every GET route is checked here, or cannot be (and says why).
        const QMap<QString, QString> unreachable{
            {QStringLiteral("GET /api/sync/global"), QStringLiteral("server-sent events, not JSON")},
            {QStringLiteral("GET /api/sync/kecamatan"), QStringLiteral("server-sent events, not JSON")},
            {QStringLiteral("GET /api/integrations/sync-all/events"), QStringLiteral("server-sent events, not JSON")},
            {QStringLiteral("GET /api/admin/ppdb/registrations/:id/documents/:docId"), QStringLiteral("file download")},
            {QStringLiteral("GET /api/admin/ppdb/export"), QStringLiteral("file download (XLSX or CSV)")},
            {QStringLiteral("GET /api/media/:id"), QStringLiteral("image bytes")},
            {QStringLiteral("GET /api/media/:id/thumb"), QStringLiteral("image bytes")},
            {QStringLiteral("GET /api/student/works/:id/file"), QStringLiteral("file download")},
        };
        int routes = 0, gets = 0, others = 0;
        for (const Route &route : ts->server->router().routes()) {
            const QString what = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            ++routes;
            if (route.method == "GET") {
                ++gets;
                if (!checkedRoutes.contains(what) && !unreachable.contains(what))
                    failures << what + QStringLiteral(": GET route neither checked nor listed as unreachable");
                if (checkedRoutes.contains(what) && unreachable.contains(what))
                    failures << what + QStringLiteral(": listed as unreachable but checked");
            } else if (checkedRoutes.contains(what)) {
                ++others;
            }
        }
        for (const QString &u : unreachable.keys())
            if (!std::any_of(ts->server->router().routes().begin(), ts->server->router().routes().end(),
                             [&](const Route &r) { return QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern == u; }))
                failures << u + QStringLiteral(": listed as unreachable but no such route");
        qInfo("%d answers checked: %d of %d GET routes, %d other routes (of %d routes)", answers, gets - int(unreachable.size()), gets,
              others, routes);
        for (const QString &f : failures) // one line each: QVERIFY2's message is cut short
            qWarning("%s", qPrintable(f));
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 mismatches, listed above").arg(failures.size())));
    }

    void cleanup()
    {
        if (ts) {
            ts->core->dapodik().jobs().waitForIdle(10000);
            ts->core->satuDataSync().jobs().waitForIdle(10000);
        }
        ts.reset();
        sim.reset();
    }
};

QTEST_GUILESS_MAIN(TestApiSchema)
#include "tst_api_schema.moc"
