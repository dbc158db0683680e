#include "TahunAjaranService.h"
#include "auth/ConstantTime.h"
#include "app/SettingsStore.h"
#include "auth/Permissions.h"
#include "audit/AuditedChange.h"
#include "SiakadClient.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace tu {

namespace {
const QString Entity = QStringLiteral("tahun_ajaran");
const QString FNama = QStringLiteral("tahun_ajaran");
const QString FAwal = QStringLiteral("periode_awal_pendaftaran");
const QString FAkhir = QStringLiteral("periode_akhir_pendaftaran");
const QString FAktif = QStringLiteral("sts_aktif");
const QString FHapus = QStringLiteral("sts_hapus");
const QString FId = QStringLiteral("id_tahun_ajaran");

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    return {};
}

QString indoDate(const QDate &d) { return d.toString(QStringLiteral("dd-MM-yyyy")); }

Error notFound() { return Error::notFound(QStringLiteral("Tahun ajaran tidak ditemukan. Muat ulang daftar.")); }
} // namespace

TahunAjaranService::TahunAjaranService(Database &db, AuditLog &audit, const SettingsStore *settings)
    : m_db(db), m_audit(audit), m_settings(settings), m_repo(db) {}

Result<QList<TahunAjaran>> TahunAjaranService::list(int stsHapus, int stsAktif)
{
    return m_repo.list(stsHapus == 2 ? 2 : 1, stsAktif == 1 || stsAktif == 2 ? stsAktif : 0);
}

Result<std::optional<TahunAjaran>> TahunAjaranService::activeYear()
{
    return m_repo.active();
}

Result<TahunAjaran> TahunAjaranService::get(const QString &id)
{
    auto t = m_repo.byId(id);
    if (!t.ok())
        return t.error();
    if (!t.value())
        return notFound();
    return *t.value();
}

