#pragma once
// Small text rules shared by every service that validates input or searches.

#include <QString>

namespace tu::text {

// True when `s` holds control characters (line breaks and tabs allowed with `allowLines`).
inline bool hasControl(const QString &s, bool allowLines = false)
{
    for (QChar c : s) {
        if (allowLines && (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// `%q%` for `LOWER(col) LIKE ? ESCAPE '\'`, with the user's %, _ and \ taken literally.
inline QString likeContains(const QString &q)
{
    QString s = q.trimmed().toLower();
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + s + QLatin1Char('%');
}

} // namespace tu::text
