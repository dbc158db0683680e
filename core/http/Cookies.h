#pragma once
#include <QByteArray>
#include <QHash>

namespace tu::cookies {

// Parses a Cookie request header ("a=1; b=2").
QHash<QByteArray, QByteArray> parse(const QByteArray &header);

struct Options {
    qint64 maxAgeSeconds = -1; // -1: session cookie; 0: delete
    bool httpOnly = true;
    bool secure = false;       // set under TLS
    QByteArray sameSite = "Lax";
    QByteArray path = "/";     // tahun ajaran routes live outside /api
};
// A Set-Cookie header value.
QByteArray setCookie(const QByteArray &name, const QByteArray &value, const Options &options);

} // namespace tu::cookies
