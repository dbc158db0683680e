// Black-box tests of the SPLP (Satu Data Indonesia, CKAN-style) and SIPD e-walidata parts of
// tatausaha-upstream-sim: the real binary is started on an ephemeral port and spoken to with
// QNetworkAccessManager, as the main app's clients will. The contract under test is
// app/upstream-sim/README.md ("SPLP" and "SIPD e-walidata").

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <memory>

#include "SimTestKit.h"

using namespace simtest;

namespace {

const QByteArray kKey = "sim-external-key";
const QString kAction = QStringLiteral("/splp/api/3/action/");
const QString kPush = QStringLiteral("/sipd/api/v1/push_dssd");

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QDateTime isoUtc(const QJsonValue &v)
{
    const QString s = v.toString();
    if (!s.endsWith(QLatin1Char('Z')))
        return {};
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

// {"data":[rows]} with one SIPD row per (kodeindikator, kodepemda, tahun, data) tuple.
QJsonObject sipdRow(const QJsonValue &indikator, const QJsonValue &pemda, const QJsonValue &tahun,
                    const QJsonValue &data)
{
    QJsonObject o;
    if (!indikator.isUndefined())
        o.insert(QStringLiteral("kodeindikator"), indikator);
    if (!pemda.isUndefined())
        o.insert(QStringLiteral("kodepemda"), pemda);
    if (!tahun.isUndefined())
        o.insert(QStringLiteral("tahun"), tahun);
    if (!data.isUndefined())
        o.insert(QStringLiteral("data"), data);
    return o;
}

} // namespace

class TestSimSatuData : public QObject
{
    Q_OBJECT

private:
    HttpResult http(const QString &base, const QByteArray &method, const QString &path,
                    const QByteArray &body = {}, const Headers &headers = {}, int timeoutMs = 5000)
    {
        return httpRequest(m_nam, method, base + path, body, headers, timeoutMs);
    }
    // SPLP with the CKAN-style bare key in Authorization.
    HttpResult splp(const QByteArray &method, const QString &action, const QJsonObject &body = {},
                    const Headers &headers = {{"Authorization", kKey}})
    {
        return http(m_sim.base, method, kAction + action,
                    method == "GET" ? QByteArray() : compact(body), headers);
    }
    HttpResult create(const QJsonObject &body) { return splp("POST", QStringLiteral("package_create"), body); }
    HttpResult update(const QJsonObject &body) { return splp("POST", QStringLiteral("package_update"), body); }
    HttpResult show(const QString &idOrName)
    {
        return splp("GET", QStringLiteral("package_show?id=") + QString::fromUtf8(QUrl::toPercentEncoding(idOrName)));
    }
    HttpResult datastore(const QJsonObject &body) { return splp("POST", QStringLiteral("datastore_create"), body); }
    HttpResult push(const QJsonValue &body, const Headers &headers = {{"Authorization", "Bearer " + kKey}})
    {
        return http(m_sim.base, "POST", kPush, compact(body), headers);
    }
    HttpResult pushRows(const QJsonArray &rows) { return push(QJsonObject{{QStringLiteral("data"), rows}}); }
    HttpResult control(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return http(m_sim.base, method, QStringLiteral("/__sim/") + path, body);
    }
    QJsonObject stats() { return control("GET", QStringLiteral("stats")).json(); }
    QJsonObject pushed(const char *name)
    {
        return stats().value(QStringLiteral("pushed")).toObject().value(QLatin1String(name)).toObject();
    }
    QJsonArray sipdValues() { return control("GET", QStringLiteral("sipd/values")).json().value(QStringLiteral("data")).toArray(); }
    QJsonArray splpPackages() { return control("GET", QStringLiteral("splp/packages")).json().value(QStringLiteral("result")).toArray(); }
    // A package named `name` with a one-int-column resource holding `n` records; returns the
    // package (as created) and sets *resourceId.
    QJsonObject packageWithResource(const QString &name, int n, QString *resourceId);

    QNetworkAccessManager m_nam;
    SimProcess m_sim;

private slots:
    void initTestCase();
    void init();

    void splpRejectsMissingOrWrongKey();
    void splpUnknownPathAndWrongMethod();
    void packageCreateShowUpdateRoundTrip();
    void packageUpdateReplacesFieldsAndRenames();
    void packageValidationErrorsArePerField409();
    void duplicateNameIs409();
    void unknownPackageIs404();
    void datastoreCreateNewAndReplace();
    void datastoreValidatesTypesAndKeys();
    void datastoreLimitsAndUnknownTargets();
    void modifyHookBumpsMetadataModified();

    void sipdRejectsMissingOrWrongKey();
    void sipdAllRowsOk();
    void sipdPartialAndNoneWithPerRowLog();
    void sipdRowRules_data();
    void sipdRowRules();
    void sipdUpsertsSameKey();
    void sipdBadBodiesAre400();

    void statsCountSplpAndSipd();
    void resetEmptiesBoth();
    void forcedFaultsHitSplpAndSipd();
    void externalApiKeyOption();
};

QJsonObject TestSimSatuData::packageWithResource(const QString &name, int n, QString *resourceId)
{
    const HttpResult c = create(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("title"), name}});
    if (c.status != 200)
        qFatal("package_create %s: %d %s", qPrintable(name), c.status, c.body.constData());
    QJsonArray records;
    for (int i = 0; i < n; ++i)
        records.append(QJsonObject{{QStringLiteral("n"), i}});
    const HttpResult d = datastore(QJsonObject{
        {QStringLiteral("resource"), QJsonObject{{QStringLiteral("package_id"), c.result()[QStringLiteral("id")]},
                                                 {QStringLiteral("name"), QStringLiteral("data")},
                                                 {QStringLiteral("format"), QStringLiteral("CSV")}}},
        {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("n")},
                                                          {QStringLiteral("type"), QStringLiteral("int")}}}},
        {QStringLiteral("records"), records},
        {QStringLiteral("force"), true}});
    if (d.status != 200)
        qFatal("datastore_create %s: %d %s", qPrintable(name), d.status, d.body.constData());
    *resourceId = d.result()[QStringLiteral("resource_id")].toString();
    return c.result();
}

void TestSimSatuData::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("1")}, &error), qPrintable(error));
}

void TestSimSatuData::init()
{
    QCOMPARE_EQ(control("POST", QStringLiteral("reset")).status, 200);
}

// ---------------------------------------------------------------------------------- SPLP

void TestSimSatuData::splpRejectsMissingOrWrongKey()
{
    const QJsonObject denied = parse(R"({"success":false,"error":{"__type":"Authorization Error","message":"Access denied: API key tidak valid"}})");
    const QJsonObject pkg = parse(R"({"name":"data-siswa","title":"Data Siswa"})");
    const QList<Headers> bad{{},
                             {{"Authorization", "salah"}},
                             {{"Authorization", "Bearer " + kKey}}, // CKAN takes the bare key
                             {{"X-API-KEY", "salah"}},
                             {{"Api-Key", kKey}}};
    for (const Headers &h : bad) {
        for (const QString &action : {QStringLiteral("package_create"), QStringLiteral("package_update"),
                                      QStringLiteral("datastore_create")}) {
            const HttpResult r = splp("POST", action, pkg, h);
            QVERIFY2(r.status == 403, qPrintable(action + QLatin1Char(' ') + QString::number(r.status)));
            QCOMPARE(r.json(), denied);
        }
        const HttpResult s = splp("GET", QStringLiteral("package_show?id=data-siswa"), {}, h);
        QCOMPARE_EQ(s.status, 403);
        QCOMPARE(s.json(), denied);
    }
    QCOMPARE_EQ(splpPackages().size(), 0); // nothing was created
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("creates")].toInt(), 0);
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("denied")].toInt(), 5 * 4);

    // Either header with the right key is enough.
    QCOMPARE_EQ(splp("POST", QStringLiteral("package_create"), pkg, {{"X-API-KEY", kKey}}).status, 200);
    QCOMPARE_EQ(splp("GET", QStringLiteral("package_show?id=data-siswa"), {}, {{"Authorization", kKey}}).status, 200);
    QCOMPARE_EQ(splp("GET", QStringLiteral("package_show?id=data-siswa"), {},
                     {{"Authorization", "salah"}, {"X-API-KEY", kKey}}).status, 200);
}

