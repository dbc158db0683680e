#pragma once
// Satu Data test helpers: settings pointed at the simulator's SPLP and SIPD, and data files
// uploaded and verified through the real service.
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>

namespace tu::test {

inline Status pointSatuDataAtSim(Core &core, const UpstreamSim &sim, const QString &key = QStringLiteral("sim-external-key"))
{
    return core.settings().set(Actor::system(QStringLiteral("test")),
                               {{"splp_api_url", sim.url()}, {"sipd_api_url", sim.url()}, {"external_api_key", key},
                                {"upstream_timeout_ms", "2000"}, {"upstream_backoff_ms", "20"}, {"satudata_delay_ms", "0"}});
}

// Columns fit both targets: `data` is SIPD's value (one per year), the rest a table for SPLP.
inline QByteArray sampleCsv(int rows = 3, const QString &badValueAt = {})
{
    QByteArray csv = "kelas;tahun;data\n";
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("%1;%2;%3\n").arg(QStringLiteral("7%1").arg(QChar('A' + i)), QString::number(2020 + i),
                                                 badValueAt == QString::number(i) ? QStringLiteral("banyak") : QString::number(30 + i)).toUtf8();
    return csv;
}

inline Result<DataFile> uploadVerified(Core &core, const QString &title, const QByteArray &csv = sampleCsv(), bool verify = true)
{
    const Actor op = actorOf(QStringLiteral("op-1"), QStringLiteral("operator"), Role::Operator);
    const Actor admin = actorOf(QStringLiteral("admin-1"), QStringLiteral("admin"), Role::Admin);
    QBuffer b;
    b.setData(csv);
    b.open(QIODevice::ReadOnly);
    auto f = core.dataFiles().upload(op, b, QStringLiteral("data.csv"),
                                     {{"title", title}, {"description", "Rekap per kelas"}, {"period", "2025"}, {"unit", "orang"},
                                      {"tags", "siswa"}, {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}});
    if (!f.ok() || !verify)
        return f;
    return core.dataFiles().setVerified(admin, f->id, true);
}

} // namespace tu::test
