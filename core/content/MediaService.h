#pragma once
#include "Result.h"
#include "auth/Actor.h"
#include "files/Upload.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

class QIODevice;

namespace tu {

class AuditLog;
class Database;

struct Media {
    QString id, mime, sha256, originalName, fileName, thumbName, thumbMime, thumbSha256, createdBy, createdAt;
    qint64 size = 0;
    int width = 0, height = 0;

    // Stable public addresses served by the API host (ids never change meaning).
    static QString url(const QString &id) { return QStringLiteral("/api/media/") + id; }
    static QString thumbUrl(const QString &id) { return url(id) + QStringLiteral("/thumb"); }
    QJsonObject toJson() const;
};

// A stored file ready to serve: path on disk, type and an ETag.
struct MediaFile {
    QString path, mime, etag;
};

// Images for content (news, teachers' photos, facilities, extracurricular): JPEG, PNG or WebP by
// content, at most 5 MB, decoded once to prove they are images, stored under a generated name,
// with a downscaled copy for lists (at most ThumbSize pixels on the longer side).
class MediaService
{
public:
    static constexpr qint64 MaxBytes = 5 * 1024 * 1024;
    static constexpr int ThumbSize = 480;
    static constexpr qint64 MaxPixels = 50'000'000; // refuses decompression bombs before decoding
    static const QStringList &imageMimes(); // decided by content

    MediaService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve);
    Result<Media> store(const Actor &actor, QIODevice &content, const QString &originalName);
    Result<std::optional<Media>> find(const QString &id);
    Result<MediaFile> file(const QString &id, bool thumb);
    // Accepts a media id or its public URL; empty stays empty.
    static QString idFrom(const QString &idOrUrl);

private:
    Database &m_db;
    AuditLog &m_audit;
    QString m_dir;
    files::DiskReserve m_reserve;
};

} // namespace tu
