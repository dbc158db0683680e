#pragma once
#include "Paging.h"
#include "Result.h"
#include "auth/Actor.h"
#include "files/Upload.h"

#include <QJsonObject>
#include <optional>

class QIODevice;

namespace tu {

class AuditLog;
class Database;

struct StudentWork {
    QString id, studentId, studentName, studentUsername, title, description, category, link;
    QString fileName, fileMime, fileSha256, originalName, createdAt, updatedAt;
    qint64 fileSize = 0;
    bool featured = false;
    QJsonObject toJson() const;
};

struct StudentWorkFilter {
    QString studentId; // staff only; a student always sees their own
    QString category;
    QString q;             // title contains
    std::optional<bool> featured;
    PageRequest page;
};

struct StudentWorkPage {
    QList<StudentWork> items;
    qint64 total = 0;
    PageRequest page;
};

// Student works (docs/school-api.md): a siswa submits works (text, a link and/or a PDF or image up to
// 5 MB) and sees only their own; admin and kesiswaan see all, filter them and mark some
// featured. A student may withdraw a work that is not featured; staff may remove any.
// Each student keeps at most MaxWorksPerStudent works and MaxBytesPerStudent of attachments, so
// one account cannot fill the server's disk; withdrawing a work frees its share.
class StudentWorkService
{
public:
    static constexpr qint64 MaxFileBytes = 5 * 1024 * 1024;
    static constexpr int MaxWorksPerStudent = 50;
    static constexpr qint64 MaxBytesPerStudent = 100 * 1024 * 1024;
    static const QStringList &categories();
    static const QStringList &fileMimes(); // decided by content

    StudentWorkService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve);
    Result<StudentWorkPage> list(const Actor &actor, const StudentWorkFilter &filter);
    Result<StudentWork> get(const Actor &actor, const QString &id);
    // `file` may be null (no attachment).
    Result<StudentWork> submit(const Actor &actor, const QJsonObject &input, QIODevice *file = nullptr,
                               const QString &originalName = {});
    Result<StudentWork> setFeatured(const Actor &actor, const QString &id, bool featured);
    Status remove(const Actor &actor, const QString &id);
    // Path of the attachment, for its owner and staff.
    Result<std::pair<QString, StudentWork>> file(const Actor &actor, const QString &id);

    static bool isStaff(const Actor &actor);

private:
    Result<StudentWork> find(const QString &id);
    // CONFLICT when one more work with `incomingBytes` of attachment would pass the student's quota.
    Status checkQuota(const QString &studentId, qint64 incomingBytes);
    Database &m_db;
    AuditLog &m_audit;
    QString m_dir;
    files::DiskReserve m_reserve;
};

} // namespace tu
