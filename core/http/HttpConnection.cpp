// One client connection of HttpServer: reads the head and the body within their limits and
// deadlines, hands the request to the server's handler, writes the response or a stream, and
// keeps the connection alive or closes it. The server (accepting, per-address caps, TLS) is in
// HttpServer.cpp.
#include "HttpServer.h"
#include "RequestHead.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTimer>

namespace tu {

QByteArray serializeResponse(const HttpResponse &r, bool keepAlive, bool headOnly)
{
    QByteArray out;
    out.reserve(256 + (headOnly ? 0 : r.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + httpStatusText(r.status) + "\r\n";
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!headOnly)
        out += r.body;
    return out;
}

// Answers not yet read by a client that keeps sending requests: past this we stop reading its
// next request until it reads ours (else it fills our memory with answers it never takes).
constexpr qint64 MaxUnsentBytes = 256 * 1024;
constexpr int DrainMs = 2000;
constexpr int CloseGraceMs = 10000; // a peer that never takes our last bytes is cut off

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server, const QByteArray &addressKey)
    : QObject(server), m_socket(socket), m_server(server), m_addressKey(addressKey)
{
    socket->setParent(this);
    // Qt reads from the kernel only this far ahead of us; beyond it TCP flow control makes the
    // client wait, so a request being handled never has megabytes queued behind it in memory.
    socket->setReadBufferSize(server->limits().socketReadBufferBytes);
    ++m_server->m_connections;
    ++m_server->m_perAddress[m_addressKey];
    m_server->m_live.append(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimer);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Head && m_socket->bytesToWrite() <= MaxUnsentBytes
            && (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0))
            onReadyRead();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closed;
        m_timer.stop();
        detach();
        emit closed();
        deleteLater();
    });
    waitForRequest();
    if (socket->bytesAvailable() > 0) // a TLS socket may hold decrypted bytes already
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    detach();
}

void HttpConnection::detach()
{
    if (m_detached)
        return;
    m_detached = true;
    --m_server->m_connections;
    auto it = m_server->m_perAddress.find(m_addressKey);
    if (it != m_server->m_perAddress.end() && --it.value() <= 0)
        m_server->m_perAddress.erase(it);
    m_server->m_live.removeOne(this);
    m_server->m_buffered -= m_accounted;
    m_accounted = 0;
}

