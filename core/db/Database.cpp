#include "Database.h"
#include "Migrations.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QMutex>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <memory>
#include <mutex>
#include <vector>

Q_LOGGING_CATEGORY(lcDb, "tatausaha.db")

namespace tu {

namespace {
QAtomicInt instanceCounter;

// A worker thread that ends while the application is being destroyed must not close its
// connection: QtSql's own exit routine closes every registered connection from the main thread
// at that moment, and both at once freed the same SQLite handle twice (seen as an abort at the
// exit of a UI test). Our exit routine, registered after QtSql's and so run before it, waits for
// a thread that is closing its connections and makes later ones leave them to QtSql.
QMutex &exitMutex()
{
    static QMutex m;
    return m;
}
bool appExiting = false; // guarded by exitMutex()
void markExiting()
{
    QMutexLocker lock(&exitMutex());
    appExiting = true;
}

// Closes this thread's connections when the thread ends.
struct ThreadConnections {
    std::vector<QString> names;
    // Prepared statements per connection name, then per SQL text (see Database::execCached).
    QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> prepared;
    ~ThreadConnections()
    {
        QMutexLocker lock(&exitMutex());
        if (appExiting) {
            // The statements outlive the process instead of finalising on a handle QtSql closes.
            new QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>>(std::move(prepared));
            return;
        }
        prepared.clear(); // statements go before their connections
        for (const QString &n : names) {
            { QSqlDatabase db = QSqlDatabase::database(n, false); if (db.isValid()) db.close(); }
            QSqlDatabase::removeDatabase(n);
        }
    }
};
thread_local ThreadConnections threadConnections;

QString threadTag()
{
    return QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}
} // namespace

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text() + QStringLiteral(" [") + query.lastQuery() + QLatin1Char(']');
}

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_prefix(QStringLiteral("tu%1-").arg(instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    const QString name = m_prefix + threadTag();
    threadConnections.prepared.remove(name);
    if (QSqlDatabase::contains(name)) {
        { QSqlDatabase db = QSqlDatabase::database(name, false); db.close(); }
        QSqlDatabase::removeDatabase(name);
        auto &names = threadConnections.names;
        names.erase(std::remove(names.begin(), names.end(), name), names.end());
    }
}

QSqlDatabase Database::openConnection(const QString &name)
{
    QSqlDatabase db;
    if (m_config.isPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.name);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=tatausaha"));
    } else {
        QDir().mkpath(QFileInfo(m_config.sqlitePath).absolutePath());
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    // After QtSql set up its connection registry (and its exit routine): ours runs first.
    static std::once_flag registered;
    if (QCoreApplication::instance())
        std::call_once(registered, [] { qAddPostRoutine(markExiting); });
    threadConnections.names.push_back(name);
    if (!db.open()) {
        qCWarning(lcDb).noquote() << "cannot open" << m_config.displayUrl() << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    if (m_config.isPostgres()) {
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    } else {
        // WAL: readers never block the writer; NORMAL sync is durable across app crashes.
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    return db;
}

QSqlDatabase Database::connection()
{
    const QString name = m_prefix + threadTag();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        if (db.open())
            return db;
        return db;
    }
    return openConnection(name);
}

Status Database::open()
{
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        const QString what = m_config.isPostgres()
            ? QStringLiteral("Tidak dapat terhubung ke PostgreSQL %1: %2. Periksa alamat, pengguna dan sandi, lalu pastikan server berjalan.")
                  .arg(m_config.displayUrl(), db.lastError().text())
            : QStringLiteral("Tidak dapat membuka berkas basis data %1: %2. Periksa izin folder data.")
                  .arg(m_config.sqlitePath, db.lastError().text());
        return Error::make(ErrorCode::ServerError, what);
    }
    return Migrations::apply(*this);
}

int Database::schemaVersion()
{
    auto q = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    return q.ok() && q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error::server(QStringLiteral("database not open: ") + db.lastError().text());
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (binds.isEmpty()) {
        // Nothing to bind: run directly (PostgreSQL cannot PREPARE DDL).
        if (!q.exec(sql))
            return Error::server(QStringLiteral("exec failed: ") + sqlError(q));
        return q;
    }
    if (!q.prepare(sql))
        return Error::server(QStringLiteral("prepare failed: ") + sqlError(q));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return Error::server(QStringLiteral("exec failed: ") + sqlError(q));
    return q;
}

Result<QSqlQuery *> Database::execCached(const QString &sql, const QVariantList &binds)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error::server(QStringLiteral("database not open: ") + db.lastError().text());
    auto &statements = threadConnections.prepared[db.connectionName()];
    auto it = statements.find(sql);
    if (it == statements.end()) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            return Error::server(QStringLiteral("prepare failed: ") + sqlError(*q));
        it = statements.insert(sql, q);
    }
    QSqlQuery &q = *it.value();
    q.finish();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec()) {
        const Error e = Error::server(QStringLiteral("exec failed: ") + sqlError(q));
        statements.erase(it); // prepared again next time (e.g. after a reconnect)
        return e;
    }
    if (!q.isSelect())
        q.finish();
    return &q;
}

Result<int> Database::execAffected(const QString &sql, const QVariantList &binds)
{
    auto q = exec(sql, binds);
    if (!q.ok())
        return q.error();
    return q.value().numRowsAffected();
}

Status Database::begin()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(m_config.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")))
        return Error::server(QStringLiteral("begin failed: ") + sqlError(q));
    return {};
}

Status Database::commit()
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = Error::server(QStringLiteral("commit failed: ") + sqlError(q));
        rollback();
        return e;
    }
    return {};
}

void Database::rollback()
{
    QSqlQuery q(connection());
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace tu
