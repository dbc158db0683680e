#include "StudentWorkService.h"
#include "audit/AuditedChange.h"
#include "auth/Permissions.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "files/Upload.h"
#include "Text.h"

#include <QFile>
#include <QFileInfo>
#include <optional>
#include <QUrl>

namespace tu {

namespace {
const QString Entity = QStringLiteral("student_work");
const QString Select = QStringLiteral(
    "SELECT w.id, w.student_id, u.name, u.username, w.title, w.description, w.category, w.link, w.file_name, w.file_mime, "
    "w.file_size, w.file_sha256, w.original_name, w.featured, w.created_at, w.updated_at "
    "FROM student_works w LEFT JOIN users u ON u.id = w.student_id");

StudentWork fromRow(const QSqlQuery &q)
{
    StudentWork w;
    w.id = q.value(0).toString();
    w.studentId = q.value(1).toString();
    w.studentName = q.value(2).toString();
    w.studentUsername = q.value(3).toString();
    w.title = q.value(4).toString();
    w.description = q.value(5).toString();
    w.category = q.value(6).toString();
    w.link = q.value(7).toString();
    w.fileName = q.value(8).toString();
    w.fileMime = q.value(9).toString();
    w.fileSize = q.value(10).toLongLong();
    w.fileSha256 = q.value(11).toString();
    w.originalName = q.value(12).toString();
    w.featured = q.value(13).toInt() != 0;
    w.createdAt = q.value(14).toString();
    w.updatedAt = q.value(15).toString();
    return w;
}

QVariant nullable(const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }
} // namespace

QJsonObject StudentWork::toJson() const
{
    QJsonObject o{{"id", id},
                  {"studentId", studentId},
                  {"studentName", studentName},
                  {"studentUsername", studentUsername},
                  {"title", title},
                  {"description", description},
                  {"category", category},
                  {"link", link.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(link)},
                  {"featured", featured},
                  {"createdAt", createdAt},
                  {"updatedAt", updatedAt}};
    if (!fileName.isEmpty())
        o.insert(QStringLiteral("file"), QJsonObject{{"url", QStringLiteral("/api/student/works/%1/file").arg(id)},
                                                     {"mime", fileMime}, {"size", fileSize}, {"name", originalName}});
    else
        o.insert(QStringLiteral("file"), QJsonValue::Null);
    return o;
}

const QStringList &StudentWorkService::fileMimes()
{
    static const QStringList m{QStringLiteral("application/pdf"), QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                               QStringLiteral("image/webp")};
    return m;
}

const QStringList &StudentWorkService::categories()
{
    static const QStringList c{QStringLiteral("tulisan"), QStringLiteral("seni"), QStringLiteral("sains"),
                               QStringLiteral("teknologi"), QStringLiteral("olahraga"), QStringLiteral("lainnya")};
    return c;
}

StudentWorkService::StudentWorkService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve)
    : m_db(db), m_audit(audit), m_dir(std::move(dir)), m_reserve(std::move(reserve))
{
}

Status StudentWorkService::checkQuota(const QString &studentId, qint64 incomingBytes)
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(file_size), 0) FROM student_works WHERE student_id = ?"), {studentId});
    if (!q.ok())
        return q.error();
    const int works = q.value().next() ? q.value().value(0).toInt() : 0;
    const qint64 bytes = q.value().value(1).toLongLong();
    if (works >= MaxWorksPerStudent)
        return Error::conflict(QStringLiteral("Kamu sudah mengirim %1 karya, batas untuk setiap siswa. Tarik karya lama yang "
                                              "tidak diperlukan lagi, lalu kirim karya baru.").arg(MaxWorksPerStudent));
    if (incomingBytes > 0 && bytes + incomingBytes > MaxBytesPerStudent)
        return Error::conflict(QStringLiteral("Berkas karyamu sudah memakai %1 MB dari batas %2 MB untuk setiap siswa. Tarik karya "
                                              "lama yang berberkas besar atau perkecil berkas ini, lalu kirim lagi.")
                                   .arg(bytes / (1024 * 1024)).arg(MaxBytesPerStudent / (1024 * 1024)));
    return {};
}

bool StudentWorkService::isStaff(const Actor &actor)
{
    return may(actor, Permission::ReviewWorks);
}

Result<StudentWork> StudentWorkService::find(const QString &id)
{
    auto r = firstRow<StudentWork>(m_db.exec(Select + QStringLiteral(" WHERE w.id = ?"), {id}), fromRow);
    if (!r.ok())
        return r.error();
    if (!r.value())
        return Error::notFound(QStringLiteral("Karya tidak ditemukan."));
    return *r.value();
}

