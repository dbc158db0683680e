#pragma once
// A test client of the API's server-sent events (Dapodik sync, Satu Data bulk sync).
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace tu::test {

// Reads `data:` frames of an SSE stream until one says done (or the time runs out).
struct SseClient {
    QNetworkAccessManager nam;
    QNetworkReply *reply = nullptr;
    QByteArray buffer;
    QList<QJsonObject> events;
    int keepAlives = 0;
    void open(const QString &url, const QByteArray &token)
    {
        QNetworkRequest req{QUrl(url)};
        req.setRawHeader("Cookie", "auth_token=" + token);
        req.setRawHeader("Accept", "text/event-stream");
        reply = nam.get(req);
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] {
            buffer += reply->readAll();
            int end;
            while ((end = int(buffer.indexOf("\n\n"))) >= 0) {
                const QByteArray frame = buffer.left(end);
                buffer.remove(0, end + 2);
                if (frame.startsWith("data: "))
                    events.append(QJsonDocument::fromJson(frame.mid(6)).object());
                else if (frame.startsWith(":"))
                    ++keepAlives;
            }
        });
    }
    bool done() const { return !events.isEmpty() && events.last().value(QLatin1String("done")).toBool(); }
    bool waitDone(int ms = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            QTest::qWait(10);
        return done();
    }
    int status() const { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }
};

} // namespace tu::test
