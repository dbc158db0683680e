#pragma once
// Page requests for every paged list: `page` 1-based, `limit` default 10, clamped to 100.
// Nonsense (`page=abc`, `page=0`, `limit=-5`, ` 1`, `1e9`, overflowing numbers) is a
// VALIDATION_ERROR, not a silent default: a frontend with a bug should hear about it. Lists page
// in SQL (LIMIT ? OFFSET ?) with a 64-bit offset, so no page number can overflow or index memory.
//
// Every other numeric query parameter (`filter_aktif`, `year`, `month`, ...) goes through
// queryInt: the same strict digits-only reading, bounded, with one Indonesian message.

#include "Result.h"

#include <QJsonObject>
#include <optional>

namespace tu {

// A whole number from a query parameter: ASCII digits with an optional leading '-', nothing else
// (no spaces, '+', exponent or decimals), within [min, max]. Empty takes `fallback` when there is
// one, else it is refused too. The error names the parameter and the accepted range.
Result<qint64> queryInt(const QString &name, const QString &value, qint64 min, qint64 max,
                        std::optional<qint64> fallback = std::nullopt);

struct PageRequest {
    static constexpr int MaxLimit = 100;
    static constexpr int MaxPage = 1'000'000;
    int page = 1;
    int limit = 10;

    qint64 offset() const { return (qint64(page) - 1) * qint64(limit); }
    // Empty strings take the defaults.
    static Result<PageRequest> parse(const QString &page, const QString &limit, int defaultLimit = 10);
    // {page, limit, total, totalPages}
    QJsonObject meta(qint64 total) const;
};

} // namespace tu
