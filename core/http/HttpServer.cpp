#include "HttpServer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QUrl>

Q_LOGGING_CATEGORY(lcHttp, "tatausaha.http")

namespace tu {

QByteArray httpStatusText(int s)
{
    switch (s) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 507: return "Insufficient Storage";
    }
    return "Status";
}

// ---------------------------------------------------------------------------------------------

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server), m_socket(socket), m_server(server)
{
    socket->setParent(this);
    ++m_server->m_connections;
    m_idle.setSingleShot(true);
    m_idle.setInterval(server->limits().idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_state == State::Head || m_state == State::Body || m_state == State::Draining)
            m_socket->abort();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closed;
        m_idle.stop();
        emit closed();
        deleteLater();
    });
    m_idle.start();
}

HttpConnection::~HttpConnection()
{
    --m_server->m_connections;
}

bool HttpConnection::isConnected() const
{
    return m_state != State::Closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Streaming || m_state == State::Closed) {
        m_socket->readAll(); // an SSE client has nothing more to say
        return;
    }
    if (m_state == State::Draining) {
        m_drained += m_socket->readAll().size();
        if (m_drained > m_server->limits().drainBytes)
            m_socket->abort();
        return;
    }
    m_idle.start();
    if (m_state == State::Body && m_request->bodyFile) {
        feedBody();
        return;
    }
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_state == State::Head) {
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        if (m_buffer.isEmpty())
            return;
        const int headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > m_server->limits().maxHeadBytes)
                refuse(431, ErrorCode::Validation, QStringLiteral("Header permintaan terlalu besar."));
            return;
        }
        if (headEnd > m_server->limits().maxHeadBytes) {
            refuse(431, ErrorCode::Validation, QStringLiteral("Header permintaan terlalu besar."));
            return;
        }
        if (!parseHead(headEnd))
            return;
        beginBody();
    }
    if (m_state == State::Body)
        feedBody();
}

bool HttpConnection::parseHead(int headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    auto bad = [this](const QString &why) {
        refuse(400, ErrorCode::Validation, why);
        return false;
    };
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.") || !requestLine[1].startsWith('/'))
        return bad(QStringLiteral("Permintaan HTTP tidak valid."));
    auto req = std::make_shared<HttpRequest>();
    req->method = requestLine[0];
    for (char c : req->method)
        if (c < 'A' || c > 'Z')
            return bad(QStringLiteral("Metode HTTP tidak valid."));
    req->target = requestLine[1];
    req->version = requestLine[2];
    const int q = req->target.indexOf('?');
    req->path = QUrl::fromPercentEncoding(q < 0 ? req->target : req->target.left(q));
    if (q >= 0)
        req->query = QUrlQuery(QString::fromUtf8(req->target.mid(q + 1)));
    req->peer = m_socket->peerAddress();
    req->secure = m_server->isTls();
    bool haveLength = false;
    for (int i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(QStringLiteral("Header terlipat tidak didukung."));
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return bad(QStringLiteral("Header permintaan tidak valid."));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 len = value.toLongLong(&ok);
            if (!ok || len < 0 || (haveLength && len != req->contentLength))
                return bad(QStringLiteral("Content-Length tidak valid."));
            haveLength = true;
            req->contentLength = len;
        } else if (name == "transfer-encoding") {
            refuse(411, ErrorCode::Validation, QStringLiteral("Kirim badan permintaan dengan Content-Length (chunked tidak didukung)."));
            return false;
        }
        req->headers.append(HeaderList::value_type(name, value));
    }
    const QByteArray connection = req->header("connection").toLower();
    m_keepAlive = req->version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    m_request = req;
    return true;
}

