#include "StudentWorkRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "UploadForm.h"
#include "http/Router.h"
#include "app/Core.h"

#include <QFile>
#include <QTemporaryFile>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Karya siswa");

QJsonObject workSchema()
{
    return schema::record({{"id", schema::uuid()}, {"studentId", schema::uuid()}, {"studentName", schema::str()},
                           {"studentUsername", schema::str()}, {"title", schema::str()}, {"description", schema::str()},
                           {"category", schema::oneOf(StudentWorkService::categories())},
                           {"link", schema::nullable(schema::str("http(s)://…"))}, {"featured", schema::boolean()},
                           {"file", schema::nullable(schema::record({{"url", schema::str()},
                                                                     {"mime", schema::oneOf(StudentWorkService::fileMimes())},
                                                                     {"size", schema::integer()}, {"name", schema::str()}}))},
                           {"createdAt", schema::dateTime()}, {"updatedAt", schema::dateTime()}});
}

HttpResponse workResponse(const Result<StudentWork> &w, const QString &message, int status = 200)
{
    return w.ok() ? envelope::ok(w->toJson(), message, {}, status) : envelope::error(w.error());
}
} // namespace

void registerStudentWorkRoutes(Router &router, Core &core)
{
    StudentWorkService &works = core.studentWorks();
    const QList<Role> readers = rolesFor(Permission::SubmitWorks) + rolesFor(Permission::ReviewWorks);

    router.get(QStringLiteral("/api/student/works"))
        .allow(readers)
        .summary(Tag, QStringLiteral("Karya: siswa melihat miliknya; admin dan kesiswaan melihat semua dengan filter"))
        .queryParam(QStringLiteral("studentId"), QStringLiteral("string"), QStringLiteral("Hanya staf: karya seorang siswa"))
        .queryEnum(QStringLiteral("category"), StudentWorkService::categories(), QStringLiteral("Kategori"))
        .queryParam(QStringLiteral("featured"), QStringLiteral("boolean"), QStringLiteral("true | false"))
        .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari di judul"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .data(schema::array(workSchema())).paged().errors({400})
        .handle([&works](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
            if (!page.ok())
                return envelope::error(page.error());
            StudentWorkFilter f;
            f.page = page.value();
            f.studentId = req.query(QStringLiteral("studentId"));
            f.category = req.query(QStringLiteral("category"));
            f.q = req.query(QStringLiteral("q"));
            const QString featured = req.query(QStringLiteral("featured"));
            if (featured == QLatin1String("true") || featured == QLatin1String("1"))
                f.featured = true;
            else if (featured == QLatin1String("false") || featured == QLatin1String("0"))
                f.featured = false;
            else if (!featured.isEmpty())
                return envelope::error(Error::validation({{QStringLiteral("featured"), QStringLiteral("featured harus true atau false.")}}));
            auto p = works.list(req.actor(), f);
            if (!p.ok())
                return envelope::error(p.error());
            QJsonArray items;
            for (const StudentWork &w : p->items)
                items.append(w.toJson());
            return envelope::ok(items, QString(), p->page.meta(p->total));
        });

    router.post(QStringLiteral("/api/student/works"))
        .allow(rolesFor(Permission::SubmitWorks)).onWorker()
        // Takes files: the upload scope (per IP, per hour) on top of the per-student quota.
        .rateScope(RateScope::Upload, QStringLiteral("Terlalu banyak unggahan karya. Silakan coba lagi nanti."))
        .jsonOrMultipartBody(StudentWorkService::MaxFileBytes,
                             schema::object({{"title", schema::str("maks 200 karakter")}, {"description", schema::str("maks 5000 karakter")},
                                             {"category", schema::oneOf(StudentWorkService::categories())},
                                             {"link", schema::str("http(s)://…")},
                                             {"file", schema::binary("multipart saja: PDF atau gambar, maks 5 MB")}},
                                            {"title", "category"}))
        .summary(Tag, QStringLiteral("Mengirim karya (JSON, atau multipart dengan berkas PDF/gambar maks 5 MB)")).created()
        .describe(QStringLiteral("Kuota per siswa: %1 karya dan %2 MB berkas (409 bila terlampaui; menarik karya membebaskan kuota). "
                                 "507 bila ruang disk server di bawah cadangan.")
                      .arg(StudentWorkService::MaxWorksPerStudent).arg(StudentWorkService::MaxBytesPerStudent / (1024 * 1024)))
        .data(workSchema()).errors({400, 409, 413, 415, 507})
        .handle([&works](ApiRequest &req) {
            if (req.http->contentType() != "multipart/form-data")
                return workResponse(works.submit(req.actor(), req.json), QStringLiteral("Karya terkirim"), 201);
            auto form = uploadForm(req, QString()); // the file is optional: a work may be a link
            if (!form.ok())
                return envelope::error(form.error());
            return workResponse(works.submit(req.actor(), form->fieldsJson(), form->file.file.get(), form->file.fileName),
                                QStringLiteral("Karya terkirim"), 201);
        });

    router.get(QStringLiteral("/api/student/works/:id"))
        .allow(readers)
        .summary(Tag, QStringLiteral("Satu karya (siswa: hanya miliknya)"))
        .data(workSchema()).errors({404})
        .handle([&works](ApiRequest &req) { return workResponse(works.get(req.actor(), req.param(QStringLiteral("id"))), QString()); });

    router.patch(QStringLiteral("/api/student/works/:id"))
        .allow(rolesFor(Permission::ReviewWorks))
        .jsonBody(schema::object({{"featured", schema::boolean()}}, {"featured"}))
        .summary(Tag, QStringLiteral("Menandai atau melepas karya unggulan"))
        .data(workSchema()).errors({400, 404})
        .handle([&works](ApiRequest &req) {
            const QJsonValue v = req.json.value(QLatin1String("featured"));
            if (!v.isBool())
                return envelope::error(Error::validation({{QStringLiteral("featured"), QStringLiteral("featured harus true atau false.")}}));
            return workResponse(works.setFeatured(req.actor(), req.param(QStringLiteral("id")), v.toBool()),
                                v.toBool() ? QStringLiteral("Karya ditandai unggulan") : QStringLiteral("Tanda unggulan dilepas"));
        });

    router.del(QStringLiteral("/api/student/works/:id"))
        .allow(readers)
        .summary(Tag, QStringLiteral("Menarik karya (siswa: miliknya yang belum unggulan; staf: semua)"))
        .errors({404, 409})
        .handle([&works](ApiRequest &req) {
            auto s = works.remove(req.actor(), req.param(QStringLiteral("id")));
            return s.ok() ? envelope::message(QStringLiteral("Karya dihapus")) : envelope::error(s.error());
        });

    router.get(QStringLiteral("/api/student/works/:id/file"))
        .allow(readers).onWorker()
        .summary(Tag, QStringLiteral("Mengunduh berkas karya (pemiliknya dan staf)"))
        .response(schema::binary()).errors({404})
        .handle([&works](ApiRequest &req) {
            auto f = works.file(req.actor(), req.param(QStringLiteral("id")));
            if (!f.ok())
                return envelope::error(f.error());
            QFile file(f->first);
            if (!file.open(QIODevice::ReadOnly))
                return envelope::error(Error::server(QStringLiteral("stored work missing: ") + f->first));
            HttpResponse r;
            r.body = file.readAll();
            r.setHeader("Content-Type", f->second.fileMime.toLatin1());
            r.setHeader("Content-Disposition", "attachment; filename=\"karya-" + f->second.id.left(8).toLatin1() + '.'
                                                   + f->first.section(QLatin1Char('.'), -1).toLatin1() + '"');
            return r;
        });
}

} // namespace tu
