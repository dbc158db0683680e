#pragma once
#include "ContentTypes.h"
#include "Result.h"

#include <QJsonObject>
#include <QVariantList>
#include <optional>

namespace tu {

class Database;

// A stored content item as a JSON object: `id`, `createdBy`, `approved`, `createdAt`,
// `updatedAt` and one key per field of its type holding the stored value (an image field holds
// the media id).
using ContentRecord = QJsonObject;

// A filter the service builds: `where` uses only the type's own column constants and `?`.
struct ContentQuery {
    QString where; // empty: every row
    QVariantList binds;
    QString orderBy;
    int limit = -1;
    qint64 offset = 0;
};

// All SQL about the six content tables, generated from their descriptors.
class ContentRepository
{
public:
    explicit ContentRepository(Database &db) : m_db(db) {}
    Result<std::optional<ContentRecord>> byId(const ContentType &type, const QString &id);
    Result<QList<ContentRecord>> select(const ContentType &type, const ContentQuery &query);
    Result<qint64> count(const ContentType &type, const ContentQuery &query);
    Status insert(const ContentType &type, const ContentRecord &record);
    Status update(const ContentType &type, const ContentRecord &record);
    Result<int> remove(const ContentType &type, const QString &id);

private:
    Database &m_db;
};

} // namespace tu
