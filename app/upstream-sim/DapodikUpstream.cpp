#include "DapodikUpstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

using namespace DapodikDataset;

namespace {

const QByteArray kHtml = "text/html; charset=UTF-8";

// start (default 0) and limit (default 50, at most 100) of a paged request. Values that are
// not integers, a negative start or a limit below 1 fall back to the defaults.
void paging(const SimRequest &request, int *start, int *limit)
{
    bool ok = false;
    const int s = request.query.queryItemValue(QStringLiteral("start")).toInt(&ok);
    *start = ok && s >= 0 ? s : 0;
    const int l = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    *limit = ok && l >= 1 ? std::min(l, 100) : 50;
}

SimResponse page(const QString &id, int start, int limit, const QList<QJsonObject> &all)
{
    QJsonArray rows;
    for (qsizetype i = start; i < all.size() && i < qsizetype(start) + limit; ++i)
        rows.append(all.at(i));
    return SimResponse::json(200, QJsonObject{{QStringLiteral("results"), int(all.size())},
                                              {QStringLiteral("id"), id},
                                              {QStringLiteral("start"), start},
                                              {QStringLiteral("limit"), limit},
                                              {QStringLiteral("rows"), rows}});
}

SimResponse htmlText(const QByteArray &text)
{
    SimResponse r;
    r.contentType = kHtml;
    r.body = text;
    return r;
}

SimResponse dapodikError(int status, const QString &message)
{
    return SimResponse::json(status, QJsonObject{{QStringLiteral("error"), message}});
}

QString queryValue(const SimRequest &request, const QString &key)
{
    return request.query.queryItemValue(key, QUrl::FullyDecoded);
}

// A string field of a hook body; numbers are accepted too (npsn is numeric).
QString stringField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return QString();
}

} // namespace

DapodikUpstream::DapodikUpstream(const SimOptions &options) : m_options(options)
{
    m_clock.start();
    reset();
}

void DapodikUpstream::reset()
{
    m_kecamatan = seededKecamatan(m_options.kecamatan);
    m_sekolah = seededSekolah(m_options, m_kecamatan);
    m_tokens.clear();
    m_logins = m_unauthorized = m_denied = 0;
    m_reqWilayah = m_reqSekolah = m_reqPtk = m_reqPtkDetail = 0;
}

std::optional<SimResponse> DapodikUpstream::handle(const SimRequest &request)
{
    // The API key gate sits in front of everything under /dapodik/, login included, and
    // answers like the real one: a text error in a 200.
    if (request.header("x-api-key") != m_options.dapodikApiKey.toUtf8()) {
        ++m_denied;
        return htmlText("Access denied: API key tidak valid");
    }

    const QString path = request.path.mid(pathPrefix().size() - 1); // keeps the leading '/'
    enum class Route { Login, Wilayah, Sekolah, Ptk, PtkDetail };
    Route route;
    if (path == QLatin1String("/api/auth/login"))
        route = Route::Login;
    else if (path == QLatin1String("/api/wilayah"))
        route = Route::Wilayah;
    else if (path == QLatin1String("/api/sekolah"))
        route = Route::Sekolah;
    else if (path == QLatin1String("/api/ptk"))
        route = Route::Ptk;
    else if (path == QLatin1String("/api/ptk/detail"))
        route = Route::PtkDetail;
    else
        return std::nullopt;

    if (route == Route::Login) {
        if (request.method != "POST")
            return dapodikError(405, QStringLiteral("Metode tidak diizinkan"));
        return login(request);
    }
    if (request.method != "GET")
        return dapodikError(405, QStringLiteral("Metode tidak diizinkan"));
    if (!tokenValid(request)) {
        ++m_unauthorized;
        return dapodikError(401, QStringLiteral("Token expired"));
    }
    switch (route) {
    case Route::Wilayah: ++m_reqWilayah; return wilayah(request);
    case Route::Sekolah: ++m_reqSekolah; return sekolah(request);
    case Route::Ptk: ++m_reqPtk; return ptk(request);
    case Route::PtkDetail: ++m_reqPtkDetail; return ptkDetail(request);
    case Route::Login: break;
    }
    return std::nullopt;
}