bool HttpConnection::isConnected() const
{
    return m_state != State::Closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::waitForRequest()
{
    m_state = State::Head;
    m_headStarted = false;
    m_since = m_server->now();
    m_timer.start(m_server->limits().idleTimeoutMs);
}

void HttpConnection::onTimer()
{
    const HttpServer::Limits &limits = m_server->limits();
    switch (m_state) {
    case State::Head:
        if (!m_headStarted) {
            closeAfterWrite(); // idle keep-alive: a quiet close
            return;
        }
        // An absolute deadline from the head's first byte: a head trickled byte by byte
        // does not keep the connection forever.
        refuse(408, ErrorCode::Validation, QStringLiteral("Permintaan tidak selesai dikirim tepat waktu. Periksa koneksi lalu coba lagi."));
        return;
    case State::Body: {
        const qint64 minimum = qint64(limits.minBodyBytesPerSecond) * limits.bodyRateWindowMs / 1000;
        if (m_server->now() - m_since > limits.bodyTimeoutMs || m_windowBytes < minimum) {
            refuse(408, ErrorCode::Validation, QStringLiteral("Pengiriman data terlalu lambat. Periksa koneksi lalu coba lagi."));
            return;
        }
        m_windowBytes = 0;
        m_timer.start(limits.bodyRateWindowMs);
        return;
    }
    case State::Draining:
        closeAfterWrite();
        return;
    case State::Closed:
        m_socket->abort();
        return;
    case State::Handling:
    case State::Streaming:
        return;
    }
}

bool HttpConnection::account()
{
    if (m_detached)
        return true;
    const qint64 held = m_buffer.size() + (m_request && !m_request->bodyFile ? m_request->body.size() : 0);
    m_server->m_buffered += held - m_accounted;
    m_accounted = held;
    if ((m_state == State::Head || m_state == State::Body) && held > 0
        && m_server->m_buffered > m_server->limits().maxBufferedBytes) {
        // All connections together may hold only so much unauthenticated input in memory.
        refuse(503, ErrorCode::ServerError, QStringLiteral("Server sedang sibuk. Coba lagi sebentar lagi."));
        return false;
    }
    return true;
}

void HttpConnection::onReadyRead()
{
    switch (m_state) {
    case State::Closed:
    case State::Handling:
        return; // bytes wait in the socket (and the kernel) until the answer is written
    case State::Streaming:
        m_socket->skip(m_socket->bytesAvailable()); // an SSE client has nothing more to say
        return;
    case State::Draining:
        m_drained += m_socket->skip(m_socket->bytesAvailable());
        if (m_drained > m_server->limits().drainBytes)
            m_socket->abort();
        return;
    case State::Body:
        feedBody();
        return;
    case State::Head:
        break;
    }
    if (m_socket->bytesToWrite() > MaxUnsentBytes)
        return; // bytesWritten brings us back
    // Never more than one head's worth in our buffer; the rest stays in the socket.
    const qint64 room = m_server->limits().maxHeadBytes + 4 - m_buffer.size();
    if (room > 0 && m_socket->bytesAvailable() > 0)
        m_buffer.append(m_socket->read(room));
    if (!account())
        return;
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_state != State::Head)
        return;
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    if (!m_headStarted && (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)) {
        m_headStarted = true;
        m_since = m_server->now();
        // Up to a fifth earlier, at random: a thousand slow heads opened together then expire
        // over two seconds instead of all in one event-loop turn.
        const int deadline = m_server->limits().headTimeoutMs;
        m_timer.start(deadline - int(QRandomGenerator::global()->bounded(quint32(qMax(1, deadline / 5)))));
    }
    if (m_buffer.isEmpty())
        return;
    const int maxHead = m_server->limits().maxHeadBytes;
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        // A bare LF is refused at once rather than after the head deadline.
        if (hasBareLineFeed(m_buffer))
            refuse(400, ErrorCode::Validation, QStringLiteral("Setiap baris permintaan HTTP harus diakhiri CRLF."));
        else if (m_buffer.size() > maxHead)
            refuse(431, ErrorCode::Validation, QStringLiteral("Header permintaan terlalu besar."));
        return;
    }
    if (headEnd > maxHead) {
        refuse(431, ErrorCode::Validation, QStringLiteral("Header permintaan terlalu besar."));
        return;
    }
    if (!parseHead(int(headEnd)))
        return;
    account();
    if (m_server->m_headCheck) {
        // Route, authentication, role, CSRF and rate limit are decided before any body byte is
        // read: an anonymous client cannot make us hold its upload.
        if (std::optional<HttpResponse> answer = m_server->m_headCheck(m_request)) {
            if (m_request->contentLength == 0) {
                m_state = State::Handling;
                respond(std::move(*answer));
            } else {
                refuseWith(std::move(*answer));
            }
            return;
        }
    }
    beginBody();
    if (m_state == State::Body)
        feedBody();
}

bool HttpConnection::parseHead(int headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    HeadLimits limits;
    limits.maxHeadBytes = m_server->limits().maxHeadBytes;
    int status = 400;
    auto parsed = parseRequestHead(head, limits, &status);
    if (!parsed.ok()) {
        refuse(status, parsed.error().code, parsed.error().message);
        return false;
    }
    auto req = std::make_shared<HttpRequest>(std::move(parsed).value());
    req->peer = m_socket->peerAddress();
    req->secure = m_server->isTls();
    const QByteArray connection = req->header("connection").toLower();
    m_keepAlive = req->version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    m_request = req;
    return true;
}

