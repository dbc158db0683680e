#include "SatuDataClients.h"
#include "SatuDataTypes.h"
#include "app/SettingsStore.h"
#include "sync/UpstreamHttp.h"

#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>

namespace tu {

SatuDataConfig SatuDataConfig::fromSettings(const SettingsStore &s)
{
    SatuDataConfig c;
    auto base = [](QString url) {
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        return url;
    };
    c.splpUrl = base(s.value(QStringLiteral("splp_api_url")).trimmed());
    c.sipdUrl = base(s.value(QStringLiteral("sipd_api_url")).trimmed());
    c.apiKey = s.value(QStringLiteral("external_api_key"));
    c.timeoutMs = s.value(QStringLiteral("upstream_timeout_ms")).toInt();
    c.backoffMs = s.value(QStringLiteral("upstream_backoff_ms")).toInt();
    c.delayMs = s.value(QStringLiteral("satudata_delay_ms")).toInt();
    c.maxResponseBytes = upstreamMaxResponseBytes(s);
    if (c.timeoutMs <= 0)
        c.timeoutMs = 10000;
    return c;
}

void RequestPacer::wait()
{
    if (m_last.isValid() && m_delayMs > 0) {
        const qint64 left = m_delayMs - m_last.elapsed();
        if (left > 0)
            QThread::msleep(static_cast<unsigned long>(left));
    }
    m_last.start();
}

namespace {
QString classOf(const UpstreamReply &r)
{
    switch (r.failure) {
    case UpstreamFailure::Authentication: return satudata::Authentication;
    case UpstreamFailure::Network:
    case UpstreamFailure::Redirect: // the address in Pengaturan is what needs checking
    case UpstreamFailure::Timeout: return satudata::Network;
    case UpstreamFailure::Validation: return satudata::Validation;
    case UpstreamFailure::RateLimit: return satudata::RateLimit;
    case UpstreamFailure::Server:
    case UpstreamFailure::Malformed:
    case UpstreamFailure::TextAnswer:
    case UpstreamFailure::TooLarge: return satudata::Server;
    case UpstreamFailure::None: break;
    }
    return {};
}

UpstreamCall fromReply(const UpstreamReply &r)
{
    UpstreamCall c;
    c.status = r.status;
    c.answer = r.body.left(8000);
    c.ok = r.ok();
    if (!c.ok) {
        c.failureClass = classOf(r);
        c.message = r.message;
    }
    return c;
}

UpstreamRequest baseRequest(const SatuDataConfig &config, const QUrl &url)
{
    UpstreamRequest req;
    req.url = url;
    req.timeoutMs = config.timeoutMs;
    req.backoffMs = config.backoffMs;
    req.maxResponseBytes = config.maxResponseBytes;
    return req;
}

UpstreamCall notConfigured(const QString &service, const QString &setting)
{
    UpstreamCall c;
    c.failureClass = satudata::Network;
    c.message = QStringLiteral("Alamat %1 belum diatur. Isi %2 di Pengaturan.").arg(service, setting);
    return c;
}
} // namespace

SplpClient::SplpClient(const SatuDataConfig &config, RequestPacer &pacer, QNetworkAccessManager *nam)
    : m_config(config), m_pacer(pacer), m_nam(nam)
{
}

UpstreamCall SplpClient::call(const QByteArray &method, const QString &action, const QJsonObject &body, const QString &query, bool retry)
{
    static const QString Service = QStringLiteral("SPLP");
    if (m_config.splpUrl.isEmpty())
        return notConfigured(Service, QStringLiteral("SPLP_API_URL"));
    QUrl url(m_config.splpUrl + QStringLiteral("/splp/api/3/action/") + action);
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("id"), query);
        url.setQuery(q);
    }
    UpstreamRequest req = baseRequest(m_config, url);
    req.method = method;
    req.headers = {{"Authorization", m_config.apiKey.toUtf8()}};
    if (!body.isEmpty())
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!retry)
        req.retries = 0;
    req.retryMalformed = method == "GET";
    m_pacer.wait();
    const UpstreamReply r = UpstreamHttp::send(Service, req, {}, m_nam);
    UpstreamCall c = fromReply(r);
    const QJsonObject envelope = QJsonDocument::fromJson(r.body).object();
    c.errorObject = envelope.value(QLatin1String("error")).toObject();
    if (c.ok) {
        if (!envelope.value(QLatin1String("success")).toBool()) {
            c.ok = false;
            c.failureClass = satudata::Server;
            c.message = QStringLiteral("Jawaban SPLP tidak dapat dipahami (tanpa \"success\": true).");
        }
        c.result = envelope.value(QLatin1String("result"));
        return c;
    }
    // CKAN states why in the error object: say it in the message.
    if (c.status == 409 || c.status == 400) {
        QStringList why;
        for (auto it = c.errorObject.begin(); it != c.errorObject.end(); ++it) {
            if (it.key() == QLatin1String("__type"))
                continue;
            QStringList msgs;
            for (const QJsonValue &m : it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()})
                msgs << m.toString();
            why << it.key() + QStringLiteral(": ") + msgs.join(QStringLiteral("; "));
        }
        c.failureClass = satudata::Validation;
        c.message = QStringLiteral("SPLP menolak data (HTTP %1): %2").arg(c.status).arg(why.join(QStringLiteral(" | ")).left(1500));
    } else if (c.status == 403 || c.status == 401) {
        c.message = QStringLiteral("SPLP menolak API key (HTTP %1): %2").arg(c.status).arg(c.errorObject.value(QLatin1String("message")).toString());
    } else if (c.status == 404) {
        c.failureClass = satudata::Validation;
        c.message = QStringLiteral("Dataset tidak ditemukan di SPLP.");
    }
    return c;
}

