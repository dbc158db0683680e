#include "SatuDataRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "UploadForm.h"
#include "ProgressStream.h"
#include "http/Router.h"
#include "app/Core.h"
#include "satudata/TableFile.h"

#include <QJsonArray>
#include <QTemporaryFile>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Satu Data");

QJsonObject targetSchema() { return schema::oneOf(satudata::targetNames()); }

QJsonObject fileProperties()
{
    return {{"id", schema::uuid()}, {"title", schema::str()}, {"description", schema::str()}, {"period", schema::str("tahun")},
            {"unit", schema::str()}, {"tags", schema::array(schema::str())}, {"kodeindikator", schema::str()},
            {"kodepemda", schema::str()}, {"format", schema::oneOf(tablefile::formats())}, {"originalName", schema::str()},
            {"size", schema::integer()}, {"sha256", schema::str()}, {"columns", schema::array(schema::str())},
            {"rowCount", schema::integer()}, {"verified", schema::boolean()}, {"verifiedBy", schema::str("kosong bila belum")},
            {"verifiedAt", schema::nullable(schema::dateTime())}, {"everSynced", schema::boolean()},
            {"uploadedBy", schema::str()}, {"createdAt", schema::dateTime()}, {"updatedAt", schema::dateTime()}};
}

QJsonObject fileSchema() { return schema::record(fileProperties()); }

// Our knowledge of the file at one target (TargetState); `never` before the first attempt.
QJsonObject stateSchema()
{
    return schema::record({{"status", schema::oneOf(satudata::stateStatuses())}, {"remoteId", schema::nullable(schema::str("id dataset SPLP"))},
                           {"lastSyncAt", schema::nullable(schema::dateTime())}, {"lastAttemptAt", schema::nullable(schema::dateTime())},
                           {"failureClass", schema::nullable(schema::oneOf(satudata::failureClasses()))},
                           {"error", schema::nullable(schema::str())}, {"hint", schema::str("bila gagal: apa yang perlu dilakukan")}},
                          {"hint"});
}

// The file with its state at every target (and, for one file, the first rows).
QJsonObject fileWithStatesSchema(bool withPreview)
{
    QJsonObject p = fileProperties();
    QJsonObject sync;
    for (const QString &t : satudata::targetNames())
        sync.insert(t, stateSchema());
    p.insert(QStringLiteral("sync"), schema::record(sync));
    if (withPreview)
        p.insert(QStringLiteral("preview"), schema::array(schema::array(schema::str())));
    return schema::record(p);
}

QJsonObject metaSchema(bool withFile)
{
    QJsonObject p{{"title", schema::str("maks 200")}, {"description", schema::str("maks 2000")}, {"period", schema::str("tahun, mis. 2025")},
                  {"unit", schema::str()}, {"tags", schema::str("dipisah koma")}, {"kodeindikator", schema::str("SIPD, mis. 1.01.02")},
                  {"kodepemda", schema::str("SIPD, mis. 3404")}};
    if (withFile)
        p.insert(QStringLiteral("file"), schema::binary("CSV atau XLSX, maks 10 MB"));
    return schema::object(p, withFile ? QStringList{"file", "title", "period"} : QStringList{});
}

QJsonObject withStates(const DataFile &f, const QMap<QString, TargetState> &states)
{
    QJsonObject o = f.toJson();
    QJsonObject sync;
    for (const QString &t : satudata::targetNames()) {
        TargetState never; // the same shape as a tried target, so clients read one type
        never.status = QStringLiteral("never");
        sync.insert(t, states.value(t, never).toJson());
    }
    o.insert(QStringLiteral("sync"), sync);
    return o;
}

HttpResponse fileResponse(const Result<DataFile> &f, const QString &message, int status = 200)
{
    return f.ok() ? envelope::ok(f->toJson(), message, {}, status) : envelope::error(f.error());
}

QJsonObject targetsSchema()
{
    return schema::object({{"targets", schema::array(targetSchema())}}, {"targets"});
}

