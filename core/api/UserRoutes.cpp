#include "UserRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "http/Router.h"
#include "app/Core.h"

#include <QJsonArray>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Pengguna");

QJsonObject userSchema()
{
    return schema::record({{"id", schema::uuid()}, {"username", schema::str()}, {"name", schema::str()},
                           {"role", schema::oneOf(allRoleNames())}, {"active", schema::boolean()},
                           {"createdAt", schema::dateTime()}, {"updatedAt", schema::dateTime()}});
}

QJsonObject inputSchema(bool create)
{
    return schema::object({{"username", schema::str("3–32 karakter: huruf, angka, . _ -")},
                           {"name", schema::str()},
                           {"role", schema::oneOf(allRoleNames())},
                           {"password", schema::str("minimal 8 karakter, tidak sama dengan username")},
                           {"active", schema::boolean()}},
                          create ? QStringList{"username", "name", "role", "password"} : QStringList{});
}
} // namespace

void registerUserRoutes(Router &router, Core &core)
{
    router.get(QStringLiteral("/api/admin/users"))
        .allow(rolesFor(Permission::ManageUsers))
        .summary(Tag, QStringLiteral("Daftar pengguna"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman (mulai 1)"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Jumlah per halaman (maks 100)"))
        .data(schema::array(userSchema())).paged().errors({400})
        .handle([&core](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")), 100);
            if (!page.ok())
                return envelope::error(page.error());
            qint64 total = 0;
            auto users = core.users().list(req.actor(), page.value(), &total);
            if (!users.ok())
                return envelope::error(users.error());
            QJsonArray out;
            for (const User &u : users.value())
                out.append(u.toJson());
            return envelope::ok(out, QString(), page->meta(total));
        });

    router.post(QStringLiteral("/api/admin/users"))
        .allow(rolesFor(Permission::ManageUsers)).jsonBody(inputSchema(true)).onWorker()
        .summary(Tag, QStringLiteral("Membuat pengguna")).created()
        .data(userSchema()).errors({400, 409})
        .handle([&core](ApiRequest &req) {
            auto u = core.users().create(req.actor(), UserInput::fromJson(req.json));
            return u.ok() ? envelope::ok(u->toJson(), QStringLiteral("Pengguna dibuat"), {}, 201) : envelope::error(u.error());
        });

    router.get(QStringLiteral("/api/admin/users/:id"))
        .allow(rolesFor(Permission::ManageUsers))
        .summary(Tag, QStringLiteral("Satu pengguna"))
        .data(userSchema()).errors({404})
        .handle([&core](ApiRequest &req) {
            auto u = core.users().get(req.actor(), req.param(QStringLiteral("id")));
            return u.ok() ? envelope::ok(u->toJson()) : envelope::error(u.error());
        });

    router.put(QStringLiteral("/api/admin/users/:id"))
        .allow(rolesFor(Permission::ManageUsers)).jsonBody(inputSchema(false)).onWorker()
        .summary(Tag, QStringLiteral("Mengubah pengguna (nama, peran, status, password)"))
        .data(userSchema()).errors({400, 404, 409})
        .handle([&core](ApiRequest &req) {
            auto u = core.users().update(req.actor(), req.param(QStringLiteral("id")), UserInput::fromJson(req.json));
            return u.ok() ? envelope::ok(u->toJson(), QStringLiteral("Pengguna diperbarui")) : envelope::error(u.error());
        });

    router.del(QStringLiteral("/api/admin/users/:id"))
        .allow(rolesFor(Permission::ManageUsers))
        .summary(Tag, QStringLiteral("Menghapus pengguna"))
        .errors({404, 409})
        .handle([&core](ApiRequest &req) {
            auto s = core.users().remove(req.actor(), req.param(QStringLiteral("id")));
            return s.ok() ? envelope::message(QStringLiteral("Pengguna dihapus")) : envelope::error(s.error());
        });
}

} // namespace tu
