#pragma once
// One Satu Data upstream ("target") behind one interface, so that the run loop
// (SatuDataSync.cpp), the bookkeeping (SatuDataRunLog.cpp) and the routes never ask which
// portal they talk to. The registry in SatuDataTarget.cpp lists every target; adding an upstream
// is one class (see SplpTarget, SipdTarget) and one line there (docs/adding.md).
//
// Conflicts are generic: a target that notices the portal changed the dataset since our last
// push answers status "conflict" and leaves the portal's side in `state.conflictRemote` as
// {title, notes, metadata_modified, …}; SatuDataSync shows and resolves it from there.

#include "DataFileService.h"
#include "SatuDataClients.h"
#include "SatuDataTypes.h"

#include <QJsonObject>
#include <QList>

class QNetworkAccessManager;

namespace tu {

class SatuDataStore;

// What one push needs besides the file: where and how to send, and the store for saving what
// the remote knows of ours as soon as it is known (a crash half way must not publish twice).
struct PushContext
{
    const SatuDataConfig &config;
    RequestPacer &pacer;
    QNetworkAccessManager *nam;
    SatuDataStore &store;
    QString schoolName;
    bool force = false; // push even over a portal-side change (conflict resolved "local")
};

class SatuDataTarget
{
public:
    virtual ~SatuDataTarget() = default;
    virtual QString name() const = 0;  // "splp": in requests, states, logs and the schedule
    virtual QString label() const = 0; // "SPLP Satu Data Indonesia": shown to people
    // Every value this target receives (its address included): when their hash equals the one
    // of the last successful push, nothing is sent.
    virtual QJsonObject pushedFields(const DataFile &file, const SatuDataConfig &config) const = 0;
    // Sends the file; `state` is what we know of it there (updated in place), `answer` the
    // upstream's last raw answer for the log. Failures are results, classified
    // (satudata::Authentication … Server) by the target's client.
    virtual TargetResult push(PushContext &context, const DataFile &file, const Table &table, TargetState &state,
                              QByteArray *answer) const = 0;
};

namespace satudata {
// Every target, in the order they are offered and reported.
const QList<const SatuDataTarget *> &targets();
const SatuDataTarget *target(const QString &name); // nullptr when unknown

// Equal hashes mean nothing to send (SatuDataTarget::pushedFields).
QString pushHash(const SatuDataTarget &target, const DataFile &file, const SatuDataConfig &config);

// A failed result with its class's hint.
TargetResult failedResult(const QString &target, const QString &failureClass, const QString &message);
// A failed upstream call as a result: its class (server when unclassified), its message and
// the upstream's field errors as log entries.
TargetResult callFailure(const QString &target, const UpstreamCall &call);
} // namespace satudata

} // namespace tu