SimResponse DapodikUpstream::login(const SimRequest &request)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return dapodikError(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("username")).toString() != m_options.dapodikUsername
        || o.value(QStringLiteral("password")).toString() != m_options.dapodikPassword) {
        ++m_unauthorized;
        return dapodikError(401, QStringLiteral("Username atau password salah"));
    }

    // Forget tokens that have run out, so a long benchmark does not accumulate them.
    const qint64 now = m_clock.elapsed();
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it.value() <= now)
            it = m_tokens.erase(it);
        else
            ++it;
    }
    quint32 raw[8];
    QRandomGenerator::system()->fillRange(raw);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex();
    m_tokens.insert(token, now + qint64(m_options.dapodikTokenTtlS) * 1000);
    ++m_logins;
    return SimResponse::json(200, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                              {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), m_options.dapodikTokenTtlS}});
}

bool DapodikUpstream::tokenValid(const SimRequest &request)
{
    const QByteArray auth = request.header("authorization").trimmed();
    if (auth.size() <= 7 || auth.left(7).toLower() != "bearer ")
        return false;
    const auto it = m_tokens.constFind(auth.mid(7).trimmed());
    return it != m_tokens.cend() && it.value() > m_clock.elapsed();
}

SimResponse DapodikUpstream::wilayah(const SimRequest &request)
{
    const QString kode = queryValue(request, QStringLiteral("kode_wilayah"));
    int start, limit;
    paging(request, &start, &limit);
    QList<QJsonObject> rows;
    if (kode == kKabupaten) {
        rows.reserve(qsizetype(m_kecamatan.size()));
        for (const Kecamatan &k : m_kecamatan)
            rows.append(QJsonObject{{QStringLiteral("kode_wilayah"), k.kode},
                                    {QStringLiteral("nama"), k.nama},
                                    {QStringLiteral("id_level_wilayah"), 3},
                                    {QStringLiteral("mst_kode_wilayah"), kKabupaten}});
    }
    SimResponse r = page(kode, start, limit, rows);
    r.contentType = kHtml; // quirk: JSON served as HTML, always
    return r;
}

SimResponse DapodikUpstream::sekolah(const SimRequest &request)
{
    const QString kode = queryValue(request, QStringLiteral("kode_wilayah"));
    const bool known = std::any_of(m_kecamatan.cbegin(), m_kecamatan.cend(),
                                   [&kode](const Kecamatan &k) { return k.kode == kode; });
    if (!known)
        return htmlText("Sekolah tidak ditemukan");
    int start, limit;
    paging(request, &start, &limit);
    QList<QJsonObject> rows;
    for (const Sekolah &s : m_sekolah) {
        if (s.kodeWilayah == kode)
            rows.append(s.row);
    }
    return page(kode, start, limit, rows);
}

SimResponse DapodikUpstream::ptk(const SimRequest &request)
{
    const QString npsn = queryValue(request, QStringLiteral("npsn"));
    const Sekolah *s = findSekolah(npsn);
    if (!s)
        return htmlText("Sekolah tidak ditemukan");
    int start, limit;
    paging(request, &start, &limit);
    return page(npsn, start, limit, s->ptk);
}

SimResponse DapodikUpstream::ptkDetail(const SimRequest &request)
{
    const QString nik = queryValue(request, QStringLiteral("nik"));
    const QString npsn = queryValue(request, QStringLiteral("npsn"));
    QList<QJsonObject> found;
    for (const Sekolah &s : m_sekolah) {
        if (!npsn.isEmpty() && s.npsn != npsn)
            continue;
        for (const QJsonObject &p : s.ptk) {
            if (!nik.isEmpty() && p.value(QStringLiteral("nik")).toString() == nik) {
                found.append(p);
                break;
            }
        }
        if (!found.isEmpty())
            break;
    }
    return page(nik, 0, 1, found);
}

DapodikUpstream::Sekolah *DapodikUpstream::findSekolah(const QString &npsn)
{
    // m_sekolah is ordered by npsn (generation order, removals keep it).
    const auto it = std::lower_bound(m_sekolah.begin(), m_sekolah.end(), npsn,
                                     [](const Sekolah &s, const QString &n) { return s.npsn < n; });
    return it != m_sekolah.end() && it->npsn == npsn ? &*it : nullptr;
}

QPair<int, int> DapodikUpstream::findPtk(const QString &ptkId) const
{
    for (int s = 0; s < int(m_sekolah.size()); ++s) {
        const QList<QJsonObject> &list = m_sekolah[size_t(s)].ptk;
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).value(QStringLiteral("ptk_id")).toString() == ptkId)
                return {s, i};
        }
    }
    return {-1, -1};
}

