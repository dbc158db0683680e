#pragma once
// Blocking HTTP calls to the upstreams (SIAKAD, Dapodik, SPLP, SIPD), for worker threads:
// request timeout, up to 3 retries with exponential backoff on timeout, connection failure and
// 502/503/504, `Retry-After` honoured on 429, hedging of idempotent requests that stall, and
// every failure classified with an Indonesian explanation of what to do next.
// Every request carries credentials, so: an answer larger than its cap is cut off as soon as
// its Content-Length or the bytes received say so; a redirect is followed only within the same
// origin (scheme, host, port), never to another server that would receive the key; and a
// plain http:// upstream address gets one warning in the log.

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QSemaphore;

namespace tu {

// TextAnswer: a 200 whose body is plain text instead of JSON ("Sekolah tidak ditemukan",
// "Access denied …"): real upstreams report errors that way; the caller decides what it means.
// TooLarge: the answer passed UpstreamRequest::maxResponseBytes. Redirect: the upstream sent us
// to another origin, which we refused to follow.
enum class UpstreamFailure { None, Authentication, Network, Timeout, Validation, RateLimit, Server, Malformed, TextAnswer, TooLarge, Redirect };
QString upstreamFailureName(UpstreamFailure kind); // "authentication", …

// Setting `upstream_max_response_mb`: the default cap of one upstream answer.
constexpr int DefaultMaxResponseMb = 50;

struct UpstreamRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;          // JSON unless a Content-Type header says otherwise
    int timeoutMs = 10000;
    int retries = 3;          // extra attempts after the first
    int backoffMs = 300;      // doubled each retry, plus up to half of it at random (jitter)
    int maxRetryAfterMs = 10000;
    bool expectJson = true;
    qint64 maxResponseBytes = qint64(DefaultMaxResponseMb) * 1024 * 1024;
    bool retryMalformed = false; // a truncated/garbled JSON body is retried like a 5xx
    // Optional limit of requests in flight shared by several threads: a permit is held only
    // while a request is on the wire, not while waiting to retry (Retry-After, backoff).
    QSemaphore *inFlight = nullptr;
    // Idempotent requests only (GET): when no answer has come after this many ms, a second copy
    // goes out on its own connection and the first good answer wins; the other is aborted. A
    // connection that stalls then costs this delay instead of the whole timeout. 0 = off.
    // See UpstreamLatency::hedgeAfterMs.
    int hedgeAfterMs = 0;
    // Optional limit of hedged copies on the wire at once, shared like `inFlight` (a small
    // budget of its own, so a hedge never queues behind ordinary requests waiting for a permit
    // while its stalled original still holds one). Without it a hedge takes a permit of `inFlight`.
    QSemaphore *hedgeSlots = nullptr;
    // Optional: told how long every answered attempt took (for the hedge delay).
    class UpstreamLatency *latency = nullptr;
};

// Recent answer times of one upstream, shared by the threads of a sync: the hedge delay follows
// what this upstream usually needs (max(4 × median, floor)), and there is none until enough
// answers were seen, so a slow upstream never gets every request twice.
class UpstreamLatency
{
public:
    void record(qint64 ms);
    // 0 while fewer than `minSamples` answers were seen, or when the delay would reach `capMs`.
    int hedgeAfterMs(int floorMs = 200, int capMs = 0, int minSamples = 8) const;
    qint64 median() const;

private:
    mutable QMutex m_mutex;
    QList<qint64> m_samples; // ring of the last 64
    int m_next = 0;
};

struct UpstreamReply {
    UpstreamFailure failure = UpstreamFailure::None;
    int status = 0;
    int attempts = 0;
    int hedges = 0;  // extra copies sent (see UpstreamRequest::hedgeAfterMs)
    QByteArray body;
    QJsonDocument json;
    QString message; // Indonesian, set on failure: what happened and what to do next
    QString text;    // TextAnswer: the upstream's own words (trimmed, at most 300 characters)
    bool ok() const { return failure == UpstreamFailure::None; }
};

class SettingsStore;
// `upstream_max_response_mb` in bytes (the default when unset or not a positive number).
qint64 upstreamMaxResponseBytes(const SettingsStore &settings);

class UpstreamHttp
{
public:
    // `service` names the upstream in messages ("SIAKAD", "Dapodik", …).
    // `nam` (optional, of the calling thread) keeps connections alive across calls.
    static UpstreamReply send(const QString &service, const UpstreamRequest &request,
                              const std::function<bool()> &cancelled = {}, QNetworkAccessManager *nam = nullptr);
};

} // namespace tu
