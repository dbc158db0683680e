// Black-box tests of the Dapodik pusat part of tatausaha-upstream-sim: the real binary is
// started on an ephemeral port and spoken to with QNetworkAccessManager, as the main app's
// Dapodik client will. The contract under test is app/upstream-sim/README.md ("Dapodik pusat").

#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <memory>

#include "SimTestKit.h"

using namespace simtest;

namespace {

const QByteArray kApiKey = "sim-dapodik-key";
const QByteArray kUser = "sim-dapodik";
const QByteArray kPass = "sim-dapodik-pass";
const QByteArray kHtml = "text/html; charset=UTF-8";
const QByteArray kDenied = "Access denied: API key tidak valid";
const QByteArray kNoSchool = "Sekolah tidak ditemukan";

const QStringList kSleman{"Gamping", "Godean", "Moyudan", "Minggir", "Seyegan", "Mlati",
                          "Depok", "Berbah", "Prambanan", "Kalasan", "Ngemplak", "Ngaglik",
                          "Sleman", "Tempel", "Turi", "Pakem", "Cangkringan"};
const QStringList kPtkFields{"ptk_id", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "nuptk",
                             "nip", "jenis_ptk", "status_kepegawaian", "pendidikan_terakhir", "npsn"};
const QStringList kSekolahFields{"sekolah_id", "npsn", "nama", "bentuk_pendidikan", "status",
                                 "alamat", "kode_wilayah"};
const QStringList kJenisPtk{"Kepala Sekolah", "Guru Mapel", "Guru Kelas", "Guru BK",
                            "Tenaga Administrasi Sekolah", "Pustakawan"};
const QStringList kStatus{"PNS", "PPPK", "GTY/PTY", "Honor Daerah TK.II Kab/Kota",
                          "Guru Honor Sekolah"};
const QStringList kPendidikan{"S1", "S2", "D3", "SMA"};

// The date the simulator's ages are generated against (README: 24-59 on 1 July 2026).
const QDate kReferenceDate(2026, 7, 1);

QString rowsText(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

} // namespace

class TestSimDapodik : public QObject
{
    Q_OBJECT

private:
    // A request to `base` + path; `token` adds "Authorization: Bearer <token>".
    HttpResult http(const QString &base, const QByteArray &method, const QString &path,
                    const QByteArray &body = {}, const QByteArray &token = {},
                    const QByteArray &apiKey = kApiKey, int timeoutMs = 3000,
                    const QByteArray &authorization = {})
    {
        Headers headers;
        if (!apiKey.isEmpty())
            headers.append({"X-API-KEY", apiKey});
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token});
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return httpRequest(m_nam, method, base + path, body, headers, timeoutMs);
    }
    // The same against the shared simulator.
    HttpResult dap(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QByteArray &token = {}, const QByteArray &apiKey = kApiKey)
    {
        return http(m_sim.base, method, path, body, token, apiKey);
    }
    // GET with the shared simulator's current token.
    HttpResult get(const QString &path) { return dap("GET", path, {}, m_token); }
    HttpResult hook(const QString &name, const QByteArray &body = {})
    {
        return http(m_sim.base, "POST", QStringLiteral("/__sim/dapodik/") + name, body, {}, {});
    }
    QByteArray login(const QString &base, const QByteArray &user = kUser,
                     const QByteArray &pass = kPass, const QByteArray &apiKey = kApiKey);
    QJsonObject stats(const QString &base)
    {
        return http(base, "GET", QStringLiteral("/__sim/stats"), {}, {}, {}).json();
    }
    QJsonObject stats() { return stats(m_sim.base); }
    QJsonObject dapodikStats() { return stats().value(QStringLiteral("dapodik")).toObject(); }
    // Every school row of every kecamatan, and every PTK row, of the simulator at `base`.
    void crawl(const QString &base, const QByteArray &token, QJsonArray *sekolah, QJsonArray *ptk);

    QNetworkAccessManager m_nam;
    SimProcess m_sim;
    QByteArray m_token; // valid after init()

private slots:
    void initTestCase();
    void init();

    void loginIssuesBearerToken();
    void loginRejectsWrongCredentials();
    void wrongApiKeyIsDeniedAsHtmlOnEveryRoute();
    void dataRoutesNeedBearerToken();
    void expireTokensForcesNewLogin();
    void tokenExpiresAfterTtl();

    void wilayahListsSlemanKecamatanAsHtml();
    void wilayahUnknownKodeIsEmpty();
    void pagingStartLimitAndCap();
    void sekolahPerKecamatan();
    void sekolahUnknownKodeIsHtmlText();
    void ptkRowsHaveEveryFieldAndValueSet();
    void ptkUnknownNpsnIsHtmlText();
    void ptkDetailFoundAndNotFound();
    void sameSeedSameRowsOtherSeedOtherNames();

    void removeSekolahRemovesItsPtk();
    void removeAndUpdatePtk();
    void hooksAreValidatedAndNeverFaulted();
    void resetRestoresDatasetAndForgetsTokens();
    void statsCountDapodikTraffic();

    void forcedFaultHitsDapodik();
    void randomFaultsStillLetAClientCrawlEverything();
    void benchmarkDatasetAndConcurrentLatency();
    void commandLineOptions();
};

QByteArray TestSimDapodik::login(const QString &base, const QByteArray &user,
                                 const QByteArray &pass, const QByteArray &apiKey)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), QString::fromUtf8(user)},
                                                      {QStringLiteral("password"), QString::fromUtf8(pass)}})
                                .toJson(QJsonDocument::Compact);
    const HttpResult r = http(base, "POST", QStringLiteral("/dapodik/api/auth/login"), body, {}, apiKey);
    if (r.status != 200)
        return {};
    return r.json().value(QStringLiteral("token")).toString().toUtf8();
}

void TestSimDapodik::crawl(const QString &base, const QByteArray &token, QJsonArray *sekolah,
                           QJsonArray *ptk)
{
    const auto getAll = [&](const QString &path) {
        QJsonArray all;
        for (int start = 0;; start += 100) {
            const HttpResult r = http(base, "GET", path + QStringLiteral("&start=%1&limit=100").arg(start),
                                      {}, token);
            if (r.status != 200)
                qFatal("crawl %s: %d", qPrintable(path), r.status);
            const QJsonArray rows = r.rows();
            for (const QJsonValue &v : rows)
                all.append(v);
            if (rows.isEmpty() || all.size() >= r.results())
                break;
        }
        return all;
    };
    const QJsonArray kec = getAll(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"));
    for (const QJsonValue &k : kec) {
        const QJsonArray schools = getAll(QStringLiteral("/dapodik/api/sekolah?kode_wilayah=")
                                          + k[QStringLiteral("kode_wilayah")].toString());
        for (const QJsonValue &s : schools) {
            sekolah->append(s);
            const QJsonArray rows = getAll(QStringLiteral("/dapodik/api/ptk?npsn=")
                                           + s[QStringLiteral("npsn")].toString());
            for (const QJsonValue &p : rows)
                ptk->append(p);
        }
    }
}

void TestSimDapodik::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("1")}, &error), qPrintable(error));
}