Result<TahunAjaran> TahunAjaranService::parse(const QJsonObject &in, bool fromSync)
{
    QHash<QString, QString> f;
    TahunAjaran t;
    t.id = text(in.value(FId));
    if (!t.id.isEmpty()) {
        const QUuid u(t.id);
        if (u.isNull() || t.id.size() != 36)
            f.insert(FId, QStringLiteral("id_tahun_ajaran harus UUID (36 karakter)."));
    } else if (fromSync) {
        f.insert(FId, QStringLiteral("id_tahun_ajaran wajib ada pada data sinkronisasi."));
    }
    static const QRegularExpression yearRe(QStringLiteral("^(\\d{4})/(\\d{4})$"));
    t.nama = text(in.value(FNama));
    const auto m = yearRe.match(t.nama);
    if (t.nama.isEmpty())
        f.insert(FNama, QStringLiteral("Tahun ajaran wajib diisi, contoh 2024/2025."));
    else if (!m.hasMatch() || m.captured(2).toInt() != m.captured(1).toInt() + 1)
        f.insert(FNama, QStringLiteral("Format tahun ajaran harus TTTT/TTTT+1, contoh 2024/2025."));

    auto date = [&](const QString &field, const QString &label, QDate &out) {
        const QString s = text(in.value(field));
        static const QRegularExpression dateRe(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        if (s.isEmpty())
            f.insert(field, QStringLiteral("%1 wajib diisi (format TTTT-BB-HH).").arg(label));
        else if (!dateRe.match(s).hasMatch() || !(out = QDate::fromString(s, Qt::ISODate)).isValid())
            f.insert(field, QStringLiteral("%1 harus tanggal yang benar dengan format TTTT-BB-HH.").arg(label));
    };
    date(FAwal, QStringLiteral("Tanggal awal pendaftaran"), t.awal);
    date(FAkhir, QStringLiteral("Tanggal akhir pendaftaran"), t.akhir);
    if (t.awal.isValid() && t.akhir.isValid() && t.akhir <= t.awal)
        f.insert(FAkhir, QStringLiteral("Tanggal akhir pendaftaran harus setelah tanggal awal."));

    const QString aktif = text(in.value(FAktif));
    if (aktif != QLatin1String("1") && aktif != QLatin1String("2"))
        f.insert(FAktif, QStringLiteral("Status aktif harus 1 (Aktif) atau 2 (Nonaktif)."));
    t.stsAktif = aktif.toInt();
    if (fromSync) {
        const QString hapus = text(in.value(FHapus));
        if (!hapus.isEmpty() && hapus != QLatin1String("1") && hapus != QLatin1String("2"))
            f.insert(FHapus, QStringLiteral("sts_hapus harus 1 atau 2."));
        t.stsHapus = hapus == QLatin1String("2") ? 2 : 1;
        if (t.stsHapus == 2)
            t.stsAktif = 2; // a year in the trash is never the active one
    }
    if (!f.isEmpty())
        return Error::validation(f);
    return t;
}

Status TahunAjaranService::checkAgainstOthers(const TahunAjaran &t)
{
    if (t.inTrash())
        return {};
    auto live = m_repo.list(1);
    if (!live.ok())
        return live.error();
    QHash<QString, QString> f;
    for (const TahunAjaran &o : live.value()) {
        if (o.id == t.id)
            continue;
        if (o.nama == t.nama)
            f.insert(FNama, QStringLiteral("Tahun ajaran %1 sudah ada.").arg(t.nama));
        // Inclusive ranges: touching on the same day is an overlap.
        if (t.awal <= o.akhir && o.awal <= t.akhir && !f.contains(FAwal)) {
            const QString msg = QStringLiteral("Periode pendaftaran bertabrakan dengan tahun ajaran %1 (%2 s.d. %3).")
                                    .arg(o.nama, indoDate(o.awal), indoDate(o.akhir));
            f.insert(FAwal, msg);
            f.insert(FAkhir, msg);
        }
    }
    if (!f.isEmpty())
        return Error::validation(f, f.contains(FAwal) ? f.value(FAwal) : f.value(FNama));
    return {};
}

Result<TahunAjaran> TahunAjaranService::save(const Actor &actor, TahunAjaran t, const QString &action)
{
    // Caller holds the transaction.
    auto existing = m_repo.byId(t.id);
    if (!existing.ok())
        return existing.error();
    if (auto s = checkAgainstOthers(t); !s.ok())
        return s.error();
    const QString now = nowIso();
    if (t.isActive())
        if (auto s = m_repo.deactivateAllExcept(t.id, now); !s.ok())
            return s.error();
    t.updatedAt = now;
    if (existing.value()) {
        t.createdAt = existing.value()->createdAt;
        if (auto s = m_repo.update(t); !s.ok())
            return s.error();
    } else {
        t.createdAt = now;
        if (auto s = m_repo.insert(t); !s.ok())
            return s.error();
    }
    if (auto s = m_audit.record(actor, action, Entity, t.id, existing.value() ? existing.value()->toJson() : QJsonObject(), t.toJson()); !s.ok())
        return s.error();
    return t;
}

Result<TahunAjaran> TahunAjaranService::store(const Actor &actor, const QJsonObject &input)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    auto parsed = parse(input, false);
    if (!parsed.ok())
        return parsed.error();
    TahunAjaran t = parsed.value();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (t.id.isEmpty()) {
        t.id = newId();
    } else {
        auto existing = m_repo.byId(t.id);
        if (!existing.ok())
            return existing.error();
        if (!existing.value())
            return notFound();
        if (existing.value()->inTrash())
            return Error::conflict(QStringLiteral("Tahun ajaran ini ada di tempat sampah. Pulihkan dahulu sebelum mengubahnya."));
    }
    auto saved = save(actor, t, input.value(FId).toString().isEmpty() ? QStringLiteral("create") : QStringLiteral("update"));
    if (!saved.ok())
        return saved;
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return saved;
}

Result<TahunAjaran> TahunAjaranService::trash(const Actor &actor, const QString &id)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    return auditedChange(
        m_db, m_audit, actor, {QStringLiteral("delete"), Entity, id}, [&] { return get(id); },
        [](const TahunAjaran &before) -> Result<TahunAjaran> {
            if (before.inTrash())
                return Error::conflict(QStringLiteral("Tahun ajaran %1 sudah ada di tempat sampah.").arg(before.nama));
            TahunAjaran after = before;
            after.stsHapus = 2;
            after.stsAktif = 2;
            after.updatedAt = nowIso();
            return after;
        },
        [this](const TahunAjaran &after) { return m_repo.update(after); });
}