void TestSimSatuData::splpUnknownPathAndWrongMethod()
{
    const HttpResult unknown = splp("POST", QStringLiteral("package_delete"), parse(R"({"id":"x"})"));
    QCOMPARE_EQ(unknown.status, 404);
    QCOMPARE(unknown.json(), parse(R"({"success":false,"error":"Endpoint tidak ditemukan"})"));
    QCOMPARE_EQ(http(m_sim.base, "GET", QStringLiteral("/splp/api/3"), {}, {{"Authorization", kKey}}).status, 404);

    const HttpResult get = splp("GET", QStringLiteral("package_create"));
    QCOMPARE_EQ(get.status, 405);
    QCOMPARE(get.json()[QStringLiteral("success")].toBool(true), false);

    const HttpResult notJson = http(m_sim.base, "POST", kAction + QStringLiteral("package_create"), "{nope",
                                    {{"Authorization", kKey}});
    QCOMPARE_EQ(notJson.status, 400);
    QCOMPARE(notJson.json()[QStringLiteral("success")].toBool(true), false);
    QCOMPARE_EQ(splpPackages().size(), 0);
}

void TestSimSatuData::packageCreateShowUpdateRoundTrip()
{
    const QJsonObject body = parse(R"({"name":"jumlah-siswa-2024","title":"Jumlah Siswa 2024",
        "notes":"Rekap jumlah siswa per kelas.","tags":[{"name":"pendidikan"},{"name":"siswa"}],
        "extras":[{"key":"npsn","value":"20400101"},{"key":"tahun","value":"2024"}]})");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const HttpResult c = create(body);
    QCOMPARE_EQ(c.status, 200);
    QCOMPARE(c.json()[QStringLiteral("success")].toBool(), true);
    const QJsonObject created = c.result();
    const QString id = created[QStringLiteral("id")].toString();
    static const QRegularExpression uuidRe(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QVERIFY2(uuidRe.match(id).hasMatch(), qPrintable(id));
    for (const char *key : {"name", "title", "notes", "tags", "extras"})
        QVERIFY2(created[QLatin1String(key)] == body[QLatin1String(key)], key);
    QCOMPARE(created[QStringLiteral("resources")].toArray(), QJsonArray());
    const QDateTime modified = isoUtc(created[QStringLiteral("metadata_modified")]);
    QVERIFY2(modified.isValid(), qPrintable(created[QStringLiteral("metadata_modified")].toString()));
    QVERIFY(modified >= before && modified <= QDateTime::currentDateTimeUtc().addSecs(1));

    // package_show by id and by name answer the same package.
    const HttpResult byId = show(id);
    QCOMPARE_EQ(byId.status, 200);
    QCOMPARE(byId.json()[QStringLiteral("success")].toBool(), true);
    QCOMPARE(byId.result(), created);
    QCOMPARE(show(QStringLiteral("jumlah-siswa-2024")).result(), created);

    // package_update by id: the fields change and metadata_modified moves forward.
    QJsonObject changed = body;
    changed.insert(QStringLiteral("id"), id);
    changed.insert(QStringLiteral("title"), QStringLiteral("Jumlah Siswa TA 2024/2025"));
    changed.insert(QStringLiteral("notes"), QStringLiteral("Diperbarui."));
    changed.insert(QStringLiteral("tags"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("rekap")}}});
    const HttpResult u = update(changed);
    QCOMPARE_EQ(u.status, 200);
    const QJsonObject updated = u.result();
    QCOMPARE(updated[QStringLiteral("id")].toString(), id);
    QCOMPARE(updated[QStringLiteral("name")].toString(), QStringLiteral("jumlah-siswa-2024"));
    QCOMPARE(updated[QStringLiteral("title")].toString(), QStringLiteral("Jumlah Siswa TA 2024/2025"));
    QCOMPARE(updated[QStringLiteral("notes")].toString(), QStringLiteral("Diperbarui."));
    QCOMPARE(updated[QStringLiteral("tags")].toArray(), changed[QStringLiteral("tags")].toArray());
    QCOMPARE(updated[QStringLiteral("extras")].toArray(), body[QStringLiteral("extras")].toArray());
    const QDateTime modified2 = isoUtc(updated[QStringLiteral("metadata_modified")]);
    QVERIFY2(modified2 > modified, qPrintable(updated[QStringLiteral("metadata_modified")].toString()));
    QCOMPARE(show(id).result(), updated);

    // By name (no id): the name identifies the package.
    const HttpResult u2 = update(parse(R"({"name":"jumlah-siswa-2024","title":"Lagi"})"));
    QCOMPARE_EQ(u2.status, 200);
    QCOMPARE(u2.result()[QStringLiteral("id")].toString(), id);
    QVERIFY(isoUtc(u2.result()[QStringLiteral("metadata_modified")]) > modified2);
    QCOMPARE(show(QStringLiteral("jumlah-siswa-2024")).result()[QStringLiteral("title")].toString(), QStringLiteral("Lagi"));
    QCOMPARE_EQ(splpPackages().size(), 1);
}

void TestSimSatuData::packageUpdateReplacesFieldsAndRenames()
{
    const QString id = create(parse(R"({"name":"guru","title":"Guru","notes":"catatan",
        "tags":[{"name":"ptk"}],"extras":[{"key":"a","value":"1"}]})")).result()[QStringLiteral("id")].toString();
    QVERIFY(!id.isEmpty());
    // Like CKAN, omitted notes/tags/extras are cleared; the name stays unless given.
    const HttpResult u = update(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), QStringLiteral("Guru dan Tendik")}});
    QCOMPARE_EQ(u.status, 200);
    QCOMPARE(u.result()[QStringLiteral("name")].toString(), QStringLiteral("guru"));
    QCOMPARE(u.result()[QStringLiteral("notes")].toString(), QString());
    QCOMPARE(u.result()[QStringLiteral("tags")].toArray(), QJsonArray());
    QCOMPARE(u.result()[QStringLiteral("extras")].toArray(), QJsonArray());
    // Title is required on update too.
    const HttpResult noTitle = update(QJsonObject{{QStringLiteral("id"), id}});
    QCOMPARE_EQ(noTitle.status, 409);
    QVERIFY(noTitle.ckanError().contains(QStringLiteral("title")));
    // Rename through id; the new name finds it, the old one no longer does.
    const HttpResult r = update(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("guru-tendik")},
                                            {QStringLiteral("title"), QStringLiteral("Guru")}});
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE(show(QStringLiteral("guru-tendik")).result()[QStringLiteral("id")].toString(), id);
    QCOMPARE_EQ(show(QStringLiteral("guru")).status, 404);
    // A bad new name is a validation error and changes nothing.
    const HttpResult bad = update(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Guru Baru")},
                                              {QStringLiteral("title"), QStringLiteral("X")}});
    QCOMPARE_EQ(bad.status, 409);
    QVERIFY(bad.ckanError().contains(QStringLiteral("name")));
    QCOMPARE(show(id).result()[QStringLiteral("title")].toString(), QStringLiteral("Guru"));
}

