#pragma once
// The API's JSON envelope (docs/api.md): success `{success, data, message?, meta?}`,
// error `{success:false, error, code, fields?}`. The only place that shapes them.

#include "HttpMessage.h"
#include "Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace tu::envelope {

HttpResponse ok(const QJsonValue &data, const QString &message = QString(), const QJsonObject &meta = {},
                int status = 200);
HttpResponse message(const QString &message, int status = 200); // {success:true, message}
HttpResponse error(const Error &error);
HttpResponse error(ErrorCode code, const QString &message);
HttpResponse json(int status, const QJsonObject &object); // fixed non-envelope shapes (Dapodik sync, docs/dapodik-sync.md)

// `meta` for paged lists.
QJsonObject pageMeta(int page, int limit, qint64 total);

} // namespace tu::envelope
