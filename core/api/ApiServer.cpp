#include "ApiServer.h"
#include "AuditRoutes.h"
#include "AuthRoutes.h"
#include "http/Cookies.h"
#include "http/Envelope.h"
#include "http/RequestHead.h"
#include "PpdbRoutes.h"
#include "ContentRoutes.h"
#include "SatuDataRoutes.h"
#include "http/JsonBody.h"
#include "StudentWorkRoutes.h"
#include "DapodikRoutes.h"
#include "SystemRoutes.h"
#include "TahunAjaranRoutes.h"
#include "UserRoutes.h"
#include "app/Core.h"

#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcAccess, "tatausaha.access")

namespace tu {

ApiServer::ApiServer(Core &core, QObject *parent) : QObject(parent), m_core(core), m_http(this)
{
    m_clock.start();
    m_pool.setMaxThreadCount(qMax(4, QThread::idealThreadCount() * 2));
    m_http.setTempDir(core.dataDir() + QStringLiteral("/tmp"));
    QDir().mkpath(core.dataDir() + QStringLiteral("/tmp"));
    m_http.setBodyLimit([this](const HttpRequest &head) { return bodyLimit(head); });
    m_http.setErrorRenderer([](ErrorCode code, const QString &message) {
        HttpResponse r = envelope::error(code, message);
        HttpPolicy::addSecurityHeaders(r, false);
        return r;
    });
    m_http.setHeadCheck([this](const std::shared_ptr<HttpRequest> &req) { return checkHead(req); });
    m_http.setDispatcher([this](const std::shared_ptr<HttpRequest> &req, HttpConnection *conn) { dispatch(req, conn); });
    // A reverse proxy carries many clients over its connections: not capped per address.
    m_http.setPeerExempt([this](const QHostAddress &peer) { return m_policy.isTrustedProxy(peer); });

    registerSystemRoutes(m_router, *this);
    registerAuthRoutes(m_router, core);
    registerUserRoutes(m_router, core);
    registerTahunAjaranRoutes(m_router, core);
    registerPpdbRoutes(m_router, core);
    registerContentRoutes(m_router, core);
    registerStudentWorkRoutes(m_router, core);
    registerAuditRoutes(m_router, core);
    registerDapodikRoutes(m_router, core);
    registerSatuDataRoutes(m_router, core);
    reloadPolicy();
}

ApiServer::~ApiServer()
{
    m_http.close();
    m_pool.waitForDone();
}

Status ApiServer::start(const QString &host, quint16 port, const QString &tlsCert, const QString &tlsKey)
{
    if (!tlsCert.isEmpty())
        if (auto s = m_http.setTls(tlsCert, tlsKey); !s.ok())
            return s;
    if (auto s = m_http.listen(host, port); !s.ok())
        return s;
    emit started(m_http.address());
    return {};
}

void ApiServer::stop()
{
    m_http.close();
    emit stopped();
}

void ApiServer::reloadPolicy()
{
    SettingsStore &s = m_core.settings();
    m_policy.setCorsOrigins(s.list(QStringLiteral("cors_origins")));
    m_policy.setTrustedProxies(s.list(QStringLiteral("trusted_proxies")));
    m_policy.setAllowedHosts(s.list(QStringLiteral("allowed_hosts")));
    bool ok = false;
    const int perIp = s.value(QStringLiteral("max_connections_per_ip")).toInt(&ok);
    m_http.setMaxConnectionsPerIp(ok && perIp > 0 ? perIp : HttpServer::Limits{}.maxConnectionsPerIp);
    if (auto st = m_rateLimiter.configure(s.value(QStringLiteral("rate_limits"))); !st.ok())
        qCWarning(lcAccess).noquote() << "ignoring invalid rate_limits setting:" << st.error().fields.value(QStringLiteral("rate_limits"));
}

qint64 ApiServer::bodyLimit(const HttpRequest &head) const
{
    constexpr qint64 MB = 1024 * 1024;
    // Only multipart bodies stream to disk; JSON and anything else is held in memory: 1 MB,
    // also on a route that takes multipart uploads.
    if (head.contentType() != "multipart/form-data")
        return MB;
    const Route *r = m_router.match(head.method, head.path, nullptr);
    return r ? r->bodyLimit() : MB;
}

namespace {
// What the head check established, handed to dispatch() with the request.
struct Admitted {
    const Route *route = nullptr;
    QHash<QString, QString> params;
    QString clientIp;
    std::optional<Session> session;
    bool viaCookie = false;
    HeaderList cors;
    qint64 startedNs = 0;
};
} // namespace

std::optional<HttpResponse> ApiServer::checkHead(const std::shared_ptr<HttpRequest> &req)
{
    const qint64 t0 = m_clock.nsecsElapsed();
    const HeaderList cors = m_policy.corsHeaders(*req);
    auto refuse = [&](const Error &e, int status = 0) {
        HttpResponse r = envelope::error(e);
        if (status)
            r.status = status;
        return std::optional<HttpResponse>(decorate(*req, std::move(r), cors, t0));
    };

    const QString host = requestHostName(*req);
    if (!m_policy.hostAllowed(host, m_http.host()))
        return refuse(Error::forbidden(QStringLiteral("Nama server \"%1\" tidak dikenal oleh API ini. Buka aplikasi dari alamat "
                                                      "resminya, atau minta admin menambahkannya ke TATAUSAHA_ALLOWED_HOSTS.").arg(host)),
                      421);
    if (req->method == "OPTIONS")
        return std::nullopt; // preflight: answered by dispatch()

    auto ctx = std::make_shared<Admitted>();
    ctx->clientIp = m_policy.clientIp(*req);
    ctx->cors = cors;
    ctx->startedNs = t0;
    bool pathKnown = false;
    const Route *route = m_router.match(req->method, req->path, &ctx->params, &pathKnown);
    if (!route)
        return refuse(Error::notFound(pathKnown ? QStringLiteral("Metode %1 tidak tersedia untuk alamat ini.").arg(QString::fromLatin1(req->method))
                                                : QStringLiteral("Alamat API tidak ditemukan.")));
    ctx->route = route;

    if (const int wait = m_rateLimiter.take(route->effectiveRate(), ctx->clientIp)) {
        Error e = Error::make(ErrorCode::RateLimited, route->rateMessage.isEmpty()
                                  ? QStringLiteral("Terlalu banyak permintaan. Silakan coba lagi nanti.") : route->rateMessage);
        e.retryAfterSeconds = wait;
        return refuse(e);
    }

    // Authentication: Bearer first, then the `token` / `auth_token` cookies.
    if (!route->isPublic || route->optionalAuth) {
        QByteArray token;
        const QByteArray authz = req->header("authorization");
        if (authz.startsWith("Bearer ") || authz.startsWith("bearer ")) {
            token = authz.mid(7).trimmed();
        } else {
            const auto jar = cookies::parse(req->header("cookie"));
            token = jar.value("token", jar.value("auth_token"));
            ctx->viaCookie = !token.isEmpty();
        }
        if (!token.isEmpty()) {
            auto s = m_core.auth().authenticate(token);
            if (s.ok())
                ctx->session = s.value();
            else if (!route->isPublic)
                return refuse(s.error());
        }
        if (!route->isPublic && !ctx->session)
            return refuse(Error::unauthorized(QStringLiteral("Silakan login terlebih dahulu.")));
        if (!route->isPublic && !route->allows(ctx->session->user.role))
            return refuse(Error::forbidden(QStringLiteral("Anda tidak memiliki akses ke fitur ini.")));
        // CSRF: a browser sends cookies along with requests from other sites' pages, GET ones
        // included (a top-level navigation carries Lax cookies, and some GET routes start jobs).
        // Every method on a protected route; the mutating ones on a public route with a session.
        const bool mutating = req->method != "GET" && req->method != "HEAD";
        if (ctx->session && ctx->viaCookie && (!route->isPublic || mutating) && m_policy.isCrossSite(*req))
            return refuse(Error::forbidden(QStringLiteral("Permintaan lintas situs ditolak. Buka aplikasi dari alamat resminya.")));
    }
    req->context = ctx;
    return std::nullopt;
}

void ApiServer::dispatch(const std::shared_ptr<HttpRequest> &req, HttpConnection *conn)
{
    auto ctx = std::static_pointer_cast<Admitted>(req->context);
    const qint64 t0 = ctx ? ctx->startedNs : m_clock.nsecsElapsed();
    const HeaderList cors = ctx ? ctx->cors : m_policy.corsHeaders(*req);
    auto fail = [&](const Error &e) { finish(conn, *req, envelope::error(e), cors, t0); };

    if (req->method == "OPTIONS") {
        HttpResponse r;
        r.status = 204;
        r.headers = m_policy.preflightHeaders(*req);
        if (r.headers.isEmpty() && req->hasHeader("origin"))
            return fail(Error::forbidden(QStringLiteral("Asal (origin) ini tidak diizinkan memanggil API.")));
        r.addHeader("Allow", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        return finish(conn, *req, r, {}, t0);
    }
    if (!ctx) {
        // Only without a head check (never in ApiServer): nothing was decided for this request.
        return fail(Error::server(QStringLiteral("request reached dispatch without a head check")));
    }

    const Route *route = ctx->route;
    ApiRequest api;
    api.http = req;
    api.clientIp = ctx->clientIp;
    api.session = ctx->session;
    api.viaCookie = ctx->viaCookie;
    api.params = ctx->params;
    api.tempDir = m_core.dataDir() + QStringLiteral("/tmp");
    api.fileLimit = route->fileLimit;
    req->context.reset();

    const QByteArray type = req->contentType();
    const bool wantsJson = route->body == BodyKind::Json || (route->body == BodyKind::JsonOrMultipart && type != "multipart/form-data");
    if (wantsJson && !req->body.isEmpty()) {
        if (type != "application/json")
            return fail(Error::make(ErrorCode::UnsupportedMediaType, QStringLiteral("Kirim data sebagai application/json.")));
        auto json = jsonbody::parse(req->body);
        if (!json.ok())
            return fail(json.error());
        api.json = std::move(json).value();
    } else if (route->body == BodyKind::Multipart && type != "multipart/form-data") {
        return fail(Error::make(ErrorCode::UnsupportedMediaType, QStringLiteral("Kirim berkas sebagai multipart/form-data.")));
    }

    if (route->stream) {
        HeaderList headers = cors;
        headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
        // Logged first: a stream handler that answers with an error at once ends the request
        // (and `req` with it).
        qCInfo(lcAccess).noquote() << api.clientIp << req->method << req->path << "stream";
        route->stream(api, conn, headers);
        return;
    }
    if (!route->worker)
        return finish(conn, *req, run(*route, api), cors, t0);

    // Slow work runs on the pool with that thread's own database connection; the answer is
    // written back on this thread, if the client is still there.
    QPointer<HttpConnection> guard(conn);
    (void)QtConcurrent::run(&m_pool, [this, route, api, guard, cors, t0]() mutable {
        HttpResponse response = run(*route, api);
        QMetaObject::invokeMethod(this, [this, guard, req = api.http, response, cors, t0]() {
            if (guard)
                finish(guard, *req, response, cors, t0);
        }, Qt::QueuedConnection);
    });
}

HttpResponse ApiServer::run(const Route &route, ApiRequest &request)
{
    try {
        return route.handler(request);
    } catch (const std::exception &e) {
        return envelope::error(Error::server(QStringLiteral("handler threw: ") + QString::fromUtf8(e.what())));
    } catch (...) {
        return envelope::error(Error::server(QStringLiteral("handler threw")));
    }
}

HttpResponse ApiServer::decorate(const HttpRequest &req, HttpResponse response, const HeaderList &cors, qint64 startedNs)
{
    for (const auto &h : cors)
        response.headers.append(h);
    HttpPolicy::addSecurityHeaders(response, m_http.isTls());
    if (lcAccess().isInfoEnabled()) {
        // Path only: query strings may carry NISNs or keys.
        qCInfo(lcAccess).noquote() << m_policy.clientIp(req) << req.method << req.path << response.status
                                   << QString::number((m_clock.nsecsElapsed() - startedNs) / 1e6, 'f', 1) + QStringLiteral("ms");
    }
    return response;
}

void ApiServer::finish(HttpConnection *conn, const HttpRequest &req, HttpResponse response, const HeaderList &cors,
                       qint64 startedNs)
{
    conn->respond(decorate(req, std::move(response), cors, startedNs));
}

} // namespace tu
