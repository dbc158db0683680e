#pragma once

#include "SimOptions.h"
#include "Upstream.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

// SIPD e-walidata (Kemendagri): regional development indicator values (DSSD). The school's
// figures are pushed as rows of (kodeindikator, kodepemda, tahun) -> data.
//
//   POST /sipd/api/v1/push_dssd   {"data":[{"kodeindikator","kodepemda","tahun","data"}, …]}
//        -> HTTP 200 {"code":200|206|422,"msg","log":[one entry per row, in order]}
//
// Auth: "Authorization: Bearer <--external-api-key>", else 401 {"code":401,"msg":"Unauthorized"}.
// Each row is validated on its own; accepted rows are upserted by their key. A body that is
// not {"data":[1..10000 rows]} is 400. State starts empty (and /__sim/reset empties it).
// Hook: GET /__sim/sipd/values (every stored value).
class SipdUpstream : public Upstream
{
public:
    explicit SipdUpstream(const SimOptions &options);

    QString name() const override { return QStringLiteral("sipd"); }
    QString pathPrefix() const override { return QStringLiteral("/sipd/"); }
    void reset() override;
    std::optional<SimResponse> handle(const SimRequest &request) override;
    std::optional<SimResponse> handleControl(const SimRequest &request,
                                             const QString &subPath) override;
    void addStats(QJsonObject &stats) const override;

private:
    SimResponse push(const QByteArray &body);

    const QByteArray m_authorization; // "Bearer <key>"

    QList<QJsonObject> m_values;  // first-push order; an upsert replaces in place
    QHash<QString, int> m_index;  // "kodeindikator|kodepemda|tahun" -> index in m_values

    int m_pushes = 0;
    int m_rowsOk = 0;
    int m_rowsError = 0;
    int m_unauthorized = 0;
};
