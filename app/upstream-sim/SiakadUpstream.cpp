#include "SiakadUpstream.h"

#include "SimStats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

namespace {

// Namespace of the simulator's UUIDv5 ids: fixed, so ids depend only on seed and year.
const QUuid kIdNamespace(QStringLiteral("{3b0f6c2e-6a57-4f1e-9d4c-2a8e5b7c1d90}"));

constexpr int kFirstYear = 2024;
constexpr int kYears = 3;

} // namespace

SiakadUpstream::SiakadUpstream(const SimOptions &options, SimStats &stats)
    : m_seed(options.seed), m_apiKey(options.siakadApiKey), m_stats(stats)
{
    reset();
}

void SiakadUpstream::reset()
{
    m_tahunAjaran = seededTahunAjaran(m_seed);
}

QJsonArray SiakadUpstream::seededTahunAjaran(quint32 seed)
{
    // Own generator (not the fault RNG) so the data for a seed never depends on traffic.
    QRandomGenerator rng(seed);
    QJsonArray list;
    for (int i = 0; i < kYears; ++i) {
        const int year = kFirstYear + i;
        // Registration opens in the first half of May and lasts 30-44 days, so it always
        // ends before the next year's opens: periods never overlap.
        const QDate awal = QDate(year, 5, 1).addDays(rng.bounded(14));
        const QDate akhir = awal.addDays(30 + rng.bounded(15));
        const QDateTime updated(QDate(year, 4, 1).addDays(rng.bounded(20)),
                                QTime(8, 0).addSecs(rng.bounded(8 * 3600)), Qt::UTC);
        const QString tahun = QStringLiteral("%1/%2").arg(year).arg(year + 1);
        list.append(QJsonObject{
            {QStringLiteral("id_tahun_ajaran"),
             QUuid::createUuidV5(kIdNamespace, QStringLiteral("seed:%1:%2").arg(seed).arg(tahun))
                 .toString(QUuid::WithoutBraces)},
            {QStringLiteral("tahun_ajaran"), tahun},
            {QStringLiteral("periode_awal_pendaftaran"), awal.toString(Qt::ISODate)},
            {QStringLiteral("periode_akhir_pendaftaran"), akhir.toString(Qt::ISODate)},
            {QStringLiteral("sts_aktif"), i == kYears - 1 ? 1 : 2}, // newest year active
            {QStringLiteral("sts_hapus"), 1},
            {QStringLiteral("updated_at"), updated.toString(Qt::ISODate)}, // "...Z"
        });
    }
    return list;
}

std::optional<SimResponse> SiakadUpstream::handle(const SimRequest &request)
{
    const QString path = request.path.mid(pathPrefix().size() - 1); // keeps the leading '/'
    const bool list = path == QLatin1String("/api/tahun-ajaran");
    const bool sync = path == QLatin1String("/api/tahun-ajaran/sync");
    if (!list && !sync)
        return std::nullopt;

    if (request.header("x-api-key") != m_apiKey.toUtf8())
        return SimResponse::error(401, QStringLiteral("API key tidak valid"));

    if (list) {
        if (request.method != "GET")
            return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
        return listResponse();
    }

    if (request.method != "POST")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
    QJsonArray pushed;
    QString error;
    if (!parseDataArray(request.body, &pushed, &error))
        return SimResponse::error(400, error);
    // SIAKAD is authoritative: it notes what the school sent (for tests) but its own list
    // is the answer, and the client must make its local data follow it.
    m_stats.recordPush(name(), pushed);
    return listResponse();
}

std::optional<SimResponse> SiakadUpstream::handleControl(const SimRequest &request,
                                                          const QString &subPath)
{
    if (subPath != QLatin1String("tahun-ajaran"))
        return std::nullopt;
    if (request.method == "GET")
        return listResponse();
    if (request.method != "PUT")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
    QJsonArray replacement;
    QString error;
    if (!parseDataArray(request.body, &replacement, &error))
        return SimResponse::error(400, error);
    for (const QJsonValue &v : replacement) {
        if (!v.isObject())
            return SimResponse::error(400, QStringLiteral("Setiap elemen 'data' harus objek"));
    }
    m_tahunAjaran = replacement;
    return listResponse();
}

SimResponse SiakadUpstream::listResponse() const
{
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("data"), m_tahunAjaran}});
}
