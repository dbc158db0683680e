#include "SseStream.h"
#include "HttpServer.h"

#include <QJsonDocument>

namespace tu {

SseStream::SseStream(HttpConnection *connection, const HeaderList &extraHeaders, int keepAliveMs)
    : QObject(connection), m_connection(connection)
{
    HeaderList headers = extraHeaders;
    headers.append(HeaderList::value_type("Content-Type", "text/event-stream; charset=utf-8"));
    headers.append(HeaderList::value_type("Cache-Control", "no-cache"));
    headers.append(HeaderList::value_type("X-Accel-Buffering", "no"));
    connection->startStream(200, headers);
    connect(connection, &HttpConnection::closed, this, [this] {
        m_keepAlive.stop();
        emit closed();
    });
    m_keepAlive.setInterval(keepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        if (m_connection)
            m_connection->writeChunk(": keep-alive\n\n");
    });
    m_keepAlive.start();
}

bool SseStream::send(const QJsonObject &event)
{
    if (!m_connection)
        return false;
    return m_connection->writeChunk("data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n");
}

void SseStream::finish()
{
    m_keepAlive.stop();
    if (m_connection)
        m_connection->finishStream();
}

bool SseStream::isOpen() const
{
    return m_connection && m_connection->isConnected();
}

} // namespace tu
