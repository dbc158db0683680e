#pragma once
#include "Result.h"
#include "TahunAjaran.h"
#include "sync/UpstreamHttp.h"

#include <QList>
#include <QString>

namespace tu {

class SettingsStore;

// SIAKAD's tahun ajaran API, relative to the base address SIAKAD_URL:
//   POST /siakad/api/tahun-ajaran/sync {"data":[local records]} -> {"success":true,"data":[SIAKAD's list]}
//   GET  /siakad/api/tahun-ajaran -> the same list, sending nothing (the sync's preview)
// authenticated with X-API-KEY = SIAKAD_API_KEY.
class SiakadClient
{
public:
    SiakadClient(QString baseUrl, QString apiKey, int timeoutMs = 10000);
    static SiakadClient fromSettings(const SettingsStore &settings);

    // Sends every local year, returns SIAKAD's list (validated record by record).
    Result<QList<TahunAjaran>> exchange(const QList<TahunAjaran> &local);
    // SIAKAD's list alone, for a preview that changes nothing on either side.
    Result<QList<TahunAjaran>> fetch();
    void setRetries(int retries, int backoffMs) { m_retries = retries; m_backoffMs = backoffMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

private:
    Result<QList<TahunAjaran>> call(const QByteArray &method, const QString &path, const QByteArray &body);
    QString m_base;
    QString m_key;
    int m_timeoutMs;
    int m_retries = 3;
    int m_backoffMs = 300;
    qint64 m_maxResponseBytes = qint64(DefaultMaxResponseMb) * 1024 * 1024;
};

} // namespace tu