UpstreamCall SplpClient::packageShow(const QString &idOrName) { return call("GET", QStringLiteral("package_show"), {}, idOrName, true); }
UpstreamCall SplpClient::packageCreate(const QJsonObject &p) { return call("POST", QStringLiteral("package_create"), p, {}, true); }
UpstreamCall SplpClient::packageUpdate(const QJsonObject &p) { return call("POST", QStringLiteral("package_update"), p, {}, true); }
UpstreamCall SplpClient::datastoreCreate(const QJsonObject &b, bool retry) { return call("POST", QStringLiteral("datastore_create"), b, {}, retry); }

SipdClient::SipdClient(const SatuDataConfig &config, RequestPacer &pacer, QNetworkAccessManager *nam)
    : m_config(config), m_pacer(pacer), m_nam(nam)
{
}

UpstreamCall SipdClient::pushDssd(const QJsonArray &rows)
{
    static const QString Service = QStringLiteral("SIPD");
    if (m_config.sipdUrl.isEmpty())
        return notConfigured(Service, QStringLiteral("SIPD_API_URL"));
    UpstreamRequest req = baseRequest(m_config, QUrl(m_config.sipdUrl + QStringLiteral("/sipd/api/v1/push_dssd")));
    req.method = "POST";
    req.headers = {{"Authorization", "Bearer " + m_config.apiKey.toUtf8()}};
    req.body = QJsonDocument(QJsonObject{{"data", rows}}).toJson(QJsonDocument::Compact);
    m_pacer.wait();
    // An upsert by (indikator, pemda, tahun): sending the same rows twice is harmless, so retries are safe.
    const UpstreamReply r = UpstreamHttp::send(Service, req, {}, m_nam);
    UpstreamCall c = fromReply(r);
    const QJsonObject envelope = QJsonDocument::fromJson(r.body).object();
    c.result = envelope;
    if (!c.ok && c.status == 400)
        c.message = QStringLiteral("SIPD menolak kiriman (HTTP 400): %1").arg(envelope.value(QLatin1String("msg")).toString().left(500));
    if (c.ok && !envelope.contains(QLatin1String("code"))) {
        c.ok = false;
        c.failureClass = satudata::Server;
        c.message = QStringLiteral("Jawaban SIPD tidak dapat dipahami (tanpa \"code\").");
    }
    return c;
}

} // namespace tu
