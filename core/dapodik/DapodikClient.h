#pragma once
// The Dapodik pusat client (contract in docs/dapodik-sync.md): token login with
// DAPODIK_USERNAME/PASSWORD plus X-API-KEY, one re-authentication on 401 (token expiry), the
// `{results, id, start, limit, rows}` envelope paged with start/limit, and the quirks real
// integrators meet: JSON served as text/html, errors as text in a 200 body, 429 with
// Retry-After, slow answers, dropped connections, malformed JSON (retried). Safe to call from
// several threads at once: each thread keeps its own connection manager, the token is shared.

#include "Result.h"
#include "sync/UpstreamHttp.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QUrlQuery>
#include <atomic>
#include <functional>
#include <optional>

namespace tu {

class SettingsStore;

struct DapodikConfig {
    QString baseUrl, username, password, apiKey;
    int timeoutMs = 10000;
    int backoffMs = 300;
    int concurrency = 4; // requests on the wire at once
    bool hedge = true;   // a GET stalled past max(4 × median answer time, 200 ms) gets a second copy
    qint64 maxResponseBytes = qint64(DefaultMaxResponseMb) * 1024 * 1024; // one answer, at most
    static DapodikConfig fromSettings(const SettingsStore &settings);
};

class DapodikClient
{
public:
    using Cancelled = std::function<bool()>;
    static constexpr int PageSize = 100;

    explicit DapodikClient(DapodikConfig config);

    Result<QList<QJsonObject>> kecamatan(const QString &kodeKabupaten, const Cancelled &cancelled = {});
    // Schools of a kecamatan; "Sekolah tidak ditemukan" means none.
    Result<QList<QJsonObject>> sekolah(const QString &kodeKecamatan, const Cancelled &cancelled = {});
    // PTK of a school; NOT_FOUND when Dapodik no longer knows the school.
    Result<QList<QJsonObject>> ptk(const QString &npsn, const Cancelled &cancelled = {});
    Result<std::optional<QJsonObject>> ptkDetail(const QString &nik, const QString &npsn, const Cancelled &cancelled = {});

    int requests() const { return m_requests.load(); }
    int concurrency() const { return m_config.concurrency; }
    int logins() const { return m_logins.load(); }
    int hedges() const { return m_hedges.load(); }

private:
    Result<QJsonObject> get(const QString &path, const QUrlQuery &query, const Cancelled &cancelled);
    Result<QList<QJsonObject>> allPages(const QString &path, QUrlQuery query, const Cancelled &cancelled);
    Result<QString> token(const QString &stale, const Cancelled &cancelled);

    DapodikConfig m_config;
    QSemaphore m_inFlight;
    QSemaphore m_hedgeSlots; // hedged copies on the wire at once: a quarter of the concurrency, at least 1
    UpstreamLatency m_latency;
    QMutex m_tokenMutex;
    QString m_token;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_logins{0};
    std::atomic<int> m_hedges{0};
};

} // namespace tu
