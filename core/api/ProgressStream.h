#pragma once
// Streams a long job's Progress as SSE (frame format in docs/api.md): attaches to the running job, or
// starts one, and sends every frame from the first; the last frame (done) may carry more
// (`finalExtra`, e.g. a run summary). Closing the stream never stops the job. Used by the
// Dapodik sync and the Satu Data bulk sync: their JobRunner, or any source with
// `progress(const Progress &)`, `isRunning()` and `current()`.

#include "http/Envelope.h"
#include "http/HttpServer.h"
#include "http/SseStream.h"
#include "sync/Progress.h"

#include <QPointer>
#include <functional>
#include <memory>

namespace tu {

template<typename Source>
void streamProgress(Source &source, HttpConnection *conn, const HeaderList &headers, const std::function<Result<QString>()> &start,
                    const std::function<QJsonObject()> &finalExtra = {})
{
    struct State {
        QPointer<SseStream> sse;
        QMetaObject::Connection link;
        int lastProgress = -1;
        bool finished = false;
        std::function<QJsonObject()> extra;
        void deliver(const Progress &p)
        {
            if (finished || !sse || (p.progress < lastProgress && !p.done))
                return; // an event queued before an attaching stream's snapshot
            lastProgress = p.progress;
            QJsonObject frame = p.toJson();
            if (p.done && extra) {
                const QJsonObject more = extra();
                for (auto it = more.begin(); it != more.end(); ++it)
                    frame.insert(it.key(), it.value());
            }
            sse->send(frame);
            if (p.done) {
                finished = true;
                sse->finish();
                QObject::disconnect(link);
            }
        }
    };
    auto state = std::make_shared<State>();
    state->extra = finalExtra;
    // Subscribed before the job starts: its events queue up for this thread and arrive after
    // this handler returns, so the stream misses none of them.
    state->link = QObject::connect(&source, &Source::progress, conn, [state](const Progress &p) { state->deliver(p); });
    bool attach = source.isRunning();
    if (!attach) {
        auto started = start();
        if (!started.ok()) {
            if (started.error().code != ErrorCode::Conflict) {
                QObject::disconnect(state->link);
                HttpResponse r = envelope::error(started.error());
                for (const auto &h : headers)
                    r.headers.append(h);
                conn->respond(r);
                return;
            }
            attach = true; // another request started a job a moment ago
        }
    }
    state->sse = new SseStream(conn, headers);
    if (attach)
        state->deliver(source.current());
}

} // namespace tu
