#include "SystemRoutes.h"
#include "ApiServer.h"
#include "http/Envelope.h"
#include "OpenApi.h"
#include "app/Core.h"
#include "db/DatabaseConfig.h"

#include <QDateTime>
#include <QJsonDocument>

namespace tu {

void registerSystemRoutes(Router &router, ApiServer &server)
{
    Core &core = server.core();
    router.get(QStringLiteral("/api/health"))
        .publicAccess()
        .summary(QStringLiteral("Sistem"), QStringLiteral("Status server: versi, jenis basis data, lama berjalan"))
        .data(schema::record({{"status", schema::oneOf({QStringLiteral("ok")})}, {"version", schema::str()},
                              {"database", schema::oneOf(DatabaseConfig::kindNames())},
                              {"uptimeSeconds", schema::integer()}}))
        .handle([&core](ApiRequest &) {
            return envelope::ok(QJsonObject{
                {"status", "ok"},
                {"version", Core::version()},
                {"database", core.db().config().kindName()},
                {"uptimeSeconds", (QDateTime::currentMSecsSinceEpoch() - core.startedAtMs()) / 1000},
            });
        });

    router.get(QStringLiteral("/api/openapi.json"))
        .publicAccess()
        .summary(QStringLiteral("Sistem"), QStringLiteral("Dokumen OpenAPI 3.0 seluruh API"))
        .response(schema::map())
        .handle([&server](ApiRequest &) {
            // Built once: the route table does not change after start-up.
            static const QByteArray doc = QJsonDocument(buildOpenApi(server.router(), Core::version())).toJson(QJsonDocument::Compact);
            HttpResponse r;
            r.body = doc;
            r.headers.append(HeaderList::value_type("Content-Type", "application/json; charset=utf-8"));
            return r;
        });
}

} // namespace tu
