#include "Envelope.h"

#include <QJsonDocument>

namespace tu::envelope {

HttpResponse json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    r.headers.append(HeaderList::value_type("Content-Type", "application/json; charset=utf-8"));
    return r;
}

HttpResponse ok(const QJsonValue &data, const QString &message, const QJsonObject &meta, int status)
{
    QJsonObject o{{"success", true}, {"data", data}};
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!meta.isEmpty())
        o.insert(QStringLiteral("meta"), meta);
    return json(status, o);
}

HttpResponse message(const QString &message, int status)
{
    return json(status, QJsonObject{{"success", true}, {"message", message}});
}

HttpResponse error(const Error &e)
{
    QJsonObject o{{"success", false}, {"error", e.message}, {"code", errorCodeName(e.code)}};
    if (!e.fields.isEmpty()) {
        QJsonObject f;
        for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
            f.insert(it.key(), it.value());
        o.insert(QStringLiteral("fields"), f);
    }
    HttpResponse r = json(errorHttpStatus(e.code), o);
    if (e.code == ErrorCode::RateLimited)
        r.headers.append(HeaderList::value_type("Retry-After", QByteArray::number(qMax(1, e.retryAfterSeconds))));
    return r;
}

HttpResponse error(ErrorCode code, const QString &message)
{
    return error(Error::make(code, message));
}

QJsonObject pageMeta(int page, int limit, qint64 total)
{
    const qint64 pages = limit > 0 ? (total + limit - 1) / limit : 0;
    return {{"page", page}, {"limit", limit}, {"total", total}, {"totalPages", pages}};
}

} // namespace tu::envelope
