#include "HttpPolicy.h"

#include <QUrl>

namespace tu {

QString HttpPolicy::normalizeIp(const QHostAddress &a)
{
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : a.toString();
}

void HttpPolicy::setTrustedProxies(const QStringList &entries)
{
    m_proxies.clear();
    for (const QString &e : entries) {
        if (e.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(e);
            if (!subnet.first.isNull())
                m_proxies.append(subnet);
        } else {
            QHostAddress a(e);
            if (!a.isNull())
                m_proxies.append({a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32});
        }
    }
}

void HttpPolicy::setCorsOrigins(const QStringList &origins)
{
    m_origins.clear();
    for (QString o : origins) {
        while (o.endsWith(QLatin1Char('/')))
            o.chop(1);
        if (!o.isEmpty() && o != QLatin1String("*")) // never * with credentials
            m_origins << o.toLower();
    }
}

void HttpPolicy::setAllowedHosts(const QStringList &hosts)
{
    m_allowedHosts.clear();
    for (const QString &h : hosts)
        if (!h.trimmed().isEmpty())
            m_allowedHosts << h.trimmed().toLower();
}

bool HttpPolicy::hostAllowed(const QString &hostName, const QString &listenHost) const
{
    // No Host (HTTP/1.0) cannot come from a browser; an IP literal or localhost cannot be
    // rebound to us by someone else's DNS.
    if (hostName.isEmpty() || hostName == QLatin1String("localhost") || !QHostAddress(hostName).isNull()
        || hostName.compare(listenHost, Qt::CaseInsensitive) == 0)
        return true;
    for (const QString &h : m_allowedHosts) {
        if (h == QLatin1String("*") || h == hostName)
            return true;
        if (h.startsWith(QLatin1Char('.')) && (hostName.endsWith(h) || hostName == h.mid(1)))
            return true;
    }
    return false;
}

bool HttpPolicy::trusted(const QHostAddress &address) const
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QHostAddress a = isV4 ? QHostAddress(v4) : address;
    for (const auto &p : m_proxies)
        if (a.isInSubnet(p))
            return true;
    return false;
}

QString HttpPolicy::clientIp(const HttpRequest &request) const
{
    if (m_proxies.isEmpty() || !trusted(request.peer))
        return normalizeIp(request.peer);
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (int i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops[i].trimmed()));
        if (hop.isNull())
            break;
        if (!trusted(hop))
            return normalizeIp(hop);
    }
    return normalizeIp(request.peer);
}

bool HttpPolicy::originAllowed(const QByteArray &origin) const
{
    return !origin.isEmpty() && m_origins.contains(QString::fromLatin1(origin).toLower());
}

HeaderList HttpPolicy::corsHeaders(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    if (!originAllowed(origin))
        return {};
    return {{"Access-Control-Allow-Origin", origin},
            {"Access-Control-Allow-Credentials", "true"},
            {"Access-Control-Expose-Headers", "Retry-After, Content-Disposition"},
            {"Vary", "Origin"}};
}

HeaderList HttpPolicy::preflightHeaders(const HttpRequest &request) const
{
    HeaderList h = corsHeaders(request);
    if (h.isEmpty())
        return h;
    h.append(HeaderList::value_type("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS"));
    h.append(HeaderList::value_type("Access-Control-Allow-Headers", "Content-Type, Authorization, X-API-KEY, X-Requested-With"));
    h.append(HeaderList::value_type("Access-Control-Max-Age", "600"));
    return h;
}

bool HttpPolicy::isCrossSite(const HttpRequest &request) const
{
    // Set by the browser itself, never by a page: believed before anything else.
    if (request.header("sec-fetch-site") == "cross-site")
        return true;
    QByteArray source = request.header("origin");
    if (source.isEmpty() || source == "null") {
        const QUrl referer(QString::fromLatin1(request.header("referer")));
        if (referer.isValid() && !referer.host().isEmpty())
            source = referer.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                         .toString().toLatin1();
        else if (request.header("origin") == "null")
            return true; // sandboxed or privacy-stripped origin: not ours
    }
    if (source.isEmpty())
        return false;
    if (originAllowed(source))
        return false;
    const QUrl url(QString::fromLatin1(source));
    const QByteArray host = request.header("host").toLower();
    QString authority = url.host().toLower();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort || host.contains(':'))
        authority += QLatin1Char(':') + QString::number(url.port(defaultPort));
    return authority.toLatin1() != host;
}

void HttpPolicy::addSecurityHeaders(HttpResponse &r, bool tls)
{
    r.headers.append(HeaderList::value_type("X-Content-Type-Options", "nosniff"));
    r.headers.append(HeaderList::value_type("X-Frame-Options", "DENY"));
    r.headers.append(HeaderList::value_type("Referrer-Policy", "no-referrer"));
    if (r.header("Content-Security-Policy").isEmpty())
        r.headers.append(HeaderList::value_type("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"));
    if (r.header("Cache-Control").isEmpty())
        r.headers.append(HeaderList::value_type("Cache-Control", "no-store"));
    if (tls)
        r.headers.append(HeaderList::value_type("Strict-Transport-Security", "max-age=31536000"));
}

} // namespace tu
