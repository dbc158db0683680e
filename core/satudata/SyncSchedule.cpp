#include "SyncSchedule.h"
#include "SatuDataTypes.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tu {

namespace {
const QStringList DayNames{QStringLiteral("Senin"), QStringLiteral("Selasa"), QStringLiteral("Rabu"), QStringLiteral("Kamis"),
                           QStringLiteral("Jumat"), QStringLiteral("Sabtu"), QStringLiteral("Minggu")};

QDateTime at(const QDate &day, const QTime &time, const QTimeZone &zone) { return QDateTime(day, time, zone); }
} // namespace

QDateTime SyncSchedule::lastSlot(const QDateTime &now, const QTimeZone &zone) const
{
    if (!enabled())
        return {};
    const QTime t = QTime::fromString(time, QStringLiteral("HH:mm"));
    const QDateTime local = now.toTimeZone(zone);
    QDate day = local.date();
    for (int back = 0; back <= 7; ++back, day = day.addDays(-1)) {
        if (frequency == QLatin1String("weekly") && day.dayOfWeek() != weekday)
            continue;
        const QDateTime slot = at(day, t, zone);
        if (slot <= now)
            return slot.toUTC();
    }
    return {};
}

QDateTime SyncSchedule::nextSlot(const QDateTime &now, const QTimeZone &zone) const
{
    if (!enabled())
        return {};
    const QTime t = QTime::fromString(time, QStringLiteral("HH:mm"));
    QDate day = now.toTimeZone(zone).date();
    for (int ahead = 0; ahead <= 8; ++ahead, day = day.addDays(1)) {
        if (frequency == QLatin1String("weekly") && day.dayOfWeek() != weekday)
            continue;
        const QDateTime slot = at(day, t, zone);
        if (slot > now)
            return slot.toUTC();
    }
    return {};
}

QString SyncSchedule::describe() const
{
    if (frequency == QLatin1String("daily"))
        return QStringLiteral("Setiap hari pukul %1").arg(time);
    if (frequency == QLatin1String("weekly"))
        return QStringLiteral("Setiap %1 pukul %2").arg(DayNames.value(weekday - 1), time);
    return QStringLiteral("Tidak terjadwal");
}

QJsonObject SyncSchedule::toJson() const
{
    return {{"frequency", frequency}, {"weekday", weekday}, {"time", time}, {"targets", QJsonArray::fromStringList(targets)},
            {"description", describe()}, {"updatedAt", updatedAt.isEmpty() ? QJsonValue() : QJsonValue(updatedAt)},
            {"updatedBy", updatedBy.isEmpty() ? QJsonValue() : QJsonValue(updatedBy)}};
}

const QStringList &SyncSchedule::frequencies()
{
    static const QStringList f{QStringLiteral("off"), QStringLiteral("daily"), QStringLiteral("weekly")};
    return f;
}

Result<SyncSchedule> SyncSchedule::fromJson(const QJsonObject &json)
{
    SyncSchedule s;
    QHash<QString, QString> e;
    s.frequency = json.value(QLatin1String("frequency")).toString(QStringLiteral("off"));
    if (!frequencies().contains(s.frequency))
        e.insert(QStringLiteral("frequency"), QStringLiteral("Pilih frekuensi: off (tidak terjadwal), daily (harian) atau weekly (mingguan)."));
    const QJsonValue wd = json.value(QLatin1String("weekday"));
    if (!wd.isUndefined() && !wd.isNull()) {
        s.weekday = wd.isDouble() ? wd.toInt() : 0;
        if (s.weekday < 1 || s.weekday > 7 || wd.toDouble() != s.weekday)
            e.insert(QStringLiteral("weekday"), QStringLiteral("Hari 1 (Senin) sampai 7 (Minggu)."));
    }
    if (json.contains(QLatin1String("time"))) {
        static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
        s.time = json.value(QLatin1String("time")).toString();
        if (!hhmm.match(s.time).hasMatch())
            e.insert(QStringLiteral("time"), QStringLiteral("Jam ditulis JJ:MM, misalnya 07:00."));
    }
    if (json.contains(QLatin1String("targets"))) {
        auto t = satudata::parseTargets(json.value(QLatin1String("targets")));
        if (t.ok())
            s.targets = t.value();
        else
            e.insert(QStringLiteral("targets"), t.error().fields.value(QStringLiteral("targets")));
    }
    if (!e.isEmpty())
        return Error::validation(e, QStringLiteral("Periksa kembali jadwal sinkronisasi."));
    return s;
}

} // namespace tu
