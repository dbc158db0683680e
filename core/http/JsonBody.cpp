#include "JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tu::jsonbody {

Result<QJsonObject> parse(const QByteArray &body)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error::validation({{QStringLiteral("body"), QStringLiteral("Format JSON tidak valid.")}},
                                 QStringLiteral("Format JSON tidak valid. Kirim satu objek JSON."));
    return doc.object();
}

} // namespace tu::jsonbody
