#pragma once
#include "TahunAjaran.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace tu {

// What a SIAKAD full sync would do to the local years, worked out before anything changes:
// the preview the desktop and the API show, and the plan the sync then applies. Pure: the same
// local and remote lists always give the same plan.
struct SiakadSyncPlan {
    struct Change {
        TahunAjaran before;
        TahunAjaran after;
    };
    QList<TahunAjaran> added;    // in SIAKAD, not here
    QList<Change> changed;       // here and in SIAKAD, with different content
    QList<TahunAjaran> trashed;  // live here, absent from SIAKAD (moved to the trash, never deleted)
    int unchanged = 0;
    std::optional<TahunAjaran> activeBefore; // the local active year
    std::optional<TahunAjaran> activeAfter;  // the active year once applied
    // The active year loses its place (trashed, or another year becomes active / none is),
    // and what that means for PPDB: its registration period is open today, with N applicants.
    bool activeYearLost = false;
    bool registrationOpenNow = false;
    int applicantsOfActiveYear = 0;
    // SHA-256 of SIAKAD's answer: applying with it refuses a list that changed since.
    QString fingerprint;

    // Needs a second, explicit confirmation: the year that has applicants stops being active.
    bool dangerous() const { return activeYearLost && applicantsOfActiveYear > 0; }
    bool empty() const { return added.isEmpty() && changed.isEmpty() && trashed.isEmpty(); }
    QJsonObject toJson() const;

    static SiakadSyncPlan make(const QList<TahunAjaran> &local, const QList<TahunAjaran> &remote);
    static QString fingerprintOf(const QList<TahunAjaran> &remote);
};

} // namespace tu