QJsonObject resultSchema()
{
    return schema::object({{"target", targetSchema()}, {"status", schema::oneOf(satudata::resultStatuses())},
                           {"message", schema::str()}, {"remoteId", schema::str("SPLP: id dataset")},
                           {"failureClass", schema::oneOf(satudata::failureClasses(), QStringLiteral("bila gagal"))},
                           {"failureLabel", schema::str("bila gagal")}, {"hint", schema::str("bila gagal atau konflik")},
                           {"rowsOk", schema::integer("SIPD saja")}, {"rowsError", schema::integer("SIPD saja")},
                           {"log", schema::array(schema::map())},
                           {"durationMs", schema::integer()}, {"queued", schema::boolean("masuk antrean coba ulang")}},
                          {"target", "status", "message", "durationMs"});
}

QJsonObject fileResultSchema()
{
    return schema::record({{"fileId", schema::uuid()}, {"title", schema::str()}, {"results", schema::array(resultSchema())}});
}

QJsonObject runSchema()
{
    const QJsonObject counts = schema::record({{"synced", schema::integer()}, {"unchanged", schema::integer()}, {"skipped", schema::integer("belum diverifikasi")},
                                               {"failed", schema::integer()}, {"conflicts", schema::integer()}});
    return schema::record({{"runId", schema::uuid()}, {"trigger", schema::oneOf(satudata::triggers())}, {"targets", schema::array(targetSchema())},
                           {"summary", schema::map(counts)}, {"files", schema::array(fileResultSchema())},
                           {"startedAt", schema::dateTime()}, {"finishedAt", schema::dateTime()}, {"cancelled", schema::boolean()},
                           {"message", schema::str()}, {"error", schema::str("run itu sendiri gagal")}},
                          {"error"});
}

QJsonObject scheduleInputProperties()
{
    return {{"frequency", schema::oneOf(SyncSchedule::frequencies())}, {"weekday", schema::oneOfInt({1, 2, 3, 4, 5, 6, 7}, QStringLiteral("1 Senin … 7 Minggu"))},
            {"time", schema::str("HH:MM, waktu sekolah")}, {"targets", schema::array(targetSchema())}};
}

QJsonObject scheduleSchema()
{
    QJsonObject p = scheduleInputProperties();
    p.insert(QStringLiteral("description"), schema::str("mis. Setiap Senin pukul 07:00"));
    p.insert(QStringLiteral("updatedAt"), schema::nullable(schema::dateTime()));
    p.insert(QStringLiteral("updatedBy"), schema::nullable(schema::str()));
    p.insert(QStringLiteral("nextRun"), schema::nullable(schema::dateTime("null bila off")));
    return schema::record(p);
}

// The schedule with its next run (school time turned to UTC), or null when off.
QJsonObject scheduleJson(SatuDataSync &sync, const SyncSchedule &schedule)
{
    QJsonObject o = schedule.toJson();
    const QDateTime next = sync.nextScheduledRun(schedule);
    o.insert(QStringLiteral("nextRun"), next.isValid() ? QJsonValue(next.toString(Qt::ISODate)) : QJsonValue());
    return o;
}

Result<QStringList> targetsOf(const ApiRequest &req) { return satudata::parseTargets(req.json.value(QLatin1String("targets"))); }

Result<UploadForm> formWithFile(const ApiRequest &req) { return uploadForm(req, QStringLiteral("Pilih berkas CSV atau XLSX.")); }
} // namespace

