#include "SiakadClient.h"
#include "TahunAjaranService.h"
#include "app/SettingsStore.h"
#include "sync/UpstreamHttp.h"

#include <QJsonArray>

namespace tu {

SiakadClient::SiakadClient(QString baseUrl, QString apiKey, int timeoutMs)
    : m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_timeoutMs(timeoutMs)
{
    while (m_base.endsWith(QLatin1Char('/')))
        m_base.chop(1);
}

SiakadClient SiakadClient::fromSettings(const SettingsStore &settings)
{
    SiakadClient c(settings.value(QStringLiteral("siakad_url")), settings.value(QStringLiteral("siakad_api_key")),
                   qMax(100, settings.value(QStringLiteral("upstream_timeout_ms")).toInt()));
    c.setRetries(3, qMax(0, settings.value(QStringLiteral("upstream_backoff_ms")).toInt()));
    c.setMaxResponseBytes(upstreamMaxResponseBytes(settings));
    return c;
}

Result<QList<TahunAjaran>> SiakadClient::exchange(const QList<TahunAjaran> &local)
{
    QJsonArray data;
    for (const TahunAjaran &t : local)
        data.append(t.toJson());
    return call("POST", QStringLiteral("/siakad/api/tahun-ajaran/sync"),
                QJsonDocument(QJsonObject{{"data", data}}).toJson(QJsonDocument::Compact));
}

Result<QList<TahunAjaran>> SiakadClient::fetch()
{
    return call("GET", QStringLiteral("/siakad/api/tahun-ajaran"), QByteArray());
}

Result<QList<TahunAjaran>> SiakadClient::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    if (m_base.isEmpty())
        return Error::make(ErrorCode::UpstreamError, QStringLiteral("Alamat SIAKAD belum diatur. Isi SIAKAD URL di Pengaturan."));
    UpstreamRequest req;
    req.method = method;
    req.url = QUrl(m_base + path);
    req.headers.append(qMakePair(QByteArray("X-API-KEY"), m_key.toUtf8()));
    req.body = body;
    req.timeoutMs = m_timeoutMs;
    req.retries = m_retries;
    req.backoffMs = m_backoffMs;
    req.maxResponseBytes = m_maxResponseBytes;
    const UpstreamReply reply = UpstreamHttp::send(QStringLiteral("SIAKAD"), req);
    if (!reply.ok())
        return Error::make(ErrorCode::UpstreamError, reply.message + QStringLiteral(" Data lokal tidak diubah."));
    const QJsonValue list = reply.json.object().value(QLatin1String("data"));
    if (!list.isArray())
        return Error::make(ErrorCode::UpstreamError,
                           QStringLiteral("Jawaban SIAKAD tidak berisi daftar tahun ajaran. Data lokal tidak diubah."));
    QList<TahunAjaran> out;
    for (const QJsonValue &v : list.toArray()) {
        auto t = TahunAjaranService::parse(v.toObject(), true);
        if (!t.ok()) {
            const auto fields = t.error().fields;
            return Error::make(ErrorCode::UpstreamError,
                               QStringLiteral("Data SIAKAD tidak valid (%1). Data lokal tidak diubah.")
                                   .arg(fields.isEmpty() ? t.error().message : fields.begin().value()));
        }
        out.append(t.value());
    }
    return out;
}

} // namespace tu
