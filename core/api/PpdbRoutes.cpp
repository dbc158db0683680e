#include "PpdbRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "UploadForm.h"
#include "http/Router.h"
#include "app/Core.h"
#include "ppdb/PpdbExport.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryFile>

namespace tu {

namespace {
const QString Tag = QStringLiteral("PPDB");
const QString AdminTag = QStringLiteral("PPDB (admin)");
// Status and NISN lookups answer anyone about sequential numbers and NISNs: their own, stricter
// scope keeps them from being walked.
const QString LookupLimited = QStringLiteral("Terlalu banyak pengecekan status atau NISN. Silakan coba lagi beberapa menit lagi.");

QJsonObject registrationInputSchema()
{
    QJsonObject p;
    for (const char *k : {"fullName", "birthPlace", "religion", "address", "province", "city", "district",
                          "fatherName", "motherName", "previousSchool"})
        p.insert(QLatin1String(k), schema::str());
    p.insert(QStringLiteral("birthDate"), schema::date());
    p.insert(QStringLiteral("gender"), schema::oneOf(Registration::genders(), QStringLiteral("L laki-laki, P perempuan")));
    p.insert(QStringLiteral("religion"), schema::oneOf(PpdbService::religions()));
    p.insert(QStringLiteral("nisn"), schema::str("10 angka"));
    p.insert(QStringLiteral("postalCode"), schema::str("5 angka"));
    for (const char *k : {"fatherPhone", "motherPhone", "phone"})
        p.insert(QLatin1String(k), schema::str("08… atau +628…"));
    p.insert(QStringLiteral("email"), schema::str());
    return schema::object(p, p.keys());
}

QJsonObject registrationProperties()
{
    QJsonObject p = registrationInputSchema().value(QLatin1String("properties")).toObject();
    p.insert(QStringLiteral("id"), schema::uuid());
    p.insert(QStringLiteral("registrationNumber"), schema::str("PPDB-2025-0001"));
    p.insert(QStringLiteral("tahunAjaranId"), schema::uuid());
    p.insert(QStringLiteral("status"), schema::oneOf(Registration::statuses()));
    p.insert(QStringLiteral("source"), schema::oneOf(Registration::sources()));
    p.insert(QStringLiteral("note"), schema::str("Catatan staf (alasan penolakan); boleh kosong"));
    p.insert(QStringLiteral("submittedAt"), schema::dateTime());
    p.insert(QStringLiteral("updatedAt"), schema::dateTime());
    p.insert(QStringLiteral("retries"), schema::integer("Berapa kali mendaftar ulang setelah ditolak"));
    return p;
}

QJsonObject registrationSchema() { return schema::record(registrationProperties()); }

QJsonObject documentSchema()
{
    return schema::record({{"id", schema::uuid()}, {"documentType", schema::oneOf(PpdbService::documentTypes())},
                           {"fileName", schema::str("Nama berkas asli")}, {"mimeType", schema::oneOf(PpdbService::documentMimes())},
                           {"size", schema::integer()}, {"sha256", schema::str()},
                           {"current", schema::boolean("false: versi lama yang disimpan sebagai riwayat")},
                           {"uploadedAt", schema::dateTime()}});
}

QJsonObject registrationDetailSchema()
{
    QJsonObject p = registrationProperties();
    p.insert(QStringLiteral("documents"), schema::array(documentSchema()));
    return schema::record(p);
}

// Registrations per status, every status present (0 when none).
QJsonObject countsSchema()
{
    QJsonObject p;
    for (const QString &s : Registration::statuses())
        p.insert(s, schema::integer());
    return schema::record(p);
}

HttpResponse uploadHandler(Core &core, ApiRequest &req)
{
    auto form = uploadForm(req, QStringLiteral("Berkas wajib diunggah."));
    if (!form.ok())
        return envelope::error(form.error());
    auto d = core.ppdb().upload(req.actor(), form->fields.value(QStringLiteral("registrationId")),
                                form->fields.value(QStringLiteral("documentType")), *form->file.file, form->file.fileName);
    return d.ok() ? envelope::ok(d->toJson(), QStringLiteral("Dokumen berhasil diunggah"), {}, 201) : envelope::error(d.error());
}

QString uploadPolicy()
{
    return QStringLiteral(
               "Pendaftaran disebut dengan registrationId (UUID dari /api/ppdb/register), tidak pernah dengan nomor "
               "pendaftaran (400). Unggah hanya selama status pending (409 bila sudah diverifikasi, diterima atau "
               "ditolak). Per pendaftaran paling banyak %1 unggahan seumur pendaftaran dan %2 MB dokumen tersimpan (409). "
               "Dokumen baru menggantikan dokumen sejenis; %3 versi lama terakhir per jenis disimpan sebagai riwayat, "
               "yang lebih lama dihapus (berkas dan catatannya, tercatat di log audit). 507 bila ruang disk server di "
               "bawah cadangan.")
        .arg(PpdbService::MaxUploadsPerRegistration)
        .arg(PpdbService::MaxStoredBytesPerRegistration / (1024 * 1024))
        .arg(PpdbService::KeepRetiredVersions);
}

Result<RegistrationFilter> filterFrom(const ApiRequest &req)
{
    auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
    if (!page.ok())
        return page.error();
    RegistrationFilter f;
    f.status = req.query(QStringLiteral("status"));
    f.q = req.query(QStringLiteral("q"));
    f.page = page->page;
    f.limit = page->limit;
    return f;
}
} // namespace

void registerPpdbRoutes(Router &router, Core &core)
{
    // --- public -------------------------------------------------------------------------
    router.post(QStringLiteral("/api/ppdb/check-nisn"))
        .publicAccess().jsonBody(schema::object({{"nisn", schema::str("10 angka")}}, {"nisn"}))
        .rateScope(RateScope::Lookup, LookupLimited)
        .summary(Tag, QStringLiteral("Apakah NISN sudah terdaftar"))
        .data(schema::record({{"isRegistered", schema::boolean()}})).errors({400})
        .handle([&core](ApiRequest &req) {
            auto c = core.ppdb().checkNisn(req.json.value(QLatin1String("nisn")).toString());
            return c.ok() ? envelope::ok(QJsonObject{{"isRegistered", c->registered}}) : envelope::error(c.error());
        });

    router.get(QStringLiteral("/api/ppdb/check-nisn"))
        .publicAccess().rateScope(RateScope::Lookup, LookupLimited)
        .summary(Tag, QStringLiteral("Status NISN dan apakah boleh mendaftar ulang"))
        .queryParam(QStringLiteral("nisn"), QStringLiteral("string"), QStringLiteral("10 angka"), true)
        .data(schema::object({{"isRegistered", schema::boolean()}, {"status", schema::oneOf(Registration::statuses(), QStringLiteral("hanya bila terdaftar"))},
                              {"retries", schema::integer("hanya bila terdaftar")}, {"allowRetry", schema::boolean("hanya bila terdaftar")}},
                             {"isRegistered"})).errors({400})
        .handle([&core](ApiRequest &req) {
            auto c = core.ppdb().checkNisn(req.query(QStringLiteral("nisn")));
            if (!c.ok())
                return envelope::error(c.error());
            QJsonObject d{{"isRegistered", c->registered}};
            if (c->registered) {
                d.insert(QStringLiteral("status"), c->status);
                d.insert(QStringLiteral("retries"), c->retries);
                d.insert(QStringLiteral("allowRetry"), c->allowRetry);
            }
            return envelope::ok(d);
        });

    router.post(QStringLiteral("/api/ppdb/register"))
        .publicAccess().onWorker().jsonBody(registrationInputSchema())
        .rateScope(RateScope::Register, QStringLiteral("Terlalu banyak percobaan pendaftaran. Silakan coba lagi nanti."))
        .summary(Tag, QStringLiteral("Mengirim pendaftaran PPDB")).created()
        .data(schema::record({{"registrationId", schema::uuid()}, {"registrationNumber", schema::str("PPDB-2025-0001")}}))
        .errors({400, 403, 409})
        .handle([&core](ApiRequest &req) {
            auto r = core.ppdb().submit(req.actor(), req.json);
            if (!r.ok())
                return envelope::error(r.error());
            return envelope::ok(QJsonObject{{"registrationId", r->id}, {"registrationNumber", r->number}},
                                QStringLiteral("Pendaftaran berhasil"), {}, 201);
        });

    router.get(QStringLiteral("/api/ppdb/status/:registrationNumber"))
        .publicAccess().rateScope(RateScope::Lookup, LookupLimited)
        .summary(Tag, QStringLiteral("Status pendaftaran; nama dan waktu daftar hanya bila ?nisn= cocok"))
        .describe(QStringLiteral("Tanpa NISN yang cocok hanya status yang dijawab: fullName dan submittedAt bernilai null."))
        .queryParam(QStringLiteral("nisn"), QStringLiteral("string"), QStringLiteral("NISN pendaftar untuk melihat nama lengkap"))
        .data(schema::record({{"registrationNumber", schema::str()}, {"status", schema::oneOf(Registration::statuses())},
                              {"fullName", schema::nullable(schema::str("null kecuali nisn cocok"))},
                              {"submittedAt", schema::nullable(schema::dateTime("null kecuali nisn cocok"))}})).errors({404})
        .handle([&core](ApiRequest &req) {
            auto s = core.ppdb().publicStatus(req.param(QStringLiteral("registrationNumber")), req.query(QStringLiteral("nisn")));
            return s.ok() ? envelope::ok(s.value()) : envelope::error(s.error());
        });

    const QJsonObject uploadSchema = schema::object({{"file", schema::binary()},
                                                     {"registrationId", schema::uuid("ID pendaftaran dari /api/ppdb/register, bukan nomor PPDB-…")},
                                                     {"documentType", schema::oneOf(PpdbService::documentTypes())}},
                                                    {"file", "registrationId", "documentType"});
    for (const QString &path : {QStringLiteral("/api/ppdb/upload"), QStringLiteral("/api/ppdb/upload-r2")})
        router.post(path)
            .publicAccess().onWorker().multipartBody(PpdbService::MaxDocumentBytes, uploadSchema)
            .rateScope(RateScope::Upload, QStringLiteral("Terlalu banyak unggahan. Silakan coba lagi nanti."))
            .summary(Tag, QStringLiteral("Mengunggah dokumen pendaftaran (JPG, PNG, PDF; maks 5 MB)"))
            .describe(uploadPolicy()).created()
            .data(documentSchema())
            .errors({400, 404, 409, 413, 415, 507})
            .handle([&core](ApiRequest &req) { return uploadHandler(core, req); });

    // --- administration ---------------------------------------------------------------
    const QList<Role> &staff = rolesFor(Permission::AdministerPpdb);
    router.get(QStringLiteral("/api/admin/ppdb/registrations"))
        .allow(staff)
        .summary(AdminTag, QStringLiteral("Daftar pendaftar dengan jumlah per status di meta.counts"))
        .queryEnum(QStringLiteral("status"), Registration::statuses(), QStringLiteral("Filter status"))
        .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari nama, NISN atau nomor"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman (mulai 1)"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .data(schema::array(registrationSchema())).errors({400})
        .meta(QJsonObject{{"allOf", QJsonArray{schema::ref(QStringLiteral("PageMeta")), schema::record({{"counts", countsSchema()}})}}})
        .handle([&core](ApiRequest &req) {
            const auto f = filterFrom(req);
            if (!f.ok())
                return envelope::error(f.error());
            auto page = core.ppdb().list(f.value());
            if (!page.ok())
                return envelope::error(page.error());
            QJsonArray items;
            for (const Registration &r : page->items)
                items.append(r.toJson());
            QJsonObject meta = envelope::pageMeta(f->page, f->limit, page->total);
            QJsonObject counts;
            for (auto it = page->counts.begin(); it != page->counts.end(); ++it)
                counts.insert(it.key(), it.value());
            meta.insert(QStringLiteral("counts"), counts);
            return envelope::ok(items, QString(), meta);
        });

    router.post(QStringLiteral("/api/admin/ppdb/registrations"))
        .allow(staff).onWorker().jsonBody(registrationInputSchema())
        .summary(AdminTag, QStringLiteral("Pendaftaran langsung di kantor (walk-in) oleh staf")).created()
        .data(registrationSchema()).errors({400, 403, 409})
        .handle([&core](ApiRequest &req) {
            auto r = core.ppdb().submit(req.actor(), req.json, QStringLiteral("walkin"));
            return r.ok() ? envelope::ok(r->toJson(), QStringLiteral("Pendaftaran berhasil"), {}, 201) : envelope::error(r.error());
        });

    router.get(QStringLiteral("/api/admin/ppdb/registrations/:id"))
        .allow(staff)
        .summary(AdminTag, QStringLiteral("Satu pendaftar beserta dokumennya (id atau nomor pendaftaran)"))
        .data(registrationDetailSchema()).errors({404})
        .handle([&core](ApiRequest &req) {
            auto d = core.ppdb().detail(req.param(QStringLiteral("id")));
            if (!d.ok())
                return envelope::error(d.error());
            QJsonObject o = d->registration.toJson();
            QJsonArray docs;
            for (const RegistrationDocument &doc : d->documents)
                docs.append(doc.toJson());
            o.insert(QStringLiteral("documents"), docs);
            return envelope::ok(o);
        });

    router.patch(QStringLiteral("/api/admin/ppdb/registrations/:id/status"))
        .allow(staff).jsonBody(schema::object({{"status", schema::oneOf(Registration::statuses().mid(1))},
                                               {"note", schema::str("wajib saat menolak")}}, {"status"}))
        .summary(AdminTag, QStringLiteral("Mengubah status: pending → verified → accepted | rejected"))
        .data(registrationSchema()).errors({400, 404, 409})
        .handle([&core](ApiRequest &req) {
            auto r = core.ppdb().changeStatus(req.actor(), req.param(QStringLiteral("id")),
                                              req.json.value(QLatin1String("status")).toString(),
                                              req.json.value(QLatin1String("note")).toString());
            return r.ok() ? envelope::ok(r->toJson(), QStringLiteral("Status pendaftaran diperbarui")) : envelope::error(r.error());
        });

    router.get(QStringLiteral("/api/admin/ppdb/registrations/:id/documents/:docId"))
        .allow(staff).onWorker()
        .summary(AdminTag, QStringLiteral("Mengunduh dokumen pendaftar"))
        .response(schema::binary()).errors({404})
        .handle([&core](ApiRequest &req) {
            auto f = core.ppdb().documentFile(req.param(QStringLiteral("id")), req.param(QStringLiteral("docId")));
            if (!f.ok())
                return envelope::error(f.error());
            QFile file(f->first);
            if (!file.open(QIODevice::ReadOnly))
                return envelope::error(Error::server(QStringLiteral("stored document missing: ") + f->first));
            HttpResponse r;
            r.body = file.readAll();
            r.setHeader("Content-Type", f->second.mimeType.toLatin1());
            const QString ext = f->first.section(QLatin1Char('.'), -1);
            r.setHeader("Content-Disposition", "attachment; filename=\"" + f->second.type.toLatin1() + '-' + f->second.id.left(8).toLatin1() + '.' + ext.toLatin1() + '"');
            return r;
        });

    router.get(QStringLiteral("/api/admin/ppdb/export"))
        .allow(staff).onWorker()
        .summary(AdminTag, QStringLiteral("Ekspor pendaftar ke XLSX (bawaan) atau CSV (?format=csv)"))
        .queryEnum(QStringLiteral("format"), {QStringLiteral("xlsx"), QStringLiteral("csv")}, QStringLiteral("Bawaan xlsx"))
        .queryEnum(QStringLiteral("status"), Registration::statuses(), QStringLiteral("Filter status"))
        .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Filter pencarian"))
        .response(schema::binary())
        .handle([&core](ApiRequest &req) {
            // Every page: the export takes the filters only.
            auto rows = core.ppdb().all(RegistrationFilter{req.query(QStringLiteral("status")), req.query(QStringLiteral("q"))});
            if (!rows.ok())
                return envelope::error(rows.error());
            HttpResponse r;
            if (req.query(QStringLiteral("format")) == QLatin1String("csv")) {
                r.body = registrationsCsv(rows.value(), core.settings().schoolZone());
                r.setHeader("Content-Type", "text/csv; charset=utf-8");
                r.setHeader("Content-Disposition", "attachment; filename=\"pendaftar-ppdb.csv\"");
                return r;
            }
            auto xlsx = registrationsXlsx(rows.value(), req.tempDir, core.settings().schoolZone());
            if (!xlsx.ok())
                return envelope::error(xlsx.error());
            r.body = xlsx.value();
            r.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            r.setHeader("Content-Disposition", "attachment; filename=\"pendaftar-ppdb.xlsx\"");
            return r;
        });
}

} // namespace tu
