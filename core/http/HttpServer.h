#pragma once
// Our HTTP/1.1 server on QTcpServer/QSslServer.
//
// Why not QHttpServer (Qt 6.4): it buffers every request body whole before a handler runs (no
// way to refuse a 500 MB upload early or stream a multipart body to disk), has no cookie API,
// and its responder API changes in later Qt versions. This file is the only place that knows
// how bytes become requests; everything above it works on HttpRequest/HttpResponse values.

#include "HttpMessage.h"
#include "Result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QTemporaryFile;

namespace tu {

class HttpServer;

// One client connection: reads requests one at a time (keep-alive), enforces the header and
// body limits while reading, hands each complete request to the dispatcher and writes exactly
// one response for it (or switches to a stream for server-sent events).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
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
    enum class State { Head, Body, Handling, Streaming, Draining, Closed };
    void onReadyRead();
    void processBuffer();
    bool parseHead(int headEnd);
    void beginBody();
    void feedBody();
    void dispatch();
    void refuse(int status, ErrorCode code, const QString &message); // respond and close
    void writeResponse(const HttpResponse &response, bool keepAlive, bool headOnly);
    void closeAfterWrite();

    QTcpSocket *m_socket;
    HttpServer *m_server;
    State m_state = State::Head;
    QByteArray m_buffer;
    std::shared_ptr<HttpRequest> m_request;
    qint64 m_bodyReceived = 0;
    qint64 m_drained = 0;
    bool m_keepAlive = true;
    QTimer m_idle;
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits {
        int maxHeadBytes = 16 * 1024;
        int idleTimeoutMs = 15000;   // keep-alive idle and slow-header guard
        int maxConnections = 2000;
        qint64 drainBytes = 16 * 1024 * 1024; // read and discard after 413 so the client sees it
    };
    // Body limit for a request, decided from its head (route, content type).
    using BodyLimit = std::function<qint64(const HttpRequest &head)>;
    using Dispatcher = std::function<void(const std::shared_ptr<HttpRequest> &request, HttpConnection *connection)>;
    // Renders errors the server itself produces (413, 400, 431…) in the API's envelope.
    using ErrorRenderer = std::function<HttpResponse(ErrorCode code, const QString &message)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    Status setTls(const QString &certPath, const QString &keyPath); // before listen()
    Status listen(const QString &host, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString address() const; // http(s)://host:port
    bool isTls() const { return m_tls; }

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    void setBodyLimit(BodyLimit f) { m_bodyLimit = std::move(f); }
    void setDispatcher(Dispatcher f) { m_dispatcher = std::move(f); }
    void setErrorRenderer(ErrorRenderer f) { m_errorRenderer = std::move(f); }
    void setTempDir(const QString &dir) { m_tempDir = dir; }
    int connectionCount() const { return m_connections; }

private:
    friend class HttpConnection;
    void onNewConnection();

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QString m_host;
    Limits m_limits;
    BodyLimit m_bodyLimit;
    Dispatcher m_dispatcher;
    ErrorRenderer m_errorRenderer;
    QString m_tempDir;
    int m_connections = 0;
};

} // namespace tu
