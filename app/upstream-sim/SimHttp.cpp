#include "SimHttp.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

SimRequest SimRequest::from(const QHttpServerRequest &request)
{
    SimRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get: r.method = "GET"; break;
    case QHttpServerRequest::Method::Put: r.method = "PUT"; break;
    case QHttpServerRequest::Method::Delete: r.method = "DELETE"; break;
    case QHttpServerRequest::Method::Post: r.method = "POST"; break;
    case QHttpServerRequest::Method::Head: r.method = "HEAD"; break;
    case QHttpServerRequest::Method::Options: r.method = "OPTIONS"; break;
    case QHttpServerRequest::Method::Patch: r.method = "PATCH"; break;
    default: r.method = "UNKNOWN"; break;
    }
    const QUrl url = request.url();
    r.path = url.path();
    r.query = QUrlQuery(url);
    for (const auto &h : request.headers())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = request.body();
    return r;
}

SimResponse SimResponse::json(int status, const QJsonValue &value)
{
    SimResponse r;
    r.status = status;
    if (value.isArray())
        r.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        r.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

SimResponse SimResponse::error(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("success"), false},
                                    {QStringLiteral("error"), message}});
}

bool parseDataArray(const QByteArray &body, QJsonArray *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("Body JSON tidak valid");
        return false;
    }
    const QJsonValue data = doc.object().value(QStringLiteral("data"));
    if (!data.isArray()) {
        *error = QStringLiteral("Field 'data' harus berupa array");
        return false;
    }
    *out = data.toArray();
    return true;
}

bool parseNumeric(const QJsonValue &value, bool integral, double *out)
{
    double v = 0;
    if (value.isDouble()) {
        v = value.toDouble();
    } else if (value.isString()) {
        static const QRegularExpression decimalRe(
            QStringLiteral("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$"));
        static const QRegularExpression integerRe(QStringLiteral("^[+-]?[0-9]+$"));
        const QString s = value.toString();
        if (!(integral ? integerRe : decimalRe).match(s).hasMatch())
            return false;
        bool ok = false;
        v = s.toDouble(&ok);
        if (!ok)
            return false;
    } else {
        return false;
    }
    if (!std::isfinite(v) || (integral && v != std::floor(v)))
        return false;
    *out = v;
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}
