#pragma once

#include "FaultInjector.h"
#include "SimOptions.h"
#include "SimStats.h"
#include "Upstream.h"

#include <QAbstractHttpServer>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

// The one HTTP server of the simulator. It subclasses QAbstractHttpServer (rather than using
// QHttpServer's router) because faults need the raw socket: a handler can keep it and answer
// later (latency), never answer (timeout) or abort it (drop). Replies are written as raw
// HTTP/1.1 with Content-Length, so keep-alive connections keep working.
//
// Paths under /__sim/ are control endpoints (stats, reset, faults, per-upstream test hooks)
// and are never delayed or faulted. Every other path is an upstream request: counted, then
// possibly failed by the FaultInjector, then routed by path prefix to an Upstream.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SimServer(const SimOptions &options, QObject *parent = nullptr);
    ~SimServer() override;

    void addUpstream(std::unique_ptr<Upstream> upstream);
    SimStats &stats() { return m_stats; }

    // Starts listening on the configured address; returns the actual port, 0 on failure.
    quint16 start();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void handleUpstream(const SimRequest &request, QTcpSocket *socket, bool close);
    SimResponse handleControl(const SimRequest &request);
    SimResponse handleFaults(const SimRequest &request);
    SimResponse handleRedirect(const SimRequest &request);
    SimResponse handleOversize(const SimRequest &request);
    // The answer a pending redirect or oversize hook gives instead of the upstream's (true if taken).
    bool applyAnswerHook(const SimRequest &request, QTcpSocket *socket, bool close);
    // Writes `bytes` of body as the client reads them (never all in memory), with or without a
    // Content-Length; stops when the client goes.
    static void streamBody(QTcpSocket *socket, qint64 bytes, bool declared, bool close);
    void applyFault(FaultKind kind, QTcpSocket *socket, bool close);
    void resetAll();
    QJsonObject faultsJson() const;
    QJsonObject statsJson() const;

    // Runs `action` on the socket after delayMs without blocking the event loop; skipped if
    // the client has gone in the meantime (the socket is the timer's context object).
    void later(QTcpSocket *socket, int delayMs, std::function<void(QTcpSocket *)> action);
    static void writeResponse(QTcpSocket *socket, const SimResponse &response, bool close);

    const SimOptions m_options;
    SimStats m_stats;
    FaultInjector m_faults;
    int m_latencyMs;
    std::vector<std::unique_ptr<Upstream>> m_upstreams;
    // Test hooks for the clients' safety rules: the next `count` upstream requests are
    // redirected to another address, or answered with a body larger than the client accepts.
    struct RedirectHook { QByteArray to; int status = 302; int count = 0; };
    struct OversizeHook { qint64 bytes = 0; bool declared = true; int count = 0; };
    RedirectHook m_redirect;
    OversizeHook m_oversize;
    int m_redirected = 0;
    int m_oversized = 0;
};
