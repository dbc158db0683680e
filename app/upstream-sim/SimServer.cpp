#include "SimServer.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace {

const QString kControlPrefix = QStringLiteral("/__sim/");

// How long a `timeout` fault holds a connection if the client never gives up.
constexpr int kStallMs = 120 * 1000;

// A body that starts like a real answer but is cut off mid-record: it fails to parse.
const QByteArray kMalformedBody = R"({"success":true,"data":[{"id":"7f3c9a2e-1b4d-5e6f-8a9b-0c1d2e3f4a5b","nama":"SMP N)";

} // namespace

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QAbstractHttpServer(parent),
      m_options(options),
      m_faults(options.seed, options.failRate),
      m_latencyMs(options.latencyMs)
{
}

SimServer::~SimServer() = default;

void SimServer::addUpstream(std::unique_ptr<Upstream> upstream)
{
    m_upstreams.push_back(std::move(upstream));
}

quint16 SimServer::start()
{
    return listen(m_options.address, m_options.port);
}

bool SimServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    const SimRequest request = SimRequest::from(httpRequest);
    const bool close = request.header("connection").toLower().contains("close");
    if (request.path.startsWith(kControlPrefix)) {
        const SimResponse response = handleControl(request);
        if (m_options.verbose)
            qInfo("%s %s -> %d (control)", request.method.constData(), qPrintable(request.path),
                  response.status);
        writeResponse(socket, response, close);
    } else {
        handleUpstream(request, socket, close);
    }
    return true; // every request is answered (or deliberately not) by us
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable: handleRequest always returns true. Answer anyway rather than hang.
    Q_UNUSED(request);
    writeResponse(socket, SimResponse::error(404, QStringLiteral("Endpoint tidak ditemukan")), false);
}

void SimServer::handleUpstream(const SimRequest &request, QTcpSocket *socket, bool close)
{
    m_stats.countRequest();
    if (applyAnswerHook(request, socket, close))
        return;

    // The fault is decided before the upstream sees the request: a failed request has no
    // effect on upstream state (a failed push is not recorded).
    const FaultKind fault = m_faults.next();
    if (fault != FaultKind::None) {
        m_stats.countFailure(FaultInjector::name(fault));
        if (m_options.verbose)
            qInfo("%s %s -> fault %s", request.method.constData(), qPrintable(request.path),
                  qPrintable(FaultInjector::name(fault)));
        applyFault(fault, socket, close);
        return;
    }

    std::optional<SimResponse> response;
    for (const auto &upstream : m_upstreams) {
        if (request.path.startsWith(upstream->pathPrefix())) {
            response = upstream->handle(request);
            break;
        }
    }
    if (!response)
        response = SimResponse::error(404, QStringLiteral("Endpoint tidak ditemukan"));
    if (m_options.verbose)
        qInfo("%s %s -> %d", request.method.constData(), qPrintable(request.path),
              response->status);

    // State changes happen now, in arrival order; only the answer is delayed.
    later(socket, m_latencyMs, [r = *response, close](QTcpSocket *s) { writeResponse(s, r, close); });
}

void SimServer::applyFault(FaultKind kind, QTcpSocket *socket, bool close)
{
    switch (kind) {
    case FaultKind::Timeout:
        // Accept the request and say nothing; the client's own timeout must fire. The socket
        // is the timer's context, so the timer dies with it when the client gives up first.
        QTimer::singleShot(kStallMs, socket, [socket] { socket->abort(); });
        return;
    case FaultKind::Drop:
        // abort() resets the connection without a byte of response.
        later(socket, m_latencyMs, [](QTcpSocket *s) { s->abort(); });
        return;
    case FaultKind::ServerError:
        later(socket, m_latencyMs, [close](QTcpSocket *s) {
            writeResponse(s, SimResponse::error(503, QStringLiteral(
                "Layanan sedang tidak tersedia (gangguan simulasi)")), close);
        });
        return;
    case FaultKind::Malformed:
        later(socket, m_latencyMs, [close](QTcpSocket *s) {
            SimResponse r;
            r.body = kMalformedBody;
            writeResponse(s, r, close);
        });
        return;
    case FaultKind::TooManyRequests:
        later(socket, m_latencyMs, [close](QTcpSocket *s) {
            SimResponse r = SimResponse::error(429, QStringLiteral(
                "Terlalu banyak permintaan, coba lagi nanti (gangguan simulasi)"));
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
            writeResponse(s, r, close);
        });
        return;
    case FaultKind::None:
        return;
    }
}