void HttpConnection::beginBody()
{
    HttpRequest &req = *m_request;
    const qint64 limit = m_server->m_bodyLimit ? m_server->m_bodyLimit(req) : 1024 * 1024;
    if (req.contentLength > limit) {
        // Refused from the head alone: not one byte of the body is buffered.
        refuse(413, ErrorCode::PayloadTooLarge,
               QStringLiteral("Ukuran data terlalu besar (maksimal %1 MB).").arg(limit / (1024.0 * 1024.0), 0, 'f', 0));
        return;
    }
    m_bodyReceived = 0;
    m_state = State::Body;
    if (req.contentType() == "multipart/form-data" && req.contentLength > 0) {
        auto file = std::make_shared<QTemporaryFile>(
            (m_server->m_tempDir.isEmpty() ? QDir::tempPath() : m_server->m_tempDir) + QStringLiteral("/upload-XXXXXX"));
        if (!file->open()) {
            refuse(500, ErrorCode::ServerError, QStringLiteral("Berkas sementara tidak dapat dibuat. Periksa ruang disk."));
            return;
        }
        req.bodyFile = file;
    } else {
        req.body.reserve(static_cast<int>(req.contentLength));
    }
    if (req.header("expect").toLower() == "100-continue" && req.contentLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void HttpConnection::feedBody()
{
    HttpRequest &req = *m_request;
    const qint64 want = req.contentLength - m_bodyReceived;
    if (req.bodyFile) {
        // Buffered head leftovers first, then straight from the socket to the file.
        QByteArray chunk = m_buffer.left(static_cast<int>(qMin<qint64>(want, m_buffer.size())));
        m_buffer.remove(0, chunk.size());
        if (chunk.size() < want && m_buffer.isEmpty())
            chunk.append(m_socket->read(want - chunk.size()));
        if (!chunk.isEmpty() && req.bodyFile->write(chunk) != chunk.size()) {
            refuse(500, ErrorCode::ServerError, QStringLiteral("Gagal menyimpan unggahan. Periksa ruang disk."));
            return;
        }
        m_bodyReceived += chunk.size();
    } else {
        const int take = static_cast<int>(qMin<qint64>(want, m_buffer.size()));
        req.body.append(m_buffer.constData(), take);
        m_buffer.remove(0, take);
        m_bodyReceived += take;
    }
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
    m_idle.stop();
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
    writeResponse(response, m_keepAlive, headOnly);
    if (!m_keepAlive) {
        closeAfterWrite();
        return;
    }
    m_state = State::Head;
    m_idle.start();
    if (!m_buffer.isEmpty()) // a pipelined request is waiting
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::writeResponse(const HttpResponse &r, bool keepAlive, bool headOnly)
{
    QByteArray out;
    out.reserve(256 + r.body.size());
    out += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + httpStatusText(r.status) + "\r\n";
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!headOnly)
        out += r.body;
    m_socket->write(out);
}

void HttpConnection::refuse(int status, ErrorCode code, const QString &message)
{
    HttpResponse r = m_server->m_errorRenderer ? m_server->m_errorRenderer(code, message) : HttpResponse{};
    r.status = status;
    m_request.reset();
    writeResponse(r, false, false);
    // Keep reading (and discarding) what the client is still sending so that it gets to read
    // our answer instead of a connection reset; the idle timer ends the wait.
    m_buffer.clear();
    m_state = State::Draining;
    m_idle.start();
    m_socket->flush();
    QTimer::singleShot(2000, this, [this] { if (m_state == State::Draining) m_socket->disconnectFromHost(); });
}

void HttpConnection::closeAfterWrite()
{
    m_state = State::Closed;
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

HttpServer::HttpServer(QObject *parent) : QObject(parent) {}

HttpServer::~HttpServer() = default;

Status HttpServer::setTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath), keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::ServerError,
                           QStringLiteral("Berkas sertifikat atau kunci TLS tidak dapat dibaca. Periksa --tls-cert dan --tls-key."));
    const QSslCertificate cert(&certFile, QSsl::Pem);
    QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    if (cert.isNull() || key.isNull())
        return Error::make(ErrorCode::ServerError, QStringLiteral("Sertifikat atau kunci TLS tidak valid (format PEM diperlukan)."));
    auto *ssl = new QSslServer(this);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(cert);
    conf.setPrivateKey(key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    ssl->setSslConfiguration(conf);
    delete m_server;
    m_server = ssl;
    m_tls = true;
    return {};
}

Status HttpServer::listen(const QString &host, quint16 port)
{
    if (!m_server)
        m_server = new QTcpServer(this);
    // QSslServer (6.4) queues a socket only after its handshake and then signals
    // pendingConnectionAvailable; QTcpServer signals newConnection. Either way we drain the queue.
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection, Qt::UniqueConnection);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection, Qt::UniqueConnection);
    QHostAddress addr;
    if (host == QLatin1String("localhost"))
        addr = QHostAddress::LocalHost;
    else if (!addr.setAddress(host))
        return Error::validation({{QStringLiteral("listen"), QStringLiteral("Alamat %1 bukan alamat IP.").arg(host)}});
    if (!m_server->listen(addr, port))
        return Error::make(ErrorCode::ServerError,
                           QStringLiteral("Server API tidak dapat mendengarkan di %1:%2: %3. Pilih port lain di Pengaturan.")
                               .arg(host).arg(port).arg(m_server->errorString()));
    m_host = host;
    return {};
}

void HttpServer::close()
{
    if (m_server)
        m_server->close();
}

bool HttpServer::isListening() const { return m_server && m_server->isListening(); }

quint16 HttpServer::port() const { return m_server ? m_server->serverPort() : 0; }

QString HttpServer::address() const
{
    return QStringLiteral("%1://%2:%3").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), m_host).arg(port());
}

void HttpServer::onNewConnection()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (m_connections >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new HttpConnection(socket, this);
    }
}

} // namespace tu
