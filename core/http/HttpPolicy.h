#pragma once
// Cross-cutting HTTP security decisions, in one place: who the client is (trusted proxies),
// which origins may call with credentials (CORS), whether a cookie-authenticated request is
// cross-site (CSRF), and the security headers every response carries.

#include "HttpMessage.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

namespace tu {

class HttpPolicy
{
public:
    void setTrustedProxies(const QStringList &entries); // addresses or CIDRs
    void setCorsOrigins(const QStringList &origins);     // e.g. http://192.168.1.10:3000
    const QStringList &corsOrigins() const { return m_origins; }
    // Host names the API answers to besides IP literals, localhost and the listen address
    // (DNS rebinding: a foreign name that resolves to us must not reach the API). "*" allows
    // any; ".sekolah.sch.id" allows that domain and its subdomains.
    void setAllowedHosts(const QStringList &hosts);
    bool hostAllowed(const QString &hostName, const QString &listenHost) const;
    bool isTrustedProxy(const QHostAddress &address) const { return trusted(address); }

    // The client address: the peer, or the right-most untrusted X-Forwarded-For hop when the
    // peer is a trusted proxy.
    QString clientIp(const HttpRequest &request) const;
    bool originAllowed(const QByteArray &origin) const;
    // CORS headers for a request (empty when its Origin is not on the list).
    HeaderList corsHeaders(const HttpRequest &request) const;
    HeaderList preflightHeaders(const HttpRequest &request) const;
    // True when a browser sent this request from a page of another origin (Sec-Fetch-Site:
    // cross-site, or an Origin/Referer that is neither ours nor on the CORS list).
    bool isCrossSite(const HttpRequest &request) const;
    static void addSecurityHeaders(HttpResponse &response, bool tls);
    static QString normalizeIp(const QHostAddress &address);

private:
    bool trusted(const QHostAddress &address) const;
    QList<QPair<QHostAddress, int>> m_proxies;
    QStringList m_origins;
    QStringList m_allowedHosts;
};

} // namespace tu
