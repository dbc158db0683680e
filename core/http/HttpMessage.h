#pragma once
// Plain HTTP/1.1 request and response values used by our server (core/http/HttpServer).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <memory>

class QTemporaryFile;

namespace tu {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method;
    QByteArray target;   // raw request target, e.g. /api/x?y=1
    QString path;        // percent-decoded path without query
    QUrlQuery query;
    QByteArray version;  // "HTTP/1.1"
    HeaderList headers;  // names lower-cased
    QByteArray body;     // in memory (JSON and small bodies)
    std::shared_ptr<QTemporaryFile> bodyFile; // multipart bodies are streamed here instead
    qint64 contentLength = 0;
    QHostAddress peer;
    bool secure = false; // arrived over TLS
    // What the server's head check established (route, session…), for its dispatcher.
    std::shared_ptr<void> context;

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers)
            if (h.first == lowerName)
                return h.second;
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers)
            if (h.first == lowerName)
                return true;
        return false;
    }
    QByteArray contentType() const { return header("content-type").split(';').first().trimmed().toLower(); }
};

struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value)
    {
        for (auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return *this;
            }
        headers.append({name, value});
        return *this;
    }
    HttpResponse &addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

QByteArray httpStatusText(int status);
// The status line, headers and body as they go on the wire.
QByteArray serializeResponse(const HttpResponse &r, bool keepAlive, bool headOnly);

} // namespace tu