void HttpConnection::beginBody()
{
    HttpRequest &req = *m_request;
    const HttpServer::Limits &limits = m_server->limits();
    const bool toFile = req.contentType() == "multipart/form-data" && req.contentLength > 0;
    // Only multipart bodies go to disk; anything kept in memory is capped whatever the route says.
    qint64 limit = m_server->m_bodyLimit ? m_server->m_bodyLimit(req) : limits.maxMemoryBody;
    if (!toFile)
        limit = qMin(limit, limits.maxMemoryBody);
    if (req.contentLength > limit) {
        // Refused from the head alone: not one byte of the body is buffered.
        refuse(413, ErrorCode::PayloadTooLarge,
               QStringLiteral("Ukuran data terlalu besar (maksimal %1 MB).").arg(limit / (1024.0 * 1024.0), 0, 'f', 0));
        return;
    }
    m_bodyReceived = 0;
    m_windowBytes = 0;
    m_since = m_server->now();
    m_state = State::Body;
    if (toFile) {
        auto file = std::make_shared<QTemporaryFile>(
            (m_server->m_tempDir.isEmpty() ? QDir::tempPath() : m_server->m_tempDir) + QStringLiteral("/upload-XXXXXX"));
        if (!file->open()) {
            refuse(500, ErrorCode::ServerError, QStringLiteral("Berkas sementara tidak dapat dibuat. Periksa ruang disk."));
            return;
        }
        req.bodyFile = file;
    }
    if (req.contentLength > 0) {
        // The body must keep coming: a minimum rate per window and a total deadline.
        m_timer.start(limits.bodyRateWindowMs);
        if (req.header("expect").toLower() == "100-continue")
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void HttpConnection::feedBody()
{
    HttpRequest &req = *m_request;
    // Buffered head leftovers first, then from the socket, never past this body's end (what
    // follows belongs to the next request and stays in the socket).
    qint64 got = 0;
    while (m_bodyReceived < req.contentLength) {
        const qint64 want = req.contentLength - m_bodyReceived;
        QByteArray chunk;
        if (!m_buffer.isEmpty()) {
            chunk = m_buffer.left(qMin<qint64>(want, m_buffer.size()));
            m_buffer.remove(0, chunk.size());
        } else if (m_socket->bytesAvailable() > 0) {
            chunk = m_socket->read(qMin<qint64>(want, 64 * 1024));
        }
        if (chunk.isEmpty())
            break;
        if (req.bodyFile) {
            if (req.bodyFile->write(chunk) != chunk.size()) {
                refuse(500, ErrorCode::ServerError, QStringLiteral("Gagal menyimpan unggahan. Periksa ruang disk."));
                return;
            }
        } else {
            req.body.append(chunk);
        }
        m_bodyReceived += chunk.size();
        got += chunk.size();
    }
    m_windowBytes += got;
    if (!account())
        return;
    if (m_bodyReceived < req.contentLength)
        return;
    if (req.bodyFile) {
        req.bodyFile->flush();
        req.bodyFile->seek(0);
    }
    dispatch();
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    m_timer.stop();
    if (m_server->m_dispatcher)
        m_server->m_dispatcher(m_request, this);
    else
        respond(HttpResponse{404, {}, {}});
}

void HttpConnection::respond(HttpResponse response)
{
    if (m_state != State::Handling)
        return; // client gone, or answered already
    const bool headOnly = m_request && m_request->method == "HEAD";
    m_request.reset();
    account();
    ++m_served;
    writeResponse(response, m_keepAlive, headOnly);
    if (!m_keepAlive) {
        closeAfterWrite();
        return;
    }
    waitForRequest();
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0) // a pipelined request is waiting
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::writeResponse(const HttpResponse &r, bool keepAlive, bool headOnly)
{
    m_socket->write(serializeResponse(r, keepAlive, headOnly));
}

void HttpConnection::refuse(int status, ErrorCode code, const QString &message)
{
    HttpResponse r = m_server->m_errorRenderer ? m_server->m_errorRenderer(code, message) : HttpResponse{};
    r.status = status;
    refuseWith(std::move(r));
}

void HttpConnection::refuseWith(HttpResponse r)
{
    m_request.reset();
    writeResponse(r, false, false);
    // Keep reading (and discarding) what the client is still sending, for a short while, so
    // that it gets to read our answer instead of a connection reset.
    m_buffer.clear();
    m_state = State::Draining;
    account();
    m_drained = 0;
    m_timer.start(DrainMs);
    m_socket->flush();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::closeAfterWrite()
{
    m_state = State::Closed;
    m_timer.start(CloseGraceMs);
    m_socket->disconnectFromHost();
}

void HttpConnection::startStream(int status, const HeaderList &headers)
{
    if (m_state != State::Handling)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpStatusText(status) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Connection: close\r\n\r\n"; // the stream ends the connection: no length needed
    m_request.reset();
    account();
    m_state = State::Streaming;
    m_socket->write(out);
}

bool HttpConnection::writeChunk(const QByteArray &data)
{
    if (m_state != State::Streaming || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    return m_socket->write(data) == data.size();
}

void HttpConnection::finishStream()
{
    if (m_state == State::Streaming)
        closeAfterWrite();
}

// ---------------------------------------------------------------------------------------------

} // namespace tu
