#include "DapodikRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "ProgressStream.h"
#include "app/Core.h"
#include "dapodik/DapodikRepository.h"
#include "dapodik/DapodikSyncStore.h"
#include "ppdb/Registration.h"

#include <QJsonArray>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Sinkronisasi Dapodik");
const QString DataTag = QStringLiteral("Data Dapodik");

QJsonObject messageSchema() { return schema::record({{"message", schema::str()}}); }

QJsonObject progressSchema() { return schema::ref(QStringLiteral("Progress")); }

// A row of a Dapodik table as synced: upstream values are text (null when Dapodik left them
// out); `active`, `inactive_at` and `synced_at` are ours, and the counts are per page row.
QJsonObject rowSchema(const QStringList &upstreamColumns, const QJsonObject &extra)
{
    QJsonObject p = extra;
    for (const QString &c : upstreamColumns)
        p.insert(c, schema::nullable(schema::str()));
    p.insert(QStringLiteral("active"), schema::boolean("false: tidak ada lagi di Dapodik (hanya dengan inactive=true)"));
    p.insert(QStringLiteral("inactive_at"), schema::nullable(schema::dateTime()));
    p.insert(QStringLiteral("synced_at"), schema::dateTime());
    return schema::record(p);
}

QJsonObject analyticsSchema()
{
    const QJsonObject bucket = schema::array(schema::record({{"kunci", schema::str()}, {"label", schema::str()}, {"jumlah", schema::integer()}}));
    QJsonObject p;
    for (const char *k : {"ptkPerKecamatan", "sekolahPerKecamatan", "statusKepegawaian", "jenisKelamin", "jenisPtk", "bentukPendidikan"})
        p.insert(QLatin1String(k), bucket);
    p.insert(QStringLiteral("totals"), schema::record({{"kecamatan", schema::integer()}, {"sekolah", schema::integer()}, {"ptk", schema::integer()}}));
    QJsonObject ppdb;
    for (const QString &s : Registration::statuses())
        ppdb.insert(s, schema::integer());
    p.insert(QStringLiteral("ppdb"), schema::record(ppdb));
    return schema::record(p);
}

void streamJob(Core &core, HttpConnection *conn, const HeaderList &headers, const std::function<Result<QString>()> &start)
{
    streamProgress(core.dapodik().jobs(), conn, headers, start);
}

Result<DapodikListFilter> filterFrom(const ApiRequest &req)
{
    auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
    if (!page.ok())
        return page.error();
    DapodikListFilter f;
    f.page = page.value();
    f.q = req.query(QStringLiteral("q"));
    f.kodeWilayah = req.query(QStringLiteral("kode_wilayah"));
    f.npsn = req.query(QStringLiteral("npsn"));
    f.status = req.query(QStringLiteral("status_kepegawaian"));
    f.includeInactive = req.query(QStringLiteral("inactive")) == QLatin1String("true");
    if (f.q.size() > 100)
        return Error::validation({{QStringLiteral("q"), QStringLiteral("Kata pencarian paling banyak 100 karakter.")}});
    return f;
}

HttpResponse listResponse(const Result<DapodikListPage> &p)
{
    if (!p.ok())
        return envelope::error(p.error());
    QJsonArray items;
    for (const QJsonObject &o : p->items)
        items.append(o);
    return envelope::ok(items, QString(), p->page.meta(p->total));
}
} // namespace

