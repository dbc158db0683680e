#pragma once

#include "SimHttp.h"

#include <QJsonObject>

#include <optional>

// One simulated upstream (SIAKAD, Dapodik pusat, SPLP, SIPD). SimServer owns the network,
// latency and faults; an upstream only maps a request under its own path prefix to a
// response, and keeps its own seeded state.
class Upstream
{
public:
    virtual ~Upstream() = default;

    // Short name: the key under /__sim/stats "pushed" and the segment of its test hooks
    // (/__sim/<name>/...).
    virtual QString name() const = 0;
    // Every path of this upstream starts with this prefix, e.g. "/siakad/", so upstreams
    // never collide on the shared port.
    virtual QString pathPrefix() const = 0;

    // Back to the state derived from --seed (called on /__sim/reset).
    virtual void reset() = 0;

    // Serves an upstream request (after latency/fault handling). nullopt = no such route (404).
    virtual std::optional<SimResponse> handle(const SimRequest &request) = 0;

    // Serves a test hook /__sim/<name>/<subPath>; never subject to faults or latency.
    virtual std::optional<SimResponse> handleControl(const SimRequest &request,
                                                     const QString &subPath)
    {
        Q_UNUSED(request);
        Q_UNUSED(subPath);
        return std::nullopt;
    }

    // Adds this upstream's entries to GET /__sim/stats (may overwrite the common ones, e.g.
    // the dataset sizes, with its current state).
    virtual void addStats(QJsonObject &stats) const { Q_UNUSED(stats); }
};