void TestSimDapodik::init()
{
    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/reset"), {}, {}, {}).status, 200);
    m_token = login(m_sim.base);
    QVERIFY(!m_token.isEmpty());
}

void TestSimDapodik::loginIssuesBearerToken()
{
    const HttpResult r = dap("POST", QStringLiteral("/dapodik/api/auth/login"),
                             R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})");
    QCOMPARE_EQ(r.status, 200);
    QVERIFY2(r.contentType().startsWith("application/json"), r.contentType().constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE_EQ(o.value(QStringLiteral("expires_in")).toInt(), 600);
    const QString token = o.value(QStringLiteral("token")).toString();
    QVERIFY(token.size() >= 16);
    QVERIFY(token.toUtf8() != m_token); // each login issues a fresh token
    // Both tokens work.
    QCOMPARE_EQ(dap("GET", QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"), {}, token.toUtf8()).status, 200);
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04")).status, 200);
    QCOMPARE_EQ(dapodikStats()[QStringLiteral("logins")].toInt(), 2);
}

void TestSimDapodik::loginRejectsWrongCredentials()
{
    const QString path = QStringLiteral("/dapodik/api/auth/login");
    for (const QByteArray &body : {QByteArray(R"({"username":"sim-dapodik","password":"salah"})"),
                                   QByteArray(R"({"username":"admin","password":"sim-dapodik-pass"})"),
                                   QByteArray(R"({"username":"sim-dapodik"})"), QByteArray("{}")}) {
        const HttpResult r = dap("POST", path, body);
        QVERIFY2(r.status == 401, body.constData());
        QVERIFY(r.contentType().startsWith("application/json"));
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("Username atau password salah")}}));
    }
    QCOMPARE_EQ(dap("POST", path, "not json").status, 400);
    QCOMPARE_EQ(dap("GET", path).status, 405);
    QCOMPARE_EQ(dapodikStats()[QStringLiteral("logins")].toInt(), 1); // init()'s only
}

void TestSimDapodik::wrongApiKeyIsDeniedAsHtmlOnEveryRoute()
{
    const QByteArray creds = R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})";
    const QList<QPair<QByteArray, QString>> routes{
        {"POST", QStringLiteral("/dapodik/api/auth/login")},
        {"GET", QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04")},
        {"GET", QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.01")},
        {"GET", QStringLiteral("/dapodik/api/ptk?npsn=20400101")},
        {"GET", QStringLiteral("/dapodik/api/ptk/detail?nik=1&npsn=20400101")},
    };
    int n = 0;
    for (const auto &route : routes) {
        for (const QByteArray &key : {QByteArray(), QByteArray("wrong-key")}) {
            // A valid token and valid credentials do not help without the key.
            const HttpResult r = dap(route.first, route.second,
                                     route.first == "POST" ? creds : QByteArray(), m_token, key);
            QVERIFY2(r.status == 200, qPrintable(route.second));
            QCOMPARE(r.contentType(), kHtml);
            QCOMPARE(r.body, kDenied);
            ++n;
        }
    }
    const QJsonObject d = dapodikStats();
    QCOMPARE_EQ(d[QStringLiteral("denied")].toInt(), n);
    QCOMPARE_EQ(d[QStringLiteral("logins")].toInt(), 1);
    QCOMPARE_EQ(d[QStringLiteral("requests")][QStringLiteral("wilayah")].toInt(), 0);
}

void TestSimDapodik::dataRoutesNeedBearerToken()
{
    const QString path = QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04");
    const QJsonObject expired{{QStringLiteral("error"), QStringLiteral("Token expired")}};
    const QList<QByteArray> authorizations{QByteArray(), "Bearer", "Bearer not-a-token",
                                           "Basic " + m_token, m_token};
    for (const QByteArray &auth : authorizations) {
        const HttpResult r = http(m_sim.base, "GET", path, {}, {}, kApiKey, 3000, auth);
        QVERIFY2(r.status == 401, auth.constData());
        QVERIFY2(r.contentType().startsWith("application/json"), r.contentType().constData());
        QCOMPARE(r.json(), expired);
    }
    for (const QString &p : {QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.01"),
                             QStringLiteral("/dapodik/api/ptk?npsn=20400101"),
                             QStringLiteral("/dapodik/api/ptk/detail?nik=1&npsn=20400101")})
        QCOMPARE_EQ(dap("GET", p).status, 401);
    QCOMPARE_EQ(dapodikStats()[QStringLiteral("unauthorized")].toInt(), authorizations.size() + 3);
    QCOMPARE_EQ(get(path).status, 200);
}

void TestSimDapodik::expireTokensForcesNewLogin()
{
    const QString path = QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.01");
    QCOMPARE_EQ(get(path).status, 200);
    const HttpResult e = hook(QStringLiteral("expire-tokens"));
    QCOMPARE_EQ(e.status, 200);
    QCOMPARE_EQ(e.json().value(QStringLiteral("success")).toBool(), true);
    const HttpResult after = get(path);
    QCOMPARE_EQ(after.status, 401);
    QCOMPARE(after.json().value(QStringLiteral("error")).toString(), QStringLiteral("Token expired"));

    const QByteArray fresh = login(m_sim.base);
    QVERIFY(!fresh.isEmpty());
    QVERIFY(fresh != m_token);
    QCOMPARE_EQ(dap("GET", path, {}, fresh).status, 200);
    QCOMPARE_EQ(get(path).status, 401); // the old one stays dead
}

void TestSimDapodik::tokenExpiresAfterTtl()
{
    auto p = startSim({QStringLiteral("--dapodik-token-ttl-s"), QStringLiteral("1")});
    QVERIFY(p);
    const HttpResult r = http(p->base, "POST", QStringLiteral("/dapodik/api/auth/login"),
                              R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})");
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE_EQ(r.json().value(QStringLiteral("expires_in")).toInt(), 1);
    const QByteArray token = r.json().value(QStringLiteral("token")).toString().toUtf8();
    const QString path = QStringLiteral("/dapodik/api/ptk?npsn=20400101");
    QCOMPARE_EQ(http(p->base, "GET", path, {}, token).status, 200);
    QTest::qWait(1100);
    QCOMPARE_EQ(http(p->base, "GET", path, {}, token).status, 401);
    QCOMPARE_EQ(http(p->base, "GET", path, {}, login(p->base)).status, 200);
}

