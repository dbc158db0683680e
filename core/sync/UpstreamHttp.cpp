#include "UpstreamHttp.h"
#include "app/SettingsStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcUpstream, "tatausaha.upstream")

namespace tu {

QString upstreamFailureName(UpstreamFailure k)
{
    switch (k) {
    case UpstreamFailure::None: return QStringLiteral("none");
    case UpstreamFailure::Authentication: return QStringLiteral("authentication");
    case UpstreamFailure::Network: return QStringLiteral("network");
    case UpstreamFailure::Timeout: return QStringLiteral("timeout");
    case UpstreamFailure::Validation: return QStringLiteral("validation");
    case UpstreamFailure::RateLimit: return QStringLiteral("rate_limit");
    case UpstreamFailure::Server: return QStringLiteral("server");
    case UpstreamFailure::Malformed: return QStringLiteral("malformed");
    case UpstreamFailure::TextAnswer: return QStringLiteral("text_answer");
    case UpstreamFailure::TooLarge: return QStringLiteral("too_large");
    case UpstreamFailure::Redirect: return QStringLiteral("redirect");
    }
    return {};
}

void UpstreamLatency::record(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    if (m_samples.size() < 64) {
        m_samples.append(ms);
    } else {
        m_samples[m_next] = ms;
        m_next = (m_next + 1) % 64;
    }
}

qint64 UpstreamLatency::median() const
{
    QMutexLocker lock(&m_mutex);
    if (m_samples.isEmpty())
        return -1;
    QList<qint64> s = m_samples;
    std::nth_element(s.begin(), s.begin() + s.size() / 2, s.end());
    return s[s.size() / 2];
}

int UpstreamLatency::hedgeAfterMs(int floorMs, int capMs, int minSamples) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_samples.size() < minSamples)
            return 0;
    }
    const qint64 delay = qMax<qint64>(floorMs, 4 * median());
    if (capMs > 0 && delay >= capMs)
        return 0;
    return int(delay);
}

qint64 upstreamMaxResponseBytes(const SettingsStore &settings)
{
    bool ok = false;
    const int mb = settings.value(QStringLiteral("upstream_max_response_mb")).trimmed().toInt(&ok);
    return qint64(ok && mb > 0 ? mb : DefaultMaxResponseMb) * 1024 * 1024;
}