SimResponse SimServer::handleControl(const SimRequest &request)
{
    const QString sub = request.path.mid(kControlPrefix.size()); // e.g. "stats", "siakad/..."
    const auto methodNotAllowed = [] {
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
    };

    if (sub == QLatin1String("stats")) {
        if (request.method != "GET")
            return methodNotAllowed();
        return SimResponse::json(200, statsJson());
    }
    if (sub == QLatin1String("reset")) {
        if (request.method != "POST")
            return methodNotAllowed();
        resetAll();
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true}});
    }
    if (sub == QLatin1String("redirect")) {
        if (request.method != "POST")
            return methodNotAllowed();
        return handleRedirect(request);
    }
    if (sub == QLatin1String("oversize")) {
        if (request.method != "POST")
            return methodNotAllowed();
        return handleOversize(request);
    }
    if (sub == QLatin1String("faults")) {
        if (request.method == "GET")
            return SimResponse::json(200, faultsJson());
        if (request.method != "POST")
            return methodNotAllowed();
        return handleFaults(request);
    }

    // /__sim/<upstream>/<rest>: test hooks of one upstream.
    const int slash = sub.indexOf(QLatin1Char('/'));
    const QString name = slash < 0 ? sub : sub.left(slash);
    const QString rest = slash < 0 ? QString() : sub.mid(slash + 1);
    for (const auto &upstream : m_upstreams) {
        if (upstream->name() == name) {
            if (auto r = upstream->handleControl(request, rest))
                return *r;
            break;
        }
    }
    return SimResponse::error(404, QStringLiteral("Endpoint kontrol tidak ditemukan"));
}

SimResponse SimServer::handleFaults(const SimRequest &request)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return SimResponse::error(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();

    // Validate everything first, so a bad field changes nothing.
    FaultKind kind = FaultKind::None;
    int count = 1;
    if (o.contains(QStringLiteral("kind"))) {
        kind = FaultInjector::fromName(o.value(QStringLiteral("kind")).toString());
        if (kind == FaultKind::None)
            return SimResponse::error(400, QStringLiteral(
                "kind harus salah satu dari timeout, 5xx, drop, malformed, 429"));
        if (o.contains(QStringLiteral("count"))) {
            const QJsonValue c = o.value(QStringLiteral("count"));
            if (!c.isDouble() || c.toDouble() < 1 || c.toDouble() != double(c.toInt()))
                return SimResponse::error(400, QStringLiteral("count harus bilangan bulat >= 1"));
            count = c.toInt();
        }
    }
    const QJsonValue rate = o.value(QStringLiteral("failRate"));
    if (!rate.isUndefined() && (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1))
        return SimResponse::error(400, QStringLiteral("failRate harus antara 0 dan 1"));
    const QJsonValue latency = o.value(QStringLiteral("latencyMs"));
    if (!latency.isUndefined() && (!latency.isDouble() || latency.toDouble() < 0))
        return SimResponse::error(400, QStringLiteral("latencyMs harus >= 0"));

    if (o.value(QStringLiteral("clear")).toBool())
        m_faults.clearForced();
    if (kind != FaultKind::None)
        m_faults.force(kind, count);
    if (!rate.isUndefined())
        m_faults.setFailRate(rate.toDouble());
    if (!latency.isUndefined())
        m_latencyMs = latency.toInt();
    return SimResponse::json(200, faultsJson());
}

namespace {
bool countOf(const QJsonObject &o, int *count, QString *error)
{
    *count = 1;
    if (!o.contains(QStringLiteral("count")))
        return true;
    const QJsonValue c = o.value(QStringLiteral("count"));
    if (!c.isDouble() || c.toDouble() < 0 || c.toDouble() != double(c.toInt())) {
        *error = QStringLiteral("count harus bilangan bulat >= 0");
        return false;
    }
    *count = c.toInt();
    return true;
}
} // namespace

SimResponse SimServer::handleRedirect(const SimRequest &request)
{
    const QJsonObject o = QJsonDocument::fromJson(request.body).object();
    const QUrl to(o.value(QStringLiteral("to")).toString());
    const int status = o.value(QStringLiteral("status")).toInt(302);
    int count = 1;
    QString error;
    if (!to.isValid() || to.host().isEmpty() || (to.scheme() != QLatin1String("http") && to.scheme() != QLatin1String("https")))
        return SimResponse::error(400, QStringLiteral("to harus alamat http(s)://host:port"));
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return SimResponse::error(400, QStringLiteral("status harus 301, 302, 303, 307 atau 308"));
    if (!countOf(o, &count, &error))
        return SimResponse::error(400, error);
    QByteArray base = to.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    m_redirect = {base, status, count};
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("pending"), count}});
}

