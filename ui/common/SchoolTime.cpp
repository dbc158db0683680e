#include "SchoolTime.h"
#include "app/Core.h"

namespace tu::ui {

namespace {

QString pattern(SchoolTime::Style style)
{
    switch (style) {
    case SchoolTime::Short: return QStringLiteral("dd/MM HH:mm");
    case SchoolTime::Medium: return QStringLiteral("d MMM yyyy, HH:mm");
    case SchoolTime::Long: return QStringLiteral("d MMM yyyy, HH:mm:ss");
    case SchoolTime::Clock: return QStringLiteral("HH.mm.ss");
    case SchoolTime::Spoken: return QStringLiteral("dddd, d MMMM yyyy 'pukul' HH:mm");
    }
    return QStringLiteral("d MMM yyyy, HH:mm");
}

} // namespace

SchoolTime::SchoolTime(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
}

SchoolTime SchoolTime::of(Core &core)
{
    return SchoolTime(core.settings().schoolZone());
}

QDateTime SchoolTime::at(const QDateTime &t) const
{
    return t.toTimeZone(m_zone);
}

QDateTime SchoolTime::now() const
{
    return QDateTime::currentDateTimeUtc().toTimeZone(m_zone);
}

QDate SchoolTime::today() const
{
    return now().date();
}

QString SchoolTime::format(const QString &iso, Style style, const QLocale &locale) const
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return iso;
    return format(t, style, locale);
}

QString SchoolTime::format(const QDateTime &t, Style style, const QLocale &locale) const
{
    if (!t.isValid())
        return QString();
    return locale.toString(t.toTimeZone(m_zone), pattern(style));
}

} // namespace tu::ui