void TestSimDapodik::wilayahListsSlemanKecamatanAsHtml()
{
    const HttpResult r = get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"));
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE(r.contentType(), kHtml); // the quirk: JSON body, HTML content type
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(r.body, &pe).object();
    QCOMPARE_EQ(pe.error, QJsonParseError::NoError);
    QCOMPARE_EQ(o.value(QStringLiteral("results")).toInt(), 17);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("34.04"));
    QCOMPARE_EQ(o.value(QStringLiteral("start")).toInt(), 0);
    QCOMPARE_EQ(o.value(QStringLiteral("limit")).toInt(), 50);
    const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
    QCOMPARE_EQ(rows.size(), 17);
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject k = rows.at(i).toObject();
        QCOMPARE(k.value(QStringLiteral("kode_wilayah")).toString(),
                 QStringLiteral("34.04.%1").arg(i + 1, 2, 10, QLatin1Char('0')));
        QCOMPARE(k.value(QStringLiteral("nama")).toString(), kSleman.at(i));
        QCOMPARE_EQ(k.value(QStringLiteral("id_level_wilayah")).toInt(), 3);
        QCOMPARE(k.value(QStringLiteral("mst_kode_wilayah")).toString(), QStringLiteral("34.04"));
        QCOMPARE_EQ(k.size(), 4);
    }
    QCOMPARE(rows.at(0)[QStringLiteral("nama")].toString(), QStringLiteral("Gamping"));
    QCOMPARE(rows.at(16)[QStringLiteral("kode_wilayah")].toString(), QStringLiteral("34.04.17"));
    QCOMPARE(rows.at(16)[QStringLiteral("nama")].toString(), QStringLiteral("Cangkringan"));
}

void TestSimDapodik::wilayahUnknownKodeIsEmpty()
{
    for (const QString &q : {QStringLiteral("?kode_wilayah=34.05"), QStringLiteral("?kode_wilayah=34.04.01"),
                             QString()}) {
        const HttpResult r = get(QStringLiteral("/dapodik/api/wilayah") + q);
        QCOMPARE_EQ(r.status, 200);
        QCOMPARE(r.contentType(), kHtml);
        QCOMPARE_EQ(r.results(), 0);
        QVERIFY(r.json().value(QStringLiteral("rows")).isArray());
        QVERIFY(r.rows().isEmpty());
    }
}

void TestSimDapodik::pagingStartLimitAndCap()
{
    // Small pages of the kecamatan list.
    HttpResult r = get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04&start=5&limit=4"));
    QCOMPARE_EQ(r.results(), 17);
    QCOMPARE_EQ(r.json()[QStringLiteral("start")].toInt(), 5);
    QCOMPARE_EQ(r.json()[QStringLiteral("limit")].toInt(), 4);
    QCOMPARE_EQ(r.rows().size(), 4);
    QCOMPARE(r.rows().at(0)[QStringLiteral("kode_wilayah")].toString(), QStringLiteral("34.04.06"));
    QCOMPARE(r.rows().at(3)[QStringLiteral("kode_wilayah")].toString(), QStringLiteral("34.04.09"));
    r = get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04&start=16&limit=4"));
    QCOMPARE_EQ(r.rows().size(), 1);
    r = get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04&start=17"));
    QCOMPARE_EQ(r.results(), 17);
    QVERIFY(r.rows().isEmpty());

    // One school with 130 PTK: the limit is capped at 100.
    auto p = startSim({QStringLiteral("--kecamatan"), QStringLiteral("1"),
                       QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("1"),
                       QStringLiteral("--ptk-per-sekolah"), QStringLiteral("130")});
    QVERIFY(p);
    const QByteArray token = login(p->base);
    const auto ptkPage = [&](const QString &query) {
        return http(p->base, "GET", QStringLiteral("/dapodik/api/ptk?npsn=20400101") + query, {}, token);
    };
    const HttpResult capped = ptkPage(QStringLiteral("&limit=500"));
    QCOMPARE_EQ(capped.status, 200);
    QCOMPARE_EQ(capped.results(), 130);
    QCOMPARE(capped.json()[QStringLiteral("id")].toString(), QStringLiteral("20400101"));
    QCOMPARE_EQ(capped.json()[QStringLiteral("limit")].toInt(), 100);
    QCOMPARE_EQ(capped.rows().size(), 100);
    const HttpResult rest = ptkPage(QStringLiteral("&start=100&limit=100"));
    QCOMPARE_EQ(rest.rows().size(), 30);
    const HttpResult byDefault = ptkPage(QString());
    QCOMPARE_EQ(byDefault.json()[QStringLiteral("start")].toInt(), 0);
    QCOMPARE_EQ(byDefault.json()[QStringLiteral("limit")].toInt(), 50);
    QCOMPARE_EQ(byDefault.rows().size(), 50);
    // Unusable values fall back to the defaults.
    const HttpResult odd = ptkPage(QStringLiteral("&start=-3&limit=abc"));
    QCOMPARE_EQ(odd.json()[QStringLiteral("start")].toInt(), 0);
    QCOMPARE_EQ(odd.json()[QStringLiteral("limit")].toInt(), 50);
    QCOMPARE_EQ(ptkPage(QStringLiteral("&limit=0")).json()[QStringLiteral("limit")].toInt(), 50);

    // Pages concatenate to the whole list, in a stable order, without repeats.
    QJsonArray paged;
    for (int start = 0; start < 130; start += 7) {
        for (const QJsonValue &v : ptkPage(QStringLiteral("&start=%1&limit=7").arg(start)).rows())
            paged.append(v);
    }
    QJsonArray whole = capped.rows();
    for (const QJsonValue &v : rest.rows())
        whole.append(v);
    QCOMPARE(paged, whole);
    QSet<QString> ids;
    for (const QJsonValue &v : whole)
        ids.insert(v[QStringLiteral("ptk_id")].toString());
    QCOMPARE_EQ(ids.size(), 130);
}

