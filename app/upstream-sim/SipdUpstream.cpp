#include "SipdUpstream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

const QString kPushPath = QStringLiteral("/api/v1/push_dssd");
constexpr int kMaxRows = 10000;
constexpr int kMinTahun = 2000;
constexpr int kMaxTahun = 2100;

// {"code":code,"msg":msg,"log":log}: SIPD's envelope for every answer.
SimResponse sipd(int httpStatus, int code, const QString &msg, const QJsonArray &log = {})
{
    return SimResponse::json(httpStatus, QJsonObject{{QStringLiteral("code"), code},
                                                     {QStringLiteral("msg"), msg},
                                                     {QStringLiteral("log"), log}});
}

bool missing(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty());
}

} // namespace

SipdUpstream::SipdUpstream(const SimOptions &options)
    : m_authorization("Bearer " + options.externalApiKey.toUtf8())
{
    reset();
}

void SipdUpstream::reset()
{
    m_values.clear();
    m_index.clear();
    m_pushes = 0;
    m_rowsOk = 0;
    m_rowsError = 0;
    m_unauthorized = 0;
}

std::optional<SimResponse> SipdUpstream::handle(const SimRequest &request)
{
    const QString path = request.path.mid(pathPrefix().size() - 1); // keeps the leading '/'
    if (path != kPushPath)
        return std::nullopt;
    if (request.header("authorization").trimmed() != m_authorization) {
        ++m_unauthorized;
        return sipd(401, 401, QStringLiteral("Unauthorized"));
    }
    if (request.method != "POST")
        return sipd(405, 405, QStringLiteral("Metode tidak diizinkan"));
    return push(request.body);
}

SimResponse SipdUpstream::push(const QByteArray &body)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return sipd(400, 400, QStringLiteral("Body JSON tidak valid"));
    const QJsonValue data = doc.object().value(QStringLiteral("data"));
    if (!data.isArray())
        return sipd(400, 400, QStringLiteral("Field 'data' harus berupa array"));
    const QJsonArray rows = data.toArray();
    if (rows.isEmpty())
        return sipd(400, 400, QStringLiteral("Field 'data' tidak boleh kosong"));
    if (rows.size() > kMaxRows)
        return sipd(400, 400, QStringLiteral("Maksimal %1 baris per permintaan, diterima %2")
                                  .arg(kMaxRows).arg(rows.size()));

    static const QRegularExpression indikatorRe(QStringLiteral("^[0-9]{1,2}(\\.[0-9]{1,3}){1,4}$"));
    static const QRegularExpression pemdaRe(QStringLiteral("^([0-9]{2}|[0-9]{4})$"));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);

    QJsonArray log;
    int okRows = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QJsonValue indikator = row.value(QStringLiteral("kodeindikator"));
        const QJsonValue pemda = row.value(QStringLiteral("kodepemda"));
        const QJsonValue tahun = row.value(QStringLiteral("tahun"));
        const QJsonValue value = row.value(QStringLiteral("data"));

        QStringList problems;
        if (!rows.at(i).isObject()) {
            problems << QStringLiteral("baris harus berupa objek");
        } else {
            if (missing(indikator))
                problems << QStringLiteral("kodeindikator wajib diisi");
            else if (!indikator.isString() || !indikatorRe.match(indikator.toString()).hasMatch())
                problems << QStringLiteral("kodeindikator tidak valid (format angka bertitik, mis. 1.01.02)");
            if (missing(pemda))
                problems << QStringLiteral("kodepemda wajib diisi");
            else if (!pemda.isString() || !pemdaRe.match(pemda.toString()).hasMatch())
                problems << QStringLiteral("kodepemda tidak valid (2 atau 4 digit, mis. 34 atau 3404)");
            double t = 0;
            if (missing(tahun))
                problems << QStringLiteral("tahun wajib diisi");
            else if (!parseNumeric(tahun, true, &t) || t < kMinTahun || t > kMaxTahun)
                problems << QStringLiteral("tahun tidak valid (bilangan bulat %1-%2)").arg(kMinTahun).arg(kMaxTahun);
            double d = 0;
            if (missing(value))
                problems << QStringLiteral("data wajib diisi");
            else if (!parseNumeric(value, false, &d))
                problems << QStringLiteral("data tidak valid (harus angka)");

            if (problems.isEmpty()) {
                const QString key = indikator.toString() + QLatin1Char('|') + pemda.toString()
                                    + QLatin1Char('|') + QString::number(int(t));
                const QJsonObject stored{{QStringLiteral("kodeindikator"), indikator.toString()},
                                         {QStringLiteral("kodepemda"), pemda.toString()},
                                         {QStringLiteral("tahun"), int(t)},
                                         {QStringLiteral("data"), d},
                                         {QStringLiteral("updated_at"), now}};
                const auto it = m_index.constFind(key);
                const bool replaced = it != m_index.cend();
                if (replaced) {
                    m_values[*it] = stored;
                } else {
                    m_index.insert(key, int(m_values.size()));
                    m_values.append(stored);
                }
                ++okRows;
                log.append(QJsonObject{{QStringLiteral("row"), i},
                                       {QStringLiteral("kodeindikator"), indikator},
                                       {QStringLiteral("kodepemda"), pemda},
                                       {QStringLiteral("tahun"), tahun},
                                       {QStringLiteral("status"), QStringLiteral("OK")},
                                       {QStringLiteral("message"), replaced ? QStringLiteral("Berhasil diperbarui")
                                                                            : QStringLiteral("Berhasil disimpan")}});
                continue;
            }
        }
        // Echo what was sent (null when absent), so the client can match rows by content too.
        const auto echo = [](const QJsonValue &v) { return v.isUndefined() ? QJsonValue() : v; };
        log.append(QJsonObject{{QStringLiteral("row"), i},
                               {QStringLiteral("kodeindikator"), echo(indikator)},
                               {QStringLiteral("kodepemda"), echo(pemda)},
                               {QStringLiteral("tahun"), echo(tahun)},
                               {QStringLiteral("status"), QStringLiteral("ERROR")},
                               {QStringLiteral("message"), problems.join(QStringLiteral("; "))}});
    }

    const int total = int(rows.size());
    const int failed = total - okRows;
    ++m_pushes;
    m_rowsOk += okRows;
    m_rowsError += failed;
    if (failed == 0)
        return sipd(200, 200, QStringLiteral("Semua data berhasil disimpan (%1 baris)").arg(total), log);
    if (okRows > 0)
        return sipd(200, 206, QStringLiteral("Sebagian data ditolak: %1 dari %2 baris gagal")
                                  .arg(failed).arg(total), log);
    return sipd(200, 422, QStringLiteral("Semua data ditolak (%1 baris)").arg(total), log);
}

std::optional<SimResponse> SipdUpstream::handleControl(const SimRequest &request,
                                                        const QString &subPath)
{
    if (subPath != QLatin1String("values"))
        return std::nullopt;
    if (request.method != "GET")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
    QJsonArray list;
    for (const QJsonObject &v : m_values)
        list.append(v);
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("data"), list}});
}

void SipdUpstream::addStats(QJsonObject &stats) const
{
    QJsonObject pushed = stats.value(QStringLiteral("pushed")).toObject();
    pushed.insert(name(), QJsonObject{{QStringLiteral("pushes"), m_pushes},
                                      {QStringLiteral("rows_ok"), m_rowsOk},
                                      {QStringLiteral("rows_error"), m_rowsError},
                                      {QStringLiteral("values"), int(m_values.size())},
                                      {QStringLiteral("unauthorized"), m_unauthorized}});
    stats.insert(QStringLiteral("pushed"), pushed);
}
