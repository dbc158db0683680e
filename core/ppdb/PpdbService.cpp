#include "PpdbService.h"
#include "auth/Permissions.h"
#include "academic/TahunAjaranService.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "audit/AuditedChange.h"
#include "db/Database.h"
#include "Paging.h"
#include "files/Upload.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QUuid>

namespace tu {

namespace {
const QString Entity = QStringLiteral("ppdb_registration");

QString statusLabel(const QString &s) { return s.toUpper(); }

// 36 characters, hyphenated, as /api/ppdb/register hands ids out.
bool isUuid(const QString &s)
{
    return s.size() == 36 && !QUuid::fromString(s).isNull();
}
} // namespace

const QStringList &PpdbService::documentTypes()
{
    static const QStringList t{QStringLiteral("photo"), QStringLiteral("ijazah"), QStringLiteral("kk"), QStringLiteral("akta")};
    return t;
}

const QStringList &PpdbService::documentMimes()
{
    static const QStringList m{QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("application/pdf")};
    return m;
}

PpdbService::PpdbService(Database &db, AuditLog &audit, TahunAjaranService &years, SettingsStore &settings, QString uploadDir,
                         files::DiskReserve reserve)
    : m_db(db), m_audit(audit), m_years(years), m_settings(settings), m_repo(db), m_uploadDir(std::move(uploadDir)),
      m_reserve(std::move(reserve))
{
}

QDate PpdbService::today() const
{
    if (m_today)
        return m_today();
    return QDateTime::currentDateTimeUtc().toTimeZone(m_settings.schoolZone()).date();
}

Result<TahunAjaran> PpdbService::openYear()
{
    auto active = m_years.activeYear();
    if (!active.ok())
        return active.error();
    if (!active.value())
        return Error::make(ErrorCode::RegistrationClosed,
                           QStringLiteral("Pendaftaran PPDB belum dibuka: belum ada tahun ajaran aktif."));
    const TahunAjaran &y = *active.value();
    const QDate d = today();
    if (d < y.awal || d > y.akhir)
        return Error::make(ErrorCode::RegistrationClosed,
                           QStringLiteral("Pendaftaran PPDB tahun ajaran %1 hanya dibuka %2 sampai %3.")
                               .arg(y.nama, y.awal.toString(QStringLiteral("dd-MM-yyyy")), y.akhir.toString(QStringLiteral("dd-MM-yyyy"))));
    return y;
}

Result<NisnCheck> PpdbService::checkNisn(const QString &nisn)
{
    static const QRegularExpression nisnRe(QStringLiteral("^\\d{10}$"));
    if (!nisnRe.match(nisn.trimmed()).hasMatch())
        return Error::validation({{QStringLiteral("nisn"), QStringLiteral("NISN harus tepat 10 angka.")}});
    auto active = m_years.activeYear();
    if (!active.ok())
        return active.error();
    auto existing = active.value() ? m_repo.byNisn(active.value()->id, nisn.trimmed()) : m_repo.byNisnAnyYear(nisn.trimmed());
    if (!existing.ok())
        return existing.error();
    NisnCheck c;
    if (existing.value()) {
        c.registered = true;
        c.status = existing.value()->status;
        c.retries = existing.value()->retries;
        c.allowRetry = c.status == QLatin1String("rejected") && c.retries < 1;
    }
    return c;
}

Result<Registration> PpdbService::submit(const Actor &actor, const QJsonObject &input, const QString &source)
{
    auto year = openYear();
    if (!year.ok())
        return year.error();
    auto parsed = parse(input, today());
    if (!parsed.ok())
        return parsed.error();
    Registration r = parsed.value();
    r.tahunAjaranId = year->id;
    r.source = source;

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto existing = m_repo.byNisn(year->id, r.nisn);
    if (!existing.ok())
        return existing.error();
    const QString now = nowIso();
    if (existing.value()) {
        const Registration before = *existing.value();
        if (before.status != QLatin1String("rejected"))
            return Error::conflict(QStringLiteral("NISN sudah terdaftar dan berstatus %1.").arg(statusLabel(before.status)));
        if (before.retries >= 1)
            return Error::conflict(QStringLiteral("Tidak dapat mendaftar ulang lebih dari sekali setelah penolakan."));
        // Re-registration reuses the application; the earlier submission stays in the audit log.
        r.id = before.id;
        r.number = before.number;
        r.retries = before.retries + 1;
        r.status = QStringLiteral("pending");
        r.submittedAt = r.updatedAt = now;
        if (auto s = m_repo.update(r); !s.ok())
            return s.error();
        if (auto s = m_audit.record(actor, QStringLiteral("reregister"), Entity, r.id, before.toJson(), r.toJson()); !s.ok())
            return s.error();
    } else {
        auto seq = m_repo.nextSequence(year->firstYear());
        if (!seq.ok())
            return seq.error();
        r.id = newId();
        r.number = QStringLiteral("PPDB-%1-%2").arg(year->firstYear()).arg(seq.value(), 4, 10, QLatin1Char('0'));
        r.submittedAt = r.updatedAt = now;
        if (auto s = m_repo.insert(r); !s.ok()) {
            // A concurrent submission with the same NISN won the race (unique index).
            tx.rollback(); // gives the sequence number back: no gap
            auto again = m_repo.byNisn(year->id, r.nisn);
            if (again.ok() && again.value())
                return Error::conflict(QStringLiteral("NISN sudah terdaftar dan berstatus %1.").arg(statusLabel(again.value()->status)));
            return s.error();
        }
        if (auto s = m_audit.record(actor, QStringLiteral("register"), Entity, r.id, {}, r.toJson()); !s.ok())
            return s.error();
    }
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return r;
}

Result<QJsonObject> PpdbService::publicStatus(const QString &number, const QString &nisn)
{
    auto r = m_repo.byNumber(number.trimmed());
    if (!r.ok())
        return r.error();
    if (!r.value())
        return Error::notFound(QStringLiteral("Nomor pendaftaran %1 tidak ditemukan. Periksa kembali nomor pada bukti pendaftaran.").arg(number));
    const Registration &reg = *r.value();
    // Numbers are sequential: without the applicant's NISN the answer is the status alone (no
    // name, not even masked — word lengths identify people; no time — it dates each applicant).
    const bool owner = !nisn.trimmed().isEmpty() && nisn.trimmed() == reg.nisn;
    const QJsonValue none(QJsonValue::Null);
    return QJsonObject{{"registrationNumber", reg.number}, {"status", reg.status},
                       {"fullName", owner ? QJsonValue(reg.fullName) : none},
                       {"submittedAt", owner ? QJsonValue(reg.submittedAt) : none}};
}

Result<Registration> PpdbService::find(const QString &idOrNumber)
{
    auto r = idOrNumber.startsWith(QLatin1String("PPDB-")) ? m_repo.byNumber(idOrNumber) : m_repo.byId(idOrNumber);
    if (!r.ok())
        return r.error();
    if (!r.value())
        return Error::notFound(QStringLiteral("Pendaftaran tidak ditemukan."));
    return *r.value();
}

bool PpdbService::isStaff(const Actor &actor)
{
    return actor.isSystem || (!actor.userId.isEmpty() && hasPermission(actor.role, Permission::AdministerPpdb));
}

Result<RegistrationDocument> PpdbService::upload(const Actor &actor, const QString &registration, const QString &type,
                                                 QIODevice &content, const QString &originalName)
{
    const bool staff = isStaff(actor);
    const QString ref = registration.trimmed();
    QHash<QString, QString> f;
    if (ref.isEmpty())
        f.insert(QStringLiteral("registrationId"), QStringLiteral("registrationId wajib diisi: ID pendaftaran dari bukti pendaftaran."));
    else if (!staff && !isUuid(ref))
        // The number is sequential and printed everywhere: naming a registration by it would let
        // anyone replace anyone's documents.
        f.insert(QStringLiteral("registrationId"),
                 QStringLiteral("Gunakan ID pendaftaran (registrationId) yang tertera pada bukti pendaftaran, bukan nomor "
                                "pendaftaran PPDB-…. ID itu diberikan saat pendaftaran berhasil dikirim."));
    if (!documentTypes().contains(type))
        f.insert(QStringLiteral("documentType"), QStringLiteral("Jenis dokumen harus salah satu dari: %1.").arg(documentTypes().join(QStringLiteral(", "))));
    if (!f.isEmpty())
        return Error::validation(f);
    auto mime = files::check(content, MaxDocumentBytes, documentMimes());
    if (!mime.ok())
        return mime.error();
    auto reg = staff ? find(ref) : [&]() -> Result<Registration> {
        auto r = m_repo.byId(ref.toLower());
        if (!r.ok())
            return r.error();
        if (!r.value())
            return Error::notFound(QStringLiteral("Pendaftaran dengan ID ini tidak ditemukan. Periksa ID pada bukti pendaftaran."));
        return *r.value();
    }();
    if (!reg.ok())
        return reg.error();
    // Applicants' rules, checked once before the file is written (cheap refusal) and again
    // inside the transaction, after the registration's row is locked.
    auto applicantRules = [&](const UploadUsage &u, qint64 storedAfter) -> Status {
        if (staff)
            return {};
        if (u.status != QLatin1String("pending"))
            return Error::conflict(QStringLiteral("Pendaftaran %1 sudah berstatus %2, jadi dokumennya tidak dapat diubah lagi. "
                                                  "Hubungi panitia PPDB bila ada dokumen yang perlu diperbaiki.")
                                       .arg(reg->number, statusLabel(u.status)));
        if (u.uploads >= MaxUploadsPerRegistration)
            return Error::conflict(QStringLiteral("Batas %1 kali unggah untuk pendaftaran ini sudah tercapai. Hubungi panitia PPDB "
                                                  "bila masih ada dokumen yang perlu diganti.").arg(MaxUploadsPerRegistration));
        if (storedAfter > MaxStoredBytesPerRegistration)
            return Error::conflict(QStringLiteral("Dokumen pendaftaran ini akan melebihi batas %1 MB. Perkecil berkas (misalnya "
                                                  "pindai dengan resolusi lebih rendah) lalu unggah lagi, atau hubungi panitia PPDB.")
                                       .arg(MaxStoredBytesPerRegistration / (1024 * 1024)));
        return {};
    };
    {
        auto usage = m_repo.uploadUsage(reg->id);
        if (!usage.ok())
            return usage.error();
        if (auto s = applicantRules(usage.value(), 0); !s.ok()) // bytes: judged below, after pruning
            return s.error();
    }

    RegistrationDocument d;
    d.id = newId();
    d.registrationId = reg->id;
    d.type = type;
    d.mimeType = mime.value();
    d.originalName = QFileInfo(originalName).fileName().left(200);
    // Generated: never the client's name.
    d.storedName = reg->id + QLatin1Char('/') + d.id + QLatin1Char('.') + files::extensionFor(d.mimeType);
    d.uploadedAt = nowIso();
    const QString path = m_uploadDir + QLatin1Char('/') + d.storedName;
    auto saved = files::PendingFile::save(content, path, m_reserve);
    if (!saved.ok())
        return saved.error();
    files::PendingFile stored = std::move(saved).value();
    d.size = stored.saved().size;
    d.sha256 = stored.saved().sha256;

    QList<RegistrationDocument> pruned;
    Status done = [&]() -> Status {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        if (!staff)
            if (auto s = m_repo.countUpload(reg->id); !s.ok())
                return s;
        // The earlier upload of the same type stays as history, within the retention policy.
        if (auto s = m_repo.retireDocuments(reg->id, type); !s.ok())
            return s;
        if (auto s = m_repo.insertDocument(d); !s.ok())
            return s;
        auto old = m_repo.retiredBeyond(reg->id, type, KeepRetiredVersions);
        if (!old.ok())
            return old.error();
        for (const RegistrationDocument &o : old.value()) {
            if (auto s = m_repo.deleteDocument(o.id); !s.ok())
                return s;
            if (auto s = m_audit.record(actor, QStringLiteral("prune_document"), Entity, reg->id, o.toJson(), {}); !s.ok())
                return s;
        }
        auto usage = m_repo.uploadUsage(reg->id);
        if (!usage.ok())
            return usage.error();
        UploadUsage before = usage.value();
        before.uploads -= staff ? 0 : 1; // this upload is already counted
        if (auto s = applicantRules(before, usage->storedBytes); !s.ok())
            return s;
        if (auto s = m_audit.record(actor, QStringLiteral("upload"), Entity, reg->id, {}, d.toJson()); !s.ok())
            return s;
        if (auto s = tx.commit(); !s.ok())
            return s;
        pruned = old.value();
        return {};
    }();
    if (!done.ok())
        return done.error();
    stored.keep();
    // Files go after their rows: a crash in between leaves an orphan file, never a row without one.
    for (const RegistrationDocument &o : pruned)
        QFile::remove(m_uploadDir + QLatin1Char('/') + o.storedName);
    return d;
}

Result<int> PpdbService::countInYear(const QString &tahunAjaranId)
{
    return m_repo.countInYear(tahunAjaranId);
}

Result<RegistrationPage> PpdbService::list(const RegistrationFilter &filter)
{
    RegistrationFilter f = filter;
    f.page = qBound(1, f.page, PageRequest::MaxPage);
    f.limit = qBound(1, f.limit, PageRequest::MaxLimit);
    f.q = f.q.simplified().left(100);
    if (!f.status.isEmpty() && !Registration::statuses().contains(f.status))
        return Error::validation({{QStringLiteral("status"), QStringLiteral("Status harus pending, verified, accepted atau rejected.")}});
    return m_repo.list(f);
}

Result<QList<Registration>> PpdbService::all(RegistrationFilter filter)
{
    QList<Registration> out;
    filter.limit = 100;
    for (filter.page = 1;; ++filter.page) {
        auto page = list(filter);
        if (!page.ok())
            return page.error();
        out += page->items;
        if (page->items.size() < filter.limit)
            return out;
    }
}

Result<RegistrationDetail> PpdbService::detail(const QString &idOrNumber)
{
    auto r = find(idOrNumber);
    if (!r.ok())
        return r.error();
    auto docs = m_repo.documents(r->id, false);
    if (!docs.ok())
        return docs.error();
    return RegistrationDetail{r.value(), docs.value()};
}

Result<Registration> PpdbService::changeStatus(const Actor &actor, const QString &idOrNumber, const QString &status, const QString &note)
{
    static const QHash<QString, QStringList> allowed{
        {QStringLiteral("pending"), {QStringLiteral("verified"), QStringLiteral("rejected")}},
        {QStringLiteral("verified"), {QStringLiteral("accepted"), QStringLiteral("rejected")}},
    };
    if (status == Registration::statuses().first() || !Registration::statuses().contains(status)) // never back to pending
        return Error::validation({{QStringLiteral("status"), QStringLiteral("Status baru harus verified, accepted atau rejected.")}});
    if (note.size() > 1000)
        return Error::validation({{QStringLiteral("note"), QStringLiteral("Catatan paling banyak 1000 karakter.")}});
    if (status == QLatin1String("rejected") && note.trimmed().isEmpty())
        return Error::validation({{QStringLiteral("note"), QStringLiteral("Tuliskan alasan penolakan agar calon siswa tahu apa yang harus diperbaiki.")}});
    auto target = find(idOrNumber); // the audit entry names the registration by its id, not its number
    if (!target.ok())
        return target;
    const QString id = target->id;
    return auditedChange(
        m_db, m_audit, actor, {QStringLiteral("status"), Entity, id}, [&] { return find(id); },
        [&](const Registration &before) -> Result<Registration> {
            if (!allowed.value(before.status).contains(status))
                return Error::conflict(QStringLiteral("Status tidak dapat diubah dari %1 ke %2.").arg(statusLabel(before.status), statusLabel(status)));
            Registration after = before;
            after.status = status;
            after.note = note.trimmed();
            after.updatedAt = nowIso();
            return after;
        },
        [this](const Registration &after) { return m_repo.update(after); },
        [](const Registration &r) { return QJsonObject{{"status", r.status}, {"note", r.note}}; });
}

Result<std::pair<QString, RegistrationDocument>> PpdbService::documentFile(const QString &idOrNumber, const QString &docId)
{
    auto r = find(idOrNumber);
    if (!r.ok())
        return r.error();
    auto d = m_repo.document(r->id, docId);
    if (!d.ok())
        return d.error();
    if (!d.value())
        return Error::notFound(QStringLiteral("Dokumen tidak ditemukan."));
    return std::make_pair(m_uploadDir + QLatin1Char('/') + d.value()->storedName, *d.value());
}

} // namespace tu
