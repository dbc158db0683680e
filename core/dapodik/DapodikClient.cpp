#include "DapodikClient.h"
#include "app/SettingsStore.h"
#include "sync/UpstreamHttp.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QThreadStorage>

namespace tu {

namespace {
const QString Service = QStringLiteral("Dapodik");
// A GET still unanswered after max(4 × the median answer time, this) gets a hedged copy.
constexpr int HedgeFloorMs = 200;

// One connection manager per thread (QNetworkAccessManager must stay on its thread), deleted
// when the thread ends; it keeps connections alive between calls of one sync.
QNetworkAccessManager *threadNam()
{
    static QThreadStorage<QNetworkAccessManager *> storage;
    if (!storage.hasLocalData())
        storage.setLocalData(new QNetworkAccessManager);
    return storage.localData();
}

Error upstream(const QString &message) { return Error::make(ErrorCode::UpstreamError, message); }

Error fromReply(const UpstreamReply &r)
{
    if (r.failure == UpstreamFailure::TextAnswer) {
        if (r.text.contains(QLatin1String("Access denied"), Qt::CaseInsensitive))
            return upstream(QStringLiteral("Dapodik menolak akses: \"%1\". Periksa API key Dapodik (DAPODIK_API_KEY) di Pengaturan.").arg(r.text));
        if (r.text.contains(QLatin1String("tidak ditemukan"), Qt::CaseInsensitive))
            return Error::notFound(QStringLiteral("Dapodik: %1.").arg(r.text));
        return upstream(QStringLiteral("Dapodik menjawab dengan pesan, bukan data: \"%1\".").arg(r.text));
    }
    return upstream(r.message);
}
} // namespace

DapodikConfig DapodikConfig::fromSettings(const SettingsStore &s)
{
    DapodikConfig c;
    c.baseUrl = s.value(QStringLiteral("dapodik_url"));
    c.username = s.value(QStringLiteral("dapodik_username"));
    c.password = s.value(QStringLiteral("dapodik_password"));
    c.apiKey = s.value(QStringLiteral("dapodik_api_key"));
    c.timeoutMs = qMax(500, s.value(QStringLiteral("upstream_timeout_ms")).toInt());
    c.backoffMs = qMax(0, s.value(QStringLiteral("upstream_backoff_ms")).toInt());
    c.concurrency = qBound(1, s.value(QStringLiteral("sync_concurrency")).toInt(), 16);
    c.maxResponseBytes = upstreamMaxResponseBytes(s);
    return c;
}

DapodikClient::DapodikClient(DapodikConfig config) : m_config(std::move(config)), m_inFlight(qMax(1, m_config.concurrency)), m_hedgeSlots(qMax(1, m_config.concurrency / 4))
{
    while (m_config.baseUrl.endsWith(QLatin1Char('/')))
        m_config.baseUrl.chop(1);
}

Result<QString> DapodikClient::token(const QString &stale, const Cancelled &cancelled)
{
    QMutexLocker lock(&m_tokenMutex);
    if (!m_token.isEmpty() && m_token != stale)
        return m_token; // another thread already logged in again
    if (m_config.baseUrl.isEmpty() || m_config.username.isEmpty() || m_config.password.isEmpty())
        return upstream(QStringLiteral("Alamat atau akun Dapodik belum diatur. Isi DAPODIK_URL, DAPODIK_USERNAME dan DAPODIK_PASSWORD di Pengaturan."));
    UpstreamRequest req;
    req.method = "POST";
    req.url = QUrl(m_config.baseUrl + QStringLiteral("/dapodik/api/auth/login"));
    req.headers = {{"X-API-KEY", m_config.apiKey.toUtf8()}};
    req.body = QJsonDocument(QJsonObject{{"username", m_config.username}, {"password", m_config.password}}).toJson(QJsonDocument::Compact);
    req.timeoutMs = m_config.timeoutMs;
    req.backoffMs = m_config.backoffMs;
    req.retryMalformed = true;
    req.maxResponseBytes = m_config.maxResponseBytes;
    req.latency = &m_latency; // the login's answer time is the first sample for the hedge delay
    ++m_requests;
    ++m_logins;
    const UpstreamReply r = UpstreamHttp::send(Service, req, cancelled, threadNam());
    if (!r.ok()) {
        if (r.status == 401)
            return upstream(QStringLiteral("Dapodik menolak username atau password (HTTP 401). Periksa DAPODIK_USERNAME dan DAPODIK_PASSWORD di Pengaturan."));
        return fromReply(r);
    }
    m_token = r.json.object().value(QLatin1String("token")).toString();
    if (m_token.isEmpty())
        return upstream(QStringLiteral("Dapodik tidak memberi token login. Coba lagi nanti."));
    return m_token;
}

Result<QJsonObject> DapodikClient::get(const QString &path, const QUrlQuery &query, const Cancelled &cancelled)
{
    QString used;
    {
        QMutexLocker lock(&m_tokenMutex);
        used = m_token;
    }
    if (used.isEmpty()) {
        auto t = token(QString(), cancelled);
        if (!t.ok())
            return t.error();
        used = t.value();
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (cancelled && cancelled())
            return Error::make(ErrorCode::Conflict, QStringLiteral("Dibatalkan."));
        UpstreamRequest req;
        QUrl url(m_config.baseUrl + path);
        url.setQuery(query);
        req.url = url;
        req.headers = {{"X-API-KEY", m_config.apiKey.toUtf8()}, {"Authorization", "Bearer " + used.toUtf8()}};
        req.timeoutMs = m_config.timeoutMs;
        req.backoffMs = m_config.backoffMs;
        req.retryMalformed = true;
        req.maxResponseBytes = m_config.maxResponseBytes;
        req.inFlight = &m_inFlight;
        req.latency = &m_latency;
        req.hedgeSlots = &m_hedgeSlots;
        if (m_config.hedge)
            req.hedgeAfterMs = m_latency.hedgeAfterMs(HedgeFloorMs, m_config.timeoutMs / 2, 2);
        ++m_requests;
        const UpstreamReply r = UpstreamHttp::send(Service, req, cancelled, threadNam());
        m_requests += r.hedges;
        m_hedges += r.hedges;
        if (r.ok()) {
            if (!r.json.isObject())
                return upstream(QStringLiteral("Jawaban Dapodik tidak berbentuk objek JSON."));
            return r.json.object();
        }
        if (r.status == 401 && attempt == 0) { // token expired: log in again, once
            auto t = token(used, cancelled);
            if (!t.ok())
                return t.error();
            used = t.value();
            continue;
        }
        return fromReply(r);
    }
    return upstream(QStringLiteral("Dapodik menolak token yang baru saja diberikan. Coba lagi nanti."));
}

Result<QList<QJsonObject>> DapodikClient::allPages(const QString &path, QUrlQuery query, const Cancelled &cancelled)
{
    QList<QJsonObject> rows;
    int start = 0;
    for (;;) {
        QUrlQuery q = query;
        q.addQueryItem(QStringLiteral("start"), QString::number(start));
        q.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
        auto page = get(path, q, cancelled);
        if (!page.ok())
            return page.error();
        const QJsonArray part = page->value(QLatin1String("rows")).toArray();
        for (const QJsonValue &v : part)
            rows.append(v.toObject());
        const int total = page->value(QLatin1String("results")).toInt();
        start += part.size();
        if (part.isEmpty() || start >= total)
            break;
    }
    return rows;
}

Result<QList<QJsonObject>> DapodikClient::kecamatan(const QString &kodeKabupaten, const Cancelled &cancelled)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("kode_wilayah"), kodeKabupaten);
    return allPages(QStringLiteral("/dapodik/api/wilayah"), q, cancelled);
}

