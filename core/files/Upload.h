#pragma once
// Uploaded files, shared by PPDB documents, content media and student works: the type is
// decided by the first bytes (never by the name or the client's Content-Type), and the bytes are
// copied to a generated name with their SHA-256, atomically (QSaveFile).

#include "Result.h"

#include <QStringList>

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
// Copies `content` from its start to `path` (directories created), returning size and hash.
Result<Saved> save(QIODevice &content, const QString &path);

} // namespace tu::files
