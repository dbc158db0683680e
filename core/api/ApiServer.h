#pragma once
#include "http/HttpPolicy.h"
#include "http/HttpServer.h"
#include "http/RateLimiter.h"
#include "http/Router.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

namespace tu {

class Core;

// The REST/SSE API over Core: request pipeline (CORS, rate limit, authentication, role check,
// CSRF, body parsing), the route table and the worker pool. Hosted by `tatausaha-server` and,
// in-process, by the desktop app.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(Core &core, QObject *parent = nullptr);
    ~ApiServer() override;

    Status start(const QString &host, quint16 port, const QString &tlsCert = {}, const QString &tlsKey = {});
    void stop();
    bool isRunning() const { return m_http.isListening(); }
    QString address() const { return m_http.address(); }
    quint16 port() const { return m_http.port(); }

    // Re-reads CORS origins, trusted proxies, allowed hosts, the per-address connection cap
    // and rate limits from settings.
    void reloadPolicy();

    Router &router() { return m_router; }
    HttpServer &http() { return m_http; }
    RateLimiter &rateLimiter() { return m_rateLimiter; }
    HttpPolicy &policy() { return m_policy; }
    Core &core() { return m_core; }

signals:
    void started(const QString &address);
    void stopped();

private:
    // Host, route, rate limit, authentication, role and CSRF, from the head alone (before the
    // body is read). An answer refuses the request.
    std::optional<HttpResponse> checkHead(const std::shared_ptr<HttpRequest> &request);
    void dispatch(const std::shared_ptr<HttpRequest> &request, HttpConnection *connection);
    // CORS and security headers, access log.
    HttpResponse decorate(const HttpRequest &request, HttpResponse response, const HeaderList &cors, qint64 startedNs);
    void finish(HttpConnection *connection, const HttpRequest &request, HttpResponse response,
                const HeaderList &cors, qint64 startedNs);
    HttpResponse run(const Route &route, ApiRequest &request);
    qint64 bodyLimit(const HttpRequest &head) const;

    Core &m_core;
    HttpServer m_http;
    Router m_router;
    RateLimiter m_rateLimiter;
    HttpPolicy m_policy;
    QThreadPool m_pool;
    QElapsedTimer m_clock;
};

} // namespace tu