void TestSimDapodik::sekolahPerKecamatan()
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> names, ids, bentuk, status;
    for (int k = 1; k <= 17; ++k) {
        const QString kode = QStringLiteral("34.04.%1").arg(k, 2, 10, QLatin1Char('0'));
        const HttpResult r = get(QStringLiteral("/dapodik/api/sekolah?kode_wilayah=") + kode);
        QCOMPARE_EQ(r.status, 200);
        QVERIFY2(r.contentType().startsWith("application/json"), r.contentType().constData());
        QCOMPARE_EQ(r.results(), 5);
        QCOMPARE(r.json()[QStringLiteral("id")].toString(), kode);
        const QJsonArray rows = r.rows();
        QCOMPARE_EQ(rows.size(), 5);
        for (int s = 0; s < rows.size(); ++s) {
            const QJsonObject o = rows.at(s).toObject();
            for (const QString &f : kSekolahFields)
                QVERIFY2(o.value(f).isString() && !o.value(f).toString().isEmpty(), qPrintable(f));
            const QString npsn = o.value(QStringLiteral("npsn")).toString();
            QCOMPARE(npsn, QString::number(20400000 + k * 100 + s + 1));
            QCOMPARE_EQ(npsn.size(), 8);
            QCOMPARE(o.value(QStringLiteral("kode_wilayah")).toString(), kode);
            QVERIFY2(uuid.match(o.value(QStringLiteral("sekolah_id")).toString()).hasMatch(),
                     qPrintable(o.value(QStringLiteral("sekolah_id")).toString()));
            const QString b = o.value(QStringLiteral("bentuk_pendidikan")).toString();
            QVERIFY2(QStringList({"SD", "SMP", "MTs"}).contains(b), qPrintable(b));
            const QString st = o.value(QStringLiteral("status")).toString();
            QVERIFY2(st == QLatin1String("Negeri") || st == QLatin1String("Swasta"), qPrintable(st));
            const QString nama = o.value(QStringLiteral("nama")).toString();
            QVERIFY2(nama.startsWith(b + QLatin1Char(' ')), qPrintable(nama));
            QCOMPARE_EQ(nama.contains(QLatin1String(" Negeri ")), st == QLatin1String("Negeri"));
            QVERIFY2(o.value(QStringLiteral("alamat")).toString().contains(QLatin1String(", ")),
                     qPrintable(o.value(QStringLiteral("alamat")).toString()));
            names.insert(nama);
            ids.insert(o.value(QStringLiteral("sekolah_id")).toString());
            bentuk.insert(b);
            status.insert(st);
        }
    }
    QCOMPARE_EQ(names.size(), 85); // school names are unique
    QCOMPARE_EQ(ids.size(), 85);
    QCOMPARE_EQ(bentuk.size(), 3);
    QCOMPARE_EQ(status.size(), 2);
    QCOMPARE_EQ(dapodikStats()[QStringLiteral("requests")][QStringLiteral("sekolah")].toInt(), 17);
}

void TestSimDapodik::sekolahUnknownKodeIsHtmlText()
{
    for (const QString &q : {QStringLiteral("?kode_wilayah=34.04.99"), QStringLiteral("?kode_wilayah=34.04"),
                             QStringLiteral("?kode_wilayah=34.04.18"), QString()}) {
        const HttpResult r = get(QStringLiteral("/dapodik/api/sekolah") + q);
        QVERIFY2(r.status == 200, qPrintable(q));
        QCOMPARE(r.contentType(), kHtml);
        QCOMPARE(r.body, kNoSchool);
    }
}

void TestSimDapodik::ptkRowsHaveEveryFieldAndValueSet()
{
    QJsonArray sekolah, ptk;
    crawl(m_sim.base, m_token, &sekolah, &ptk);
    QCOMPARE_EQ(sekolah.size(), 85);
    QCOMPARE_EQ(ptk.size(), 850);
    QCOMPARE_EQ(stats()[QStringLiteral("ptk")].toInt(), 850);

    static const QRegularExpression nikRe(QStringLiteral("^3404\\d{12}$"));
    static const QRegularExpression digits16(QStringLiteral("^\\d{16}$"));
    static const QRegularExpression digits18(QStringLiteral("^\\d{18}$"));
    QSet<QString> niks, ids, npsns;
    QHash<QString, QSet<QString>> seen;
    int noNuptk = 0;
    for (const QJsonValue &s : sekolah)
        npsns.insert(s[QStringLiteral("npsn")].toString());
    for (const QJsonValue &v : ptk) {
        const QJsonObject o = v.toObject();
        const QString where = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        QCOMPARE_EQ(o.size(), kPtkFields.size());
        for (const QString &f : kPtkFields)
            QVERIFY2(o.value(f).isString(), qPrintable(f + QLatin1Char(' ') + where));
        for (const QString &f : {QStringLiteral("ptk_id"), QStringLiteral("nama"), QStringLiteral("nik")})
            QVERIFY2(!o.value(f).toString().isEmpty(), qPrintable(where));
        const QString nik = o.value(QStringLiteral("nik")).toString();
        QVERIFY2(nikRe.match(nik).hasMatch(), qPrintable(where));
        niks.insert(nik);
        ids.insert(o.value(QStringLiteral("ptk_id")).toString());
        QVERIFY2(!QUuid::fromString(o.value(QStringLiteral("ptk_id")).toString()).isNull(), qPrintable(where));
        QVERIFY(npsns.contains(o.value(QStringLiteral("npsn")).toString()));

        const QString jk = o.value(QStringLiteral("jenis_kelamin")).toString();
        QVERIFY2(jk == QLatin1String("L") || jk == QLatin1String("P"), qPrintable(where));
        const QString jenis = o.value(QStringLiteral("jenis_ptk")).toString();
        const QString status = o.value(QStringLiteral("status_kepegawaian")).toString();
        const QString pend = o.value(QStringLiteral("pendidikan_terakhir")).toString();
        QVERIFY2(kJenisPtk.contains(jenis), qPrintable(where));
        QVERIFY2(kStatus.contains(status), qPrintable(where));
        QVERIFY2(kPendidikan.contains(pend), qPrintable(where));
        seen[QStringLiteral("jk")].insert(jk);
        seen[QStringLiteral("jenis")].insert(jenis);
        seen[QStringLiteral("status")].insert(status);
        seen[QStringLiteral("pend")].insert(pend);

        const QDate lahir = QDate::fromString(o.value(QStringLiteral("tanggal_lahir")).toString(), Qt::ISODate);
        QVERIFY2(lahir.isValid(), qPrintable(where));
        int age = kReferenceDate.year() - lahir.year();
        if (QDate(kReferenceDate.year(), lahir.month(), lahir.day()) > kReferenceDate)
            --age;
        QVERIFY2(age >= 23 && age <= 60, qPrintable(where));
        // Like real ones, the NIK carries the kecamatan and the birth date (day + 40 for women)
        // and the NIP starts with the birth date.
        QCOMPARE(nik.mid(4, 2), o.value(QStringLiteral("npsn")).toString().mid(4, 2));
        QCOMPARE(nik.mid(6, 6), QStringLiteral("%1%2").arg(lahir.day() + (jk == QLatin1String("P") ? 40 : 0), 2, 10, QLatin1Char('0'))
                                    .arg(lahir.toString(QStringLiteral("MMyy"))));

        const QString nuptk = o.value(QStringLiteral("nuptk")).toString();
        QVERIFY2(nuptk.isEmpty() || digits16.match(nuptk).hasMatch(), qPrintable(where));
        noNuptk += nuptk.isEmpty();
        const QString nip = o.value(QStringLiteral("nip")).toString();
        const bool asn = status == QLatin1String("PNS") || status == QLatin1String("PPPK");
        QVERIFY2(asn ? digits18.match(nip).hasMatch() : nip.isEmpty(), qPrintable(where));
        if (asn)
            QCOMPARE(nip.left(8), lahir.toString(QStringLiteral("yyyyMMdd")));
    }
    QCOMPARE_EQ(niks.size(), 850); // unique
    QCOMPARE_EQ(ids.size(), 850);
    QCOMPARE_EQ(seen[QStringLiteral("jk")].size(), 2);
    QCOMPARE_EQ(seen[QStringLiteral("jenis")].size(), kJenisPtk.size());
    QCOMPARE_EQ(seen[QStringLiteral("status")].size(), kStatus.size());
    QCOMPARE_EQ(seen[QStringLiteral("pend")].size(), kPendidikan.size());
    QVERIFY(noNuptk > 0 && noNuptk < 850);
    // Every school has exactly one head, listed first.
    for (const QJsonValue &s : sekolah) {
        const HttpResult r = get(QStringLiteral("/dapodik/api/ptk?npsn=%1&limit=1").arg(s[QStringLiteral("npsn")].toString()));
        QCOMPARE(r.rows().at(0)[QStringLiteral("jenis_ptk")].toString(), QStringLiteral("Kepala Sekolah"));
        QCOMPARE_EQ(r.results(), 10);
    }
}