namespace {
// Set on a reply that was stopped on purpose, so its abort is not mistaken for a timeout.
constexpr char TooLargeProperty[] = "tu_too_large";
constexpr char RefusedRedirectProperty[] = "tu_refused_redirect";

int defaultPort(const QUrl &u) { return u.scheme() == QLatin1String("https") ? 443 : 80; }

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QString originOf(const QUrl &u)
{
    return u.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
}

bool carriesCredentials(const UpstreamRequest &r)
{
    for (const auto &h : r.headers) {
        const bool named = h.first.compare("x-api-key", Qt::CaseInsensitive) == 0 || h.first.compare("authorization", Qt::CaseInsensitive) == 0;
        if (named && !h.second.trimmed().isEmpty() && h.second.trimmed() != "Bearer")
            return true;
    }
    return false;
}

// Schools run their own servers on the LAN, often without TLS, so http:// stays allowed; the
// log says once per upstream address that its key travels readable. Never prints the key.
void warnPlainHttpOnce(const QString &service, const UpstreamRequest &r)
{
    if (r.url.scheme() != QLatin1String("http") || !carriesCredentials(r))
        return;
    static QMutex mutex;
    static QSet<QString> warned;
    const QString key = service + QLatin1Char(' ') + originOf(r.url);
    {
        QMutexLocker lock(&mutex);
        if (warned.contains(key))
            return;
        warned.insert(key);
    }
    qCWarning(lcUpstream).noquote() << service << "credentials are sent over plain http:// to" << originOf(r.url)
                                    << "- anyone on the network path can read them; use an https:// address if the server offers one";
}

// Watches one copy of a request: cuts it off once the answer is larger than allowed, and lets
// a redirect through only within the same origin.
void watchReply(QNetworkReply *x, const UpstreamRequest &r)
{
    const qint64 cap = r.maxResponseBytes;
    // Marked even when the reply has already finished: on loopback a whole answer can arrive
    // before the first progress signal is delivered.
    auto tooLarge = [x] {
        x->setProperty(TooLargeProperty, true);
        if (x->isRunning())
            x->abort();
    };
    if (cap > 0) {
        QObject::connect(x, &QNetworkReply::metaDataChanged, x, [x, cap, tooLarge] {
            bool ok = false;
            const qint64 declared = x->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
            if (ok && declared > cap)
                tooLarge();
        });
        QObject::connect(x, &QNetworkReply::downloadProgress, x, [x, cap, tooLarge](qint64 received, qint64 total) {
            if (received > cap || total > cap || x->bytesAvailable() > cap)
                tooLarge();
        });
    }
    const QUrl origin = r.url;
    QObject::connect(x, &QNetworkReply::redirected, x, [x, origin](const QUrl &to) {
        const QUrl target = origin.resolved(to);
        if (sameOrigin(origin, target)) {
            emit x->redirectAllowed();
            return;
        }
        x->setProperty(RefusedRedirectProperty, originOf(target));
        x->abort();
    });
}

bool stoppedOnPurpose(QNetworkReply *x)
{
    return x->property(TooLargeProperty).toBool() || x->property(RefusedRedirectProperty).isValid();
}

bool idempotent(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

// A copy that got an answer worth keeping: anything but no answer, 5xx and 429.
bool answered(QNetworkReply *x)
{
    const int status = x->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status != 0 && status < 500 && status != 429;
}

UpstreamReply attempt(const QString &service, const UpstreamRequest &r, QNetworkAccessManager &nam, int &retryAfterMs, bool &hedgeWon)
{
    UpstreamReply out;
    QNetworkRequest req(r.url);
    req.setTransferTimeout(r.timeoutMs);
    bool hasType = false;
    for (const auto &h : r.headers) {
        req.setRawHeader(h.first, h.second);
        hasType |= h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!r.body.isEmpty() && !hasType)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    req.setRawHeader("Accept", "application/json");
    // Qt would follow redirects on its own and send our X-API-KEY / Authorization along to
    // wherever they point; watchReply() decides instead.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    QElapsedTimer firstClock, secondClock;
    firstClock.start();
    QNetworkReply *first = nam.sendCustomRequest(req, r.method, r.body);
    watchReply(first, r);
    QNetworkReply *second = nullptr; // the hedge, once sent
    QSemaphore *secondPermit = nullptr;
    QNetworkReply *reply = nullptr;  // the copy whose answer counts
    QEventLoop loop;
    const auto finished = [&](QNetworkReply *x) {
        if (reply)
            return; // decided already; this is the loser being aborted
        QNetworkReply *other = x == first ? second : first;
        // A first copy that fails while the hedge runs waits for the hedge; a hedge that fails
        // while the first copy still stalls counts (a 429 then is honoured, a 5xx retried).
        if (answered(x) || stoppedOnPurpose(x) || !other || !other->isRunning() || x == second) {
            reply = x;
            loop.quit();
        }
    };
    QObject::connect(first, &QNetworkReply::finished, &loop, [&, first] { finished(first); });
    QTimer guard; // belt and braces over the transfer timeout
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        for (QNetworkReply *x : {first, second})
            if (x && x->isRunning())
                x->abort();
    });
    QTimer hedge;
    hedge.setSingleShot(true);
    QObject::connect(&hedge, &QTimer::timeout, &loop, [&] {
        if (reply || second || !first->isRunning())
            return;
        // The hedge is a request on the wire too: it needs a slot of the hedge budget.
        QSemaphore *budget = r.hedgeSlots ? r.hedgeSlots : r.inFlight;
        if (budget && !budget->tryAcquire()) {
            hedge.start(5);
            return;
        }
        secondPermit = budget;
        secondClock.start();
        second = nam.sendCustomRequest(req, r.method, r.body);
        watchReply(second, r);
        ++out.hedges;
        QObject::connect(second, &QNetworkReply::finished, &loop, [&] { finished(second); });
    });
    guard.start(r.timeoutMs + 2000);
    if (r.hedgeAfterMs > 0 && r.hedgeAfterMs < r.timeoutMs && idempotent(r.method))
        hedge.start(r.hedgeAfterMs);
    loop.exec();
    if (!reply)
        reply = first;
    hedge.stop();
    guard.stop();
    hedgeWon = reply == second && second;
    for (QNetworkReply *x : {first, second})
        if (x && x != reply && x->isRunning())
            x->abort(); // the slower copy: its connection is closed, not left to stall
    if (secondPermit)
        secondPermit->release();
    if (r.latency && answered(reply))
        r.latency->record(hedgeWon ? secondClock.elapsed() : firstClock.elapsed());
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool tooLarge = reply->property(TooLargeProperty).toBool()
        || (r.maxResponseBytes > 0 && reply->bytesAvailable() > r.maxResponseBytes);
    const QVariant refusedRedirect = reply->property(RefusedRedirectProperty);
    if (reply->isOpen() && !tooLarge && !refusedRedirect.isValid())
        out.body = reply->readAll();
    const auto err = reply->error();
    const QString url = r.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (tooLarge) {
        out.failure = UpstreamFailure::TooLarge;
        out.message = QStringLiteral("Jawaban %1 lebih besar dari batas %2 MB sehingga dihentikan (%3). Periksa alamat %1 di Pengaturan; "
                                     "bila jawabannya memang sebesar itu, naikkan batas ukuran jawaban (upstream_max_response_mb).")
                          .arg(service).arg(double(r.maxResponseBytes) / (1024 * 1024), 0, 'g', 4).arg(url);
    } else if (refusedRedirect.isValid()) {
        out.failure = UpstreamFailure::Redirect;
        out.message = QStringLiteral("%1 mengalihkan permintaan ke server lain (%2). Pengalihan itu tidak diikuti agar API key dan password "
                                     "tidak terkirim ke server lain. Isi alamat %1 yang benar di Pengaturan.")
                          .arg(service, refusedRedirect.toString());
    } else if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
        out.failure = UpstreamFailure::Timeout;
        out.message = QStringLiteral("%1 tidak menjawab dalam %2 detik (%3). Periksa koneksi internet sekolah atau coba lagi nanti.")
                          .arg(service).arg(r.timeoutMs / 1000.0, 0, 'f', 0).arg(url);
    } else if (out.status == 0) {
        out.failure = UpstreamFailure::Network;
        out.message = QStringLiteral("Tidak dapat terhubung ke %1 (%2): %3. Periksa alamat server di Pengaturan dan koneksi jaringan.")
                          .arg(service, url, reply->errorString());
    } else if (out.status == 401 || out.status == 403) {
        out.failure = UpstreamFailure::Authentication;
        out.message = QStringLiteral("%1 menolak kredensial (HTTP %2). Periksa API key / username / password %1 di Pengaturan.")
                          .arg(service).arg(out.status);
    } else if (out.status == 429) {
        out.failure = UpstreamFailure::RateLimit;
        bool ok = false;
        const int secs = reply->rawHeader("Retry-After").toInt(&ok);
        retryAfterMs = ok ? secs * 1000 : 1000;
        out.message = QStringLiteral("%1 membatasi jumlah permintaan (HTTP 429). Tunggu sebentar lalu coba lagi.").arg(service);
    } else if (out.status >= 500) {
        out.failure = UpstreamFailure::Server;
        out.message = QStringLiteral("%1 sedang mengalami gangguan (HTTP %2). Coba lagi nanti; bila berlanjut, hubungi pengelola %1.")
                          .arg(service).arg(out.status);
    } else if (out.status >= 400) {
        out.failure = UpstreamFailure::Validation;
        out.message = QStringLiteral("%1 menolak data yang dikirim (HTTP %2). Periksa data lalu kirim ulang.").arg(service).arg(out.status);
    } else if (r.expectJson && !out.body.trimmed().startsWith('{') && !out.body.trimmed().startsWith('[')) {
        out.failure = UpstreamFailure::TextAnswer;
        out.text = QString::fromUtf8(out.body).simplified().left(300);
        out.message = QStringLiteral("%1 menjawab: \"%2\"").arg(service, out.text);
    } else if (r.expectJson) {
        QJsonParseError pe;
        out.json = QJsonDocument::fromJson(out.body, &pe);
        if (pe.error != QJsonParseError::NoError) {
            out.failure = UpstreamFailure::Malformed;
            out.message = QStringLiteral("Jawaban %1 tidak dapat dibaca (JSON tidak valid). Coba lagi; bila berulang, hubungi pengelola %1.").arg(service);
        }
    }
    delete first;
    delete second;
    return out;
}

