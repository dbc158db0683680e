#pragma once
// One value type for the progress of every long job (DESIGN.md section 1): the desktop binds it
// to progress bars, the HTTP layer streams it as SSE frames in the shape of seed 000.

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tu {

struct Progress {
    QString jobId;
    QString kind;       // global, kecamatan, all-ptk, all-sekolah, ptk
    QString message;    // Indonesian, for people
    int progress = 0;   // 0–100, never decreasing within a job
    int current = 0;    // items done of `total` at the current level (e.g. kecamatan)
    int total = 0;
    int progressKec = -1; // 0–100 within the current kecamatan; -1 when not applicable
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
