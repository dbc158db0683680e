#include "HttpServer.h"
#include "RequestHead.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
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

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <climits>
#endif

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
    case 421: return "Misdirected Request";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    }
    return "Status";
}

// ---------------------------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_resumeAccept.setSingleShot(true);
    m_resumeAccept.setInterval(250);
    connect(&m_resumeAccept, &QTimer::timeout, this, [this] {
        if (m_server && m_server->isListening())
            m_server->resumeAccepting();
    });
}

HttpServer::~HttpServer()
{
    // Connections are our children, but they update our members when they go: delete them
    // while those members still exist.
    const QList<HttpConnection *> live = m_live;
    for (HttpConnection *c : live)
        delete c;
}

qint64 HttpServer::raiseOpenFileLimit()
{
#ifdef Q_OS_UNIX
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    if (rl.rlim_cur < rl.rlim_max) {
        struct rlimit want = rl;
        want.rlim_cur = rl.rlim_max;
#ifdef Q_OS_MACOS
        want.rlim_cur = qMin<rlim_t>(rl.rlim_max, OPEN_MAX);
#endif
        if (setrlimit(RLIMIT_NOFILE, &want) == 0)
            rl = want;
    }
    return rl.rlim_cur == RLIM_INFINITY ? qint64(INT_MAX) : qint64(rl.rlim_cur);
#else
    return -1;
#endif
}

QByteArray HttpServer::addressKey(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    // One IPv6 subscriber usually holds a whole /64: counting single addresses would let one
    // host open 32 connections from each of 2^64 addresses.
    Q_IPV6ADDR a = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        a[i] = 0;
    return QHostAddress(a).toString().toLatin1() + "/64";
}

int HttpServer::effectiveMaxConnections() const
{
    qint64 cap = m_limits.maxConnections;
    if (m_openFiles > 0)
        cap = qMin(cap, qMax<qint64>(16, m_openFiles - m_limits.fdReserve));
    return int(cap);
}

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
    // The default soft limit (often 1024) is below our connection cap; the hard one rarely is.
    m_openFiles = raiseOpenFileLimit();
    // QSslServer (6.4) queues a socket only after its handshake and then signals
    // pendingConnectionAvailable; QTcpServer signals newConnection. Either way we drain the queue.
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection, Qt::UniqueConnection);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection, Qt::UniqueConnection);
    connect(m_server, &QTcpServer::acceptError, this, &HttpServer::onAcceptError, Qt::UniqueConnection);
    // Qt's default backlog (50) overflows under a burst of connects: the kernel then drops
    // SYNs and a legitimate client waits a whole second for its retransmission.
    m_server->setListenBacklogSize(1024);
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
        const QHostAddress peer = socket->peerAddress();
        const QByteArray key = addressKey(peer);
        if (m_perAddress.value(key) >= m_limits.maxConnectionsPerIp && !(m_peerExempt && m_peerExempt(peer))) {
            reject(socket, QStringLiteral("Terlalu banyak koneksi dari alamat Anda. Tutup tab yang tidak dipakai lalu coba lagi."));
            continue;
        }
        // Full: an idle keep-alive connection (else the slowest unfinished head) makes room,
        // rather than the new client being turned away.
        if (m_connections >= effectiveMaxConnections() && !evictOne()) {
            reject(socket, QStringLiteral("Server sedang penuh. Coba lagi sebentar lagi."));
            continue;
        }
        new HttpConnection(socket, this, key);
    }
}

void HttpServer::onAcceptError()
{
    // Typically out of file descriptors (EMFILE): the pending connection stays in the listen
    // queue and the socket stays readable, so accepting again at once only spins. Pause, give
    // back a descriptor held by an idle connection, and try again shortly.
    // (Qt 6.4 also reports a stale error right after a successful accept: only a connection
    // idle for a second is given up, never the one just accepted.)
    m_server->pauseAccepting();
    evictOne(1000);
    if (!m_resumeAccept.isActive()) {
        qCWarning(lcHttp).noquote() << "accept failed:" << m_server->errorString() << "- pausing new connections for"
                                    << m_resumeAccept.interval() << "ms";
        m_resumeAccept.start();
    }
}

bool HttpServer::evictOne(qint64 minAgeMs)
{
    HttpConnection *victim = nullptr;
    const qint64 t = now();
    for (HttpConnection *c : std::as_const(m_live)) {
        if (c->m_state != HttpConnection::State::Head || t - c->m_since < minAgeMs)
            continue;
        // Idle before busy with a head; among those, never served before served (a client that
        // has made requests keeps its connection over one that only holds a socket); then oldest.
        auto rank = [](const HttpConnection *x) { return (x->isIdle() ? 0 : 2) + (x->m_served == 0 ? 0 : 1); };
        if (!victim || rank(c) < rank(victim) || (rank(c) == rank(victim) && c->m_since < victim->m_since))
            victim = c;
    }
    if (!victim)
        return false;
    victim->detach();
    victim->m_state = HttpConnection::State::Closed;
    victim->m_socket->abort();
    return true;
}

void HttpServer::reject(QTcpSocket *socket, const QString &message)
{
    socket->setParent(this);
    if (m_rejecting >= 64) { // under a flood, no answer: each would hold a descriptor a while
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_rejecting;
    HttpResponse r = m_errorRenderer ? m_errorRenderer(ErrorCode::ServerError, message) : HttpResponse{};
    r.status = 503;
    r.setHeader("Retry-After", "5");
    connect(socket, &QObject::destroyed, this, [this] { --m_rejecting; });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(1000, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->write(serializeResponse(r, false, false));
    socket->disconnectFromHost();
}

} // namespace tu