bool retryable(const UpstreamReply &r, const UpstreamRequest &req)
{
    return r.failure == UpstreamFailure::Timeout || (req.retryMalformed && r.failure == UpstreamFailure::Malformed) || r.failure == UpstreamFailure::Network
        || r.failure == UpstreamFailure::RateLimit
        || (r.failure == UpstreamFailure::Server && (r.status == 502 || r.status == 503 || r.status == 504));
}
} // namespace

UpstreamReply UpstreamHttp::send(const QString &service, const UpstreamRequest &request, const std::function<bool()> &cancelled,
                                 QNetworkAccessManager *sharedNam)
{
    if (!request.url.isValid() || request.url.host().isEmpty()) {
        UpstreamReply r;
        r.failure = UpstreamFailure::Network;
        r.message = QStringLiteral("Alamat %1 belum diatur. Isi alamatnya di Pengaturan.").arg(service);
        return r;
    }
    warnPlainHttpOnce(service, request);
    QNetworkAccessManager ownNam;
    QNetworkAccessManager &nam = sharedNam ? *sharedNam : ownNam;
    nam.setAutoDeleteReplies(false);
    UpstreamReply last;
    int backoff = request.backoffMs;
    QElapsedTimer clock;
    clock.start();
    QStringList history; // failures of this call, for the log
    int hedges = 0;
    for (int i = 0; i <= request.retries; ++i) {
        int retryAfterMs = 0;
        bool hedgeWon = false;
        if (request.inFlight)
            request.inFlight->acquire();
        last = attempt(service, request, nam, retryAfterMs, hedgeWon);
        if (request.inFlight)
            request.inFlight->release();
        const int hedgedNow = last.hedges;
        hedges += hedgedNow;
        last.hedges = hedges;
        last.attempts = i + 1;
        if (hedgeWon)
            history << QStringLiteral("stalled, hedge answered@") + QString::number(clock.elapsed());
        else if (hedgedNow > 0 && last.ok())
            history << QStringLiteral("hedge not needed@") + QString::number(clock.elapsed());
        if (!last.ok())
            history << upstreamFailureName(last.failure) + QLatin1Char('@') + QString::number(clock.elapsed());
        if (last.ok() || !retryable(last, request) || i == request.retries || (cancelled && cancelled()))
            break;
        // Jitter keeps parallel workers that failed together from retrying together.
        const int jitter = backoff > 1 ? int(QRandomGenerator::global()->bounded(backoff / 2 + 1)) : 0;
        const int wait = last.failure == UpstreamFailure::RateLimit ? qMin(retryAfterMs, request.maxRetryAfterMs) : backoff + jitter;
        QThread::msleep(static_cast<unsigned long>(wait));
        backoff *= 2;
    }
    if (!history.isEmpty())
        qCInfo(lcUpstream).noquote() << service << request.method << request.url.path() << (last.ok() ? "ok" : "failed") << "after"
                                     << clock.elapsed() << "ms:" << history.join(QLatin1Char(' '));
    return last;
}

} // namespace tu
