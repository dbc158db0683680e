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
    // Strict: not even a top-level navigation from another site carries the session.
    QByteArray sameSite = "Strict";
    QByteArray path = "/";     // tahun ajaran routes live outside /api
};
// A Set-Cookie header value.
QByteArray setCookie(const QByteArray &name, const QByteArray &value, const Options &options);

} // namespace tu::cookies