std::optional<SimResponse> DapodikUpstream::handleControl(const SimRequest &request,
                                                           const QString &subPath)
{
    static const QStringList hooks{QStringLiteral("remove-sekolah"), QStringLiteral("remove-ptk"),
                                   QStringLiteral("update-ptk"), QStringLiteral("expire-tokens")};
    if (!hooks.contains(subPath))
        return std::nullopt;
    if (request.method != "POST")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));

    if (subPath == QLatin1String("expire-tokens")) {
        const int n = int(m_tokens.size());
        m_tokens.clear(); // an unknown token and an expired one get the same answer
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                                  {QStringLiteral("expired"), n}});
    }

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return SimResponse::error(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();

    if (subPath == QLatin1String("remove-sekolah"))
        return hookRemoveSekolah(o);
    return hookPtk(subPath, o);
}

SimResponse DapodikUpstream::hookRemoveSekolah(const QJsonObject &o)
{
    const QString npsn = stringField(o, QStringLiteral("npsn"));
    if (npsn.isEmpty())
        return SimResponse::error(400, QStringLiteral("Field 'npsn' wajib diisi"));
    Sekolah *s = findSekolah(npsn);
    if (!s)
        return SimResponse::error(404, QStringLiteral("Sekolah tidak ditemukan"));
    const int removedPtk = int(s->ptk.size());
    m_sekolah.erase(m_sekolah.begin() + (s - m_sekolah.data()));
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("npsn"), npsn},
                                              {QStringLiteral("removed_ptk"), removedPtk}});
}

SimResponse DapodikUpstream::hookPtk(const QString &subPath, const QJsonObject &o)
{
    const QString ptkId = stringField(o, QStringLiteral("ptk_id"));
    if (ptkId.isEmpty())
        return SimResponse::error(400, QStringLiteral("Field 'ptk_id' wajib diisi"));
    const auto [s, i] = findPtk(ptkId);
    if (s < 0)
        return SimResponse::error(404, QStringLiteral("PTK tidak ditemukan"));
    QList<QJsonObject> &list = m_sekolah[size_t(s)].ptk;

    if (subPath == QLatin1String("remove-ptk")) {
        list.removeAt(i);
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                                  {QStringLiteral("ptk_id"), ptkId}});
    }

    // update-ptk: every field of the body but ptk_id replaces (or adds) that field. A new
    // npsn moves the PTK to the end of that school's list (a transfer, "mutasi").
    QJsonObject updated = list.at(i);
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() != QLatin1String("ptk_id"))
            updated.insert(it.key(), it.value());
    }
    if (o.contains(QStringLiteral("npsn")))
        updated.insert(QStringLiteral("npsn"), stringField(o, QStringLiteral("npsn")));
    const QString newNpsn = updated.value(QStringLiteral("npsn")).toString();
    if (newNpsn != m_sekolah[size_t(s)].npsn) {
        Sekolah *target = findSekolah(newNpsn);
        if (!target)
            return SimResponse::error(400, QStringLiteral("npsn tujuan tidak ditemukan"));
        list.removeAt(i);
        target->ptk.append(updated);
    } else {
        list[i] = updated;
    }
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("ptk"), updated}});
}

void DapodikUpstream::addStats(QJsonObject &stats) const
{
    int ptkCount = 0;
    for (const Sekolah &s : m_sekolah)
        ptkCount += int(s.ptk.size());
    stats.insert(QStringLiteral("kecamatan"), int(m_kecamatan.size()));
    stats.insert(QStringLiteral("sekolah"), int(m_sekolah.size()));
    stats.insert(QStringLiteral("ptk"), ptkCount);
    stats.insert(QStringLiteral("dapodik"),
                 QJsonObject{{QStringLiteral("logins"), m_logins},
                             {QStringLiteral("requests"),
                              QJsonObject{{QStringLiteral("wilayah"), m_reqWilayah},
                                          {QStringLiteral("sekolah"), m_reqSekolah},
                                          {QStringLiteral("ptk"), m_reqPtk},
                                          {QStringLiteral("ptk_detail"), m_reqPtkDetail}}},
                             {QStringLiteral("unauthorized"), m_unauthorized},
                             {QStringLiteral("denied"), m_denied}});
}
