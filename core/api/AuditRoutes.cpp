#include "AuditRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "http/Router.h"
#include "app/Core.h"

#include <QJsonArray>

namespace tu {

void registerAuditRoutes(Router &router, Core &core)
{
    router.get(QStringLiteral("/api/admin/audit"))
        .allow(rolesFor(Permission::ReadAudit))
        .summary(QStringLiteral("Log audit"), QStringLiteral("Log audit: siapa, kapan, apa, sasaran, sebelum/sesudah; terbaru dulu"))
        .queryParam(QStringLiteral("userId"), QStringLiteral("string"), QStringLiteral("Id pengguna"))
        .queryEnum(QStringLiteral("area"), AuditLog::areas(), QStringLiteral("Bagian aplikasi"))
        .queryParam(QStringLiteral("from"), QStringLiteral("string"), QStringLiteral("Tanggal awal Y-m-d (zona waktu sekolah)"))
        .queryParam(QStringLiteral("to"), QStringLiteral("string"), QStringLiteral("Tanggal akhir Y-m-d, termasuk"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .data(schema::array(schema::record({{"id", schema::uuid()}, {"at", schema::dateTime()},
                                            {"userId", schema::str("kosong untuk sistem dan tamu")},
                                            {"username", schema::str()}, {"ip", schema::str("kosong bila tidak lewat jaringan")},
                                            {"action", schema::str()}, {"entity", schema::str()},
                                            {"area", schema::oneOf(AuditLog::areas() + QStringList{QLatin1String(AuditLog::OtherArea)})},
                                            {"entityId", schema::str()},
                                            {"before", schema::map()}, {"after", schema::map()}})))
        .paged().errors({400})
        .handle([&core](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")), 50);
            if (!page.ok())
                return envelope::error(page.error());
            AuditFilter f;
            f.page = page.value();
            f.userId = req.query(QStringLiteral("userId"));
            f.area = req.query(QStringLiteral("area"));
            f.from = req.query(QStringLiteral("from"));
            f.to = req.query(QStringLiteral("to"));
            f.zone = core.settings().schoolZone();
            auto p = core.audit().query(f);
            if (!p.ok())
                return envelope::error(p.error());
            QJsonArray items;
            for (const AuditEntry &e : p->items)
                items.append(e.toJson());
            return envelope::ok(items, QString(), p->page.meta(p->total));
        });
}

} // namespace tu
