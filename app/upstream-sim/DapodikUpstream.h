#pragma once

#include "DapodikDataset.h"
#include "SimOptions.h"
#include "Upstream.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <vector>

// Dapodik pusat: the national education database, read-only for the school. Serves the
// kecamatan of Kabupaten Sleman (34.04), their schools and the schools' PTK (teachers and
// staff), paged, behind an API key plus a bearer token from a login.
//
//   POST /dapodik/api/auth/login   {"username","password"} -> {"token","token_type","expires_in"}
//   GET  /dapodik/api/wilayah?kode_wilayah=34.04      kecamatan (served as text/html: quirk)
//   GET  /dapodik/api/sekolah?kode_wilayah=34.04.01   schools of one kecamatan
//   GET  /dapodik/api/ptk?npsn=20400101               PTK of one school
//   GET  /dapodik/api/ptk/detail?nik=…&npsn=…         one PTK
//
// Every route needs X-API-KEY (else 200 text/html "Access denied: …", a real-world quirk);
// every route but login needs "Authorization: Bearer <token>" (else 401 Token expired).
// This class is the protocol (routes, auth, paging, quirks, test hooks); the data comes from
// DapodikDataset, generated once from --seed (at start and on /__sim/reset); the test hooks
// /__sim/dapodik/{remove-sekolah,remove-ptk,update-ptk,expire-tokens} change it.
class DapodikUpstream : public Upstream
{
public:
    explicit DapodikUpstream(const SimOptions &options);

    QString name() const override { return QStringLiteral("dapodik"); }
    QString pathPrefix() const override { return QStringLiteral("/dapodik/"); }
    void reset() override;
    std::optional<SimResponse> handle(const SimRequest &request) override;
    std::optional<SimResponse> handleControl(const SimRequest &request,
                                             const QString &subPath) override;
    void addStats(QJsonObject &stats) const override;

private:
    using Kecamatan = DapodikDataset::Kecamatan;
    using Sekolah = DapodikDataset::Sekolah;

    SimResponse login(const SimRequest &request);
    bool tokenValid(const SimRequest &request);
    SimResponse wilayah(const SimRequest &request);
    SimResponse sekolah(const SimRequest &request);
    SimResponse ptk(const SimRequest &request);
    SimResponse ptkDetail(const SimRequest &request);
    SimResponse hookRemoveSekolah(const QJsonObject &body);
    // remove-ptk and update-ptk.
    SimResponse hookPtk(const QString &subPath, const QJsonObject &body);

    Sekolah *findSekolah(const QString &npsn);
    // School index and PTK index of a ptk_id, or {-1, -1}.
    QPair<int, int> findPtk(const QString &ptkId) const;

    const SimOptions m_options;
    QElapsedTimer m_clock; // token expiry runs on a monotonic clock

    std::vector<Kecamatan> m_kecamatan;
    std::vector<Sekolah> m_sekolah; // ordered by npsn
    QHash<QByteArray, qint64> m_tokens; // token -> expiry (m_clock ms)

    int m_logins = 0;
    int m_unauthorized = 0;
    int m_denied = 0;
    int m_reqWilayah = 0;
    int m_reqSekolah = 0;
    int m_reqPtk = 0;
    int m_reqPtkDetail = 0;
};