SimResponse SimServer::handleOversize(const SimRequest &request)
{
    const QJsonObject o = QJsonDocument::fromJson(request.body).object();
    const double bytes = o.value(QStringLiteral("bytes")).toDouble(-1);
    int count = 1;
    QString error;
    if (bytes < 0 || bytes > 64.0 * 1024 * 1024 * 1024)
        return SimResponse::error(400, QStringLiteral("bytes harus antara 0 dan 64 GiB"));
    if (!countOf(o, &count, &error))
        return SimResponse::error(400, error);
    m_oversize = {qint64(bytes), o.value(QStringLiteral("declared")).toBool(true), count};
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("pending"), count}});
}

bool SimServer::applyAnswerHook(const SimRequest &request, QTcpSocket *socket, bool close)
{
    if (m_redirect.count > 0) {
        --m_redirect.count;
        ++m_redirected;
        SimResponse r = SimResponse::error(m_redirect.status, QStringLiteral("Dipindahkan (simulasi)"));
        QByteArray location = m_redirect.to + request.path.toUtf8();
        if (!request.query.isEmpty())
            location += '?' + request.query.toString(QUrl::FullyEncoded).toUtf8();
        r.headers.append(qMakePair(QByteArray("Location"), location));
        writeResponse(socket, r, close);
        return true;
    }
    if (m_oversize.count > 0) {
        --m_oversize.count;
        ++m_oversized;
        streamBody(socket, m_oversize.bytes, m_oversize.declared, close);
        return true;
    }
    return false;
}

void SimServer::streamBody(QTcpSocket *socket, qint64 bytes, bool declared, bool close)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (declared)
        head += "Content-Length: " + QByteArray::number(bytes) + "\r\n";
    // Without a length the end of the body is the end of the connection.
    head += (close || !declared) ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    socket->write(head);
    auto left = std::make_shared<qint64>(bytes);
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto pump = [socket, left, declared, close, connection] {
        static const QByteArray chunk = [] {
            QByteArray c = "{\"data\":\"";
            c.append(64 * 1024 - c.size(), 'x');
            return c;
        }();
        while (*left > 0 && socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 256 * 1024) {
            const qint64 n = qMin<qint64>(*left, chunk.size());
            socket->write(chunk.constData(), n);
            *left -= n;
        }
        if (*left == 0) {
            QObject::disconnect(*connection); // the socket may serve the next request (keep-alive)
            if (!declared || close)
                socket->disconnectFromHost();
        }
    };
    *connection = QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

void SimServer::resetAll()
{
    m_redirect = {};
    m_oversize = {};
    m_redirected = 0;
    m_oversized = 0;
    m_faults.reset(m_options.seed, m_options.failRate);
    m_latencyMs = m_options.latencyMs;
    m_stats.reset();
    for (const auto &upstream : m_upstreams)
        upstream->reset();
}

QJsonObject SimServer::faultsJson() const
{
    return {{QStringLiteral("success"), true},
            {QStringLiteral("failRate"), m_faults.failRate()},
            {QStringLiteral("latencyMs"), m_latencyMs},
            {QStringLiteral("forcedPending"), m_faults.forcedPending()}};
}

QJsonObject SimServer::statsJson() const
{
    QJsonObject stats{{QStringLiteral("kecamatan"), m_options.kecamatan},
            {QStringLiteral("sekolah"), m_options.sekolah()},
            {QStringLiteral("ptk"), m_options.ptk()},
            {QStringLiteral("requests"), m_stats.requests()},
            {QStringLiteral("injected_failures"), m_stats.injectedFailures()},
            {QStringLiteral("failures_by_kind"), m_stats.failuresByKind()},
            {QStringLiteral("pushed"), m_stats.pushed()},
            {QStringLiteral("seed"), qint64(m_options.seed)},
            {QStringLiteral("fail_rate"), m_faults.failRate()},
            {QStringLiteral("latency_ms"), m_latencyMs},
            {QStringLiteral("forced_pending"), m_faults.forcedPending()},
            {QStringLiteral("redirected"), m_redirected},
            {QStringLiteral("oversized"), m_oversized}};
    for (const auto &upstream : m_upstreams)
        upstream->addStats(stats);
    return stats;
}

void SimServer::later(QTcpSocket *socket, int delayMs, std::function<void(QTcpSocket *)> action)
{
    if (delayMs <= 0) {
        action(socket);
        return;
    }
    QTimer::singleShot(delayMs, socket, [socket, action] {
        if (socket->state() == QAbstractSocket::ConnectedState)
            action(socket);
    });
}

void SimServer::writeResponse(QTcpSocket *socket, const SimResponse &response, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                     + reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost(); // after the pending bytes are written
}