void TestSimSatuData::packageValidationErrorsArePerField409()
{
    struct Case
    {
        QJsonObject body;
        QStringList badFields;
    };
    const QString longName(101, QLatin1Char('a'));
    const QString longTitle(201, QLatin1Char('t'));
    const QList<Case> cases{
        {parse(R"({"title":"Tanpa Nama"})"), {"name"}},
        {parse(R"({"name":"Data-Siswa","title":"Huruf besar"})"), {"name"}},
        {parse(R"({"name":"a","title":"Satu huruf"})"), {"name"}},
        {parse(R"({"name":"data siswa","title":"Spasi"})"), {"name"}},
        {parse(R"({"name":"data.siswa","title":"Titik"})"), {"name"}},
        {parse(R"({"name":42,"title":"Angka"})"), {"name"}},
        {QJsonObject{{QStringLiteral("name"), longName}, {QStringLiteral("title"), QStringLiteral("Panjang")}}, {"name"}},
        {parse(R"({"name":"data-siswa"})"), {"title"}},
        {parse(R"({"name":"data-siswa","title":""})"), {"title"}},
        {parse(R"({"name":"data-siswa","title":"   "})"), {"title"}},
        {QJsonObject{{QStringLiteral("name"), QStringLiteral("data-siswa")}, {QStringLiteral("title"), longTitle}}, {"title"}},
        {parse(R"({"name":"X","title":""})"), {"name", "title"}},
        {parse(R"({"name":"ok-name","title":"T","tags":[{"name":""}]})"), {"tags"}},
        {parse(R"({"name":"ok-name","title":"T","tags":"pendidikan"})"), {"tags"}},
        {parse(R"({"name":"ok-name","title":"T","extras":[{"key":"a","value":1}]})"), {"extras"}},
        {parse(R"({"name":"ok-name","title":"T","extras":[{"key":"a","value":"1"},{"key":"a","value":"2"}]})"), {"extras"}},
        {parse(R"({"name":"ok-name","title":"T","notes":5})"), {"notes"}},
    };
    for (const Case &c : cases) {
        const HttpResult r = create(c.body);
        const QString what = QString::fromUtf8(compact(c.body).left(80));
        QVERIFY2(r.status == 409, qPrintable(what + QStringLiteral(" -> %1").arg(r.status)));
        QCOMPARE(r.json()[QStringLiteral("success")].toBool(true), false);
        const QJsonObject e = r.ckanError();
        QCOMPARE(e[QStringLiteral("__type")].toString(), QStringLiteral("Validation Error"));
        QStringList keys = e.keys();
        keys.removeAll(QStringLiteral("__type"));
        QStringList expected = c.badFields;
        expected.sort();
        QVERIFY2(keys == expected, qPrintable(what + QStringLiteral(": ") + keys.join(',')));
        for (const QString &f : c.badFields) {
            const QJsonArray messages = e[f].toArray();
            QVERIFY2(!messages.isEmpty(), qPrintable(what + QLatin1Char(' ') + f));
            for (const QJsonValue &m : messages)
                QVERIFY2(m.isString() && !m.toString().isEmpty(), qPrintable(what));
        }
    }
    QCOMPARE_EQ(splpPackages().size(), 0);
    // The boundaries themselves are fine.
    QCOMPARE_EQ(create(QJsonObject{{QStringLiteral("name"), QString(100, QLatin1Char('a'))},
                                   {QStringLiteral("title"), QString(200, QLatin1Char('t'))}}).status, 200);
    QCOMPARE_EQ(create(parse(R"({"name":"a_-9","title":"T"})")).status, 200);
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("creates")].toInt(), 2);
}

void TestSimSatuData::duplicateNameIs409()
{
    QCOMPARE_EQ(create(parse(R"({"name":"data-guru","title":"Data Guru"})")).status, 200);
    const HttpResult dup = create(parse(R"({"name":"data-guru","title":"Data Guru Lagi"})"));
    QCOMPARE_EQ(dup.status, 409);
    QCOMPARE(dup.json(), parse(R"({"success":false,"error":{"__type":"Validation Error","name":["URL sudah digunakan."]}})"));
    QCOMPARE_EQ(splpPackages().size(), 1);

    // Renaming another package onto it is the same error; keeping one's own name is not.
    const QString other = create(parse(R"({"name":"data-tendik","title":"Tendik"})")).result()[QStringLiteral("id")].toString();
    const HttpResult rename = update(QJsonObject{{QStringLiteral("id"), other}, {QStringLiteral("name"), QStringLiteral("data-guru")},
                                                 {QStringLiteral("title"), QStringLiteral("Tendik")}});
    QCOMPARE_EQ(rename.status, 409);
    QCOMPARE(rename.ckanError()[QStringLiteral("name")].toArray(), QJsonArray{QStringLiteral("URL sudah digunakan.")});
    QCOMPARE_EQ(update(QJsonObject{{QStringLiteral("id"), other}, {QStringLiteral("name"), QStringLiteral("data-tendik")},
                                   {QStringLiteral("title"), QStringLiteral("Tendik 2")}}).status, 200);
}

void TestSimSatuData::unknownPackageIs404()
{
    const QJsonObject notFound = parse(R"({"success":false,"error":{"__type":"Not Found Error","message":"Not found"}})");
    QCOMPARE(show(QStringLiteral("tidak-ada")).json(), notFound);
    QCOMPARE_EQ(show(QStringLiteral("tidak-ada")).status, 404);
    QCOMPARE_EQ(splp("GET", QStringLiteral("package_show")).status, 404);
    const HttpResult u = update(parse(R"({"id":"0b9f1f5e-3c43-4a5e-9a61-6d2b4c8e7f10","title":"X"})"));
    QCOMPARE_EQ(u.status, 404);
    QCOMPARE(u.json(), notFound);
    QCOMPARE_EQ(update(parse(R"({"name":"tidak-ada","title":"X"})")).status, 404);
    QCOMPARE_EQ(update(parse(R"({"title":"X"})")).status, 404);
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("updates")].toInt(), 0);
}