Result<StudentWorkPage> StudentWorkService::list(const Actor &actor, const StudentWorkFilter &filter)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!isStaff(actor)) {
        where += QStringLiteral(" AND w.student_id = ?");
        binds << actor.userId;
    } else if (!filter.studentId.isEmpty()) {
        where += QStringLiteral(" AND w.student_id = ?");
        binds << filter.studentId;
    }
    if (!filter.category.isEmpty()) {
        where += QStringLiteral(" AND w.category = ?");
        binds << filter.category;
    }
    if (filter.featured) {
        where += QStringLiteral(" AND w.featured = ?");
        binds << (*filter.featured ? 1 : 0);
    }
    if (!filter.q.trimmed().isEmpty()) {
        where += QStringLiteral(" AND LOWER(w.title) LIKE ? ESCAPE '\\'");
        binds << text::likeContains(filter.q);
    }
    auto total = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM student_works w") + where, binds);
    if (!total.ok())
        return total.error();
    StudentWorkPage page;
    page.page = filter.page;
    page.total = total.value().next() ? total.value().value(0).toLongLong() : 0;
    QVariantList pb = binds;
    pb << filter.page.limit << filter.page.offset();
    auto rows = allRows<StudentWork>(m_db.exec(Select + where + QStringLiteral(" ORDER BY w.featured DESC, w.created_at DESC, w.id LIMIT ? OFFSET ?"), pb), fromRow);
    if (!rows.ok())
        return rows.error();
    page.items = rows.value();
    return page;
}

Result<StudentWork> StudentWorkService::get(const Actor &actor, const QString &id)
{
    auto w = find(id);
    if (!w.ok())
        return w.error();
    // Another student's work looks exactly like one that does not exist.
    if (!isStaff(actor) && w->studentId != actor.userId)
        return Error::notFound(QStringLiteral("Karya tidak ditemukan."));
    return w;
}

