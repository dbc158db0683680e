#include "Paging.h"

#include <limits>

namespace tu {

Result<qint64> queryInt(const QString &name, const QString &value, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const auto refuse = [&] {
        return Error::validation({{name, QStringLiteral("%1 harus bilangan bulat %2–%3.").arg(name).arg(min).arg(max)}},
                                 QStringLiteral("Parameter %1 tidak valid.").arg(name));
    };
    if (value.isEmpty()) {
        if (fallback)
            return *fallback;
        return refuse();
    }
    // Digits only, read by hand: QString::toInt accepts surrounding spaces and a '+', and
    // anything longer than 18 digits is out of every range we use (and of qint64 arithmetic).
    int i = 0;
    const bool negative = value.at(0) == QLatin1Char('-');
    if (negative)
        i = 1;
    const int digits = int(value.size()) - i;
    if (digits < 1 || digits > 18)
        return refuse();
    qint64 n = 0;
    for (; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return refuse();
        n = n * 10 + (c.unicode() - '0');
    }
    if (negative)
        n = -n;
    if (n < min || n > max)
        return refuse();
    return n;
}

Result<PageRequest> PageRequest::parse(const QString &page, const QString &limit, int defaultLimit)
{
    PageRequest r;
    r.limit = defaultLimit;
    QHash<QString, QString> f;
    if (auto p = queryInt(QStringLiteral("page"), page, 1, MaxPage, 1); p.ok())
        r.page = int(p.value());
    else
        f.insert(QStringLiteral("page"), QStringLiteral("page harus bilangan bulat 1–%1.").arg(MaxPage));
    // A limit above the maximum is clamped (a client asking for "all" gets the biggest page).
    if (auto l = queryInt(QStringLiteral("limit"), limit, 1, std::numeric_limits<int>::max(), defaultLimit); l.ok())
        r.limit = int(qMin<qint64>(l.value(), MaxLimit));
    else
        f.insert(QStringLiteral("limit"), QStringLiteral("limit harus bilangan bulat 1–%1.").arg(MaxLimit));
    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Parameter halaman tidak valid."));
    return r;
}

QJsonObject PageRequest::meta(qint64 total) const
{
    const qint64 pages = (total + limit - 1) / limit;
    return {{"page", page}, {"limit", limit}, {"total", total}, {"totalPages", pages}};
}

} // namespace tu
