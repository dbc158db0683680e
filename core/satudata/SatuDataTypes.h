#pragma once
// Value types of the Satu Data sync (docs/satudata.md): targets, per-target results, run summaries,
// remote state, conflicts and the sync log. Plain data shared by the service, the HTTP routes
// and the desktop page.

#include "Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QStringList>

namespace tu {

namespace satudata {
inline const QString Splp = QStringLiteral("splp");
inline const QString Sipd = QStringLiteral("sipd");
// Every target's name, from the registry (SatuDataTarget.cpp): "splp", "sipd".
QStringList targetNames();
QString targetLabel(const QString &target); // "SPLP Satu Data Indonesia", "SIPD e-walidata"
// "a atau b", "a, b atau c": the names in an Indonesian sentence.
QString orList(const QStringList &names);
// `targets` from a request: a non-empty list of target names (duplicates dropped, order kept),
// or VALIDATION_ERROR on the `targets` field.
Result<QStringList> parseTargets(const QJsonValue &targets);

// The five failure classes (docs/satudata.md), each with its hint.
inline const QString Authentication = QStringLiteral("authentication");
inline const QString Network = QStringLiteral("network");
inline const QString Validation = QStringLiteral("validation");
inline const QString RateLimit = QStringLiteral("rate_limit");
inline const QString Server = QStringLiteral("server");
QString failureLabel(const QString &failureClass); // "Autentikasi", …
QString failureHint(const QString &failureClass);  // what to do next, in Indonesian
bool failureIsTransient(const QString &failureClass); // network, rate limit, server: retried later
const QStringList &failureClasses();

// The closed sets of statuses, shared by the sync and the API schema.
const QStringList &resultStatuses(); // TargetResult: ok, unchanged, failed, conflict, skipped
const QStringList &stateStatuses();  // TargetState: never (not tried yet), ok, failed, conflict
const QStringList &logStatuses();    // PushLogEntry: ok, unchanged, failed, conflict
const QStringList &triggers();       // RunSummary: manual, scheduled, retry
} // namespace satudata

// What happened to one file at one target.
struct TargetResult {
    QString target;        // splp | sipd
    QString status;        // ok | unchanged | failed | conflict | skipped
    QString failureClass;  // when failed: authentication | network | validation | rate_limit | server
    QString message;       // Indonesian: what happened
    QString hint;          // Indonesian: what to do next (failed, conflict)
    QString remoteId;      // SPLP package id
    int rowsOk = 0, rowsError = 0;
    QJsonArray log;        // SIPD's per-row log ({row, status, message, …}) or SPLP's field errors
    qint64 durationMs = 0;
    bool queued = false;   // put on the retry queue (transient failure)
    bool ok() const { return status == QLatin1String("ok") || status == QLatin1String("unchanged"); }
    QJsonObject toJson() const;
};

struct FileSyncResult {
    QString fileId, title;
    QList<TargetResult> results;
    QJsonObject toJson() const;
};

struct TargetSummary {
    int synced = 0, unchanged = 0, skipped = 0, failed = 0, conflicts = 0;
    void count(const QString &status); // one TargetResult::status more
    QJsonObject toJson() const;
};

// One bulk run ("Sync all", the schedule, or the retry queue).
struct RunSummary {
    QString runId, trigger;     // manual | scheduled | retry
    QStringList targets;
    QMap<QString, TargetSummary> perTarget;
    QList<FileSyncResult> files;
    QString startedAt, finishedAt;
    bool cancelled = false;
    QString error;              // the run itself failed (e.g. storage)
    QString message() const;    // "SPLP: 3 berhasil, 1 dilewati (belum diverifikasi), 0 gagal; …"
    QJsonObject toJson() const;
};

// Our knowledge of a file at one target, kept after every attempt.
struct TargetState {
    QString fileId, target;
    QString status;           // ok | failed | conflict ("" never tried)
    QString remoteId, resourceId;
    QString remoteModified;   // SPLP metadata_modified right after our last push
    QString pushedHash;       // what we last pushed successfully
    QString lastSyncAt, lastAttemptAt;
    QString failureClass, error;
    QJsonObject conflictRemote; // the remote package when a conflict was found
    QJsonObject toJson() const;
};

// A file changed here and on the portal since our last push: both sides, for the user to pick.
struct SyncConflict {
    QString fileId, target;
    QJsonObject local;   // {title, description, tags, period, …}
    QJsonObject remote;  // {title, notes, tags, metadata_modified, …}
    QString detectedAt;
    QJsonObject toJson() const;
};

struct PushLogEntry {
    QString id, runId, fileId, fileTitle, target, status, failureClass, message, answer, actor, at;
    qint64 durationMs = 0;
    int attempt = 1;
    QJsonObject toJson() const;
};

struct PushLogFilter {
    QString fileId, target, status;
    int page = 1, limit = 20;
};

// A failed (transient) item waiting to be tried again; survives restarts.
struct RetryItem {
    QString fileId, fileTitle, target, nextAt, lastError, failureClass;
    int attempts = 0;
    QJsonObject toJson() const;
};

} // namespace tu

Q_DECLARE_METATYPE(tu::RunSummary)