void TestSimDapodik::ptkUnknownNpsnIsHtmlText()
{
    for (const QString &q : {QStringLiteral("?npsn=20400199"), QStringLiteral("?npsn=99999999"), QString()}) {
        const HttpResult r = get(QStringLiteral("/dapodik/api/ptk") + q);
        QVERIFY2(r.status == 200, qPrintable(q));
        QCOMPARE(r.contentType(), kHtml);
        QCOMPARE(r.body, kNoSchool);
    }
}

void TestSimDapodik::ptkDetailFoundAndNotFound()
{
    const QJsonObject one = get(QStringLiteral("/dapodik/api/ptk?npsn=20400305")).rows().at(3).toObject();
    const QString nik = one.value(QStringLiteral("nik")).toString();
    QVERIFY(!nik.isEmpty());
    const HttpResult found = get(QStringLiteral("/dapodik/api/ptk/detail?nik=%1&npsn=20400305").arg(nik));
    QCOMPARE_EQ(found.status, 200);
    QVERIFY(found.contentType().startsWith("application/json"));
    QCOMPARE(found.json(), (QJsonObject{{QStringLiteral("results"), 1}, {QStringLiteral("id"), nik},
                                        {QStringLiteral("start"), 0}, {QStringLiteral("limit"), 1},
                                        {QStringLiteral("rows"), QJsonArray{one}}}));

    const QJsonObject none{{QStringLiteral("results"), 0}, {QStringLiteral("id"), QStringLiteral("3404000000000000")},
                           {QStringLiteral("start"), 0}, {QStringLiteral("limit"), 1},
                           {QStringLiteral("rows"), QJsonArray()}};
    QCOMPARE(get(QStringLiteral("/dapodik/api/ptk/detail?nik=3404000000000000&npsn=20400305")).json(), none);
    // The right nik in another school is not found either.
    const HttpResult elsewhere = get(QStringLiteral("/dapodik/api/ptk/detail?nik=%1&npsn=20400101").arg(nik));
    QCOMPARE_EQ(elsewhere.status, 200);
    QCOMPARE_EQ(elsewhere.results(), 0);
    QVERIFY(elsewhere.rows().isEmpty());
    QCOMPARE_EQ(dapodikStats()[QStringLiteral("requests")][QStringLiteral("ptk_detail")].toInt(), 3);
}

void TestSimDapodik::sameSeedSameRowsOtherSeedOtherNames()
{
    auto same = startSim({QStringLiteral("--seed"), QStringLiteral("1")});
    auto other = startSim({QStringLiteral("--seed"), QStringLiteral("2")});
    QVERIFY(same && other);
    QJsonArray s1, p1, s2, p2, s3, p3;
    crawl(m_sim.base, m_token, &s1, &p1);
    crawl(same->base, login(same->base), &s2, &p2);
    crawl(other->base, login(other->base), &s3, &p3);
    QCOMPARE_EQ(p1.size(), 850);
    QVERIFY2(s1 == s2, "same seed, different schools");
    QVERIFY2(p1 == p2, "same seed, different PTK");
    QCOMPARE_EQ(s3.size(), s1.size());
    QCOMPARE_EQ(p3.size(), p1.size());

    // Another seed: the same npsn and kecamatan (they are structural), other ids and names.
    int sameSchoolName = 0, samePtkName = 0;
    for (int i = 0; i < s1.size(); ++i) {
        QCOMPARE(s1.at(i)[QStringLiteral("npsn")], s3.at(i)[QStringLiteral("npsn")]);
        QVERIFY(s1.at(i)[QStringLiteral("sekolah_id")] != s3.at(i)[QStringLiteral("sekolah_id")]);
        sameSchoolName += s1.at(i)[QStringLiteral("nama")] == s3.at(i)[QStringLiteral("nama")];
    }
    for (int i = 0; i < p1.size(); ++i) {
        QVERIFY(p1.at(i)[QStringLiteral("ptk_id")] != p3.at(i)[QStringLiteral("ptk_id")]);
        samePtkName += p1.at(i)[QStringLiteral("nama")] == p3.at(i)[QStringLiteral("nama")];
    }
    QVERIFY2(samePtkName < p1.size() / 10, qPrintable(QString::number(samePtkName)));
    QVERIFY2(sameSchoolName < s1.size(), qPrintable(QString::number(sameSchoolName)));
}

