#pragma once
// Lets one thread stop a read that another thread is running on its own connection: a search
// the user has already typed past. SQLite: sqlite3_interrupt on the reader's connection (made
// for exactly this, safe from any thread); the read then fails at once with "interrupted".
// PostgreSQL: nothing is sent; the caller abandons the result when it comes.

#include <QList>
#include <QMutex>

namespace tu {

class Database;

class QueryInterrupt
{
public:
    // Any thread. Stops the guarded read if one runs; a Guard made afterwards still sees it.
    void interrupt();
    bool interrupted() const;

    // On the reading thread, around the read: while it lives, interrupt() reaches the calling
    // thread's connection of `db` (and nothing else: not the reads this thread does later).
    // Several threads may each hold a Guard of the same QueryInterrupt (parts of one search).
    class Guard
    {
    public:
        Guard(QueryInterrupt &owner, Database &db);
        ~Guard();
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;

    private:
        QueryInterrupt &m_owner;
        void *m_handle = nullptr;
    };

private:
    mutable QMutex m_mutex;
    QList<void *> m_sqlite; // sqlite3* of the guarded reads' connections
    bool m_interrupted = false;
};

} // namespace tu