void TestSimSatuData::datastoreCreateNewAndReplace()
{
    const QJsonObject pkg = create(parse(R"({"name":"rekap-kelas","title":"Rekap Kelas"})")).result();
    const QString pkgId = pkg[QStringLiteral("id")].toString();
    const QDateTime m0 = isoUtc(pkg[QStringLiteral("metadata_modified")]);

    QJsonObject body = parse(R"({"resource":{"name":"Jumlah siswa per kelas","format":"CSV"},
        "fields":[{"id":"kelas","type":"text"},{"id":"jumlah","type":"int"},{"id":"rata_nilai","type":"numeric"},{"id":"tanggal","type":"date"}],
        "records":[{"kelas":"7A","jumlah":32,"rata_nilai":81.5,"tanggal":"2024-07-15"},
                   {"kelas":"7B","jumlah":"30","rata_nilai":"79.25","tanggal":"2024-07-15"},
                   {"kelas":"7C","jumlah":31,"rata_nilai":null}],
        "force":true})");
    QJsonObject resource = body[QStringLiteral("resource")].toObject();
    resource.insert(QStringLiteral("package_id"), pkgId);
    body.insert(QStringLiteral("resource"), resource);
    const HttpResult d = datastore(body);
    QCOMPARE_EQ(d.status, 200);
    QCOMPARE(d.json()[QStringLiteral("success")].toBool(), true);
    const QString rid = d.result()[QStringLiteral("resource_id")].toString();
    QVERIFY(!rid.isEmpty() && rid != pkgId);
    QCOMPARE_EQ(d.result()[QStringLiteral("total")].toInt(), 3);
    QCOMPARE(d.result()[QStringLiteral("fields")].toArray(), body[QStringLiteral("fields")].toArray());

    const QJsonObject shown = show(QStringLiteral("rekap-kelas")).result();
    const QDateTime m1 = isoUtc(shown[QStringLiteral("metadata_modified")]);
    QVERIFY2(m1 > m0, qPrintable(shown[QStringLiteral("metadata_modified")].toString()));
    const QJsonArray resources = shown[QStringLiteral("resources")].toArray();
    QCOMPARE_EQ(resources.size(), 1);
    const QJsonObject r = resources.at(0).toObject();
    QCOMPARE(r[QStringLiteral("id")].toString(), rid);
    QCOMPARE(r[QStringLiteral("name")].toString(), QStringLiteral("Jumlah siswa per kelas"));
    QCOMPARE(r[QStringLiteral("format")].toString(), QStringLiteral("CSV"));
    QCOMPARE(r[QStringLiteral("datastore_active")].toBool(), true);
    QCOMPARE_EQ(r[QStringLiteral("records")].toInt(), 3);
    QVERIFY(isoUtc(r[QStringLiteral("last_modified")]).isValid());

    // Numeric strings are stored as numbers (the hook shows the data).
    const QJsonArray data = splpPackages().at(0)[QStringLiteral("resources")][0][QStringLiteral("data")].toArray();
    QCOMPARE_EQ(data.size(), 3);
    QVERIFY(data.at(1)[QStringLiteral("jumlah")].isDouble());
    QCOMPARE(data.at(1)[QStringLiteral("jumlah")].toInt(), 30);
    QCOMPARE(data.at(1)[QStringLiteral("rata_nilai")].toDouble(), 79.25);
    QVERIFY(data.at(2)[QStringLiteral("rata_nilai")].isNull());

    // Replace the resource's data by resource_id: still one resource, new count, newer stamps.
    const HttpResult replace = datastore(QJsonObject{
        {QStringLiteral("resource_id"), rid},
        {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("kelas")}, {QStringLiteral("type"), QStringLiteral("text")}}}},
        {QStringLiteral("records"), QJsonArray{QJsonObject{{QStringLiteral("kelas"), QStringLiteral("8A")}}}},
        {QStringLiteral("force"), true}});
    QCOMPARE_EQ(replace.status, 200);
    QCOMPARE(replace.result()[QStringLiteral("resource_id")].toString(), rid);
    QCOMPARE_EQ(replace.result()[QStringLiteral("total")].toInt(), 1);
    const QJsonObject shown2 = show(pkgId).result();
    QCOMPARE_EQ(shown2[QStringLiteral("resources")].toArray().size(), 1);
    QCOMPARE_EQ(shown2[QStringLiteral("resources")][0][QStringLiteral("records")].toInt(), 1);
    QVERIFY(isoUtc(shown2[QStringLiteral("metadata_modified")]) > m1);
    QVERIFY(isoUtc(shown2[QStringLiteral("resources")][0][QStringLiteral("last_modified")])
            > isoUtc(r[QStringLiteral("last_modified")]));
    QCOMPARE(splpPackages().at(0)[QStringLiteral("resources")][0][QStringLiteral("data")].toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("kelas"), QStringLiteral("8A")}}}));

    // A second resource (the package found by name), and an empty one.
    QString rid2;
    {
        const HttpResult d2 = datastore(QJsonObject{
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("package_id"), QStringLiteral("rekap-kelas")},
                                                     {QStringLiteral("name"), QStringLiteral("Kosong")}, {QStringLiteral("format"), QStringLiteral("CSV")}}},
            {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("numeric")}}}},
            {QStringLiteral("records"), QJsonArray()}});
        QCOMPARE_EQ(d2.status, 200);
        QCOMPARE_EQ(d2.result()[QStringLiteral("total")].toInt(), 0);
        rid2 = d2.result()[QStringLiteral("resource_id")].toString();
    }
    QVERIFY(rid2 != rid);
    const QJsonArray res3 = show(pkgId).result()[QStringLiteral("resources")].toArray();
    QCOMPARE_EQ(res3.size(), 2);
    QCOMPARE(res3.at(1)[QStringLiteral("id")].toString(), rid2);
    QCOMPARE_EQ(res3.at(1)[QStringLiteral("records")].toInt(), 0);
    const QJsonObject s = pushed("splp");
    QCOMPARE_EQ(s[QStringLiteral("resources")].toInt(), 2);
    QCOMPARE_EQ(s[QStringLiteral("records")].toInt(), 1);
}

void TestSimSatuData::datastoreValidatesTypesAndKeys()
{
    QString rid;
    const QJsonObject pkg = packageWithResource(QStringLiteral("angka"), 2, &rid);
    const QString before = show(QStringLiteral("angka")).result()[QStringLiteral("metadata_modified")].toString();
    const QJsonArray fields{QJsonObject{{QStringLiteral("id"), QStringLiteral("nama")}, {QStringLiteral("type"), QStringLiteral("text")}},
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("jumlah")}, {QStringLiteral("type"), QStringLiteral("int")}},
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("nilai")}, {QStringLiteral("type"), QStringLiteral("numeric")}},
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("tgl")}, {QStringLiteral("type"), QStringLiteral("date")}}};
    const auto replaceWith = [&](const QJsonArray &records, const QJsonArray &f) {
        return datastore(QJsonObject{{QStringLiteral("resource_id"), rid}, {QStringLiteral("fields"), f},
                                     {QStringLiteral("records"), records}, {QStringLiteral("force"), true}});
    };
    struct Case
    {
        const char *record;
        const char *mention; // a word every records message must contain
    };
    const QList<Case> bad{
        {R"({"nama":"A","nilai":"abc"})", "nilai"},
        {R"({"nama":"A","nilai":"12,5"})", "nilai"},
        {R"({"nama":"A","nilai":""})", "nilai"},
        {R"({"nama":"A","nilai":true})", "nilai"},
        {R"({"nama":"A","nilai":[1]})", "nilai"},
        {R"({"nama":"A","jumlah":1.5})", "jumlah"},
        {R"({"nama":"A","jumlah":"1.5"})", "jumlah"},
        {R"({"nama":"A","jumlah":"tiga"})", "jumlah"},
        {R"({"nama":"A","tgl":"15/07/2024"})", "tgl"},
        {R"({"nama":"A","tgl":"2024-02-30"})", "tgl"},
        {R"({"nama":"A","kelas":"7A"})", "kelas"}, // undeclared
        {R"({"nama":{"x":1}})", "nama"},
    };
    for (const Case &c : bad) {
        const HttpResult r = replaceWith(QJsonArray{parse(R"({"nama":"ok","jumlah":1})"), parse(c.record)}, fields);
        QVERIFY2(r.status == 409, c.record);
        const QJsonObject e = r.ckanError();
        QCOMPARE(e[QStringLiteral("__type")].toString(), QStringLiteral("Validation Error"));
        const QJsonArray messages = e[QStringLiteral("records")].toArray();
        QVERIFY2(messages.size() == 1, c.record);
        QVERIFY2(messages.at(0).toString().contains(QLatin1String(c.mention)), qPrintable(messages.at(0).toString()));
        QVERIFY2(messages.at(0).toString().contains(QLatin1String("records[1]")), qPrintable(messages.at(0).toString()));
    }
    // Declared fields themselves are checked.
    const QList<QJsonArray> badFields{
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("float")}}},
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}}},
        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}}},
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("_id")}, {QStringLiteral("type"), QStringLiteral("int")}}},
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("int")}},
                   QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("text")}}},
        QJsonArray(),
    };
    for (const QJsonArray &f : badFields) {
        const HttpResult r = replaceWith(QJsonArray(), f);
        QVERIFY2(r.status == 409, compact(f).constData());
        QVERIFY2(!r.ckanError()[QStringLiteral("fields")].toArray().isEmpty(), r.body.constData());
    }
    QCOMPARE_EQ(datastore(QJsonObject{{QStringLiteral("resource_id"), rid}}).status, 409); // no fields

    // Many bad records: the list is capped, with a summary line.
    QJsonArray many;
    for (int i = 0; i < 50; ++i)
        many.append(QJsonObject{{QStringLiteral("nilai"), QStringLiteral("x")}});
    const QJsonArray capped = replaceWith(many, fields).ckanError()[QStringLiteral("records")].toArray();
    QCOMPARE_EQ(capped.size(), 21);
    QVERIFY(capped.last().toString().contains(QLatin1String("30")));

    // Nothing changed by the failures.
    QCOMPARE(show(QStringLiteral("angka")).result()[QStringLiteral("metadata_modified")].toString(), before);
    QCOMPARE_EQ(show(QStringLiteral("angka")).result()[QStringLiteral("resources")][0][QStringLiteral("records")].toInt(), 2);

    // The valid forms are accepted: numeric strings, exponents, negative, null, ISO date-times.
    const HttpResult good = replaceWith(QJsonArray{parse(R"({"nama":"A","jumlah":"-7","nilai":"1e3","tgl":"2024-07-15T08:00:00+07:00"})"),
                                                   parse(R"({"nama":12,"jumlah":2147483647,"nilai":-0.5,"tgl":null})"),
                                                   parse(R"({})")},
                                        fields);
    QCOMPARE_EQ(good.status, 200);
    QCOMPARE_EQ(good.result()[QStringLiteral("total")].toInt(), 3);
    QCOMPARE_EQ(replaceWith(QJsonArray{parse(R"({"jumlah":2147483648})")}, fields).status, 409);
    Q_UNUSED(pkg);
}

