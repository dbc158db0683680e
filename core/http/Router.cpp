#include "Router.h"
#include "Multipart.h"

#include <QIODevice>
#include <QJsonArray>
#include <QTemporaryFile>

namespace tu {

Actor ApiRequest::actor() const
{
    Actor a;
    if (session)
        a = session->actor();
    a.ip = clientIp;
    return a;
}

QString ApiRequest::query(const QString &name) const
{
    return http->query.queryItemValue(name, QUrl::FullyDecoded);
}

QStringList ApiRequest::queryAll(const QString &name) const
{
    return http->query.allQueryItemValues(name, QUrl::FullyDecoded);
}

Result<MultipartForm> ApiRequest::multipart(const MultipartLimits &limits) const
{
    if (!http->bodyFile)
        return Error::validation({{QStringLiteral("file"), QStringLiteral("Berkas wajib diunggah.")}});
    http->bodyFile->seek(0);
    return parseMultipart(*http->bodyFile, http->header("content-type"), limits, tempDir);
}

Route &Route::allowAnyUser()
{
    roles = allRoles();
    return *this;
}

Route &Route::queryParam(const QString &name, const QString &type, const QString &description, bool required)
{
    doc.parameters.append(QJsonObject{{"name", name}, {"in", "query"}, {"required", required},
                                      {"description", description}, {"schema", QJsonObject{{"type", type}}}});
    return *this;
}

Route &Route::queryEnum(const QString &name, const QStringList &values, const QString &description, bool required)
{
    doc.parameters.append(QJsonObject{{"name", name}, {"in", "query"}, {"required", required},
                                      {"description", description}, {"schema", schema::oneOf(values)}});
    return *this;
}

Route &Route::paged()
{
    doc.metaSchema = schema::ref(QStringLiteral("PageMeta"));
    return *this;
}

qint64 Route::bodyLimit() const
{
    constexpr qint64 MB = 1024 * 1024;
    return body == BodyKind::Multipart || body == BodyKind::JsonOrMultipart ? fileLimit + MB : MB;
}

Route &Router::add(const QByteArray &method, const QString &pattern)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    m_routes.push_back(std::move(r));
    return m_routes.back();
}

const Route *Router::match(const QByteArray &method, const QString &path, QHash<QString, QString> *params,
                           bool *pathKnown) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (pathKnown)
        *pathKnown = false;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        bool same = true;
        for (int i = 0; i < parts.size() && same; ++i)
            same = r.segments[i].startsWith(QLatin1Char(':')) ? !parts[i].isEmpty() : r.segments[i] == parts[i];
        if (!same)
            continue;
        if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
            if (pathKnown)
                *pathKnown = true;
            continue;
        }
        if (params) {
            params->clear();
            for (int i = 0; i < parts.size(); ++i)
                if (r.segments[i].startsWith(QLatin1Char(':')))
                    params->insert(r.segments[i].mid(1), parts[i]);
        }
        return &r;
    }
    return nullptr;
}

namespace schema {
namespace {
QJsonObject typed(const char *type, const QString &d, const char *format = nullptr)
{
    QJsonObject o{{"type", QLatin1String(type)}};
    if (format)
        o.insert(QStringLiteral("format"), QLatin1String(format));
    if (!d.isEmpty())
        o.insert(QStringLiteral("description"), d);
    return o;
}
} // namespace
QJsonObject str(const QString &d) { return typed("string", d); }
QJsonObject integer(const QString &d) { return typed("integer", d); }
QJsonObject number(const QString &d) { return typed("number", d); }
QJsonObject boolean(const QString &d) { return typed("boolean", d); }
QJsonObject date(const QString &d) { return typed("string", d, "date"); }
QJsonObject dateTime(const QString &d) { return typed("string", d, "date-time"); }
QJsonObject uuid(const QString &d) { return typed("string", d, "uuid"); }
QJsonObject binary(const QString &d) { return typed("string", d, "binary"); }
QJsonObject array(const QJsonObject &items) { return {{"type", "array"}, {"items", items}}; }
QJsonObject object(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject o{{"type", "object"}, {"properties", properties}};
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return o;
}
QJsonObject record(const QJsonObject &properties, const QStringList &optional)
{
    QStringList required;
    for (const QString &k : properties.keys())
        if (!optional.contains(k))
            required << k;
    return object(properties, required);
}
QJsonObject map(const QJsonObject &values)
{
    return {{"type", "object"}, {"additionalProperties", values.isEmpty() ? QJsonValue(true) : QJsonValue(values)}};
}
QJsonObject oneOf(const QStringList &values, const QString &d)
{
    QJsonObject o = str(d);
    o.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return o;
}
QJsonObject oneOfInt(const QList<int> &values, const QString &d)
{
    QJsonObject o = integer(d);
    QJsonArray a;
    for (int v : values)
        a.append(v);
    o.insert(QStringLiteral("enum"), a);
    return o;
}
QJsonObject nullable(QJsonObject s)
{
    if (s.contains(QLatin1String("$ref"))) // siblings of $ref are ignored in 3.0
        s = QJsonObject{{"allOf", QJsonArray{s}}};
    s.insert(QStringLiteral("nullable"), true);
    if (s.contains(QLatin1String("enum"))) {
        QJsonArray values = s.value(QLatin1String("enum")).toArray();
        values.append(QJsonValue::Null);
        s.insert(QStringLiteral("enum"), values);
    }
    return s;
}
QJsonObject ref(const QString &name) { return {{"$ref", QStringLiteral("#/components/schemas/") + name}}; }
} // namespace schema

} // namespace tu
