#pragma once
// The route table: one line per route declares its method, path, who may call it, its rate
// scope, its body kind and limit, whether it runs on the worker pool, and its documentation
// (for /api/openapi.json). Default deny: a route with no roles and not public answers 403.

#include "HttpMessage.h"
#include "RateLimiter.h"
#include "auth/AuthService.h"
#include "auth/Roles.h"

#include <QJsonObject>
#include <QList>
#include <functional>
#include <list>
#include <optional>

namespace tu {

class HttpConnection;
struct MultipartForm;
struct MultipartLimits;

// What a handler sees: the raw request plus what the pipeline already established.
struct ApiRequest {
    std::shared_ptr<HttpRequest> http;
    QString clientIp;
    std::optional<Session> session;
    bool viaCookie = false;
    QHash<QString, QString> params; // from the path pattern
    QJsonObject json;               // parsed JSON body (empty object when none)
    QString tempDir;
    qint64 fileLimit = 0;           // the route's multipart file limit (Route::fileLimit)

    Actor actor() const;
    QString param(const QString &name) const { return params.value(name); }
    QString query(const QString &name) const;
    QStringList queryAll(const QString &name) const;
    Result<MultipartForm> multipart(const MultipartLimits &limits) const;
};

// Extra response headers a handler wants (cookies) travel inside HttpResponse.headers.
using Handler = std::function<HttpResponse(ApiRequest &request)>;
// Streaming handlers (SSE) take over the connection; `headers` are CORS/security headers.
using StreamHandler = std::function<void(ApiRequest &request, HttpConnection *connection, const HeaderList &headers)>;

// JsonOrMultipart: a JSON object, or a multipart form when the request carries a file.
enum class BodyKind { None, Json, Multipart, JsonOrMultipart };

struct RouteDoc {
    QString summary;
    QString description;
    QString tag;
    QJsonObject requestSchema;      // JSON schema of the body (Json or Multipart)
    QJsonObject dataSchema;         // schema of `data` in the success envelope
    QJsonObject responseSchema;     // whole response when a route has a fixed non-envelope shape (Dapodik sync)
    QList<QJsonObject> parameters;  // OpenAPI parameter objects (query); path ones are added
    QJsonObject metaSchema;         // schema of `meta` in the success envelope (paged lists and the like)
    QList<int> errorStatuses;       // extra documented error statuses
    QString successContentType;     // default application/json
    int successStatus = 200;        // what the handler answers on success (201 when it creates)
};

struct Route {
    QByteArray method;
    QString pattern;
    bool isPublic = false;
    bool optionalAuth = false; // public, but a session is resolved when a token is present
    QList<Role> roles;         // empty and not public: nobody
    std::optional<RateScope> rate;
    QString rateMessage; // the route's own wording (PPDB register, uploads)
    BodyKind body = BodyKind::None;
    qint64 fileLimit = 0; // multipart: largest accepted file
    bool worker = false;  // run on the worker pool (slow work: bcrypt, big queries, files)
    Handler handler;
    StreamHandler stream;
    RouteDoc doc;
    QStringList segments;

    // Fluent declaration helpers.
    Route &publicAccess() { isPublic = true; return *this; }
    Route &allow(std::initializer_list<Role> r) { roles = r; return *this; }
    Route &allow(const QList<Role> &r) { roles = r; return *this; }
    Route &allowAnyUser();
    Route &sessionIfPresent() { optionalAuth = true; return *this; }
    Route &rateScope(RateScope s, const QString &message = {}) { rate = s; rateMessage = message; return *this; }
    Route &jsonBody(const QJsonObject &schema = {}) { body = BodyKind::Json; doc.requestSchema = schema; return *this; }
    Route &multipartBody(qint64 maxFile, const QJsonObject &schema = {}) { body = BodyKind::Multipart; fileLimit = maxFile; doc.requestSchema = schema; return *this; }
    Route &jsonOrMultipartBody(qint64 maxFile, const QJsonObject &schema) { body = BodyKind::JsonOrMultipart; fileLimit = maxFile; doc.requestSchema = schema; return *this; }
    Route &onWorker() { worker = true; return *this; }
    Route &summary(const QString &tag, const QString &text) { doc.tag = tag; doc.summary = text; return *this; }
    Route &describe(const QString &text) { doc.description = text; return *this; }
    Route &data(const QJsonObject &schema) { doc.dataSchema = schema; return *this; }
    Route &response(const QJsonObject &schema) { doc.responseSchema = schema; return *this; }
    Route &meta(const QJsonObject &schema) { doc.metaSchema = schema; return *this; }
    Route &paged(); // meta is the PageMeta of paged lists
    Route &created() { doc.successStatus = 201; return *this; }
    Route &queryParam(const QString &name, const QString &type, const QString &description, bool required = false);
    // A query parameter whose values are a closed set (written as the schema's enum).
    Route &queryEnum(const QString &name, const QStringList &values, const QString &description, bool required = false);
    Route &errors(std::initializer_list<int> statuses) { doc.errorStatuses = statuses; return *this; }
    Route &handle(Handler h) { handler = std::move(h); return *this; }
    Route &handleStream(StreamHandler h) { stream = std::move(h); return *this; }

    RateScope effectiveRate() const { return rate.value_or(isPublic ? RateScope::Public : RateScope::Protected); }
    qint64 bodyLimit() const;
    bool allows(Role role) const { return isPublic || roles.contains(role); }
};

class Router
{
public:
    Route &add(const QByteArray &method, const QString &pattern);
    Route &get(const QString &p) { return add("GET", p); }
    Route &post(const QString &p) { return add("POST", p); }
    Route &put(const QString &p) { return add("PUT", p); }
    Route &patch(const QString &p) { return add("PATCH", p); }
    Route &del(const QString &p) { return add("DELETE", p); }

    // The route for method+path, filling params. `pathKnown` tells whether another method
    // would have matched.
    const Route *match(const QByteArray &method, const QString &path, QHash<QString, QString> *params,
                       bool *pathKnown = nullptr) const;
    const std::list<Route> &routes() const { return m_routes; }

private:
    std::list<Route> m_routes; // stable references for the fluent API
};

// JSON-schema shorthands for route docs (OpenAPI 3.0: `nullable`, no null type). Closed sets of
// values come from the domain (PpdbService::documentTypes(), allRoleNames(), …) so validation and
// the document share one list.
namespace schema {
QJsonObject str(const QString &description = {});
QJsonObject integer(const QString &description = {});
QJsonObject number(const QString &description = {});
QJsonObject boolean(const QString &description = {});
QJsonObject array(const QJsonObject &items);
QJsonObject object(const QJsonObject &properties, const QStringList &required = {});
// An object whose properties are all always present, except `optional` ones.
QJsonObject record(const QJsonObject &properties, const QStringList &optional = {});
// A map or an object whose keys are not fixed (every value matches `values`; empty: anything).
QJsonObject map(const QJsonObject &values = {});
QJsonObject oneOf(const QStringList &values, const QString &description = {});     // string enum
QJsonObject oneOfInt(const QList<int> &values, const QString &description = {});    // integer enum
QJsonObject date(const QString &description = {});     // Y-m-d
QJsonObject dateTime(const QString &description = {}); // ISO 8601 UTC with Z
QJsonObject uuid(const QString &description = {});
QJsonObject binary(const QString &description = {});
// The same schema, also allowing null (an enum gets null among its values, as 3.0.3 asks).
QJsonObject nullable(QJsonObject schema);
QJsonObject ref(const QString &componentName);
} // namespace schema

} // namespace tu
