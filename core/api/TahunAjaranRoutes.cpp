#include "TahunAjaranRoutes.h"
#include "auth/Permissions.h"
#include "http/Envelope.h"
#include "Paging.h"
#include "http/Router.h"
#include "app/Core.h"

#include <QJsonArray>

namespace tu {

namespace {
const QString Tag = QStringLiteral("Tahun Ajaran");
const QString Base = QStringLiteral("/admin/pendaftaran/master/tahun-ajaran");

QJsonObject recordProperties()
{
    return {{"id_tahun_ajaran", schema::uuid()},
            {"tahun_ajaran", schema::str("TTTT/TTTT+1, contoh 2024/2025")},
            {"periode_awal_pendaftaran", schema::date()},
            {"periode_akhir_pendaftaran", schema::date("setelah tanggal awal")},
            {"sts_aktif", schema::oneOfInt({TahunAjaran::Active, TahunAjaran::Inactive}, QStringLiteral("1 aktif, 2 nonaktif"))},
            {"sts_hapus", schema::oneOfInt({TahunAjaran::Live, TahunAjaran::Trashed}, QStringLiteral("1 data aktif, 2 tempat sampah"))},
            {"updated_at", schema::dateTime()}};
}

// As answered: every key present.
QJsonObject recordSchema() { return schema::record(recordProperties()); }

QJsonObject idSchema() { return schema::object({{"id_tahun_ajaran", schema::uuid()}}, {"id_tahun_ajaran"}); }

HttpResponse record(const Result<TahunAjaran> &r, const QString &message)
{
    return r.ok() ? envelope::ok(r->toJson(), message) : envelope::error(r.error());
}
} // namespace

void registerTahunAjaranRoutes(Router &router, Core &core)
{
    const QList<Role> &staff = rolesFor(Permission::ManageTahunAjaran);

    router.get(Base)
        .allow(staff)
        .summary(Tag, QStringLiteral("Daftar tahun ajaran, terbaru dahulu"))
        .describe(QStringLiteral("Perhatian: sesuai spesifikasi, parameter `page` BUKAN nomor halaman melainkan filter "
                                 "sts_hapus (1 = data aktif, 2 = tempat sampah)."))
        .queryParam(QStringLiteral("filter_aktif"), QStringLiteral("integer"), QStringLiteral("1 = hanya yang aktif, 2 = hanya yang nonaktif, 0 atau kosong = semua"))
        .queryParam(QStringLiteral("page"), QStringLiteral("integer"), QStringLiteral("Filter sts_hapus: 1 = data aktif (bawaan), 2 = tempat sampah"))
        .data(schema::array(recordSchema())).errors({400})
        .handle([&core](ApiRequest &req) {
            auto stsHapus = queryInt(QStringLiteral("page"), req.query(QStringLiteral("page")), 1, 2, 1);
            if (!stsHapus.ok())
                return envelope::error(stsHapus.error());
            auto aktif = queryInt(QStringLiteral("filter_aktif"), req.query(QStringLiteral("filter_aktif")), 0, 2, 0);
            if (!aktif.ok())
                return envelope::error(aktif.error());
            auto list = core.tahunAjaran().list(int(stsHapus.value()), int(aktif.value()));
            if (!list.ok())
                return envelope::error(list.error());
            QJsonArray out;
            for (const TahunAjaran &t : list.value())
                out.append(t.toJson());
            return envelope::ok(out);
        });

    router.post(Base + QStringLiteral("/store"))
        .allow(staff).jsonBody(schema::object(recordProperties(),
                                              {"tahun_ajaran", "periode_awal_pendaftaran", "periode_akhir_pendaftaran", "sts_aktif"}))
        .summary(Tag, QStringLiteral("Membuat (tanpa id) atau mengubah (dengan id) tahun ajaran"))
        .data(recordSchema()).errors({400, 404, 409})
        .handle([&core](ApiRequest &req) {
            return record(core.tahunAjaran().store(req.actor(), req.json), QStringLiteral("Tahun ajaran disimpan"));
        });

    router.post(Base + QStringLiteral("/delete"))
        .allow(staff).jsonBody(idSchema())
        .summary(Tag, QStringLiteral("Memindahkan tahun ajaran ke tempat sampah (sts_hapus 2)"))
        .data(recordSchema()).errors({400, 404, 409})
        .handle([&core](ApiRequest &req) {
            return record(core.tahunAjaran().trash(req.actor(), req.json.value(QLatin1String("id_tahun_ajaran")).toString()),
                          QStringLiteral("Tahun ajaran dipindahkan ke tempat sampah"));
        });

    router.post(Base + QStringLiteral("/restore"))
        .allow(staff).jsonBody(idSchema())
        .summary(Tag, QStringLiteral("Memulihkan tahun ajaran dari tempat sampah"))
        .data(recordSchema()).errors({400, 404, 409})
        .handle([&core](ApiRequest &req) {
            return record(core.tahunAjaran().restore(req.actor(), req.json.value(QLatin1String("id_tahun_ajaran")).toString()),
                          QStringLiteral("Tahun ajaran dipulihkan"));
        });

    // GET because the contract says so; cross-site requests with cookies are refused by the
    // router's policy. `preview=1` is the dry run: what would change, nothing changed.
    const QJsonObject year = recordSchema();
    router.get(Base + QStringLiteral("/get-sync"))
        .allow(staff).onWorker()
        .summary(Tag, QStringLiteral("Sinkronisasi penuh dengan SIAKAD: kirim semua data lokal, ikuti daftar SIAKAD. "
                                     "Dengan preview=1 hanya pratinjau: apa yang akan ditambah, diubah, dan dipindah ke "
                                     "tempat sampah, tanpa mengubah apa pun."))
        .queryParam(QStringLiteral("preview"), QStringLiteral("integer"),
                    QStringLiteral("1: pratinjau saja (add, change, trash, activeBefore/After, applicantsOfActiveYear, fingerprint)"))
        .queryParam(QStringLiteral("expect"), QStringLiteral("string"),
                    QStringLiteral("fingerprint dari pratinjau: ditolak (409) bila daftar SIAKAD sudah berubah sejak itu"))
        .data(schema::object({{"inserted", schema::integer()}, {"updated", schema::integer()},
                              {"trashed", schema::integer()}, {"unchanged", schema::integer()},
                              {"add", schema::array(year)},
                              {"change", schema::array(schema::object({{"before", year}, {"after", year}}))},
                              {"trash", schema::array(year)},
                              {"activeBefore", year}, {"activeAfter", year},
                              {"activeYearLost", schema::boolean()}, {"registrationOpenNow", schema::boolean()},
                              {"applicantsOfActiveYear", schema::integer()},
                              {"needsSecondConfirmation", schema::boolean()},
                              {"fingerprint", schema::str("SHA-256 hex dari daftar SIAKAD")}}))
        .errors({409, 502})
        .handle([&core](ApiRequest &req) {
            if (req.query(QStringLiteral("preview")) == QLatin1String("1")) {
                auto p = core.tahunAjaran().previewSiakadSync(req.actor());
                return p.ok() ? envelope::ok(p->toJson(), QStringLiteral("Pratinjau sinkronisasi SIAKAD; belum ada yang diubah"))
                              : envelope::error(p.error());
            }
            auto s = core.tahunAjaran().syncWithSiakad(req.actor(), req.query(QStringLiteral("expect")).left(128));
            return s.ok() ? envelope::ok(s->toJson(), QStringLiteral("Sinkronisasi SIAKAD selesai")) : envelope::error(s.error());
        });

    router.post(Base + QStringLiteral("/update-from-sync"))
        .publicAccess().rateScope(RateScope::Protected)
        .jsonBody(schema::object(recordProperties()))
        .summary(Tag, QStringLiteral("Webhook SIAKAD: satu data tahun ajaran (header X-API-KEY = SIAKAD_API_KEY)"))
        .data(recordSchema()).errors({400, 401, 409})
        .handle([&core](ApiRequest &req) {
            return record(core.tahunAjaran().webhook(req.http->header("x-api-key"), req.clientIp, req.json),
                          QStringLiteral("Tahun ajaran diperbarui dari SIAKAD"));
        });
}

} // namespace tu