void TestSimDapodik::removeSekolahRemovesItsPtk()
{
    const HttpResult r = hook(QStringLiteral("remove-sekolah"), R"({"npsn":"20400103"})");
    QCOMPARE_EQ(r.status, 200);
    QCOMPARE_EQ(r.json().value(QStringLiteral("success")).toBool(), true);

    const HttpResult list = get(QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.01"));
    QCOMPARE_EQ(list.results(), 4);
    QStringList npsn;
    for (const QJsonValue &v : list.rows())
        npsn << v[QStringLiteral("npsn")].toString();
    QCOMPARE(npsn, (QStringList{"20400101", "20400102", "20400104", "20400105"}));
    const HttpResult gone = get(QStringLiteral("/dapodik/api/ptk?npsn=20400103"));
    QCOMPARE(gone.contentType(), kHtml);
    QCOMPARE(gone.body, kNoSchool);
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/ptk?npsn=20400104")).results(), 10);

    // A number works as npsn too.
    QCOMPARE_EQ(hook(QStringLiteral("remove-sekolah"), R"({"npsn":20401705})").status, 200);
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("kecamatan")].toInt(), 17);
    QCOMPARE_EQ(s[QStringLiteral("sekolah")].toInt(), 83);
    QCOMPARE_EQ(s[QStringLiteral("ptk")].toInt(), 830);
    QCOMPARE_EQ(hook(QStringLiteral("remove-sekolah"), R"({"npsn":"20400103"})").status, 404);
}

void TestSimDapodik::removeAndUpdatePtk()
{
    const QJsonArray before = get(QStringLiteral("/dapodik/api/ptk?npsn=20400202")).rows();
    QCOMPARE_EQ(before.size(), 10);
    const QJsonObject removed = before.at(4).toObject();
    const QJsonObject changed = before.at(6).toObject();

    const QByteArray removeBody = QJsonDocument(QJsonObject{{QStringLiteral("ptk_id"), removed[QStringLiteral("ptk_id")]}}).toJson();
    QCOMPARE_EQ(hook(QStringLiteral("remove-ptk"), removeBody).status, 200);
    QCOMPARE_EQ(hook(QStringLiteral("remove-ptk"), removeBody).status, 404);
    QJsonArray expected = before;
    expected.removeAt(4);
    QCOMPARE(get(QStringLiteral("/dapodik/api/ptk?npsn=20400202")).rows(), expected);
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/ptk/detail?nik=%1&npsn=20400202")
                        .arg(removed[QStringLiteral("nik")].toString())).results(), 0);
    QCOMPARE_EQ(stats()[QStringLiteral("ptk")].toInt(), 849);

    // update-ptk changes the given fields and nothing else.
    QJsonObject patch{{QStringLiteral("ptk_id"), changed[QStringLiteral("ptk_id")]},
                      {QStringLiteral("nama"), QStringLiteral("Nama Baru, S.Pd.")},
                      {QStringLiteral("status_kepegawaian"), QStringLiteral("PPPK")}};
    const HttpResult u = hook(QStringLiteral("update-ptk"), QJsonDocument(patch).toJson());
    QCOMPARE_EQ(u.status, 200);
    QJsonObject after = changed;
    after.insert(QStringLiteral("nama"), QStringLiteral("Nama Baru, S.Pd."));
    after.insert(QStringLiteral("status_kepegawaian"), QStringLiteral("PPPK"));
    QCOMPARE(u.json()[QStringLiteral("ptk")].toObject(), after);
    const QJsonArray list = get(QStringLiteral("/dapodik/api/ptk?npsn=20400202")).rows();
    QCOMPARE(list.at(5).toObject(), after); // same place (index 6 before the removal)
    QCOMPARE(get(QStringLiteral("/dapodik/api/ptk/detail?nik=%1&npsn=20400202")
                     .arg(changed[QStringLiteral("nik")].toString())).rows().at(0).toObject(), after);

    // A new npsn moves the PTK to the end of that school's list.
    patch = {{QStringLiteral("ptk_id"), changed[QStringLiteral("ptk_id")]}, {QStringLiteral("npsn"), QStringLiteral("20400101")}};
    QCOMPARE_EQ(hook(QStringLiteral("update-ptk"), QJsonDocument(patch).toJson()).status, 200);
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/ptk?npsn=20400202")).results(), 8);
    const QJsonArray target = get(QStringLiteral("/dapodik/api/ptk?npsn=20400101")).rows();
    QCOMPARE_EQ(target.size(), 11);
    QCOMPARE(target.last()[QStringLiteral("ptk_id")], changed[QStringLiteral("ptk_id")]);
    QCOMPARE(target.last()[QStringLiteral("npsn")].toString(), QStringLiteral("20400101"));
    QCOMPARE_EQ(stats()[QStringLiteral("ptk")].toInt(), 849);
}

void TestSimDapodik::hooksAreValidatedAndNeverFaulted()
{
    for (const QString &name : {QStringLiteral("remove-sekolah"), QStringLiteral("remove-ptk"),
                                QStringLiteral("update-ptk")}) {
        QVERIFY2(hook(name, "not json").status == 400, qPrintable(name));
        QVERIFY2(hook(name, "{}").status == 400, qPrintable(name));
        QVERIFY2(http(m_sim.base, "GET", QStringLiteral("/__sim/dapodik/") + name, {}, {}, {}).status == 405,
                 qPrintable(name));
    }
    QCOMPARE_EQ(hook(QStringLiteral("update-ptk"), R"({"ptk_id":"00000000-0000-5000-8000-000000000000","nama":"x"})").status, 404);
    const QString someId = get(QStringLiteral("/dapodik/api/ptk?npsn=20400101")).rows().at(1)[QStringLiteral("ptk_id")].toString();
    QCOMPARE_EQ(hook(QStringLiteral("update-ptk"),
                     QStringLiteral(R"({"ptk_id":"%1","npsn":"20499999"})").arg(someId).toUtf8()).status, 400);
    QCOMPARE_EQ(hook(QStringLiteral("nope")).status, 404);
    QCOMPARE_EQ(stats()[QStringLiteral("ptk")].toInt(), 850); // nothing changed

    // Hooks are control endpoints: no latency, no faults, not counted as upstream requests.
    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/faults"),
                     R"({"kind":"5xx","count":1,"latencyMs":500,"failRate":1})", {}, {}).status, 200);
    const int requestsBefore = stats()[QStringLiteral("requests")].toInt();
    QElapsedTimer t;
    t.start();
    QCOMPARE_EQ(hook(QStringLiteral("remove-ptk"), QStringLiteral(R"({"ptk_id":"%1"})").arg(someId).toUtf8()).status, 200);
    QCOMPARE_EQ(hook(QStringLiteral("expire-tokens")).status, 200);
    QVERIFY(t.elapsed() < 400);
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), requestsBefore);
    QCOMPARE_EQ(s[QStringLiteral("forced_pending")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("ptk")].toInt(), 849);
}

