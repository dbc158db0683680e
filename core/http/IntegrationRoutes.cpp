#include "IntegrationRoutes.h"
#include "Envelope.h"
#include "Multipart.h"
#include "Router.h"
#include "app/Core.h"

#include <QJsonArray>
#include <QTemporaryFile>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Satu Data");

QJsonObject fileSchema()
{
    return schema::object({{"id", schema::str()}, {"title", schema::str()}, {"description", schema::str()}, {"period", schema::str("tahun")},
                           {"unit", schema::str()}, {"tags", schema::array(schema::str())}, {"kodeindikator", schema::str()},
                           {"kodepemda", schema::str()}, {"format", schema::str("csv | xlsx")}, {"columns", schema::array(schema::str())},
                           {"rowCount", schema::integer()}, {"verified", schema::boolean()}, {"verifiedBy", schema::str()},
                           {"verifiedAt", schema::str()}, {"everSynced", schema::boolean()}, {"sha256", schema::str()}});
}

QJsonObject metaSchema(bool withFile)
{
    QJsonObject p{{"title", schema::str("maks 200")}, {"description", schema::str("maks 2000")}, {"period", schema::str("tahun, mis. 2025")},
                  {"unit", schema::str()}, {"tags", schema::str("dipisah koma")}, {"kodeindikator", schema::str("SIPD, mis. 1.01.02")},
                  {"kodepemda", schema::str("SIPD, mis. 3404")}};
    if (withFile)
        p.insert(QStringLiteral("file"), QJsonObject{{"type", "string"}, {"format", "binary"}, {"description", "CSV atau XLSX, maks 10 MB"}});
    return schema::object(p, withFile ? QStringList{"file", "title", "period"} : QStringList{});
}

HttpResponse fileResponse(const Result<DataFile> &f, const QString &message, int status = 200)
{
    return f.ok() ? envelope::ok(f->toJson(), message, {}, status) : envelope::error(f.error());
}

Result<std::pair<MultipartForm, const MultipartFile *>> formWithFile(const ApiRequest &req)
{
    MultipartLimits limits;
    limits.maxFileBytes = DataFileService::MaxBytes;
    auto form = req.multipart(limits);
    if (!form.ok())
        return form.error();
    const MultipartFile *file = form->file(QStringLiteral("file"));
    if (!file)
        return Error::validation({{QStringLiteral("file"), QStringLiteral("Pilih berkas CSV atau XLSX.")}});
    return std::make_pair(form.value(), file);
}
} // namespace

