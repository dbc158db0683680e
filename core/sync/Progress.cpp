#include "Progress.h"

namespace tu {

QJsonObject Progress::toJson() const
{
    QJsonObject o{{"message", message}, {"progress", progress}};
    if (total > 0) {
        o.insert(QStringLiteral("current"), current);
        o.insert(QStringLiteral("total"), total);
    }
    if (subProgress >= 0)
        o.insert(QStringLiteral("progressKec"), subProgress);
    if (!kind.isEmpty())
        o.insert(QStringLiteral("job"), kind);
    if (done) {
        o.insert(QStringLiteral("done"), true);
        if (!lastSync.isEmpty())
            o.insert(QStringLiteral("last_sync"), lastSync);
        if (!error.isEmpty())
            o.insert(QStringLiteral("error"), error);
        if (cancelled)
            o.insert(QStringLiteral("cancelled"), true);
    }
    return o;
}

} // namespace tu
