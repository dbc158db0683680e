#include "OpenApi.h"
#include "Result.h"
#include "http/Router.h"

#include <QJsonArray>
#include <QMap>

namespace tu {

namespace {
using schema::ref;

QJsonObject jsonContent(const QJsonObject &schema)
{
    return {{"application/json", QJsonObject{{"schema", schema}}}};
}

QString describeStatus(int s)
{
    switch (s) {
    case 400: return QStringLiteral("VALIDATION_ERROR");
    case 401: return QStringLiteral("UNAUTHORIZED atau CAPTCHA_REQUIRED");
    case 403: return QStringLiteral("FORBIDDEN");
    case 404: return QStringLiteral("NOT_FOUND");
    case 409: return QStringLiteral("CONFLICT");
    case 413: return QStringLiteral("PAYLOAD_TOO_LARGE");
    case 415: return QStringLiteral("UNSUPPORTED_MEDIA_TYPE");
    case 429: return QStringLiteral("RATE_LIMITED (header Retry-After)");
    case 500: return QStringLiteral("SERVER_ERROR");
    case 502: return QStringLiteral("UPSTREAM_ERROR");
    case 507: return QStringLiteral("INSUFFICIENT_STORAGE (ruang disk server di bawah cadangan disk_reserve_mb)");
    }
    return QStringLiteral("Kesalahan");
}
} // namespace

QJsonObject buildOpenApi(const Router &router, const QString &version)
{
    QMap<QString, QJsonObject> paths;
    for (const Route &r : router.routes()) {
        QString path;
        QJsonArray params;
        for (const QString &seg : r.segments) {
            if (seg.startsWith(QLatin1Char(':'))) {
                path += QStringLiteral("/{") + seg.mid(1) + QLatin1Char('}');
                params.append(QJsonObject{{"name", seg.mid(1)}, {"in", "path"}, {"required", true},
                                          {"schema", QJsonObject{{"type", "string"}}}});
            } else {
                path += QLatin1Char('/') + seg;
            }
        }
        for (const QJsonObject &p : r.doc.parameters)
            params.append(p);

        QJsonObject op;
        op.insert(QStringLiteral("summary"), r.doc.summary.isEmpty() ? QString::fromLatin1(r.method) + QLatin1Char(' ') + path : r.doc.summary);
        QString description = r.doc.description;
        const QString who = r.isPublic ? QStringLiteral("Publik") : QStringLiteral("Peran: ") + [&] {
            QStringList names;
            for (Role role : r.roles)
                names << roleName(role);
            return names.join(QStringLiteral(", "));
        }();
        description += (description.isEmpty() ? QString() : QStringLiteral("\n\n")) + who
            + QStringLiteral(". Batas laju: ") + rateScopeName(r.effectiveRate()) + QLatin1Char('.');
        op.insert(QStringLiteral("description"), description);
        op.insert(QStringLiteral("operationId"), QString::fromLatin1(r.method).toLower() + QString(path).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_")));
        if (!r.doc.tag.isEmpty())
            op.insert(QStringLiteral("tags"), QJsonArray{r.doc.tag});
        if (!params.isEmpty())
            op.insert(QStringLiteral("parameters"), params);
        if (r.body == BodyKind::Json) {
            op.insert(QStringLiteral("requestBody"),
                      QJsonObject{{"required", true},
                                  {"content", jsonContent(r.doc.requestSchema.isEmpty() ? QJsonObject{{"type", "object"}} : r.doc.requestSchema)}});
        } else if (r.body == BodyKind::JsonOrMultipart) {
            const QJsonObject sch = r.doc.requestSchema.isEmpty() ? QJsonObject{{"type", "object"}} : r.doc.requestSchema;
            QJsonObject content = jsonContent(sch);
            content.insert(QStringLiteral("multipart/form-data"), QJsonObject{{"schema", sch}});
            op.insert(QStringLiteral("requestBody"), QJsonObject{{"required", true}, {"content", content}});
        } else if (r.body == BodyKind::Multipart) {
            op.insert(QStringLiteral("requestBody"),
                      QJsonObject{{"required", true},
                                  {"content", QJsonObject{{"multipart/form-data", QJsonObject{{"schema", r.doc.requestSchema.isEmpty() ? QJsonObject{{"type", "object"}} : r.doc.requestSchema}}}}}});
        }
        QJsonObject responses;
        QJsonObject success;
        if (r.stream) {
            success = {{"description", "Aliran server-sent events: baris `data: <json>`"},
                       {"content", QJsonObject{{"text/event-stream", QJsonObject{{"schema", QJsonObject{{"type", "string"}}}}}}}};
        } else if (!r.doc.responseSchema.isEmpty()) {
            success = {{"description", "Berhasil"}, {"content", jsonContent(r.doc.responseSchema)}};
        } else {
            // The envelope plus this route's `data` and `meta`, both always present when declared.
            QJsonObject env = ref(QStringLiteral("SuccessEnvelope"));
            QJsonObject own;
            if (!r.doc.dataSchema.isEmpty())
                own.insert(QStringLiteral("data"), r.doc.dataSchema);
            if (!r.doc.metaSchema.isEmpty())
                own.insert(QStringLiteral("meta"), r.doc.metaSchema);
            if (!own.isEmpty())
                env = QJsonObject{{"allOf", QJsonArray{env, schema::record(own)}}};
            success = {{"description", "Berhasil"}, {"content", jsonContent(env)}};
        }
        responses.insert(QString::number(r.doc.successStatus), success);
        QList<int> statuses = r.doc.errorStatuses;
        statuses << 429 << 500;
        if (!r.isPublic)
            statuses << 401 << 403;
        if (r.body == BodyKind::Json)
            statuses << 400 << 413 << 415;
        if (r.body == BodyKind::Multipart || r.body == BodyKind::JsonOrMultipart)
            statuses << 400 << 413 << 415 << 507; // every stored upload keeps the disk reserve
        std::sort(statuses.begin(), statuses.end());
        statuses.erase(std::unique(statuses.begin(), statuses.end()), statuses.end());
        for (int s : statuses)
            responses.insert(QString::number(s), QJsonObject{{"description", describeStatus(s)},
                                                            {"content", jsonContent(ref(QStringLiteral("ErrorEnvelope")))}});
        op.insert(QStringLiteral("responses"), responses);
        if (!r.isPublic)
            op.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{"cookieAuth", QJsonArray()}},
                                                             QJsonObject{{"bearerAuth", QJsonArray()}}});
        QJsonObject item = paths.value(path);
        item.insert(QString::fromLatin1(r.method).toLower(), op);
        paths.insert(path, item);
    }
    QJsonObject pathsObj;
    for (auto it = paths.begin(); it != paths.end(); ++it)
        pathsObj.insert(it.key(), it.value());

    QJsonArray codes;
    for (ErrorCode c : {ErrorCode::Validation, ErrorCode::Unauthorized, ErrorCode::CaptchaRequired, ErrorCode::Forbidden,
                        ErrorCode::RegistrationClosed, ErrorCode::NotFound, ErrorCode::Conflict, ErrorCode::PayloadTooLarge,
                        ErrorCode::UnsupportedMediaType, ErrorCode::RateLimited, ErrorCode::ServerError, ErrorCode::UpstreamError,
                        ErrorCode::InsufficientStorage})
        codes.append(errorCodeName(c));
    const QJsonObject components{
        {"schemas", QJsonObject{
            // `data` and `meta` are declared per route (allOf with this envelope).
            {"SuccessEnvelope", schema::object({{"success", QJsonObject{{"type", "boolean"}, {"enum", QJsonArray{true}}}},
                                                {"message", schema::str("Pesan untuk ditampilkan, bila ada")}}, {"success"})},
            {"ErrorEnvelope", schema::object({{"success", QJsonObject{{"type", "boolean"}, {"enum", QJsonArray{false}}}},
                                              {"error", schema::str("Pesan dalam Bahasa Indonesia")},
                                              {"code", QJsonObject{{"type", "string"}, {"enum", codes}}},
                                              {"fields", schema::map(schema::str())}},
                                             {"success", "error", "code"})},
            // One frame of a long job (Dapodik sync, Satu Data sync-all), also its current state.
            {"Progress", schema::object({{"message", schema::str()}, {"progress", schema::integer("0–100, tidak pernah turun")},
                                         {"current", schema::integer("bila jumlah langkah diketahui")}, {"total", schema::integer("bila jumlah langkah diketahui")},
                                         {"progressKec", schema::integer("kemajuan di dalam kecamatan yang sedang berjalan")},
                                         {"job", schema::str("jenis pekerjaan")}, {"done", schema::boolean("frame terakhir")},
                                         {"last_sync", schema::dateTime("frame terakhir yang berhasil")},
                                         {"error", schema::str("frame terakhir yang gagal")}, {"cancelled", schema::boolean()}},
                                        {"message", "progress"})},
            {"PageMeta", schema::record({{"page", schema::integer()}, {"limit", schema::integer()},
                                         {"total", schema::integer()}, {"totalPages", schema::integer()}})},
        }},
        {"securitySchemes", QJsonObject{
            {"cookieAuth", QJsonObject{{"type", "apiKey"}, {"in", "cookie"}, {"name", "token"}}},
            {"bearerAuth", QJsonObject{{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}},
        }},
    };
    return {
        {"openapi", "3.0.3"},
        {"info", QJsonObject{{"title", "TataUsaha API"}, {"version", version},
                             {"description", "REST/SSE API TataUsaha untuk frontend web sekolah. Semua pesan kesalahan "
                                             "berbahasa Indonesia dalam amplop {success:false, error, code, fields?}."}}},
        {"servers", QJsonArray{QJsonObject{{"url", "/"}}}},
        {"paths", pathsObj},
        {"components", components},
    };
}

} // namespace tu