void TestSimDapodik::resetRestoresDatasetAndForgetsTokens()
{
    QJsonArray seededS, seededP;
    crawl(m_sim.base, m_token, &seededS, &seededP);
    const QString ptkId = seededP.at(0)[QStringLiteral("ptk_id")].toString();
    QCOMPARE_EQ(hook(QStringLiteral("remove-sekolah"), R"({"npsn":"20400505"})").status, 200);
    QCOMPARE_EQ(hook(QStringLiteral("remove-ptk"), QStringLiteral(R"({"ptk_id":"%1"})").arg(seededP.at(1)[QStringLiteral("ptk_id")].toString()).toUtf8()).status, 200);
    QCOMPARE_EQ(hook(QStringLiteral("update-ptk"), QStringLiteral(R"({"ptk_id":"%1","nama":"Diganti"})").arg(ptkId).toUtf8()).status, 200);
    QCOMPARE_EQ(stats()[QStringLiteral("ptk")].toInt(), 839);

    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/reset"), {}, {}, {}).status, 200);
    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("sekolah")].toInt(), 85);
    QCOMPARE_EQ(s[QStringLiteral("ptk")].toInt(), 850);
    QCOMPARE(s[QStringLiteral("dapodik")].toObject(),
             (QJsonObject{{QStringLiteral("logins"), 0}, {QStringLiteral("unauthorized"), 0}, {QStringLiteral("denied"), 0},
                          {QStringLiteral("requests"), QJsonObject{{QStringLiteral("wilayah"), 0}, {QStringLiteral("sekolah"), 0},
                                                                   {QStringLiteral("ptk"), 0}, {QStringLiteral("ptk_detail"), 0}}}}));
    // Tokens are forgotten.
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04")).status, 401);
    m_token = login(m_sim.base);
    QJsonArray againS, againP;
    crawl(m_sim.base, m_token, &againS, &againP);
    QCOMPARE(againS, seededS);
    QVERIFY2(againP == seededP, qPrintable(rowsText(againP).left(300)));
}

