#pragma once
// Uploaded files, shared by PPDB documents, content media and student works: the type is
// decided by the first bytes (never by the name or the client's Content-Type), and the bytes are
// copied to a generated name with their SHA-256, atomically (QSaveFile).

#include "Result.h"

#include <QStringList>
#include <functional>

class QIODevice;

namespace tu::files {

// image/jpeg, image/png, image/webp, application/pdf, or empty when none of them.
QString sniffMime(const QByteArray &head);
QString extensionFor(const QString &mime); // jpg, png, webp, pdf
// "JPG, PNG atau PDF" for messages.
QString describe(const QStringList &mimes);

struct Saved {
    qint64 size = 0;
    QString sha256; // hex
};

// Checks size (PAYLOAD_TOO_LARGE over `maxBytes`, VALIDATION_ERROR on `field` when empty) and
// type (UNSUPPORTED_MEDIA_TYPE unless one of `allowed`); returns the sniffed MIME type.
Result<QString> check(QIODevice &content, qint64 maxBytes, const QStringList &allowed, const QString &field = QStringLiteral("file"));
// Free space every upload leaves on the data volume (setting `disk_reserve_mb`), so that a flood
// of uploads cannot fill the disk the database and its logs live on.
struct DiskReserve {
    std::function<qint64()> bytes; // read per upload: a changed setting applies at once; empty: none
    // INSUFFICIENT_STORAGE when storing `incoming` more bytes under `dir` would leave less free
    // space than the reserve. An unreadable volume is not refused (nothing to measure against).
    Status check(const QString &dir, qint64 incoming) const;
};

// Copies `content` from its start to `path` (directories created), returning size and hash;
// refused with INSUFFICIENT_STORAGE, before writing anything, when `reserve` says so.
Result<Saved> save(QIODevice &content, const QString &path, const DiskReserve &reserve);

// A stored file whose database row is not committed yet. Every upload is "store the file, then
// in one transaction insert its row and the audit entry, then commit": whatever fails on the way
// (the insert, the audit, the commit, an early return), the file goes with this object unless
// keep() was called after the commit. Files are written before rows so that a crash leaves at
// worst an orphan file, never a row without its file.
class PendingFile
{
public:
    static Result<PendingFile> save(QIODevice &content, const QString &path, const DiskReserve &reserve);
    PendingFile(PendingFile &&other) noexcept;
    PendingFile &operator=(PendingFile &&other) noexcept;
    PendingFile(const PendingFile &) = delete;
    PendingFile &operator=(const PendingFile &) = delete;
    ~PendingFile();

    const Saved &saved() const { return m_saved; }
    const QString &path() const { return m_path; }
    void keep() { m_path.clear(); } // the row is committed: the file stays

private:
    PendingFile(QString path, Saved saved) : m_path(std::move(path)), m_saved(saved) {}
    QString m_path; // empty: nothing to remove
    Saved m_saved;
};

} // namespace tu::files
