#pragma once
#include "Result.h"
#include "Paging.h"
#include "auth/Actor.h"

#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace tu {

class Database;

struct AuditEntry {
    QString id, at, userId, username, ip, action, entity, entityId;
    QJsonObject before, after;
    QJsonObject toJson() const; // includes `area`
};

struct AuditFilter {
    QString userId;
    QString area;     // one of AuditLog::areas(); empty: all
    QString from, to; // Y-m-d, inclusive, in `zone`
    QTimeZone zone = QTimeZone::utc();
    PageRequest page;
};

struct AuditPage {
    QList<AuditEntry> items;
    qint64 total = 0;
    PageRequest page;
};

// Every mutating action by a signed-in user is recorded here. `record` runs on the caller's
// connection, so inside the caller's transaction: the entry exists exactly when the change does.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}
    Status record(const Actor &actor, const QString &action, const QString &entity, const QString &entityId,
                  const QJsonObject &before = {}, const QJsonObject &after = {});
    // Newest first; VALIDATION_ERROR for an unknown area or a bad date range.
    Result<AuditPage> query(const AuditFilter &filter);
    // Areas people filter by (users, settings, tahun_ajaran, ppdb, content, student_works) and
    // the entities each covers.
    static const QStringList &areas();
    static QStringList entitiesOf(const QString &area);
    static QString areaOf(const QString &entity); // OtherArea for an entity of no area
    static constexpr const char *OtherArea = "lainnya";
    static QString areaLabel(const QString &area); // Indonesian

    Result<QList<AuditEntry>> recent(int limit, const QString &entity = {}, const QString &entityId = {});

private:
    Database &m_db;
};

} // namespace tu
