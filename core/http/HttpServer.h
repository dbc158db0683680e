#pragma once
// Our HTTP/1.1 server on QTcpServer/QSslServer.
//
// Why not QHttpServer (Qt 6.4): it buffers every request body whole before a handler runs (no
// way to refuse a 500 MB upload early or stream a multipart body to disk), has no cookie API,
// and its responder API changes in later Qt versions. This file is the only place that knows
// how bytes become requests; everything above it works on HttpRequest/HttpResponse values.

#include "HttpMessage.h"
#include "Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QTemporaryFile;

namespace tu {

class HttpServer;

// One client connection: reads requests one at a time (keep-alive), enforces the header and
// body limits and deadlines while reading, asks the server's head check before reading a body,
// hands each complete request to the dispatcher and writes exactly one response for it (or
// switches to a stream for server-sent events). While a request is handled nothing more is
// read from the socket: pipelined bytes wait in the kernel, not in our memory.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server, const QByteArray &addressKey);
    ~HttpConnection() override;

    // Answer the request being handled. Call on the server's thread, once.
    void respond(HttpResponse response);

    // Streaming (SSE): status line and headers once, then raw chunks until finishStream() or
    // the client leaves (closed()).
    void startStream(int status, const HeaderList &headers);
    bool writeChunk(const QByteArray &data);
    void finishStream();
    bool isStreaming() const { return m_state == State::Streaming; }
    bool isConnected() const;

signals:
    void closed();

private:
    friend class HttpServer;
    enum class State { Head, Body, Handling, Streaming, Draining, Closed };
    void onReadyRead();
    void processBuffer();
    bool parseHead(int headEnd);
    void beginBody();
    void feedBody();
    void dispatch();
    void refuse(int status, ErrorCode code, const QString &message); // respond and close
    void refuseWith(HttpResponse response);                           // a rendered answer, then close
    void writeResponse(const HttpResponse &response, bool keepAlive, bool headOnly);
    void closeAfterWrite();
    void waitForRequest(); // keep-alive: idle until the first byte of the next head
    void onTimer();
    // Waiting for a request with no byte of it yet: the first to go when the server is full.
    bool isIdle() const { return m_state == State::Head && !m_headStarted; }
    // Tells the server how many bytes this connection holds in memory; false when that broke
    // the global budget and the request was refused.
    bool account();
    void detach(); // leaves the server's counts (once: on close, eviction or destruction)

    QTcpSocket *m_socket;
    HttpServer *m_server;
    QByteArray m_addressKey;
    State m_state = State::Head;
    QByteArray m_buffer;
    std::shared_ptr<HttpRequest> m_request;
    qint64 m_bodyReceived = 0;
    qint64 m_drained = 0;
    qint64 m_accounted = 0;
    int m_served = 0;            // requests answered on this connection
    bool m_keepAlive = true;
    bool m_headStarted = false;
    bool m_detached = false;
    qint64 m_since = 0;          // server clock: idle since / head started / body started
    qint64 m_windowBytes = 0;    // body bytes in the current rate window
    QTimer m_timer;              // idle, head deadline, body rate, drain: one at a time
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits {
        int maxHeadBytes = 16 * 1024;
        int idleTimeoutMs = 15000;   // keep-alive: no byte of a next request
        int maxConnections = 2000;   // upper bound; the open-file limit may lower it (effectiveMaxConnections)
        qint64 drainBytes = 16 * 1024 * 1024; // read and discard after a refusal so the client sees it
        int headTimeoutMs = 10000;   // whole head, from its first byte (not restarted by each byte)
        int bodyTimeoutMs = 10 * 60 * 1000; // whole body
        int minBodyBytesPerSecond = 1024;   // averaged over each bodyRateWindowMs
        int bodyRateWindowMs = 5000;
        int maxConnectionsPerIp = 32;       // IPv6 grouped by /64; trusted proxies exempt
        qint64 maxBufferedBytes = 64 * 1024 * 1024; // heads and in-memory bodies, all connections
        qint64 maxMemoryBody = 1024 * 1024; // a body that is not streamed to a file
        int socketReadBufferBytes = 16 * 1024;      // what Qt may hold per socket before TCP pushes back
        int fdReserve = 128;         // open files kept for the database, uploads, logs
    };
    // Body limit for a request, decided from its head (route, content type).
    using BodyLimit = std::function<qint64(const HttpRequest &head)>;
    // Decides from the head alone, before one byte of the body is read: an answer (401, 403,
    // 404, 429…, already complete with its headers) refuses the request; nothing lets it go on.
    using HeadCheck = std::function<std::optional<HttpResponse>(const std::shared_ptr<HttpRequest> &head)>;
    using Dispatcher = std::function<void(const std::shared_ptr<HttpRequest> &request, HttpConnection *connection)>;
    // Renders errors the server itself produces (413, 400, 431…) in the API's envelope.
    using ErrorRenderer = std::function<HttpResponse(ErrorCode code, const QString &message)>;
    // Peers whose connections are not capped per address (a reverse proxy carries many clients).
    using PeerExempt = std::function<bool(const QHostAddress &peer)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    Status setTls(const QString &certPath, const QString &keyPath); // before listen()
    Status listen(const QString &host, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString address() const; // http(s)://host:port
    QString host() const { return m_host; }
    bool isTls() const { return m_tls; }

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    void setMaxConnectionsPerIp(int n) { m_limits.maxConnectionsPerIp = n; }
    void setBodyLimit(BodyLimit f) { m_bodyLimit = std::move(f); }
    void setHeadCheck(HeadCheck f) { m_headCheck = std::move(f); }
    void setDispatcher(Dispatcher f) { m_dispatcher = std::move(f); }
    void setErrorRenderer(ErrorRenderer f) { m_errorRenderer = std::move(f); }
    void setPeerExempt(PeerExempt f) { m_peerExempt = std::move(f); }
    void setTempDir(const QString &dir) { m_tempDir = dir; }
    int connectionCount() const { return m_connections; }
    // maxConnections, lowered to the open-file limit minus fdReserve (read at listen()).
    int effectiveMaxConnections() const;
    qint64 bufferedBytes() const { return m_buffered; }

    // Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force
    // (-1 where there is none).
    static qint64 raiseOpenFileLimit();
    // The per-address key: an IPv4 address, or the /64 prefix of an IPv6 one.
    static QByteArray addressKey(const QHostAddress &peer);

private:
    friend class HttpConnection;
    void onNewConnection();
    void onAcceptError();
    void reject(QTcpSocket *socket, const QString &message);
    // Closes the longest-idle (else the slowest head) connection waiting at least minAgeMs.
    bool evictOne(qint64 minAgeMs = 0);
    qint64 now() const { return m_clock.elapsed(); }

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QString m_host;
    Limits m_limits;
    BodyLimit m_bodyLimit;
    HeadCheck m_headCheck;
    Dispatcher m_dispatcher;
    ErrorRenderer m_errorRenderer;
    PeerExempt m_peerExempt;
    QString m_tempDir;
    int m_connections = 0;
    int m_rejecting = 0;
    qint64 m_openFiles = -1;
    qint64 m_buffered = 0;
    QHash<QByteArray, int> m_perAddress;
    QList<HttpConnection *> m_live;
    QTimer m_resumeAccept;
    QElapsedTimer m_clock;
};

} // namespace tu
