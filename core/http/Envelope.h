#pragma once
// The API's JSON envelope (DESIGN.md section 3): success `{success, data, message?, meta?}`,
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
HttpResponse json(int status, const QJsonObject &object); // seed-fixed shapes (Dapodik sync)

// `meta` for paged lists.
QJsonObject pageMeta(int page, int limit, qint64 total);

} // namespace tu::envelope