void TestSimDapodik::statsCountDapodikTraffic()
{
    get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"));
    get(QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.01"));
    get(QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.99")); // answered, though not found
    get(QStringLiteral("/dapodik/api/ptk?npsn=20400101"));
    get(QStringLiteral("/dapodik/api/ptk?npsn=20400102"));
    get(QStringLiteral("/dapodik/api/ptk?npsn=20400103"));
    get(QStringLiteral("/dapodik/api/ptk/detail?nik=1&npsn=20400101"));
    dap("GET", QStringLiteral("/dapodik/api/ptk?npsn=20400101"));                  // unauthorized
    dap("POST", QStringLiteral("/dapodik/api/auth/login"), R"({"username":"x","password":"y"})"); // unauthorized
    dap("GET", QStringLiteral("/dapodik/api/ptk?npsn=20400101"), {}, m_token, "bad"); // denied
    const QJsonObject s = stats();
    QCOMPARE(s[QStringLiteral("dapodik")].toObject(),
             (QJsonObject{{QStringLiteral("logins"), 1}, {QStringLiteral("unauthorized"), 2}, {QStringLiteral("denied"), 1},
                          {QStringLiteral("requests"), QJsonObject{{QStringLiteral("wilayah"), 1}, {QStringLiteral("sekolah"), 2},
                                                                   {QStringLiteral("ptk"), 3}, {QStringLiteral("ptk_detail"), 1}}}}));
    // Every Dapodik call is also an upstream request (the login of init() included).
    QCOMPARE_EQ(s[QStringLiteral("requests")].toInt(), 11);
}

void TestSimDapodik::forcedFaultHitsDapodik()
{
    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/faults"), R"({"kind":"429","count":1})", {}, {}).status, 200);
    const HttpResult limited = get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"));
    QCOMPARE_EQ(limited.status, 429);
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE_EQ(get(QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04")).status, 200);

    // A failed login never reached Dapodik: no token, not counted.
    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/faults"), R"({"kind":"5xx","count":1})", {}, {}).status, 200);
    const HttpResult failed = dap("POST", QStringLiteral("/dapodik/api/auth/login"),
                                  R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})");
    QCOMPARE_EQ(failed.status, 503);
    QVERIFY(!failed.json().contains(QStringLiteral("token")));

    QCOMPARE_EQ(http(m_sim.base, "POST", QStringLiteral("/__sim/faults"), R"({"kind":"malformed","count":1})", {}, {}).status, 200);
    const HttpResult malformed = get(QStringLiteral("/dapodik/api/ptk?npsn=20400101"));
    QCOMPARE_EQ(malformed.status, 200);
    QJsonParseError pe;
    QJsonDocument::fromJson(malformed.body, &pe);
    QVERIFY(pe.error != QJsonParseError::NoError);

    const QJsonObject s = stats();
    QCOMPARE_EQ(s[QStringLiteral("failures_by_kind")][QStringLiteral("429")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("failures_by_kind")][QStringLiteral("5xx")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("failures_by_kind")][QStringLiteral("malformed")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("dapodik")][QStringLiteral("logins")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("dapodik")][QStringLiteral("requests")][QStringLiteral("wilayah")].toInt(), 1);
    QCOMPARE_EQ(s[QStringLiteral("dapodik")][QStringLiteral("requests")][QStringLiteral("ptk")].toInt(), 0);
}

void TestSimDapodik::randomFaultsStillLetAClientCrawlEverything()
{
    // A small dataset behind a 30% fault rate: a client that retries (and gives up on stalled
    // requests after 300 ms) still collects every row.
    auto p = startSim({QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--fail-rate"), QStringLiteral("0.3"),
                       QStringLiteral("--kecamatan"), QStringLiteral("3"), QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("2"),
                       QStringLiteral("--ptk-per-sekolah"), QStringLiteral("3")});
    QVERIFY(p);
    int attempts = 0;
    const auto retrying = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                              const QByteArray &token) {
        for (int i = 0; i < 30; ++i) {
            ++attempts;
            const HttpResult r = http(p->base, method, path, body, token, kApiKey, 300);
            if (r.finished && r.status == 200) {
                QJsonParseError pe;
                QJsonDocument::fromJson(r.body, &pe);
                if (pe.error == QJsonParseError::NoError)
                    return r;
            }
        }
        return HttpResult{};
    };
    const HttpResult l = retrying("POST", QStringLiteral("/dapodik/api/auth/login"),
                                  R"({"username":"sim-dapodik","password":"sim-dapodik-pass"})", {});
    QCOMPARE_EQ(l.status, 200);
    const QByteArray token = l.json()[QStringLiteral("token")].toString().toUtf8();
    int ptk = 0;
    const QJsonArray kec = retrying("GET", QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"), {}, token).rows();
    QCOMPARE_EQ(kec.size(), 3);
    for (const QJsonValue &k : kec) {
        const QJsonArray schools = retrying("GET", QStringLiteral("/dapodik/api/sekolah?kode_wilayah=")
                                                       + k[QStringLiteral("kode_wilayah")].toString(), {}, token).rows();
        QCOMPARE_EQ(schools.size(), 2);
        for (const QJsonValue &s : schools)
            ptk += retrying("GET", QStringLiteral("/dapodik/api/ptk?npsn=") + s[QStringLiteral("npsn")].toString(), {}, token).rows().size();
    }
    QCOMPARE_EQ(ptk, 18);
    const QJsonObject st = stats(p->base);
    qDebug() << "attempts" << attempts << "faults" << st[QStringLiteral("failures_by_kind")].toObject();
    QVERIFY(st[QStringLiteral("injected_failures")].toInt() > 0);
    QCOMPARE_EQ(st[QStringLiteral("dapodik")][QStringLiteral("requests")][QStringLiteral("ptk")].toInt(), 6);
}

void TestSimDapodik::benchmarkDatasetAndConcurrentLatency()
{
    // The benchmark's size: 17 kecamatan x 12 sekolah x 20 PTK, 200 ms latency here so the
    // overlap is measurable. The dataset is generated once, at start.
    qint64 startupMs = 0;
    auto p = startSim({QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("12"),
                       QStringLiteral("--ptk-per-sekolah"), QStringLiteral("20"),
                       QStringLiteral("--latency-ms"), QStringLiteral("200")}, &startupMs);
    QVERIFY(p);
    QVERIFY2(startupMs < 3000, qPrintable(QString::number(startupMs)));
    const QJsonObject s = stats(p->base);
    QCOMPARE_EQ(s[QStringLiteral("sekolah")].toInt(), 204);
    QCOMPARE_EQ(s[QStringLiteral("ptk")].toInt(), 4080);
    const QByteArray token = login(p->base);
    QVERIFY(!token.isEmpty());

    // Six requests at once (QNetworkAccessManager's connections per host) take about one
    // latency, not six: the delay never blocks the simulator's event loop.
    QElapsedTimer t;
    t.start();
    QList<QNetworkReply *> replies;
    for (int i = 1; i <= 6; ++i) {
        QNetworkRequest req(QUrl(p->base + QStringLiteral("/dapodik/api/ptk?npsn=%1&limit=100").arg(20400000 + i * 100 + 12)));
        req.setRawHeader("X-API-KEY", kApiKey);
        req.setRawHeader("Authorization", "Bearer " + token);
        replies << m_nam.get(req);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                         [](QNetworkReply *r) { return r->isFinished(); }), 5000);
    const qint64 all = t.elapsed();
    for (QNetworkReply *r : replies) {
        QCOMPARE_EQ(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE_EQ(QJsonDocument::fromJson(r->readAll()).object()[QStringLiteral("rows")].toArray().size(), 20);
        r->deleteLater();
    }
    QVERIFY2(all >= 190 && all < 700, qPrintable(QString::number(all)));
}

void TestSimDapodik::commandLineOptions()
{
    auto p = startSim({QStringLiteral("--dapodik-username"), QStringLiteral("operator"),
                       QStringLiteral("--dapodik-password"), QStringLiteral("rahasia"),
                       QStringLiteral("--dapodik-api-key"), QStringLiteral("k-123"),
                       QStringLiteral("--dapodik-token-ttl-s"), QStringLiteral("90"),
                       QStringLiteral("--kecamatan"), QStringLiteral("19"),
                       QStringLiteral("--sekolah-per-kecamatan"), QStringLiteral("2"),
                       QStringLiteral("--ptk-per-sekolah"), QStringLiteral("3")});
    QVERIFY(p);
    QVERIFY(login(p->base).isEmpty());                                   // defaults: denied
    QVERIFY(login(p->base, kUser, kPass, "k-123").isEmpty());            // wrong credentials
    const HttpResult ok = http(p->base, "POST", QStringLiteral("/dapodik/api/auth/login"),
                               R"({"username":"operator","password":"rahasia"})", {}, "k-123");
    QCOMPARE_EQ(ok.status, 200);
    QCOMPARE_EQ(ok.json()[QStringLiteral("expires_in")].toInt(), 90);
    const QByteArray token = ok.json()[QStringLiteral("token")].toString().toUtf8();
    const HttpResult w = http(p->base, "GET", QStringLiteral("/dapodik/api/wilayah?kode_wilayah=34.04"), {}, token, "k-123");
    QCOMPARE_EQ(w.results(), 19);
    QCOMPARE(w.rows().at(16)[QStringLiteral("nama")].toString(), QStringLiteral("Cangkringan"));
    QCOMPARE(w.rows().at(17)[QStringLiteral("nama")].toString(), QStringLiteral("Kecamatan 18"));
    QCOMPARE(w.rows().at(18)[QStringLiteral("kode_wilayah")].toString(), QStringLiteral("34.04.19"));
    QCOMPARE_EQ(http(p->base, "GET", QStringLiteral("/dapodik/api/sekolah?kode_wilayah=34.04.19"), {}, token, "k-123").results(), 2);
    QCOMPARE_EQ(http(p->base, "GET", QStringLiteral("/dapodik/api/ptk?npsn=20401902"), {}, token, "k-123").results(), 3);
    const QJsonObject s = stats(p->base);
    QCOMPARE_EQ(s[QStringLiteral("kecamatan")].toInt(), 19);
    QCOMPARE_EQ(s[QStringLiteral("sekolah")].toInt(), 38);
    QCOMPARE_EQ(s[QStringLiteral("ptk")].toInt(), 114);

    // Out-of-range options exit with status 2.
    for (const QStringList &bad : {QStringList{"--kecamatan", "100"}, QStringList{"--sekolah-per-kecamatan", "100"},
                                   QStringList{"--dapodik-token-ttl-s", "0"}}) {
        QProcess proc;
        proc.start(QStringLiteral(SIM_BINARY), bad);
        QVERIFY(proc.waitForFinished(3000));
        QVERIFY2(proc.exitCode() == 2, qPrintable(bad.join(' ')));
        QVERIFY(proc.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSimDapodik)
#include "tst_sim_dapodik.moc"
