#pragma once
#include "Result.h"
#include "TahunAjaran.h"

#include <QList>
#include <optional>

namespace tu {

class Database;

// All SQL about tahun ajaran.
class TahunAjaranRepository
{
public:
    explicit TahunAjaranRepository(Database &db) : m_db(db) {}
    // stsHapus / stsAktif 0 = any. Newest first.
    Result<QList<TahunAjaran>> list(int stsHapus = 0, int stsAktif = 0);
    Result<std::optional<TahunAjaran>> byId(const QString &id);
    Result<std::optional<TahunAjaran>> active();
    Status insert(const TahunAjaran &t);
    Status update(const TahunAjaran &t);
    Status deactivateAllExcept(const QString &id, const QString &now);

private:
    Database &m_db;
};

} // namespace tu
