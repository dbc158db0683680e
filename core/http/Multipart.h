#pragma once
#include "Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>

class QIODevice;
class QTemporaryFile;

namespace tu {

struct MultipartFile {
    QString fieldName;
    QString fileName;      // as the client named it: informative only, never trusted
    QString contentType;   // as the client declared it: never trusted
    qint64 size = 0;
    std::shared_ptr<QTemporaryFile> file; // positioned at 0
};

struct MultipartForm {
    QHash<QString, QString> fields;
    QList<MultipartFile> files;
    const MultipartFile *file(const QString &fieldName) const;
};

struct MultipartLimits {
    qint64 maxFileBytes = 5 * 1024 * 1024;
    int maxFieldBytes = 64 * 1024;
    int maxParts = 20;
    int maxPartHeaderBytes = 8 * 1024;
};

// Streaming multipart/form-data parser: reads the body in chunks and writes each file part
// straight to its own temporary file, so memory stays small whatever the upload size. A file
// over maxFileBytes is PAYLOAD_TOO_LARGE; a malformed body is VALIDATION_ERROR.
Result<MultipartForm> parseMultipart(QIODevice &body, const QByteArray &contentTypeHeader,
                                     const MultipartLimits &limits, const QString &tempDir);

} // namespace tu
