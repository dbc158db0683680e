#pragma once
// Page requests for every paged list (DESIGN.md section 3): `page` 1-based, `limit` default 10,
// clamped to 100. Nonsense (`page=abc`, `page=0`, `limit=-5`) is a VALIDATION_ERROR, not a
// silent default: a frontend with a bug should hear about it.

#include "Result.h"

#include <QJsonObject>

namespace tu {

struct PageRequest {
    static constexpr int MaxLimit = 100;
    int page = 1;
    int limit = 10;

    int offset() const { return (page - 1) * limit; }
    // Empty strings take the defaults.
    static Result<PageRequest> parse(const QString &page, const QString &limit, int defaultLimit = 10);
    // {page, limit, total, totalPages}
    QJsonObject meta(qint64 total) const;
};

} // namespace tu
