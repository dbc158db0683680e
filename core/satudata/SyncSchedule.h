#pragma once
// The automatic Satu Data sync schedule: off, daily at a time,
// or weekly on a day at a time, in the school's time zone. Pure calculation, so it is tested
// with any clock.

#include "Result.h"
#include "SatuDataTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>

namespace tu {

struct SyncSchedule {
    QString frequency = QStringLiteral("off"); // off | daily | weekly
    int weekday = 1;                           // weekly: 1 = Senin … 7 = Minggu
    QString time = QStringLiteral("07:00");    // HH:mm, school time
    QStringList targets = satudata::targetNames(); // every target
    QString updatedAt, updatedBy;

    bool enabled() const { return frequency != QLatin1String("off"); }
    // The latest slot at or before `now` (invalid when off).
    QDateTime lastSlot(const QDateTime &now, const QTimeZone &zone) const;
    // The first slot after `now` (invalid when off).
    QDateTime nextSlot(const QDateTime &now, const QTimeZone &zone) const;
    QString describe() const; // "Setiap hari pukul 07:00", "Setiap Senin pukul 07:00", "Tidak terjadwal"
    QJsonObject toJson() const;
    // From the API or the desktop form; VALIDATION_ERROR with per-field messages.
    static Result<SyncSchedule> fromJson(const QJsonObject &json);
    static const QStringList &frequencies(); // off, daily, weekly
};

} // namespace tu