Result<TahunAjaran> TahunAjaranService::restore(const Actor &actor, const QString &id)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto t = get(id);
    if (!t.ok())
        return t;
    if (!t->inTrash())
        return Error::conflict(QStringLiteral("Tahun ajaran %1 tidak ada di tempat sampah.").arg(t->nama));
    TahunAjaran after = t.value();
    after.stsHapus = 1;
    after.stsAktif = 2; // restored years come back inactive
    auto saved = save(actor, after, QStringLiteral("restore"));
    if (!saved.ok())
        return saved;
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return saved;
}

Result<TahunAjaran> TahunAjaranService::upsertFromSync(const Actor &actor, const QJsonObject &record)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    auto parsed = parse(record, true);
    if (!parsed.ok())
        return parsed.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto saved = save(actor, parsed.value(), QStringLiteral("sync-webhook"));
    if (!saved.ok())
        return saved;
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return saved;
}

Result<SyncSummary> TahunAjaranService::applySiakadList(const Actor &actor, const QList<TahunAjaran> &remote)
{
    // SIAKAD's list must itself satisfy our rules, or nothing is applied.
    QSet<QString> ids;
    int activeCount = 0;
    for (int i = 0; i < remote.size(); ++i) {
        const TahunAjaran &a = remote[i];
        if (ids.contains(a.id))
            return Error::make(ErrorCode::UpstreamError, QStringLiteral("Data SIAKAD tidak valid: id %1 muncul dua kali. Tidak ada perubahan yang disimpan.").arg(a.id));
        ids.insert(a.id);
        if (a.inTrash())
            continue;
        activeCount += a.isActive();
        for (int j = 0; j < i; ++j) {
            const TahunAjaran &b = remote[j];
            if (b.inTrash())
                continue;
            if (a.nama == b.nama || (a.awal <= b.akhir && b.awal <= a.akhir))
                return Error::make(ErrorCode::UpstreamError,
                                   QStringLiteral("Data SIAKAD tidak valid: tahun ajaran %1 dan %2 bertabrakan. Tidak ada perubahan yang disimpan; hubungi pengelola SIAKAD.")
                                       .arg(a.nama, b.nama));
        }
    }
    if (activeCount > 1)
        return Error::make(ErrorCode::UpstreamError, QStringLiteral("Data SIAKAD tidak valid: lebih dari satu tahun ajaran aktif. Tidak ada perubahan yang disimpan."));

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto local = m_repo.list(0);
    if (!local.ok())
        return local.error();
    QHash<QString, TahunAjaran> localById;
    for (const TahunAjaran &t : local.value())
        localById.insert(t.id, t);
    SyncSummary sum;
    const QString now = nowIso();
    // Order matters for the unique indexes: first trash what SIAKAD no longer has and clear
    // the active flag, then write SIAKAD's records.
    for (const TahunAjaran &t : local.value()) {
        if (ids.contains(t.id) || t.inTrash())
            continue;
        TahunAjaran after = t;
        after.stsHapus = 2;
        after.stsAktif = 2;
        after.updatedAt = now;
        if (auto s = m_repo.update(after); !s.ok())
            return s.error();
        if (auto s = m_audit.record(actor, QStringLiteral("sync-trash"), Entity, t.id, t.toJson(), after.toJson()); !s.ok())
            return s.error();
        ++sum.trashed;
    }
    if (auto s = m_repo.deactivateAllExcept(QString(), now); !s.ok())
        return s.error();
    // Live records that will change name or period are parked in the trash first, so no
    // intermediate state trips the unique indexes; each is then written in its final shape.
    for (const TahunAjaran &r : remote) {
        auto it = localById.constFind(r.id);
        if (it != localById.constEnd() && !it->inTrash()) {
            TahunAjaran parked = *it;
            parked.stsHapus = 2;
            parked.stsAktif = 2;
            if (auto s = m_repo.update(parked); !s.ok())
                return s.error();
        }
    }
    for (const TahunAjaran &r : remote) {
        TahunAjaran t = r;
        auto it = localById.constFind(r.id);
        if (it == localById.constEnd()) {
            t.createdAt = t.updatedAt = now;
            if (auto s = m_repo.insert(t); !s.ok())
                return s.error();
            if (auto s = m_audit.record(actor, QStringLiteral("sync-insert"), Entity, t.id, {}, t.toJson()); !s.ok())
                return s.error();
            ++sum.inserted;
        } else {
            t.createdAt = it->createdAt;
            const bool same = it->sameContent(r);
            t.updatedAt = same ? it->updatedAt : now;
            if (auto s = m_repo.update(t); !s.ok())
                return s.error();
            if (same) {
                ++sum.unchanged;
            } else {
                if (auto s = m_audit.record(actor, QStringLiteral("sync-update"), Entity, t.id, it->toJson(), t.toJson()); !s.ok())
                    return s.error();
                ++sum.updated;
            }
        }
    }
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return sum;
}