Result<QList<QJsonObject>> DapodikClient::sekolah(const QString &kodeKecamatan, const Cancelled &cancelled)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("kode_wilayah"), kodeKecamatan);
    auto rows = allPages(QStringLiteral("/dapodik/api/sekolah"), q, cancelled);
    if (!rows.ok() && rows.error().code == ErrorCode::NotFound)
        return QList<QJsonObject>(); // a kecamatan without schools
    return rows;
}

Result<QList<QJsonObject>> DapodikClient::ptk(const QString &npsn, const Cancelled &cancelled)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("npsn"), npsn);
    return allPages(QStringLiteral("/dapodik/api/ptk"), q, cancelled);
}

Result<std::optional<QJsonObject>> DapodikClient::ptkDetail(const QString &nik, const QString &npsn, const Cancelled &cancelled)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("nik"), nik);
    q.addQueryItem(QStringLiteral("npsn"), npsn);
    auto page = get(QStringLiteral("/dapodik/api/ptk/detail"), q, cancelled);
    if (!page.ok()) {
        if (page.error().code == ErrorCode::NotFound)
            return std::optional<QJsonObject>();
        return page.error();
    }
    const QJsonArray rows = page->value(QLatin1String("rows")).toArray();
    if (rows.isEmpty())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(rows.first().toObject());
}

} // namespace tu
