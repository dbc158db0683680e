#include "SiakadSyncPlan.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>

namespace tu {

SiakadSyncPlan SiakadSyncPlan::make(const QList<TahunAjaran> &local, const QList<TahunAjaran> &remote)
{
    SiakadSyncPlan plan;
    QHash<QString, TahunAjaran> localById;
    for (const TahunAjaran &t : local) {
        localById.insert(t.id, t);
        if (t.isActive() && !t.inTrash())
            plan.activeBefore = t;
    }
    QSet<QString> remoteIds;
    for (const TahunAjaran &r : remote) {
        remoteIds.insert(r.id);
        if (r.isActive() && !r.inTrash())
            plan.activeAfter = r;
        auto it = localById.constFind(r.id);
        if (it == localById.constEnd())
            plan.added << r;
        else if (!it->sameContent(r))
            plan.changed << Change{*it, r};
        else
            ++plan.unchanged;
    }
    for (const TahunAjaran &t : local)
        if (!remoteIds.contains(t.id) && !t.inTrash())
            plan.trashed << t;
    plan.activeYearLost = plan.activeBefore && (!plan.activeAfter || plan.activeAfter->id != plan.activeBefore->id);
    plan.fingerprint = fingerprintOf(remote);
    return plan;
}

QString SiakadSyncPlan::fingerprintOf(const QList<TahunAjaran> &remote)
{
    QJsonArray all;
    for (TahunAjaran t : remote) {
        t.updatedAt.clear(); // SIAKAD's own timestamps do not change what is applied
        all.append(t.toJson());
    }
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(all).toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha256).toHex());
}

QJsonObject SiakadSyncPlan::toJson() const
{
    auto list = [](const QList<TahunAjaran> &years) {
        QJsonArray a;
        for (const TahunAjaran &t : years)
            a.append(t.toJson());
        return a;
    };
    QJsonArray changes;
    for (const Change &c : changed)
        changes.append(QJsonObject{{"before", c.before.toJson()}, {"after", c.after.toJson()}});
    // "add", "change", "trash": what would happen (the applied sync answers counts instead).
    return {{"add", list(added)},
            {"change", changes},
            {"trash", list(trashed)},
            {"unchanged", unchanged},
            {"activeBefore", activeBefore ? QJsonValue(activeBefore->toJson()) : QJsonValue()},
            {"activeAfter", activeAfter ? QJsonValue(activeAfter->toJson()) : QJsonValue()},
            {"activeYearLost", activeYearLost},
            {"registrationOpenNow", registrationOpenNow},
            {"applicantsOfActiveYear", applicantsOfActiveYear},
            {"needsSecondConfirmation", dangerous()},
            {"fingerprint", fingerprint}};
}

} // namespace tu
