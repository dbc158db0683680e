#pragma once
// The one place the desktop turns a stored timestamp into text. Every time the services store is
// ISO 8601 UTC; people read it in the school's zone (setting "timezone", TATAUSAHA_TIMEZONE,
// default Asia/Jakarta), never in this computer's own zone: the office PC, a laptop on a trip and
// the server may disagree, and a page that mixes the two (a log line in local time beside a card
// in school time) makes staff misread what happened when.

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace tu {
class Core;
}

namespace tu::ui {

class SchoolTime
{
public:
    enum Style {
        Short,  // 07/03 14:05, for narrow table cells
        Medium, // 7 Mar 2025, 14:05
        Long,   // 7 Mar 2025, 14:05:09, where seconds tell entries apart (audit, push log)
        Clock,  // 14.05.09, the prefix of a live log line
        Spoken, // Jumat, 7 Maret 2025 pukul 14:05
    };

    // An invalid zone is read as Asia/Jakarta, the setting's own default.
    explicit SchoolTime(const QTimeZone &zone);
    // The zone as the settings have it now (it can change while the window is open).
    static SchoolTime of(Core &core);

    const QTimeZone &zone() const { return m_zone; }
    QDateTime at(const QDateTime &t) const;
    QDateTime now() const;
    QDate today() const;

    // An ISO timestamp that does not parse is shown as it was stored; empty stays empty.
    QString format(const QString &iso, Style style = Medium, const QLocale &locale = QLocale()) const;
    QString format(const QDateTime &t, Style style = Medium, const QLocale &locale = QLocale()) const;
    QString nowText(Style style) const { return format(now(), style); }

private:
    QTimeZone m_zone;
};

} // namespace tu::ui