void TestSimSatuData::datastoreLimitsAndUnknownTargets()
{
    QString rid;
    packageWithResource(QStringLiteral("batas"), 1, &rid);
    const QJsonArray fields{QJsonObject{{QStringLiteral("id"), QStringLiteral("n")}, {QStringLiteral("type"), QStringLiteral("int")}}};
    const QJsonObject notFound = parse(R"({"success":false,"error":{"__type":"Not Found Error","message":"Not found"}})");

    const HttpResult unknownPkg = datastore(QJsonObject{
        {QStringLiteral("resource"), QJsonObject{{QStringLiteral("package_id"), QStringLiteral("tidak-ada")}, {QStringLiteral("format"), QStringLiteral("CSV")}}},
        {QStringLiteral("fields"), fields}, {QStringLiteral("records"), QJsonArray()}});
    QCOMPARE_EQ(unknownPkg.status, 404);
    QCOMPARE(unknownPkg.json(), notFound);
    const HttpResult unknownRes = datastore(QJsonObject{{QStringLiteral("resource_id"), QStringLiteral("0b9f1f5e-3c43-4a5e-9a61-6d2b4c8e7f10")},
                                                        {QStringLiteral("fields"), fields}});
    QCOMPARE_EQ(unknownRes.status, 404);
    QCOMPARE(unknownRes.json(), notFound);
    // Neither target, or both, or no package_id: validation errors.
    QCOMPARE_EQ(datastore(QJsonObject{{QStringLiteral("fields"), fields}}).status, 409);
    QCOMPARE_EQ(datastore(QJsonObject{{QStringLiteral("resource_id"), rid},
                                      {QStringLiteral("resource"), QJsonObject{{QStringLiteral("package_id"), QStringLiteral("batas")}}},
                                      {QStringLiteral("fields"), fields}}).status, 409);
    const HttpResult noPkg = datastore(QJsonObject{{QStringLiteral("resource"), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}},
                                                   {QStringLiteral("fields"), fields}});
    QCOMPARE_EQ(noPkg.status, 409);
    QVERIFY(noPkg.ckanError().contains(QStringLiteral("resource")));

    // At most 100,000 records per call.
    const auto recordsOf = [](int n) {
        QJsonArray a;
        const QJsonObject one{{QStringLiteral("n"), 1}};
        for (int i = 0; i < n; ++i)
            a.append(one);
        return a;
    };
    const HttpResult tooMany = datastore(QJsonObject{{QStringLiteral("resource_id"), rid}, {QStringLiteral("fields"), fields},
                                                     {QStringLiteral("records"), recordsOf(100001)}});
    QCOMPARE_EQ(tooMany.status, 409);
    QVERIFY(tooMany.ckanError()[QStringLiteral("records")].toArray().at(0).toString().contains(QLatin1String("100000")));
    QCOMPARE_EQ(show(QStringLiteral("batas")).result()[QStringLiteral("resources")][0][QStringLiteral("records")].toInt(), 1);
    const HttpResult max = datastore(QJsonObject{{QStringLiteral("resource_id"), rid}, {QStringLiteral("fields"), fields},
                                                 {QStringLiteral("records"), recordsOf(100000)}});
    QCOMPARE_EQ(max.status, 200);
    QCOMPARE_EQ(max.result()[QStringLiteral("total")].toInt(), 100000);
    QCOMPARE_EQ(show(QStringLiteral("batas")).result()[QStringLiteral("resources")][0][QStringLiteral("records")].toInt(), 100000);
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("records")].toInt(), 100000);
}

void TestSimSatuData::modifyHookBumpsMetadataModified()
{
    const QJsonObject pkg = create(parse(R"({"name":"hook","title":"Asli","notes":"asli"})")).result();
    const QDateTime m0 = isoUtc(pkg[QStringLiteral("metadata_modified")]);
    const HttpResult m = control("POST", QStringLiteral("splp/modify"), R"({"name":"hook","title":"Diubah di portal"})");
    QCOMPARE_EQ(m.status, 200);
    const QJsonObject shown = show(pkg[QStringLiteral("id")].toString()).result();
    QCOMPARE(shown[QStringLiteral("title")].toString(), QStringLiteral("Diubah di portal"));
    QCOMPARE(shown[QStringLiteral("notes")].toString(), QStringLiteral("asli"));
    const QDateTime m1 = isoUtc(shown[QStringLiteral("metadata_modified")]);
    QVERIFY2(m1 > m0, qPrintable(shown[QStringLiteral("metadata_modified")].toString()));

    // By id, notes only: metadata_modified moves again.
    QCOMPARE_EQ(control("POST", QStringLiteral("splp/modify"),
                        compact(QJsonObject{{QStringLiteral("id"), pkg[QStringLiteral("id")]}, {QStringLiteral("notes"), QStringLiteral("baru")}})).status, 200);
    const QJsonObject shown2 = show(QStringLiteral("hook")).result();
    QCOMPARE(shown2[QStringLiteral("notes")].toString(), QStringLiteral("baru"));
    QVERIFY(isoUtc(shown2[QStringLiteral("metadata_modified")]) > m1);
    // The hook is not a client update.
    QCOMPARE_EQ(pushed("splp")[QStringLiteral("updates")].toInt(), 0);

    QCOMPARE_EQ(control("POST", QStringLiteral("splp/modify"), R"({"name":"tidak-ada","title":"x"})").status, 404);
    QCOMPARE_EQ(control("POST", QStringLiteral("splp/modify"), R"({"title":"x"})").status, 400);
    QCOMPARE_EQ(control("POST", QStringLiteral("splp/modify"), "nope").status, 400);
    QCOMPARE_EQ(control("GET", QStringLiteral("splp/modify")).status, 405);

    // The state hook lists every package, and hooks are never faulted.
    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"kind":"5xx","count":2})").status, 200);
    const QJsonArray all = splpPackages();
    QCOMPARE_EQ(all.size(), 1);
    QCOMPARE(all.at(0)[QStringLiteral("name")].toString(), QStringLiteral("hook"));
    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"clear":true})").status, 200);
}

