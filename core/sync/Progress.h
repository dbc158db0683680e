#pragma once
// One value type for the progress of every long job (JobRunner): the desktop binds it to progress
// bars, the HTTP layer streams it as SSE frames `data: {message, progress, …}` (docs/api.md).

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tu {

struct Progress {
    QString jobId;
    QString kind;       // the job within its family (Dapodik: global, kecamatan, all-ptk, all-sekolah, ptk; satudata)
    QString message;    // Indonesian, for people
    int progress = 0;   // 0–100, never decreasing within a job
    int current = 0;    // items done of `total` at the current level (e.g. kecamatan)
    int total = 0;
    // 0–100 within the current step (the Dapodik sync: within the current kecamatan, sent as
    // `progressKec`, the name its stream has always used); -1 when not applicable.
    int subProgress = -1;
    bool done = false;
    QString lastSync;   // on success (ISO time)
    QString error;      // on failure or cancel
    bool cancelled = false;
    qint64 elapsedMs = 0;

    static Progress of(const QString &message, int progress, int current = 0, int total = 0)
    {
        Progress p;
        p.message = message;
        p.progress = progress;
        p.current = current;
        p.total = total;
        return p;
    }

    // {"message", "progress", "current"?, "total"?, "progressKec"?, "done"?, "last_sync"?, "error"?}
    QJsonObject toJson() const;
};

} // namespace tu

Q_DECLARE_METATYPE(tu::Progress)
