#include "Cookies.h"

#include <QList>

namespace tu::cookies {

QHash<QByteArray, QByteArray> parse(const QByteArray &header)
{
    QHash<QByteArray, QByteArray> out;
    for (const QByteArray &part : header.split(';')) {
        const int eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray name = part.left(eq).trimmed();
        QByteArray value = part.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        if (!out.contains(name)) // first one wins, as browsers send the most specific first
            out.insert(name, value);
    }
    return out;
}

QByteArray setCookie(const QByteArray &name, const QByteArray &value, const Options &o)
{
    QByteArray c = name + '=' + value + "; Path=" + o.path;
    if (o.maxAgeSeconds >= 0)
        c += "; Max-Age=" + QByteArray::number(o.maxAgeSeconds);
    if (o.maxAgeSeconds == 0)
        c += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    if (o.httpOnly)
        c += "; HttpOnly";
    if (o.secure)
        c += "; Secure";
    if (!o.sameSite.isEmpty())
        c += "; SameSite=" + o.sameSite;
    return c;
}

} // namespace tu::cookies
