#pragma once

#include "SimOptions.h"
#include "Upstream.h"

#include <QJsonArray>

class SimStats;

// SIAKAD, the academic information system that is authoritative for tahun ajaran.
//
//   GET  /siakad/api/tahun-ajaran       -> {"success":true,"data":[records]}
//   POST /siakad/api/tahun-ajaran/sync  body {"data":[client's full list]}
//        -> pushed records are kept in stats; answer is SIAKAD's own full list (unchanged)
//   PUT  /__sim/siakad/tahun-ajaran     body {"data":[records]}: replaces SIAKAD's list
//
// Upstream routes require X-API-KEY = --siakad-api-key.
class SiakadUpstream : public Upstream
{
public:
    SiakadUpstream(const SimOptions &options, SimStats &stats);

    QString name() const override { return QStringLiteral("siakad"); }
    QString pathPrefix() const override { return QStringLiteral("/siakad/"); }
    void reset() override;
    std::optional<SimResponse> handle(const SimRequest &request) override;
    std::optional<SimResponse> handleControl(const SimRequest &request,
                                             const QString &subPath) override;

    // The seeded list for a seed: three consecutive years, newest active.
    static QJsonArray seededTahunAjaran(quint32 seed);

private:
    SimResponse listResponse() const;

    const quint32 m_seed;
    const QString m_apiKey;
    SimStats &m_stats;
    QJsonArray m_tahunAjaran;
};
