#include "MediaService.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "files/Upload.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

namespace tu {

namespace {
const QString Columns = QStringLiteral("id, mime, size_bytes, sha256, width, height, original_name, file_name, thumb_name, "
                                       "thumb_mime, thumb_sha256, created_by, created_at");
Media fromRow(const QSqlQuery &q)
{
    Media m;
    m.id = q.value(0).toString();
    m.mime = q.value(1).toString();
    m.size = q.value(2).toLongLong();
    m.sha256 = q.value(3).toString();
    m.width = q.value(4).toInt();
    m.height = q.value(5).toInt();
    m.originalName = q.value(6).toString();
    m.fileName = q.value(7).toString();
    m.thumbName = q.value(8).toString();
    m.thumbMime = q.value(9).toString();
    m.thumbSha256 = q.value(10).toString();
    m.createdBy = q.value(11).toString();
    m.createdAt = q.value(12).toString();
    return m;
}
} // namespace

const QStringList &MediaService::imageMimes()
{
    static const QStringList m{QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/webp")};
    return m;
}

QJsonObject Media::toJson() const
{
    return {{"id", id}, {"url", url(id)}, {"thumbUrl", thumbUrl(id)}, {"mime", mime}, {"size", size},
            {"width", width}, {"height", height}, {"sha256", sha256}, {"originalName", originalName}, {"createdAt", createdAt}};
}

MediaService::MediaService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve)
    : m_db(db), m_audit(audit), m_dir(std::move(dir)), m_reserve(std::move(reserve))
{
}

QString MediaService::idFrom(const QString &idOrUrl)
{
    QString s = idOrUrl.trimmed();
    if (s.startsWith(QLatin1String("/api/media/")))
        s = s.mid(11).section(QLatin1Char('/'), 0, 0);
    return s;
}

Result<Media> MediaService::store(const Actor &actor, QIODevice &content, const QString &originalName)
{
    auto mime = files::check(content, MaxBytes, imageMimes());
    if (!mime.ok())
        return mime.error();
    const QString notImage = QStringLiteral("Berkas bukan gambar yang utuh. Simpan ulang gambar sebagai JPG, PNG atau WebP lalu unggah lagi.");
    content.seek(0);
    QImageReader reader(&content);
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return Error::make(ErrorCode::UnsupportedMediaType, notImage);
    if (qint64(size.width()) * size.height() > MaxPixels)
        return Error::validation({{QStringLiteral("file"), QStringLiteral("Resolusi gambar terlalu besar (maks 50 megapiksel).")}},
                                 QStringLiteral("Resolusi gambar terlalu besar. Perkecil gambar lalu unggah lagi."));
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return Error::make(ErrorCode::UnsupportedMediaType, notImage);

    Media m;
    m.id = newId();
    m.mime = mime.value();
    m.width = image.width();
    m.height = image.height();
    m.originalName = QFileInfo(originalName).fileName().left(200);
    m.fileName = m.id + QLatin1Char('.') + files::extensionFor(m.mime);
    m.createdBy = actor.userId;
    m.createdAt = nowIso();
    auto saved = files::PendingFile::save(content, m_dir + QLatin1Char('/') + m.fileName, m_reserve);
    if (!saved.ok())
        return saved.error();
    files::PendingFile original = std::move(saved).value();
    m.size = original.saved().size;
    m.sha256 = original.saved().sha256;

    // The copy for lists: JPEG unless the picture has transparency.
    const QImage thumb = (image.width() > ThumbSize || image.height() > ThumbSize)
        ? image.scaled(ThumbSize, ThumbSize, Qt::KeepAspectRatio, Qt::SmoothTransformation) : image;
    const bool alpha = thumb.hasAlphaChannel();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!thumb.save(&buffer, alpha ? "PNG" : "JPEG", alpha ? -1 : 82))
        return Error::server(QStringLiteral("thumbnail encoding failed"));
    m.thumbMime = alpha ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
    m.thumbName = m.id + QStringLiteral("-thumb.") + (alpha ? QStringLiteral("png") : QStringLiteral("jpg"));
    buffer.close();
    buffer.open(QIODevice::ReadOnly);
    auto thumbSaved = files::PendingFile::save(buffer, m_dir + QLatin1Char('/') + m.thumbName, m_reserve);
    if (!thumbSaved.ok())
        return thumbSaved.error();
    files::PendingFile thumbFile = std::move(thumbSaved).value();
    m.thumbSha256 = thumbFile.saved().sha256;

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto ins = m_db.exec(QStringLiteral("INSERT INTO media (") + Columns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         {m.id, m.mime, m.size, m.sha256, m.width, m.height, m.originalName, m.fileName, m.thumbName,
                          m.thumbMime, m.thumbSha256, m.createdBy.isEmpty() ? QVariant() : m.createdBy, m.createdAt});
    if (!ins.ok())
        return ins.error();
    if (auto s = m_audit.record(actor, QStringLiteral("upload"), QStringLiteral("media"), m.id, {}, m.toJson()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    original.keep();
    thumbFile.keep();
    return m;
}

Result<std::optional<Media>> MediaService::find(const QString &id)
{
    return firstRow<Media>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM media WHERE id = ?"), {id}), fromRow);
}

Result<MediaFile> MediaService::file(const QString &id, bool thumb)
{
    auto m = find(id);
    if (!m.ok())
        return m.error();
    if (!m.value())
        return Error::notFound(QStringLiteral("Gambar tidak ditemukan."));
    const Media &media = *m.value();
    MediaFile f;
    f.path = m_dir + QLatin1Char('/') + (thumb ? media.thumbName : media.fileName);
    f.mime = thumb ? media.thumbMime : media.mime;
    f.etag = QLatin1Char('"') + (thumb ? media.thumbSha256 : media.sha256) + QLatin1Char('"');
    return f;
}

} // namespace tu