void registerDapodikRoutes(Router &router, Core &core)
{
    const QList<Role> &who = rolesFor(Permission::SyncDapodik);
    DapodikService &dapodik = core.dapodik();

    router.get(QStringLiteral("/api/sync/metadata"))
        .allow(who)
        .summary(Tag, QStringLiteral("Status sinkronisasi global terakhir: waktu ISO, RUNNING, atau ERROR: …"))
        .response(schema::record({{"id", schema::integer()}, {"key", schema::oneOf({QLatin1String(DapodikSyncStore::LastGlobalSync)})},
                                  {"value", schema::str("waktu ISO sinkronisasi terakhir, RUNNING, ERROR: …, atau kosong")}}))
        .handle([&dapodik](ApiRequest &) {
            auto m = dapodik.lastGlobalSync();
            return m.ok() ? envelope::json(200, m.value()) : envelope::error(m.error());
        });

    router.post(QStringLiteral("/api/sync/ptk"))
        .allow(who).onWorker()
        .jsonBody(schema::object({{"nik", schema::str("16 angka")}, {"npsn", schema::str("8 angka")}}, {"nik", "npsn"}))
        .summary(Tag, QStringLiteral("Memperbarui satu PTK dari Dapodik"))
        .response(messageSchema()).errors({400, 404, 409, 502})
        .handle([&dapodik](ApiRequest &req) {
            auto r = dapodik.syncPtk(req.actor(), req.json.value(QLatin1String("nik")).toString(), req.json.value(QLatin1String("npsn")).toString());
            if (!r.ok())
                return envelope::error(r.error());
            return envelope::json(200, QJsonObject{{"message", QStringLiteral("Sync detail %1 berhasil!").arg(r.value())}});
        });

    router.get(QStringLiteral("/api/sync/global"))
        .allow(who)
        .summary(Tag, QStringLiteral("Global Sync (kecamatan → sekolah → PTK) sebagai server-sent events; bila sedang berjalan, ikut memantau"))
        .describe(QStringLiteral("Setiap frame `data: {message, progress, current?, total?, progressKec?}`; frame terakhir `done: true` "
                                 "dengan `last_sync` (berhasil) atau `error`. Menutup aliran tidak menghentikan sinkronisasi."))
        .data(progressSchema()).errors({409, 502})
        .handleStream([&core](ApiRequest &req, HttpConnection *conn, const HeaderList &headers) {
            const Actor actor = req.actor();
            streamJob(core, conn, headers, [&core, actor] { return core.dapodik().startGlobal(actor); });
        });

    router.get(QStringLiteral("/api/sync/kecamatan"))
        .allow(who)
        .queryParam(QStringLiteral("kode_kecamatan"), QStringLiteral("string"), QStringLiteral("Kode kecamatan, boleh berulang (34.04.01)"), true)
        .summary(Tag, QStringLiteral("Sync kecamatan terpilih sebagai server-sent events"))
        .data(progressSchema()).errors({400, 409, 502})
        .handleStream([&core](ApiRequest &req, HttpConnection *conn, const HeaderList &headers) {
            const Actor actor = req.actor();
            const QStringList codes = req.queryAll(QStringLiteral("kode_kecamatan"));
            streamJob(core, conn, headers, [&core, actor, codes] { return core.dapodik().startKecamatan(actor, codes); });
        });

    router.post(QStringLiteral("/api/sync/all-ptk"))
        .allow(who)
        .summary(Tag, QStringLiteral("Sync PTK semua sekolah yang dikenal, di latar belakang"))
        .response(messageSchema()).errors({409})
        .handle([&dapodik](ApiRequest &req) {
            auto r = dapodik.startAllPtk(req.actor());
            return r.ok() ? envelope::json(200, QJsonObject{{"message", "Sync PTK Turbo (With Max Error Handling) Started!"}}) : envelope::error(r.error());
        });

    router.post(QStringLiteral("/api/sync/all-sekolah"))
        .allow(who)
        .summary(Tag, QStringLiteral("Sync sekolah semua kecamatan yang dikenal, di latar belakang"))
        .response(messageSchema()).errors({409})
        .handle([&dapodik](ApiRequest &req) {
            auto r = dapodik.startAllSekolah(req.actor());
            return r.ok() ? envelope::json(200, QJsonObject{{"message", "Turbo Raw Sync Sekolah dimulai!"}}) : envelope::error(r.error());
        });

    router.post(QStringLiteral("/api/sync/cancel"))
        .allow(who)
        .summary(Tag, QStringLiteral("Membatalkan sinkronisasi yang berjalan (data yang sudah tersimpan tetap; jalankan lagi untuk melanjutkan)"))
        .errors({409})
        .handle([&dapodik](ApiRequest &req) {
            auto s = dapodik.cancel(req.actor());
            return s.ok() ? envelope::message(QStringLiteral("Pembatalan diminta")) : envelope::error(s.error());
        });

    router.get(QStringLiteral("/api/sync/status"))
        .allow(who)
        .summary(Tag, QStringLiteral("Sinkronisasi yang sedang (atau terakhir) berjalan"))
        .data(schema::record({{"running", schema::boolean()}, {"progress", progressSchema()}}))
        .handle([&dapodik](ApiRequest &) {
            return envelope::ok(QJsonObject{{"running", dapodik.jobs().isRunning()}, {"progress", dapodik.jobs().current().toJson()}});
        });

    router.get(QStringLiteral("/api/sync/logs"))
        .allow(who)
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .summary(Tag, QStringLiteral("Riwayat sinkronisasi, terbaru dulu"))
        .data(schema::array(schema::record({{"id", schema::uuid()}, {"kind", schema::oneOf(DapodikSyncStore::kinds())},
                                            {"params", schema::str("kode kecamatan, NIK@NPSN, …")},
                                            {"status", schema::oneOf(DapodikSyncStore::statuses())},
                                            {"startedAt", schema::dateTime()}, {"finishedAt", schema::nullable(schema::dateTime())},
                                            {"startedBy", schema::str()}, {"message", schema::str()}, {"resumed", schema::boolean()},
                                            {"counts", schema::record({{"kecamatan", schema::integer()}, {"sekolah", schema::integer()},
                                                                       {"ptk", schema::integer()}, {"inactive", schema::integer()},
                                                                       {"errors", schema::integer()}})}})))
        .paged().errors({400})
        .handle([&dapodik](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")));
            if (!page.ok())
                return envelope::error(page.error());
            qint64 total = 0;
            auto logs = dapodik.syncLogs(page.value(), &total);
            if (!logs.ok())
                return envelope::error(logs.error());
            QJsonArray items;
            for (const DapodikSyncLogEntry &e : logs.value())
                items.append(e.toJson());
            return envelope::ok(items, QString(), page->meta(total));
        });

    router.get(QStringLiteral("/api/sync/logs/:id/errors"))
        .allow(who)
        .summary(Tag, QStringLiteral("Kesalahan per item satu sinkronisasi"))
        .data(schema::array(schema::record({{"item", schema::str()}, {"message", schema::str()}, {"at", schema::dateTime()}})))
        .handle([&dapodik](ApiRequest &req) {
            auto errors = dapodik.syncLogErrors(req.param(QStringLiteral("id")));
            if (!errors.ok())
                return envelope::error(errors.error());
            QJsonArray items;
            for (const QJsonObject &e : errors.value())
                items.append(e);
            return envelope::ok(items);
        });

    const QList<std::tuple<QString, QString, QJsonObject, std::function<Result<DapodikListPage>(const DapodikListFilter &)>>> lists = {
        {QStringLiteral("kecamatan"), QStringLiteral("Kecamatan hasil sinkronisasi"),
         rowSchema(DapodikRepository::kecamatanColumns(), {{"jumlah_sekolah", schema::integer()}}),
         [&dapodik](const DapodikListFilter &f) { return dapodik.kecamatanList(f); }},
        {QStringLiteral("sekolah"), QStringLiteral("Sekolah hasil sinkronisasi (kode_wilayah, q)"),
         rowSchema(DapodikRepository::sekolahColumns(), {{"jumlah_ptk", schema::integer()}}),
         [&dapodik](const DapodikListFilter &f) { return dapodik.sekolahList(f); }},
        {QStringLiteral("ptk"), QStringLiteral("PTK hasil sinkronisasi (npsn, kode_wilayah, status_kepegawaian, q)"),
         rowSchema(DapodikRepository::ptkColumns(), {{"nama_sekolah", schema::nullable(schema::str())}}),
         [&dapodik](const DapodikListFilter &f) { return dapodik.ptkList(f); }},
    };
    for (const auto &[name, summary, rows, fetch] : lists) {
        router.get(QStringLiteral("/api/dapodik/") + name)
            .allow(who).onWorker()
            .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari nama/kode/NPSN/NIK"))
            .queryParam(QStringLiteral("kode_wilayah"), QStringLiteral("string"), QStringLiteral("Kode kecamatan"))
            .queryParam(QStringLiteral("npsn"), QStringLiteral("string"), QStringLiteral("NPSN sekolah"))
            .queryParam(QStringLiteral("status_kepegawaian"), QStringLiteral("string"), QStringLiteral("PNS, PPPK, …"))
            .queryParam(QStringLiteral("inactive"), QStringLiteral("boolean"), QStringLiteral("true: termasuk yang sudah tidak ada di Dapodik"))
            .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
            .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
            .summary(DataTag, summary)
            .data(schema::array(rows)).paged().errors({400})
            .handle([fetch = fetch](ApiRequest &req) {
                auto f = filterFrom(req);
                return f.ok() ? listResponse(fetch(f.value())) : envelope::error(f.error());
            });
    }

    router.get(QStringLiteral("/api/dashboard/analitik"))
        .allow(who).onWorker()
        .summary(DataTag, QStringLiteral("Analitik dasbor: PTK per kecamatan, status kepegawaian, jenis kelamin, …; jumlah PPDB per status"))
        .data(analyticsSchema())
        .handle([&core](ApiRequest &) {
            auto a = core.dapodik().analytics();
            if (!a.ok())
                return envelope::error(a.error());
            QJsonObject out = a.value();
            RegistrationFilter f;
            f.limit = 1;
            auto ppdb = core.ppdb().list(f);
            QJsonObject counts;
            if (ppdb.ok())
                for (auto it = ppdb->counts.begin(); it != ppdb->counts.end(); ++it)
                    counts.insert(it.key(), it.value());
            out.insert(QStringLiteral("ppdb"), counts);
            return envelope::ok(out);
        });
}

} // namespace tu