// ---------------------------------------------------------------------------------- SIPD

void TestSimSatuData::sipdRejectsMissingOrWrongKey()
{
    const QJsonObject unauthorized = parse(R"({"code":401,"msg":"Unauthorized","log":[]})");
    const QJsonObject body = parse(R"({"data":[{"kodeindikator":"1.01","kodepemda":"3404","tahun":2024,"data":1}]})");
    const QList<Headers> bad{{},
                             {{"Authorization", "Bearer salah"}},
                             {{"Authorization", kKey}}, // bare key: SIPD wants Bearer
                             {{"X-API-KEY", kKey}},
                             {{"Authorization", "Basic " + kKey}}};
    for (const Headers &h : bad) {
        const HttpResult r = push(body, h);
        QCOMPARE_EQ(r.status, 401);
        QCOMPARE(r.json(), unauthorized);
    }
    QCOMPARE_EQ(sipdValues().size(), 0);
    const QJsonObject s = pushed("sipd");
    QCOMPARE_EQ(s[QStringLiteral("pushes")].toInt(), 0);
    QCOMPARE_EQ(s[QStringLiteral("unauthorized")].toInt(), 5);
    QCOMPARE_EQ(push(body).code(), 200);

    // Unknown path: the common 404; another method: 405 in SIPD's envelope.
    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/sipd/api/v1/push"), compact(body),
                     {{"Authorization", "Bearer " + kKey}}).status, 404);
    const HttpResult get = http(m_sim.base, "GET", kPush, {}, {{"Authorization", "Bearer " + kKey}});
    QCOMPARE_EQ(get.status, 405);
    QCOMPARE_EQ(get.code(), 405);
}

void TestSimSatuData::sipdAllRowsOk()
{
    const QJsonArray rows{sipdRow(QStringLiteral("1.01.02"), QStringLiteral("3404"), 2024, 1250),
                          sipdRow(QStringLiteral("1.01.03"), QStringLiteral("34"), QStringLiteral("2025"), QStringLiteral("12.5")),
                          sipdRow(QStringLiteral("12.345.1.22.333"), QStringLiteral("3404"), 2000, -3),
                          sipdRow(QStringLiteral("2.1"), QStringLiteral("3404"), 2100, 0)};
    const HttpResult r = pushRows(rows);
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE_EQ(r.code(), 200);
    QVERIFY(!r.json()[QStringLiteral("msg")].toString().isEmpty());
    const QJsonArray log = r.log();
    QCOMPARE_EQ(log.size(), rows.size());
    for (int i = 0; i < log.size(); ++i) {
        const QJsonObject e = log.at(i).toObject();
        QCOMPARE_EQ(e[QStringLiteral("row")].toInt(-1), i);
        QCOMPARE(e[QStringLiteral("status")].toString(), QStringLiteral("OK"));
        QCOMPARE(e[QStringLiteral("kodeindikator")], rows.at(i)[QStringLiteral("kodeindikator")]);
        QCOMPARE(e[QStringLiteral("kodepemda")], rows.at(i)[QStringLiteral("kodepemda")]);
        QCOMPARE(e[QStringLiteral("tahun")], rows.at(i)[QStringLiteral("tahun")]);
        QVERIFY(!e[QStringLiteral("message")].toString().isEmpty());
    }
    const QJsonArray values = sipdValues();
    QCOMPARE_EQ(values.size(), 4);
    // Stored normalised: tahun and data as numbers, in first-push order.
    QCOMPARE(values.at(1)[QStringLiteral("kodeindikator")].toString(), QStringLiteral("1.01.03"));
    QCOMPARE(values.at(1)[QStringLiteral("kodepemda")].toString(), QStringLiteral("34"));
    QVERIFY(values.at(1)[QStringLiteral("tahun")].isDouble());
    QCOMPARE(values.at(1)[QStringLiteral("tahun")].toInt(), 2025);
    QVERIFY(values.at(1)[QStringLiteral("data")].isDouble());
    QCOMPARE(values.at(1)[QStringLiteral("data")].toDouble(), 12.5);
    QCOMPARE(values.at(2)[QStringLiteral("data")].toDouble(), -3.0);
}

void TestSimSatuData::sipdPartialAndNoneWithPerRowLog()
{
    const QJsonArray rows{sipdRow(QStringLiteral("1.01.02"), QStringLiteral("3404"), 2024, 10),
                          sipdRow(QStringLiteral("1.01.02.x"), QStringLiteral("3404"), 2024, 10),
                          sipdRow(QStringLiteral("1.01.04"), QStringLiteral("3404"), 2024, 11),
                          sipdRow(QStringLiteral("1.01.05"), QStringLiteral("340"), 1999, QStringLiteral("sepuluh"))};
    const HttpResult partial = pushRows(rows);
    QCOMPARE_EQ(partial.status, 200);
    QCOMPARE_EQ(partial.code(), 206);
    const QJsonArray log = partial.log();
    QCOMPARE_EQ(log.size(), 4);
    const QStringList statuses{"OK", "ERROR", "OK", "ERROR"};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE_EQ(log.at(i)[QStringLiteral("row")].toInt(-1), i);
        QCOMPARE(log.at(i)[QStringLiteral("status")].toString(), statuses.at(i));
        QCOMPARE(log.at(i)[QStringLiteral("kodeindikator")], rows.at(i)[QStringLiteral("kodeindikator")]);
    }
    QVERIFY2(log.at(1)[QStringLiteral("message")].toString().startsWith(QLatin1String("kodeindikator tidak valid")),
             qPrintable(log.at(1)[QStringLiteral("message")].toString()));
    const QString several = log.at(3)[QStringLiteral("message")].toString();
    for (const char *m : {"kodepemda tidak valid", "tahun tidak valid", "data tidak valid"})
        QVERIFY2(several.contains(QLatin1String(m)), qPrintable(several));
    QVERIFY(!several.contains(QLatin1String("kodeindikator")));
    QCOMPARE_EQ(sipdValues().size(), 2); // only the accepted rows

    const HttpResult none = pushRows(QJsonArray{sipdRow(QStringLiteral("abc"), QStringLiteral("3404"), 2024, 1),
                                                sipdRow(QStringLiteral("1.02"), QJsonValue(QJsonValue::Undefined), 2024, 1),
                                                QJsonValue(42)});
    QCOMPARE_EQ(none.status, 200);
    QCOMPARE_EQ(none.code(), 422);
    QCOMPARE_EQ(none.log().size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE_EQ(none.log().at(i)[QStringLiteral("row")].toInt(-1), i);
        QCOMPARE(none.log().at(i)[QStringLiteral("status")].toString(), QStringLiteral("ERROR"));
    }
    QVERIFY(none.log().at(1)[QStringLiteral("message")].toString().contains(QLatin1String("kodepemda wajib diisi")));
    QVERIFY(none.log().at(1)[QStringLiteral("kodepemda")].isNull());
    QCOMPARE_EQ(sipdValues().size(), 2);
}

