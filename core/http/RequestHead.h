#pragma once
// Parsing of an HTTP/1.1 request head, as a pure function: no socket, no event loop, so the
// server and a fuzzer call the same code. Strict on purpose (RFC 9112): whatever a proxy in
// front of us might read differently (a signed Content-Length, whitespace before the colon, a
// bare LF, an unknown version) is refused rather than guessed at.

#include "HttpMessage.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace tu {

struct HeadLimits {
    int maxHeadBytes = 16 * 1024; // request line + header lines
    int maxHeaders = 100;
};

// `head` is the request line and header lines up to, not including, the CRLF CRLF that ends
// them (empty lines before the request line are skipped, as RFC 9112 allows). On success the
// request has method, target, path, query, version, headers (names lower-cased, values
// trimmed) and contentLength; peer and secure are the caller's. On failure the Error carries
// an Indonesian message and `*errorStatus` (when given) the status to answer: 400, 411 (a
// chunked body), 431 (head too large, too many headers) or 505 (a version other than 1.0/1.1).
Result<HttpRequest> parseRequestHead(const QByteArray &head, const HeadLimits &limits = {}, int *errorStatus = nullptr);

// The host name of a request's Host header: lower-case, without port and IPv6 brackets
// ("[::1]:8080" -> "::1"). Empty when there is none.
QString requestHostName(const HttpRequest &request);

// True when the bytes hold an LF that is not preceded by CR (a bare LF is refused anywhere in
// the head; the server checks unfinished heads with this so it need not wait for CRLF CRLF).
bool hasBareLineFeed(const QByteArray &bytes);

} // namespace tu