Result<StudentWork> StudentWorkService::submit(const Actor &actor, const QJsonObject &in, QIODevice *file, const QString &originalName)
{
    if (!hasPermission(actor.role, Permission::SubmitWorks) || actor.userId.isEmpty())
        return Error::forbidden(QStringLiteral("Hanya siswa yang dapat mengirim karya."));
    QHash<QString, QString> f;
    auto str = [&](const char *key) { const QJsonValue v = in.value(QLatin1String(key)); return v.isString() ? v.toString().trimmed() : QString(); };
    StudentWork w;
    w.title = str("title");
    w.description = in.value(QLatin1String("description")).toString();
    if (w.description.trimmed().isEmpty())
        w.description.clear();
    w.category = str("category");
    w.link = str("link");
    if (w.title.isEmpty())
        f.insert(QStringLiteral("title"), QStringLiteral("Judul wajib diisi."));
    else if (w.title.size() > 200)
        f.insert(QStringLiteral("title"), QStringLiteral("Judul paling banyak 200 karakter."));
    else if (text::hasControl(w.title, false))
        f.insert(QStringLiteral("title"), QStringLiteral("Judul mengandung karakter yang tidak diizinkan."));
    if (w.description.size() > 5000)
        f.insert(QStringLiteral("description"), QStringLiteral("Deskripsi paling banyak 5000 karakter."));
    else if (text::hasControl(w.description, true))
        f.insert(QStringLiteral("description"), QStringLiteral("Deskripsi mengandung karakter yang tidak diizinkan."));
    if (!categories().contains(w.category))
        f.insert(QStringLiteral("category"), QStringLiteral("Kategori harus salah satu dari: %1.").arg(categories().join(QStringLiteral(", "))));
    if (!w.link.isEmpty()) {
        const QUrl url(w.link, QUrl::StrictMode);
        if (w.link.size() > 500 || !url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
            f.insert(QStringLiteral("link"), QStringLiteral("Tautan harus alamat web lengkap yang diawali http:// atau https://."));
    }
    if (w.description.isEmpty() && w.link.isEmpty() && !file && !f.contains(QStringLiteral("title")))
        f.insert(QStringLiteral("description"), QStringLiteral("Isi deskripsi, tautan, atau lampirkan berkas karya."));
    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Periksa kembali isian karya."));

    w.id = newId();
    w.studentId = actor.userId;
    w.createdAt = w.updatedAt = nowIso();
    std::optional<files::PendingFile> stored;
    // Checked before the file is written (cheap refusal) and again under the lock below.
    if (auto quota = checkQuota(actor.userId, file ? file->size() : 0); !quota.ok())
        return quota.error();
    if (file) {
        auto mime = files::check(*file, MaxFileBytes, fileMimes());
        if (!mime.ok())
            return mime.error();
        w.fileMime = mime.value();
        w.fileName = w.id + QLatin1Char('.') + files::extensionFor(w.fileMime);
        w.originalName = QFileInfo(originalName).fileName().left(200);
        auto saved = files::PendingFile::save(*file, m_dir + QLatin1Char('/') + w.fileName, m_reserve);
        if (!saved.ok())
            return saved.error();
        stored.emplace(std::move(saved).value());
        w.fileSize = stored->saved().size;
        w.fileSha256 = stored->saved().sha256;
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // The student's row lock queues their concurrent submissions (PostgreSQL; SQLite's write
    // transaction already does), so two at once cannot both slip under the quota.
    if (auto lock = m_db.exec(QStringLiteral("UPDATE users SET id = id WHERE id = ?"), {actor.userId}); !lock.ok())
        return lock.error();
    if (auto quota = checkQuota(actor.userId, w.fileSize); !quota.ok())
        return quota.error();
    auto ins = m_db.exec(QStringLiteral("INSERT INTO student_works (id, student_id, title, description, category, link, file_name, "
                                        "file_mime, file_size, file_sha256, original_name, featured, created_at, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"),
                         {w.id, w.studentId, w.title, nullable(w.description), w.category, nullable(w.link), nullable(w.fileName),
                          nullable(w.fileMime), file ? QVariant(w.fileSize) : QVariant(QMetaType(QMetaType::LongLong)),
                          nullable(w.fileSha256), nullable(w.originalName), w.createdAt, w.updatedAt});
    if (!ins.ok())
        return ins.error();
    w.studentUsername = actor.username;
    if (auto s = m_audit.record(actor, QStringLiteral("create"), Entity, w.id, {}, w.toJson()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    if (stored)
        stored->keep();
    return find(w.id);
}

Result<StudentWork> StudentWorkService::setFeatured(const Actor &actor, const QString &id, bool featured)
{
    if (!isStaff(actor))
        return Error::forbidden(QStringLiteral("Hanya admin dan kesiswaan yang dapat menandai karya unggulan."));
    auto changed = auditedChange(
        m_db, m_audit, actor, {featured ? QStringLiteral("feature") : QStringLiteral("unfeature"), Entity, id}, [&] { return find(id); },
        [&](const StudentWork &before) -> Result<StudentWork> {
            StudentWork after = before;
            after.featured = featured;
            return after;
        },
        [&](const StudentWork &) -> Status {
            auto up = m_db.exec(QStringLiteral("UPDATE student_works SET featured = ?, updated_at = ? WHERE id = ?"), {featured ? 1 : 0, nowIso(), id});
            if (!up.ok())
                return up.error();
            return {};
        },
        [](const StudentWork &w) { return QJsonObject{{"featured", w.featured}}; });
    if (!changed.ok())
        return changed.error();
    return find(id); // as stored, with its new updated_at
}

Status StudentWorkService::remove(const Actor &actor, const QString &id)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto w = get(actor, id);
    if (!w.ok())
        return w.error();
    if (!isStaff(actor) && w->featured)
        return Error::conflict(QStringLiteral("Karya unggulan tidak dapat ditarik. Hubungi kesiswaan bila perlu dihapus."));
    auto del = m_db.exec(QStringLiteral("DELETE FROM student_works WHERE id = ?"), {id});
    if (!del.ok())
        return del.error();
    if (auto s = m_audit.record(actor, QStringLiteral("delete"), Entity, id, w->toJson(), {}); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s;
    // The attachment goes after the row: a crash in between leaves an orphan file, never a row without its file.
    if (!w->fileName.isEmpty())
        QFile::remove(m_dir + QLatin1Char('/') + w->fileName);
    return {};
}

Result<std::pair<QString, StudentWork>> StudentWorkService::file(const Actor &actor, const QString &id)
{
    auto w = get(actor, id);
    if (!w.ok())
        return w.error();
    if (w->fileName.isEmpty())
        return Error::notFound(QStringLiteral("Karya ini tidak memiliki berkas."));
    return std::make_pair(m_dir + QLatin1Char('/') + w->fileName, w.value());
}

} // namespace tu