void registerSatuDataRoutes(Router &router, Core &core)
{
    const QList<Role> &who = rolesFor(Permission::ManageSatuData);
    DataFileService &files = core.dataFiles();
    SatuDataSync &sync = core.satuDataSync();
    const QString base = QStringLiteral("/api/integrations/files");

    router.get(base)
        .allow(who)
        .queryParam(QStringLiteral("q"), QStringLiteral("string"), QStringLiteral("Cari di judul"))
        .queryParam(QStringLiteral("verified"), QStringLiteral("boolean"), QStringLiteral("true | false"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .summary(Tag, QStringLiteral("Daftar berkas data")).data(schema::array(fileWithStatesSchema(false))).paged().errors({400})
        .handle([&files, &sync](ApiRequest &req) {
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
            auto list = sync.filesWithStates(f, &total);
            if (!list.ok())
                return envelope::error(list.error());
            QJsonArray items;
            for (const FileWithStates &d : list.value())
                items.append(withStates(d.file, d.states));
            return envelope::ok(items, QString(), f.page.meta(total));
        });

    router.post(base)
        .allow(who).onWorker().multipartBody(DataFileService::MaxBytes, metaSchema(true))
        .summary(Tag, QStringLiteral("Mengunggah berkas CSV/XLSX (maks 10 MB) beserta keterangannya; diperiksa saat diunggah")).created()
        .data(fileSchema()).errors({400, 413})
        .handle([&files](ApiRequest &req) {
            auto form = formWithFile(req);
            if (!form.ok())
                return envelope::error(form.error());
            return fileResponse(files.upload(req.actor(), *form->file.file, form->file.fileName, form->fieldsJson()), QStringLiteral("Berkas diunggah"), 201);
        });

    router.get(base + QStringLiteral("/:id"))
        .allow(who).onWorker()
        .summary(Tag, QStringLiteral("Satu berkas dengan pratinjau 10 baris pertama (preview)"))
        .data(fileWithStatesSchema(true)).errors({404})
        .handle([&files, &sync](ApiRequest &req) {
            const QString id = req.param(QStringLiteral("id"));
            auto d = files.get(id);
            if (!d.ok())
                return envelope::error(d.error());
            auto rows = files.preview(id);
            auto states = sync.states(id);
            QJsonObject o = withStates(d.value(), states.ok() ? states.value() : QMap<QString, TargetState>{});
            QJsonArray preview;
            if (rows.ok())
                for (const QStringList &r : rows.value())
                    preview.append(QJsonArray::fromStringList(r));
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
        .multipartBody(DataFileService::MaxBytes, schema::object({{"file", schema::binary()}}, {"file"}))
        .summary(Tag, QStringLiteral("Mengganti isi berkas (perlu diverifikasi lagi)"))
        .data(fileSchema()).errors({400, 404, 413})
        .handle([&files](ApiRequest &req) {
            auto form = formWithFile(req);
            if (!form.ok())
                return envelope::error(form.error());
            return fileResponse(files.replace(req.actor(), req.param(QStringLiteral("id")), *form->file.file, form->file.fileName),
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
        .allow(rolesFor(Permission::VerifySatuData)).jsonBody(schema::object({{"verified", schema::boolean("bawaan true; false mencabut verifikasi")}}))
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

    router.post(base + QStringLiteral("/:id/sync"))
        .allow(who).onWorker().jsonBody(targetsSchema())
        .summary(Tag, QStringLiteral("Mengirim satu berkas terverifikasi ke SPLP dan/atau SIPD; hasil per tujuan"))
        .describe(QStringLiteral("Kegagalan di tujuan adalah hasil (status failed dengan failureClass dan hint), bukan galat HTTP. "
                                 "Berkas yang belum diverifikasi: 409."))
        .data(fileResultSchema()).errors({400, 404, 409})
        .handle([&sync](ApiRequest &req) {
            auto targets = targetsOf(req);
            if (!targets.ok())
                return envelope::error(targets.error());
            auto r = sync.syncFile(req.actor(), req.param(QStringLiteral("id")), targets.value());
            if (!r.ok())
                return envelope::error(r.error());
            int ok = 0;
            for (const TargetResult &t : r->results)
                ok += t.ok() ? 1 : 0;
            return envelope::ok(r->toJson(), QStringLiteral("%1 dari %2 tujuan berhasil").arg(ok).arg(r->results.size()));
        });

    router.get(base + QStringLiteral("/:id/conflict"))
        .allow(who)
        .queryEnum(QStringLiteral("target"), {satudata::Splp}, QStringLiteral("Hanya SPLP yang punya konflik"), true)
        .summary(Tag, QStringLiteral("Versi lokal dan versi portal dari dataset yang berkonflik"))
        .data(schema::record({{"fileId", schema::uuid()}, {"target", targetSchema()},
                              {"local", schema::map()}, {"remote", schema::map()}, {"detectedAt", schema::dateTime()}}))
        .errors({404})
        .handle([&sync](ApiRequest &req) {
            const QString target = req.query(QStringLiteral("target"));
            auto c = sync.conflict(req.param(QStringLiteral("id")), target.isEmpty() ? satudata::Splp : target);
            return c.ok() ? envelope::ok(c->toJson()) : envelope::error(c.error());
        });

    router.post(base + QStringLiteral("/:id/resolve"))
        .allow(who).onWorker()
        .jsonBody(schema::object({{"target", schema::oneOf({satudata::Splp})},
                                  {"keep", schema::oneOf({QStringLiteral("local"), QStringLiteral("remote")})}}, {"keep"}))
        .summary(Tag, QStringLiteral("Menyelesaikan konflik: pakai versi lokal (dikirim ulang) atau versi portal (diambil ke berkas)"))
        .data(resultSchema()).errors({400, 404})
        .handle([&sync](ApiRequest &req) {
            const QString target = req.json.value(QLatin1String("target")).toString(satudata::Splp);
            auto r = sync.resolveConflict(req.actor(), req.param(QStringLiteral("id")), target, req.json.value(QLatin1String("keep")).toString());
            return r.ok() ? envelope::ok(r->toJson(), r->message) : envelope::error(r.error());
        });

    const QString all = QStringLiteral("/api/integrations/sync-all");
    router.post(all)
        .allow(who).onWorker().jsonBody(targetsSchema())
        .summary(Tag, QStringLiteral("Mengirim semua berkas terverifikasi; menunggu sampai selesai dan memberi ringkasan per tujuan"))
        .describe(QStringLiteral("Berkas belum diverifikasi dihitung sebagai skipped. Untuk kemajuan langsung pakai GET /api/integrations/sync-all/events."))
        .data(runSchema()).errors({400, 409})
        .handle([&sync](ApiRequest &req) {
            auto targets = targetsOf(req);
            if (!targets.ok())
                return envelope::error(targets.error());
            auto run = sync.runAll(req.actor(), targets.value());
            return run.ok() ? envelope::ok(run->toJson(), run->message()) : envelope::error(run.error());
        });

    router.get(all + QStringLiteral("/events"))
        .allow(who)
        .queryEnum(QStringLiteral("targets"), satudata::targetNames(), QStringLiteral("boleh berulang"), true)
        .summary(Tag, QStringLiteral("Sync semua berkas sebagai server-sent events (bergabung bila sudah berjalan); frame terakhir membawa summary"))
        .data(QJsonObject{{"allOf", QJsonArray{schema::ref(QStringLiteral("Progress")),
                                               schema::object({{"summary", runSchema()}})}}})
        .errors({400, 409})
        .handleStream([&sync](ApiRequest &req, HttpConnection *conn, const HeaderList &headers) {
            QJsonArray raw;
            for (const QString &t : req.queryAll(QStringLiteral("targets")))
                for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    raw.append(part.trimmed());
            const Actor actor = req.actor();
            streamProgress(
                sync.jobs(), conn, headers,
                [&sync, actor, raw]() -> Result<QString> {
                    auto targets = satudata::parseTargets(raw);
                    if (!targets.ok())
                        return targets.error();
                    return sync.startAll(actor, targets.value());
                },
                [&sync] { return QJsonObject{{"summary", sync.lastRun().toJson()}}; });
        });

    router.get(all + QStringLiteral("/status"))
        .allow(who)
        .summary(Tag, QStringLiteral("Apakah sync semua berkas sedang berjalan, kemajuannya, dan ringkasan run terakhir"))
        .data(schema::record({{"running", schema::boolean()}, {"progress", schema::ref(QStringLiteral("Progress"))},
                              {"lastRun", schema::nullable(runSchema())}}))
        .handle([&sync](ApiRequest &) {
            const RunSummary last = sync.lastRun();
            return envelope::ok(QJsonObject{{"running", sync.isRunning()}, {"progress", sync.current().toJson()},
                                            {"lastRun", last.runId.isEmpty() ? QJsonValue() : QJsonValue(last.toJson())}});
        });

    router.post(all + QStringLiteral("/cancel"))
        .allow(who)
        .summary(Tag, QStringLiteral("Membatalkan sync semua berkas (berhenti setelah berkas yang sedang dikirim)"))
        .errors({409})
        .handle([&sync](ApiRequest &) {
            if (!sync.isRunning())
                return envelope::error(Error::conflict(QStringLiteral("Tidak ada sinkronisasi Satu Data yang berjalan.")));
            sync.cancel();
            return envelope::message(QStringLiteral("Pembatalan diminta"));
        });

    router.get(QStringLiteral("/api/integrations/logs"))
        .allow(who)
        .queryParam(QStringLiteral("fileId"), QStringLiteral("string"), QStringLiteral("Satu berkas"))
        .queryEnum(QStringLiteral("target"), satudata::targetNames(), QStringLiteral("Tujuan"))
        .queryEnum(QStringLiteral("status"), satudata::logStatuses(), QStringLiteral("Hasil"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Halaman, mulai 1"))
        .queryParam(QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("Maks 100"))
        .summary(Tag, QStringLiteral("Log tiap percobaan kirim: tujuan, berkas, status, durasi, jawaban sistem tujuan"))
        .data(schema::array(schema::record({{"id", schema::uuid()}, {"runId", schema::nullable(schema::uuid("null: kiriman satu berkas"))},
                                            {"fileId", schema::uuid()}, {"fileTitle", schema::str()},
                                            {"target", targetSchema()}, {"status", schema::oneOf(satudata::logStatuses())},
                                            {"failureClass", schema::nullable(schema::oneOf(satudata::failureClasses()))},
                                            {"message", schema::str()}, {"answer", schema::nullable(schema::str("jawaban mentah, maks 4000 karakter"))},
                                            {"durationMs", schema::integer()}, {"attempt", schema::integer()},
                                            {"actor", schema::nullable(schema::str())}, {"at", schema::dateTime()}})))
        .paged().errors({400})
        .handle([&sync](ApiRequest &req) {
            auto page = PageRequest::parse(req.query(QStringLiteral("page")), req.query(QStringLiteral("limit")), 20);
            if (!page.ok())
                return envelope::error(page.error());
            PushLogFilter f;
            f.fileId = req.query(QStringLiteral("fileId"));
            f.target = req.query(QStringLiteral("target"));
            f.status = req.query(QStringLiteral("status"));
            f.page = page->page;
            f.limit = page->limit;
            if (!f.target.isEmpty() && !satudata::targetNames().contains(f.target))
                return envelope::error(Error::validation({{QStringLiteral("target"), QStringLiteral("target harus %1.").arg(satudata::orList(satudata::targetNames()))}}));
            qint64 total = 0;
            auto logs = sync.logs(f, &total);
            if (!logs.ok())
                return envelope::error(logs.error());
            QJsonArray items;
            for (const PushLogEntry &e : logs.value())
                items.append(e.toJson());
            return envelope::ok(items, QString(), page->meta(total));
        });

    router.get(QStringLiteral("/api/integrations/queue"))
        .allow(who)
        .summary(Tag, QStringLiteral("Antrean coba ulang: kiriman gagal sementara (jaringan, batas permintaan, server) dan kapan dicoba lagi"))
        .data(schema::array(schema::record({{"fileId", schema::uuid()}, {"fileTitle", schema::str()}, {"target", targetSchema()},
                                            {"attempts", schema::integer()}, {"nextAt", schema::dateTime()},
                                            {"failureClass", schema::oneOf(satudata::failureClasses())}, {"lastError", schema::str()}})))
        .handle([&sync](ApiRequest &) {
            auto q = sync.retryQueue();
            if (!q.ok())
                return envelope::error(q.error());
            QJsonArray items;
            for (const RetryItem &i : q.value())
                items.append(i.toJson());
            return envelope::ok(items);
        });

    const QString schedulePath = QStringLiteral("/api/integrations/schedule");
    router.get(schedulePath)
        .allow(who)
        .summary(Tag, QStringLiteral("Jadwal sync otomatis dan waktu jalan berikutnya"))
        .data(scheduleSchema())
        .handle([&sync](ApiRequest &) {
            auto s = sync.schedule();
            return s.ok() ? envelope::ok(scheduleJson(sync, s.value())) : envelope::error(s.error());
        });

    router.put(schedulePath)
        .allow(who).jsonBody(schema::object(scheduleInputProperties()))
        .summary(Tag, QStringLiteral("Mengatur jadwal sync otomatis (harian/mingguan pada jam tertentu, selama program berjalan)"))
        .data(scheduleSchema()).errors({400})
        .handle([&sync](ApiRequest &req) {
            auto s = sync.setSchedule(req.actor(), req.json);
            return s.ok() ? envelope::ok(scheduleJson(sync, s.value()), QStringLiteral("Jadwal disimpan: ") + s->describe())
                          : envelope::error(s.error());
        });
}

} // namespace tu
