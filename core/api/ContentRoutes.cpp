#include "ContentRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "UploadForm.h"
#include "http/Router.h"
#include "app/Core.h"

#include <QFile>
#include <QTemporaryFile>

namespace tu {

namespace {
const QString PublicTag = QStringLiteral("Konten publik");
const QString AdminTag = QStringLiteral("Konten (admin)");

QJsonObject fieldSchema(const ContentField &f)
{
    QString hint = f.label;
    switch (f.kind) {
    case FieldKind::Choice: hint += QStringLiteral(": ") + f.options.join(QStringLiteral(" | ")); break;
    case FieldKind::Date: hint += QStringLiteral(" (Y-m-d)"); break;
    case FieldKind::DateTime: hint += QStringLiteral(" (ISO 8601; tanpa zona = waktu sekolah)"); break;
    case FieldKind::Image: hint += QStringLiteral(" (id media dari POST /api/admin/media, atau URL-nya)"); break;
    case FieldKind::Digits: hint += QStringLiteral(" (%1 angka)").arg(f.digits); break;
    default: hint += QStringLiteral(" (maks %1 karakter)").arg(f.maxLength); break;
    }
    if (f.markup == Markup::Html)
        hint += QStringLiteral("; HTML terbatas, dibersihkan saat disimpan (lihat deskripsi rute)");
    else if (f.markup == Markup::Strip)
        hint += QStringLiteral("; teks biasa: tag HTML dibuang saat disimpan");
    else if (f.kind == FieldKind::Text || f.kind == FieldKind::LongText)
        hint += QStringLiteral("; teks biasa, tampilkan sebagai teks (bukan HTML)");
    // Dates and times are read leniently (see the hint), so only closed choices are an enum here.
    return schema::nullable(f.kind == FieldKind::Choice ? schema::oneOf(f.options, hint) : schema::str(hint));
}

// A field as answered: null when empty (only optional fields are ever empty).
QJsonObject outputFieldSchema(const ContentField &f)
{
    QJsonObject s;
    switch (f.kind) {
    case FieldKind::Choice: s = schema::oneOf(f.options, f.label); break;
    case FieldKind::Date: s = schema::date(f.label); break;
    case FieldKind::DateTime: s = schema::dateTime(f.label); break;
    case FieldKind::Image: s = schema::str(f.label + QStringLiteral(": URL gambar")); break;
    default: s = schema::str(f.label); break;
    }
    return f.required ? s : schema::nullable(s);
}

QJsonObject inputSchema(const ContentType &t, bool forCreate)
{
    QJsonObject props;
    QStringList required;
    for (const ContentField &f : t.fields) {
        props.insert(f.key, fieldSchema(f));
        if (forCreate && f.required)
            required << f.key;
    }
    return schema::object(props, required);
}

enum class View { Staff, Public };

// One item as ContentService::present() answers it: every field (null when empty), image
// fields as URLs with their media id (and, outside lists, the small picture's URL too).
QJsonObject itemSchema(const ContentType &t, View view = View::Staff, bool forList = false)
{
    QJsonObject props;
    for (const ContentField &f : t.fields)
        props.insert(f.key, outputFieldSchema(f));
    props.insert(QStringLiteral("id"), schema::uuid());
    props.insert(QStringLiteral("createdAt"), schema::dateTime());
    props.insert(QStringLiteral("updatedAt"), schema::dateTime());
    if (view == View::Staff)
        props.insert(QStringLiteral("approved"), schema::boolean(t.needsApproval() ? QStringLiteral("false = menunggu persetujuan admin/kesiswaan")
                                                                                     : QStringLiteral("selalu true (jenis ini tanpa persetujuan)")));
    for (const ContentField &f : t.fields)
        if (f.kind == FieldKind::Image) {
            props.insert(f.key, schema::nullable(schema::str(forList ? QStringLiteral("URL gambar kecil") : QStringLiteral("URL gambar"))));
            props.insert(f.key + QStringLiteral("Id"), schema::nullable(schema::uuid("id media")));
            if (!forList)
                props.insert(f.key + QStringLiteral("Thumb"), schema::nullable(schema::str("URL gambar kecil")));
        }
    return schema::record(props);
}

// A public list's items: the keys its listing shows (news: a summary; the rest: whole items).
QJsonObject listingSchema(const ContentType &t)
{
    const QJsonObject whole = itemSchema(t, View::Public, true);
    if (t.listing.keys.isEmpty())
        return whole;
    const QJsonObject props = whole.value(QLatin1String("properties")).toObject();
    QJsonObject shown;
    for (const QString &k : t.listing.keys)
        shown.insert(k, props.value(k));
    return schema::record(shown);
}

QJsonObject mediaSchema()
{
    return schema::record({{"id", schema::uuid()}, {"url", schema::str()}, {"thumbUrl", schema::str()},
                           {"mime", schema::oneOf(MediaService::imageMimes())}, {"size", schema::integer()},
                           {"width", schema::integer()}, {"height", schema::integer()}, {"sha256", schema::str()},
                           {"originalName", schema::str()}, {"createdAt", schema::dateTime()}});
}

Result<ContentFilter> filterFrom(const ApiRequest &req)
{
    auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
    if (!page.ok())
        return page.error();
    ContentFilter f;
    f.page = page.value();
    f.q = req.query(QStringLiteral("q"));
    f.status = req.query(QStringLiteral("status"));
    f.category = req.query(QStringLiteral("category"));
    f.priority = req.query(QStringLiteral("priority"));
    return f;
}

// The stored format, told once per content route in the OpenAPI description.
QString formatNote(const ContentType &t)
{
    QStringList html;
    for (const ContentField &f : t.fields)
        if (f.markup == Markup::Html)
            html << f.key;
    QString note;
    if (!html.isEmpty())
        note = QStringLiteral("Kolom %1 berisi HTML yang dibersihkan saat disimpan. Yang tersisa hanya: p, br, strong, b, em, i, u, ul, ol, li, "
                              "h2, h3, h4, blockquote, table, thead, tbody, tr, th, td (colspan, rowspan), a (href http, https atau mailto; "
                              "rel=\"noopener noreferrer nofollow\" selalu dipasang) dan img (src http, https, /api/media/… atau "
                              "data:image/png|jpeg|webp;base64; alt, width, height). Tag lain dibuang tetapi teksnya tetap; script, style, "
                              "iframe, object, embed, svg, math beserta isinya dibuang; atribut on*, style dan URL javascript:/data: "
                              "lainnya dibuang; entitas ditulis ulang. Kolom teks lain adalah teks biasa: tampilkan sebagai teks. ")
                   .arg(html.join(QStringLiteral(", ")));
    else
        note = QStringLiteral("Semua kolom teks adalah teks biasa: tampilkan sebagai teks, bukan HTML. ");
    if (t.needsApproval())
        note += QStringLiteral("Item yang dibuat atau diubah OSIS tidak tampil di publik sebelum disetujui admin atau kesiswaan "
                               "(`approved`); OSIS hanya boleh mengubah dan menghapus item buatannya sendiri (403).");
    return note;
}

void pagingParams(Route &r)
{
    r.paged();
    r.queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Jumlah per halaman, bawaan 10, maks 100"));
}

HttpResponse pageResponse(const Result<ContentPage> &p)
{
    return p.ok() ? envelope::ok(p->items, QString(), p->meta()) : envelope::error(p.error());
}

HttpResponse mediaFile(Core &core, ApiRequest &req, bool thumb)
{
    auto f = core.media().file(req.param(QStringLiteral("id")), thumb);
    if (!f.ok())
        return envelope::error(f.error());
    HttpResponse r;
    // The bytes behind an id never change: browsers and proxies may keep them for a year.
    r.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    r.setHeader("ETag", f->etag.toLatin1());
    const QByteArray ifNoneMatch = req.http->header("if-none-match");
    if (!ifNoneMatch.isEmpty() && (ifNoneMatch.contains(f->etag.toLatin1()) || ifNoneMatch.trimmed() == "*")) {
        r.status = 304;
        return r;
    }
    QFile file(f->path);
    if (!file.open(QIODevice::ReadOnly))
        return envelope::error(Error::server(QStringLiteral("stored media missing: ") + f->path));
    r.body = file.readAll();
    r.setHeader("Content-Type", f->mime.toLatin1());
    return r;
}
} // namespace

void registerContentRoutes(Router &router, Core &core)
{
    ContentService &content = core.content();
    // --- public: one listing per content type, as its descriptor declares ---------------------
    for (const ContentType &t : content::types()) {
        const PublicListing &l = t.listing;
        const QString base = QStringLiteral("/api/public/") + t.name;
        if (l.shape == PublicListing::Shape::Month) {
            router.get(base)
                .publicAccess()
                .summary(PublicTag, l.summary)
                .queryParam(QStringLiteral("month"), QStringLiteral("integer"), QStringLiteral("1–12"))
                .queryParam(QStringLiteral("year"), QStringLiteral("integer"), QStringLiteral("Tahun, mis. 2025"))
                .data(schema::array(itemSchema(t, View::Public)))
                .meta(schema::record({{"month", schema::integer()}, {"year", schema::integer()}, {"total", schema::integer()}})).errors({400})
                .handle([&content](ApiRequest &req) {
                    auto m = content.publicCalendar(req.query(QStringLiteral("year")), req.query(QStringLiteral("month")));
                    if (!m.ok())
                        return envelope::error(m.error());
                    return envelope::ok(m->events, QString(), QJsonObject{{"month", m->month}, {"year", m->year}, {"total", m->events.size()}});
                });
            continue;
        }
        Route &r = router.get(base)
                       .publicAccess()
                       .summary(PublicTag, l.summary)
                       .describe(formatNote(t))
                       .data(schema::array(listingSchema(t))).errors({400});
        pagingParams(r);
        if (const ContentField *f = t.field(l.filterKey)) {
            if (f->kind == FieldKind::Choice)
                r.queryEnum(f->key, f->options, f->label);
            else
                r.queryParam(f->key, QStringLiteral("string"), f->label);
        }
        r.handle([&content, &t](ApiRequest &req) {
            auto f = filterFrom(req);
            return f.ok() ? pageResponse(content.publicList(t, f.value())) : envelope::error(f.error());
        });
        if (l.detail)
            router.get(base + QStringLiteral("/:id"))
                .publicAccess()
                .summary(PublicTag, QStringLiteral("Satu %1 lengkap (draf, belum disetujui dan id tak dikenal: 404)").arg(t.itemLabel.toLower()))
                .describe(formatNote(t))
                .data(itemSchema(t, View::Public)).errors({404})
                .handle([&content, &t](ApiRequest &req) {
                    auto n = content.publicItem(t, req.param(QStringLiteral("id")));
                    return n.ok() ? envelope::ok(n.value()) : envelope::error(n.error());
                });
    }

    const QJsonObject binary = schema::binary();
    router.get(QStringLiteral("/api/media/:id"))
        .publicAccess().onWorker()
        .summary(PublicTag, QStringLiteral("Gambar asli (ETag, Cache-Control; If-None-Match → 304)"))
        .response(binary).errors({404})
        .handle([&core](ApiRequest &req) { return mediaFile(core, req, false); });
    router.get(QStringLiteral("/api/media/:id/thumb"))
        .publicAccess().onWorker()
        .summary(PublicTag, QStringLiteral("Gambar kecil untuk daftar (sisi terpanjang maks 480 piksel)"))
        .response(binary).errors({404})
        .handle([&core](ApiRequest &req) { return mediaFile(core, req, true); });

    // --- administration ---------------------------------------------------------------
    for (const ContentType &t : content::types()) {
        const QString base = QStringLiteral("/api/admin/content/") + t.name;
        Route &list = router.get(base).allow(t.editors)
                          .summary(AdminTag, QStringLiteral("%1: semua (termasuk draf), dengan pencarian").arg(t.label))
                          .describe(formatNote(t))
                          .data(schema::array(itemSchema(t, View::Staff, true))).errors({400});
        pagingParams(list);
        list.queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari di judul/nama"));
        // A Choice field filters by its options; a free-text category by any text.
        for (const char *key : {"status", "category", "priority"})
            if (const ContentField *f = t.field(QLatin1String(key))) {
                if (f->kind == FieldKind::Choice)
                    list.queryEnum(f->key, f->options, f->label);
                else
                    list.queryParam(f->key, QStringLiteral("string"), f->label);
            }
        list.handle([&content, &t](ApiRequest &req) {
            auto f = filterFrom(req);
            return f.ok() ? pageResponse(content.list(t, f.value())) : envelope::error(f.error());
        });

        Route &create = router.post(base).allow(t.editors).jsonBody(inputSchema(t, true))
                            .summary(AdminTag, QStringLiteral("%1: tambah").arg(t.label)).created()
                            .describe(formatNote(t))
                            .data(itemSchema(t)).errors({400});
        create.handle([&content, &t](ApiRequest &req) {
            auto r = content.create(req.actor(), t, req.json);
            return r.ok() ? envelope::ok(r.value(), QStringLiteral("%1 disimpan").arg(t.itemLabel), {}, 201) : envelope::error(r.error());
        });

        Route &get = router.get(base + QStringLiteral("/:id")).allow(t.editors)
                         .summary(AdminTag, QStringLiteral("%1: satu").arg(t.label))
                         .data(itemSchema(t)).errors({404});
        get.handle([&content, &t](ApiRequest &req) {
            auto r = content.get(t, req.param(QStringLiteral("id")));
            return r.ok() ? envelope::ok(r.value()) : envelope::error(r.error());
        });

        Route &update = router.put(base + QStringLiteral("/:id")).allow(t.editors).jsonBody(inputSchema(t, false))
                            .summary(AdminTag, QStringLiteral("%1: ubah (kunci yang tidak dikirim tetap)").arg(t.label))
                            .describe(formatNote(t))
                            .data(itemSchema(t)).errors({400, 403, 404});
        update.handle([&content, &t](ApiRequest &req) {
            auto r = content.update(req.actor(), t, req.param(QStringLiteral("id")), req.json);
            return r.ok() ? envelope::ok(r.value(), QStringLiteral("%1 diperbarui").arg(t.itemLabel)) : envelope::error(r.error());
        });

        Route &remove = router.del(base + QStringLiteral("/:id")).allow(t.editors)
                            .summary(AdminTag, QStringLiteral("%1: hapus").arg(t.label)).errors({403, 404});
        remove.handle([&content, &t](ApiRequest &req) {
            auto s = content.remove(req.actor(), t, req.param(QStringLiteral("id")));
            return s.ok() ? envelope::message(QStringLiteral("%1 dihapus").arg(t.itemLabel)) : envelope::error(s.error());
        });

        if (t.needsApproval())
            router.post(base + QStringLiteral("/:id/approve")).allow(rolesFor(Permission::ApproveContent))
                .summary(AdminTag, QStringLiteral("%1: setujui item buatan/ubahan OSIS agar tampil di publik").arg(t.label))
                .data(itemSchema(t)).errors({404})
                .handle([&content, &t](ApiRequest &req) {
                    auto r = content.approve(req.actor(), t, req.param(QStringLiteral("id")));
                    return r.ok() ? envelope::ok(r.value(), QStringLiteral("%1 disetujui").arg(t.itemLabel)) : envelope::error(r.error());
                });
    }

    router.post(QStringLiteral("/api/admin/media"))
        .allow(rolesFor(Permission::EditContent)).onWorker()
        .multipartBody(MediaService::MaxBytes, schema::object({{"file", binary}}, {"file"}))
        .summary(AdminTag, QStringLiteral("Mengunggah gambar (JPEG, PNG, WebP menurut isinya; maks 5 MB)")).created()
        .data(mediaSchema())
        .errors({400, 413, 415})
        .handle([&core](ApiRequest &req) {
            auto form = uploadForm(req, QStringLiteral("Berkas gambar wajib diunggah."));
            if (!form.ok())
                return envelope::error(form.error());
            auto m = core.media().store(req.actor(), *form->file.file, form->file.fileName);
            return m.ok() ? envelope::ok(m->toJson(), QStringLiteral("Gambar diunggah"), {}, 201) : envelope::error(m.error());
        });
}

} // namespace tu