void registerIntegrationRoutes(Router &router, Core &core)
{
    const std::initializer_list<Role> who{Role::Admin, Role::Operator};
    DataFileService &files = core.dataFiles();
    const QString base = QStringLiteral("/api/integrations/files");

    router.get(base)
        .allow(who)
        .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari di judul"))
        .queryParam(QStringLiteral("verified"), QStringLiteral("boolean"), QStringLiteral("true | false"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .summary(Tag, QStringLiteral("Daftar berkas data")).data(schema::array(fileSchema())).errors({400})
        .handle([&files](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
            if (!page.ok())
                return envelope::error(page.error());
            DataFileFilter f;
            f.page = page.value();
            f.q = req.query(QStringLiteral("q"));
            const QString v = req.query(QStringLiteral("verified"));
            if (v == QLatin1String("true") || v == QLatin1String("false"))
                f.verified = v == QLatin1String("true");
            else if (!v.isEmpty())
                return envelope::error(Error::validation({{QStringLiteral("verified"), QStringLiteral("verified harus true atau false.")}}));
            qint64 total = 0;
            auto list = files.list(f, &total);
            if (!list.ok())
                return envelope::error(list.error());
            QJsonArray items;
            for (const DataFile &d : list.value())
                items.append(d.toJson());
            return envelope::ok(items, QString(), f.page.meta(total));
        });

    router.post(base)
        .allow(who).onWorker().multipartBody(DataFileService::MaxBytes, metaSchema(true))
        .summary(Tag, QStringLiteral("Mengunggah berkas CSV/XLSX (maks 10 MB) beserta keterangannya; diperiksa saat diunggah"))
        .data(fileSchema()).errors({400, 413})
        .handle([&files](ApiRequest &req) {
            auto form = formWithFile(req);
            if (!form.ok())
                return envelope::error(form.error());
            QJsonObject meta;
            for (auto it = form->first.fields.begin(); it != form->first.fields.end(); ++it)
                meta.insert(it.key(), it.value());
            return fileResponse(files.upload(req.actor(), *form->second->file, form->second->fileName, meta), QStringLiteral("Berkas diunggah"), 201);
        });

    router.get(base + QStringLiteral("/:id"))
        .allow(who).onWorker()
        .summary(Tag, QStringLiteral("Satu berkas dengan pratinjau 10 baris pertama (preview)"))
        .data(fileSchema()).errors({404})
        .handle([&files](ApiRequest &req) {
            const QString id = req.param(QStringLiteral("id"));
            auto d = files.get(id);
            if (!d.ok())
                return envelope::error(d.error());
            auto table = files.table(id);
            QJsonObject o = d->toJson();
            QJsonArray preview;
            if (table.ok())
                for (int i = 0; i < qMin(int(table->rows.size()), DataFileService::PreviewRows); ++i)
                    preview.append(QJsonArray::fromStringList(table->rows.at(i)));
            o.insert(QStringLiteral("preview"), preview);
            return envelope::ok(o);
        });

    router.put(base + QStringLiteral("/:id"))
        .allow(who).jsonBody(metaSchema(false))
        .summary(Tag, QStringLiteral("Mengubah keterangan berkas (verifikasi dicabut bila berubah)"))
        .data(fileSchema()).errors({400, 404})
        .handle([&files](ApiRequest &req) {
            return fileResponse(files.updateMeta(req.actor(), req.param(QStringLiteral("id")), req.json), QStringLiteral("Keterangan disimpan"));
        });

    router.post(base + QStringLiteral("/:id/replace"))
        .allow(who).onWorker()
        .multipartBody(DataFileService::MaxBytes, schema::object({{"file", QJsonObject{{"type", "string"}, {"format", "binary"}}}}, {"file"}))
        .summary(Tag, QStringLiteral("Mengganti isi berkas (perlu diverifikasi lagi)"))
        .data(fileSchema()).errors({400, 404, 413})
        .handle([&files](ApiRequest &req) {
            auto form = formWithFile(req);
            if (!form.ok())
                return envelope::error(form.error());
            return fileResponse(files.replace(req.actor(), req.param(QStringLiteral("id")), *form->second->file, form->second->fileName),
                                QStringLiteral("Isi berkas diganti; verifikasi ulang sebelum dikirim"));
        });

    router.del(base + QStringLiteral("/:id"))
        .allow(who)
        .summary(Tag, QStringLiteral("Menghapus berkas yang belum pernah dikirim")).errors({404, 409})
        .handle([&files](ApiRequest &req) {
            auto s = files.remove(req.actor(), req.param(QStringLiteral("id")));
            return s.ok() ? envelope::message(QStringLiteral("Berkas dihapus")) : envelope::error(s.error());
        });

    router.post(base + QStringLiteral("/:id/verify"))
        .allow({Role::Admin}).jsonBody(schema::object({{"verified", schema::boolean("bawaan true; false mencabut verifikasi")}}))
        .summary(Tag, QStringLiteral("Memverifikasi (atau mencabut verifikasi) berkas; hanya admin, dicatat siapa dan kapan"))
        .data(fileSchema()).errors({400, 404})
        .handle([&files](ApiRequest &req) {
            const QJsonValue v = req.json.value(QLatin1String("verified"));
            if (!v.isUndefined() && !v.isBool())
                return envelope::error(Error::validation({{QStringLiteral("verified"), QStringLiteral("verified harus true atau false.")}}));
            const bool verified = v.isUndefined() || v.toBool();
            return fileResponse(files.setVerified(req.actor(), req.param(QStringLiteral("id")), verified),
                                verified ? QStringLiteral("Berkas terverifikasi") : QStringLiteral("Verifikasi dicabut"));
        });
}

} // namespace tu
