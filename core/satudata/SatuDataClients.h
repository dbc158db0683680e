#pragma once
// Clients of the two Satu Data upstreams, on UpstreamHttp (timeout, retries with backoff,
// Retry-After): SPLP's CKAN-style action API (`Authorization: <key>`) and SIPD e-walidata's
// push_dssd (`Authorization: Bearer <key>`). Every failure comes back classified
// (satudata::Authentication … Server) with the upstream's own answer for the sync log.

#include "sync/UpstreamHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class QNetworkAccessManager;

namespace tu {

class SettingsStore;

struct SatuDataConfig {
    QString splpUrl, sipdUrl, apiKey;
    int timeoutMs = 10000;
    int backoffMs = 300;
    int delayMs = 500; // between two upstream requests of one thread (against rate limits; setting satudata_delay_ms)
    qint64 maxResponseBytes = qint64(DefaultMaxResponseMb) * 1024 * 1024; // one answer, at most (upstream_max_response_mb)
    static SatuDataConfig fromSettings(const SettingsStore &settings);
};

// One upstream call's outcome.
struct UpstreamCall {
    bool ok = false;
    int status = 0;         // HTTP status (0: no answer)
    QString failureClass;   // when !ok
    QString message;        // Indonesian, when !ok
    QJsonValue result;      // SPLP `result`; SIPD the whole envelope
    QJsonObject errorObject; // SPLP `error` ({__type, field: [messages]})
    QByteArray answer;      // the raw answer (for the log)
    bool notFound() const { return status == 404; }
};

// Waits so that two requests of the same caller are at least `delayMs` apart.
class RequestPacer
{
public:
    explicit RequestPacer(int delayMs) : m_delayMs(delayMs) {}
    void wait();
    void setDelay(int delayMs) { m_delayMs = delayMs; }

private:
    int m_delayMs;
    QElapsedTimer m_last;
};

class SplpClient
{
public:
    SplpClient(const SatuDataConfig &config, RequestPacer &pacer, QNetworkAccessManager *nam);
    UpstreamCall packageShow(const QString &idOrName);
    UpstreamCall packageCreate(const QJsonObject &package);
    UpstreamCall packageUpdate(const QJsonObject &package);
    // `retry` false for a call that creates a new resource: a retried timeout could create two.
    UpstreamCall datastoreCreate(const QJsonObject &body, bool retry);

private:
    UpstreamCall call(const QByteArray &method, const QString &action, const QJsonObject &body, const QString &query, bool retry);
    const SatuDataConfig &m_config;
    RequestPacer &m_pacer;
    QNetworkAccessManager *m_nam;
};

class SipdClient
{
public:
    SipdClient(const SatuDataConfig &config, RequestPacer &pacer, QNetworkAccessManager *nam);
    // `rows` of {kodeindikator, kodepemda, tahun, data}; SIPD answers {code, msg, log}.
    UpstreamCall pushDssd(const QJsonArray &rows);

private:
    const SatuDataConfig &m_config;
    RequestPacer &m_pacer;
    QNetworkAccessManager *m_nam;
};

} // namespace tu
