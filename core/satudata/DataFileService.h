#pragma once
#include "Paging.h"
#include "Result.h"
#include "TableFile.h"
#include "auth/Actor.h"
#include "files/Upload.h"

#include <QJsonObject>
#include <functional>
#include <optional>

class QIODevice;

namespace tu {

class AuditLog;
class Database;

struct DataFile {
    QString id, title, description, period, unit, kodeIndikator, kodePemda, format, originalName, storedName, sha256;
    QStringList tags, columns;
    qint64 size = 0;
    int rowCount = 0;
    bool verified = false, everSynced = false;
    QString verifiedBy, verifiedAt, uploadedBy, createdAt, updatedAt;
    QJsonObject toJson() const;
};

struct DataFileFilter {
    QString q;
    std::optional<bool> verified;
    PageRequest page;
};

// The data files officers keep for Satu Data (docs/satudata.md): CSV or XLSX up to 10 MB, parsed and
// checked on upload (header row, consistent columns, UTF-8), with the metadata SPLP and SIPD
// need; only admins verify, and only verified files may be published. Changing a verified
// file's content or metadata takes the verification back: what was checked is what goes out.
class DataFileService
{
public:
    static constexpr qint64 MaxBytes = 10 * 1024 * 1024;
    static constexpr int PreviewRows = 10;

    DataFileService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve);
    Result<DataFile> upload(const Actor &actor, QIODevice &content, const QString &originalName, const QJsonObject &meta);
    Result<DataFile> replace(const Actor &actor, const QString &id, QIODevice &content, const QString &originalName);
    Result<DataFile> updateMeta(const Actor &actor, const QString &id, const QJsonObject &meta);
    Status remove(const Actor &actor, const QString &id); // CONFLICT once synced
    Result<DataFile> setVerified(const Actor &actor, const QString &id, bool verified); // admin only
    Result<DataFile> get(const QString &id);
    Result<QList<DataFile>> list(const DataFileFilter &filter, qint64 *total);
    // The table as parsed on upload (stored in the database): reading it never parses the
    // uploaded file again. Files from before that was stored are parsed once and stored.
    Result<Table> table(const QString &id);
    Result<QList<QStringList>> preview(const QString &id); // the first PreviewRows rows
    Status markSynced(const QString &id);
    Result<QList<DataFile>> all(); // every file, oldest first (bulk sync)
    // Conflict resolved in favour of the portal: its title and description replace ours after
    // the same checks as a user's edit, and like any change they take the verification back
    // (the portal's text is not what the admin checked).
    Result<DataFile> adoptRemoteMeta(const Actor &actor, const QString &id, const QString &title, const QString &description);

private:
    Result<DataFile> parseMeta(const QJsonObject &meta, DataFile base);
    Result<DataFile> find(const QString &id);
    Result<Table> parseStoredOnce(const DataFile &file);
    // Read, edit, write and audit one file in one transaction.
    Result<DataFile> change(const Actor &actor, const QString &id, const QString &action,
                            const std::function<Result<DataFile>(const DataFile &)> &edit);
    Database &m_db;
    AuditLog &m_audit;
    QString m_dir;
    files::DiskReserve m_reserve;
};

} // namespace tu