Result<SyncSummary> TahunAjaranService::syncWithSiakad(const Actor &actor, const QString &expectedFingerprint)
{
    if (!m_settings)
        return Error::server(QStringLiteral("SIAKAD settings not wired"));
    SiakadClient client = SiakadClient::fromSettings(*m_settings);
    return syncWithSiakad(actor, client, expectedFingerprint);
}

Result<SiakadSyncPlan> TahunAjaranService::previewSiakadSync(const Actor &actor)
{
    if (!m_settings)
        return Error::server(QStringLiteral("SIAKAD settings not wired"));
    SiakadClient client = SiakadClient::fromSettings(*m_settings);
    return previewSiakadSync(actor, client);
}

Result<SiakadSyncPlan> TahunAjaranService::previewSiakadSync(const Actor &actor, SiakadClient &client)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    auto local = m_repo.list(0);
    if (!local.ok())
        return local.error();
    auto remote = client.fetch();
    if (!remote.ok())
        return remote.error();
    SiakadSyncPlan plan = SiakadSyncPlan::make(local.value(), remote.value());
    if (plan.activeBefore) {
        const QTimeZone zone = m_settings ? m_settings->schoolZone() : QTimeZone::utc();
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        plan.registrationOpenNow = plan.activeBefore->awal <= today && today <= plan.activeBefore->akhir;
        if (m_applicants) {
            auto n = m_applicants(plan.activeBefore->id);
            if (!n.ok())
                return n.error();
            plan.applicantsOfActiveYear = n.value();
        }
    }
    return plan;
}

Result<TahunAjaran> TahunAjaranService::webhook(const QByteArray &apiKey, const QString &ip, const QJsonObject &record)
{
    const QByteArray expected = m_settings ? m_settings->value(QStringLiteral("siakad_api_key")).toUtf8() : QByteArray();
    if (expected.isEmpty() || !constantTimeEquals(apiKey, expected))
        return Error::unauthorized(QStringLiteral("API key SIAKAD tidak valid."));
    Actor siakad = Actor::system(QStringLiteral("siakad-webhook"));
    siakad.ip = ip;
    return upsertFromSync(siakad, record);
}

Result<SyncSummary> TahunAjaranService::syncWithSiakad(const Actor &actor, SiakadClient &client, const QString &expectedFingerprint)
{
    if (auto p = require(actor, Permission::ManageTahunAjaran); !p.ok())
        return p.error();
    auto local = m_repo.list(0);
    if (!local.ok())
        return local.error();
    auto remote = client.exchange(local.value());
    if (!remote.ok())
        return remote.error();
    if (!expectedFingerprint.isEmpty() && SiakadSyncPlan::fingerprintOf(remote.value()) != expectedFingerprint)
        return Error::conflict(QStringLiteral("Data SIAKAD berubah sejak pratinjau dibuat. Tidak ada yang diubah; "
                                              "buka pratinjau sekali lagi lalu periksa sebelum menerapkan."));
    return applySiakadList(actor, remote.value());
}

} // namespace tu
