#pragma once
#include "HttpMessage.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tu {

class HttpConnection;

// Server-sent events on one connection: unnamed `data: <json>\n\n` frames (docs/api.md),
// `: keep-alive` comments in between, closed() when the client leaves. A job that feeds a
// stream keeps running when its client goes; it just stops writing to it.
class SseStream : public QObject
{
    Q_OBJECT
public:
    SseStream(HttpConnection *connection, const HeaderList &extraHeaders, int keepAliveMs = 15000);
    bool send(const QJsonObject &event);
    void finish();
    bool isOpen() const;

signals:
    void closed();

private:
    QPointer<HttpConnection> m_connection;
    QTimer m_keepAlive;
};

} // namespace tu