void TestSimSatuData::sipdRowRules_data()
{
    QTest::addColumn<QJsonValue>("indikator");
    QTest::addColumn<QJsonValue>("pemda");
    QTest::addColumn<QJsonValue>("tahun");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QString>("field"); // empty = accepted; else the field the message names

    const QJsonValue ok1(QStringLiteral("1.01")), pemda(QStringLiteral("3404")), th(2024), val(5);
    const QJsonValue undef(QJsonValue::Undefined);
    QTest::newRow("minimal") << ok1 << pemda << th << val << QString();
    QTest::newRow("5 segments") << QJsonValue(QStringLiteral("12.123.1.1.999")) << pemda << th << val << QString();
    QTest::newRow("provinsi") << ok1 << QJsonValue(QStringLiteral("34")) << th << val << QString();
    QTest::newRow("tahun string") << ok1 << pemda << QJsonValue(QStringLiteral("2030")) << val << QString();
    QTest::newRow("data string") << ok1 << pemda << th << QJsonValue(QStringLiteral("-0.75")) << QString();
    QTest::newRow("data zero") << ok1 << pemda << th << QJsonValue(0) << QString();

    QTest::newRow("ind one part") << QJsonValue(QStringLiteral("1")) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind 6 parts") << QJsonValue(QStringLiteral("1.1.1.1.1.1")) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind 3 digit head") << QJsonValue(QStringLiteral("123.1")) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind 4 digit part") << QJsonValue(QStringLiteral("1.1234")) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind trailing dot") << QJsonValue(QStringLiteral("1.01.")) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind number") << QJsonValue(1.01) << pemda << th << val << "kodeindikator";
    QTest::newRow("ind missing") << undef << pemda << th << val << "kodeindikator";
    QTest::newRow("pemda 3") << ok1 << QJsonValue(QStringLiteral("340")) << th << val << "kodepemda";
    QTest::newRow("pemda 5") << ok1 << QJsonValue(QStringLiteral("34041")) << th << val << "kodepemda";
    QTest::newRow("pemda dotted") << ok1 << QJsonValue(QStringLiteral("34.04")) << th << val << "kodepemda";
    QTest::newRow("pemda number") << ok1 << QJsonValue(3404) << th << val << "kodepemda";
    QTest::newRow("tahun 1999") << ok1 << pemda << QJsonValue(1999) << val << "tahun";
    QTest::newRow("tahun 2101") << ok1 << pemda << QJsonValue(2101) << val << "tahun";
    QTest::newRow("tahun fraction") << ok1 << pemda << QJsonValue(2024.5) << val << "tahun";
    QTest::newRow("tahun text") << ok1 << pemda << QJsonValue(QStringLiteral("2024/2025")) << val << "tahun";
    QTest::newRow("tahun missing") << ok1 << pemda << undef << val << "tahun";
    QTest::newRow("data text") << ok1 << pemda << th << QJsonValue(QStringLiteral("lima")) << "data";
    QTest::newRow("data comma") << ok1 << pemda << th << QJsonValue(QStringLiteral("1,5")) << "data";
    QTest::newRow("data bool") << ok1 << pemda << th << QJsonValue(true) << "data";
    QTest::newRow("data null") << ok1 << pemda << th << QJsonValue(QJsonValue::Null) << "data";
    QTest::newRow("data empty") << ok1 << pemda << th << QJsonValue(QString()) << "data";
}

void TestSimSatuData::sipdRowRules()
{
    QFETCH(QJsonValue, indikator);
    QFETCH(QJsonValue, pemda);
    QFETCH(QJsonValue, tahun);
    QFETCH(QJsonValue, data);
    QFETCH(QString, field);
    const HttpResult r = pushRows(QJsonArray{sipdRow(indikator, pemda, tahun, data)});
    QCOMPARE_EQ(r.status, 200);
    const QJsonObject e = r.log().at(0).toObject();
    const QString message = e[QStringLiteral("message")].toString();
    if (field.isEmpty()) {
        QVERIFY2(r.code() == 200, qPrintable(message));
        QCOMPARE(e[QStringLiteral("status")].toString(), QStringLiteral("OK"));
        QCOMPARE_EQ(sipdValues().size(), 1);
    } else {
        QCOMPARE_EQ(r.code(), 422);
        QCOMPARE(e[QStringLiteral("status")].toString(), QStringLiteral("ERROR"));
        // Indonesian, naming the field: "<field> tidak valid …" or "<field> wajib diisi".
        QVERIFY2(message.startsWith(field + QStringLiteral(" tidak valid"))
                     || message.startsWith(field + QStringLiteral(" wajib diisi")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char(';')), qPrintable(message)); // only that field
        QCOMPARE_EQ(sipdValues().size(), 0);
    }
}

void TestSimSatuData::sipdUpsertsSameKey()
{
    QCOMPARE_EQ(pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 10),
                          sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2023, 9)}).code(), 200);
    const HttpResult again = pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), QStringLiteral("2024"), QStringLiteral("11.5"))});
    QCOMPARE_EQ(again.code(), 200);
    QCOMPARE(again.log().at(0)[QStringLiteral("message")].toString(), QStringLiteral("Berhasil diperbarui"));
    QJsonArray values = sipdValues();
    QCOMPARE_EQ(values.size(), 2);
    QCOMPARE(values.at(0)[QStringLiteral("tahun")].toInt(), 2024); // replaced in place
    QCOMPARE(values.at(0)[QStringLiteral("data")].toDouble(), 11.5);
    QCOMPARE(values.at(1)[QStringLiteral("data")].toDouble(), 9.0);

    // Twice in one push: the later row wins; another kodepemda is another value.
    const HttpResult twice = pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2023, 1),
                                       sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2023, 2),
                                       sipdRow(QStringLiteral("1.01"), QStringLiteral("34"), 2023, 3)});
    QCOMPARE_EQ(twice.code(), 200);
    values = sipdValues();
    QCOMPARE_EQ(values.size(), 3);
    QCOMPARE(values.at(1)[QStringLiteral("data")].toDouble(), 2.0);
    QCOMPARE(values.at(2)[QStringLiteral("kodepemda")].toString(), QStringLiteral("34"));
    QCOMPARE_EQ(pushed("sipd")[QStringLiteral("values")].toInt(), 3);
    QCOMPARE_EQ(pushed("sipd")[QStringLiteral("rows_ok")].toInt(), 6);
}

void TestSimSatuData::sipdBadBodiesAre400()
{
    QJsonArray tooMany;
    const QJsonObject row = sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 1);
    for (int i = 0; i < 10001; ++i)
        tooMany.append(row);
    const QList<QByteArray> bodies{"", "nope", "[]", R"([{"kodeindikator":"1.01"}])", "{}", R"({"data":{}})",
                                   R"({"data":"1.01"})", R"({"data":[]})", R"({"rows":[{"kodeindikator":"1.01","kodepemda":"3404","tahun":2024,"data":1}]})",
                                   compact(QJsonObject{{QStringLiteral("data"), tooMany}})};
    for (const QByteArray &b : bodies) {
        const HttpResult r = http(m_sim.base, "POST", kPush, b, {{"Authorization", "Bearer " + kKey}});
        QVERIFY2(r.status == 400, b.left(60).constData());
        QCOMPARE_EQ(r.code(), 400);
        QVERIFY(!r.json()[QStringLiteral("msg")].toString().isEmpty());
        QVERIFY(r.json()[QStringLiteral("log")].isArray() && r.log().isEmpty());
    }
    QCOMPARE_EQ(sipdValues().size(), 0);
    QCOMPARE_EQ(pushed("sipd")[QStringLiteral("pushes")].toInt(), 0);

    // 10,000 rows is the limit, and fine.
    tooMany.removeLast();
    const HttpResult max = push(QJsonObject{{QStringLiteral("data"), tooMany}});
    QCOMPARE_EQ(max.code(), 200);
    QCOMPARE_EQ(max.log().size(), 10000);
    QCOMPARE_EQ(max.log().last()[QStringLiteral("row")].toInt(), 9999);
    QCOMPARE_EQ(sipdValues().size(), 1); // the same key 10,000 times
}

