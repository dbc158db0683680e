#include "QueryInterrupt.h"
#include "Database.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <cstring>
#include <sqlite3.h>

namespace tu {

void QueryInterrupt::interrupt()
{
    QMutexLocker lock(&m_mutex);
    m_interrupted = true;
    for (void *h : m_sqlite)
        sqlite3_interrupt(static_cast<sqlite3 *>(h));
}

bool QueryInterrupt::interrupted() const
{
    QMutexLocker lock(&m_mutex);
    return m_interrupted;
}

QueryInterrupt::Guard::Guard(QueryInterrupt &owner, Database &db) : m_owner(owner)
{
    const QSqlDatabase c = db.connection();
    if (!c.isOpen() || !c.driver())
        return;
    const QVariant h = c.driver()->handle();
    if (!h.isValid() || std::strcmp(h.typeName(), "sqlite3*") != 0)
        return;
    m_handle = *static_cast<sqlite3 *const *>(h.constData());
    QMutexLocker lock(&m_owner.m_mutex);
    m_owner.m_sqlite.append(m_handle);
}

QueryInterrupt::Guard::~Guard()
{
    if (!m_handle)
        return;
    QMutexLocker lock(&m_owner.m_mutex);
    m_owner.m_sqlite.removeOne(m_handle);
}

} // namespace tu
