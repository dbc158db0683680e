#include "Paging.h"

namespace tu {

Result<PageRequest> PageRequest::parse(const QString &page, const QString &limit, int defaultLimit)
{
    PageRequest r;
    r.limit = defaultLimit;
    QHash<QString, QString> f;
    bool ok = true;
    if (!page.isEmpty()) {
        r.page = page.toInt(&ok);
        if (!ok || r.page < 1 || r.page > 1'000'000)
            f.insert(QStringLiteral("page"), QStringLiteral("page harus bilangan bulat mulai 1."));
    }
    if (!limit.isEmpty()) {
        r.limit = limit.toInt(&ok);
        if (!ok || r.limit < 1)
            f.insert(QStringLiteral("limit"), QStringLiteral("limit harus bilangan bulat 1–%1.").arg(MaxLimit));
        r.limit = qMin(r.limit, MaxLimit);
    }
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