// ---------------------------------------------------------------------------- both

void TestSimSatuData::statsCountSplpAndSipd()
{
    QString rid;
    packageWithResource(QStringLiteral("satu"), 3, &rid);
    packageWithResource(QStringLiteral("dua"), 4, &rid);
    QCOMPARE_EQ(create(parse(R"({"name":"tiga","title":"Tiga"})")).status, 200);
    QCOMPARE_EQ(create(parse(R"({"name":"tiga","title":"Tiga"})")).status, 409); // not counted
    QCOMPARE_EQ(update(parse(R"({"name":"tiga","title":"Tiga!"})")).status, 200);
    QCOMPARE_EQ(update(parse(R"({"name":"empat","title":"X"})")).status, 404);  // not counted
    // Replace "dua"'s 4 records with 2.
    QCOMPARE_EQ(datastore(QJsonObject{{QStringLiteral("resource_id"), rid},
                                      {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("n")}, {QStringLiteral("type"), QStringLiteral("int")}}}},
                                      {QStringLiteral("records"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}}, QJsonObject{{QStringLiteral("n"), 2}}}}}).status, 200);

    pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 1), sipdRow(QStringLiteral("x"), QStringLiteral("3404"), 2024, 1)});
    pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 2), sipdRow(QStringLiteral("1.02"), QStringLiteral("3404"), 2024, 1)});
    push(QJsonObject{{QStringLiteral("data"), QJsonArray()}}); // 400, not a push

    const QJsonObject s = stats();
    const QJsonObject p = s[QStringLiteral("pushed")].toObject();
    QVERIFY(p[QStringLiteral("siakad")].isArray()); // the existing key stays
    const QJsonObject splp = p[QStringLiteral("splp")].toObject();
    QCOMPARE_EQ(splp[QStringLiteral("packages")].toInt(), 3);
    QCOMPARE_EQ(splp[QStringLiteral("resources")].toInt(), 2);
    QCOMPARE_EQ(splp[QStringLiteral("records")].toInt(), 3 + 2);
    QCOMPARE_EQ(splp[QStringLiteral("creates")].toInt(), 3);
    QCOMPARE_EQ(splp[QStringLiteral("updates")].toInt(), 1);
    QCOMPARE_EQ(splp[QStringLiteral("datastore_creates")].toInt(), 3);
    const QJsonObject sipd = p[QStringLiteral("sipd")].toObject();
    QCOMPARE_EQ(sipd[QStringLiteral("pushes")].toInt(), 2);
    QCOMPARE_EQ(sipd[QStringLiteral("rows_ok")].toInt(), 3);
    QCOMPARE_EQ(sipd[QStringLiteral("rows_error")].toInt(), 1);
    QCOMPARE_EQ(sipd[QStringLiteral("values")].toInt(), 2);
    // Every upstream request is counted in the common counter too (stats calls are not).
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), 2 * 2 + 5 + 3);
}

void TestSimSatuData::resetEmptiesBoth()
{
    QString rid;
    const QJsonObject pkg = packageWithResource(QStringLiteral("sementara"), 2, &rid);
    pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 1)});
    QCOMPARE_EQ(control("POST", QStringLiteral("reset")).status, 200);
    QCOMPARE_EQ(splpPackages().size(), 0);
    QCOMPARE_EQ(sipdValues().size(), 0);
    QCOMPARE_EQ(show(QStringLiteral("sementara")).status, 404);
    for (const char *name : {"splp", "sipd"}) {
        const QJsonObject counters = pushed(name);
        QVERIFY(!counters.isEmpty());
        for (auto it = counters.begin(); it != counters.end(); ++it)
            QVERIFY2(it.value().toInt(-1) == 0, qPrintable(QLatin1String(name) + QLatin1Char('.') + it.key()));
    }
    // The name is free again; ids restart from the same deterministic sequence.
    const HttpResult again = create(QJsonObject{{QStringLiteral("name"), QStringLiteral("sementara")}, {QStringLiteral("title"), QStringLiteral("x")}});
    QCOMPARE_EQ(again.status, 200);
    QCOMPARE(again.result()[QStringLiteral("id")].toString(), pkg[QStringLiteral("id")].toString());
}

void TestSimSatuData::forcedFaultsHitSplpAndSipd()
{
    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"kind":"5xx","count":1})").status, 200);
    const HttpResult failed = create(parse(R"({"name":"gangguan","title":"Gangguan"})"));
    QCOMPARE_EQ(failed.status, 503);
    QCOMPARE_EQ(splpPackages().size(), 0); // the upstream never saw it
    QCOMPARE_EQ(show(QStringLiteral("gangguan")).status, 404);
    QCOMPARE_EQ(create(parse(R"({"name":"gangguan","title":"Gangguan"})")).status, 200);

    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"kind":"429","count":1})").status, 200);
    const HttpResult limited = pushRows({sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 1)});
    QCOMPARE_EQ(limited.status, 429);
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE_EQ(sipdValues().size(), 0);

    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"kind":"malformed","count":1})").status, 200);
    const HttpResult malformed = show(QStringLiteral("gangguan"));
    QCOMPARE_EQ(malformed.status, 200);
    QJsonParseError pe;
    QJsonDocument::fromJson(malformed.body, &pe);
    QVERIFY(pe.error != QJsonParseError::NoError);

    // A stalled request: the client gives up, nothing is stored.
    QCOMPARE_EQ(control("POST", QStringLiteral("faults"), R"({"kind":"timeout","count":1})").status, 200);
    const HttpResult stalled = http(m_sim.base, "POST", kPush,
                                    compact(QJsonObject{{QStringLiteral("data"), QJsonArray{sipdRow(QStringLiteral("1.01"), QStringLiteral("3404"), 2024, 1)}}}),
                                    {{"Authorization", "Bearer " + kKey}}, 300);
    QVERIFY(!stalled.finished);
    QCOMPARE_EQ(sipdValues().size(), 0);

    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("injected_failures")].toInt(), 4);
    QCOMPARE_EQ(s[QStringLiteral("pushed")][QStringLiteral("splp")][QStringLiteral("creates")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("pushed")][QStringLiteral("sipd")][QStringLiteral("pushes")].toInt(), 0);
}

void TestSimSatuData::externalApiKeyOption()
{
    SimProcess p;
    QString error;
    QVERIFY2(p.start({QStringLiteral("--external-api-key"), QStringLiteral("k-rahasia")}, &error), qPrintable(error));
    const QByteArray pkg = R"({"name":"kunci","title":"Kunci"})";
    const QString create = kAction + QStringLiteral("package_create");
    QCOMPARE_EQ(http(p.base, "POST", create, pkg, {{"Authorization", kKey}}).status, 403); // the default is gone
    QCOMPARE_EQ(http(p.base, "POST", create, pkg, {{"Authorization", "k-rahasia"}}).status, 200);
    const QByteArray rows = R"({"data":[{"kodeindikator":"1.01","kodepemda":"3404","tahun":2024,"data":1}]})";
    QCOMPARE_EQ(http(p.base, "POST", kPush, rows, {{"Authorization", "Bearer " + kKey}}).status, 401);
    const HttpResult ok = http(p.base, "POST", kPush, rows, {{"Authorization", "Bearer k-rahasia"}});
    QCOMPARE_EQ(ok.status, 200);
    QCOMPARE_EQ(ok.code(), 200);

    QProcess bad;
    bad.start(QStringLiteral(SIM_BINARY), {QStringLiteral("--external-api-key"), QString()});
    QVERIFY(bad.waitForFinished(3000));
    QCOMPARE_EQ(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestSimSatuData)
#include "tst_sim_satudata.moc"
