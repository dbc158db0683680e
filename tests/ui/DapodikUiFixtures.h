#pragma once
// Shared by the Dapodik widget tests and ui_bench_dapodik: bulk PTK rows inserted directly (test
// setup, one statement in one transaction), and a synced Core against the real simulator.
#include "DapodikFixtures.h"
#include "dapodik/DapodikRepository.h"
#include "db/Database.h"

#include <QThreadPool>

namespace tu::test {

// Declared after the Core and before the pages: when the test ends, waits for the reads the
// pages started on the thread pool, which still use the Core.
struct PoolDrain {
    ~PoolDrain() { QThreadPool::globalInstance()->waitForDone(); }
};

// `kecamatan` kecamatan (34.04.01 …), 10 schools each, and `ptk` PTK spread over the schools, named
// "Guru <n> <surname>", with status, gender and type varying; every 50th is inactive.
inline Status insertBulkDapodik(Core &core, int kecamatan, qint64 ptk)
{
    Database &db = core.db();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
    for (int k = 1; k <= kecamatan; ++k) {
        const QString kode = QStringLiteral("34.04.%1").arg(k, 2, 10, QLatin1Char('0'));
        if (auto r = db.exec(QStringLiteral("INSERT INTO dapodik_kecamatan (kode_wilayah, nama, mst_kode_wilayah, active, synced_at) VALUES (?, ?, '34.04', 1, ?)"),
                             {kode, QStringLiteral("Kecamatan %1").arg(k), at});
            !r.ok())
            return r.error();
        for (int s = 1; s <= 10; ++s)
            if (auto r = db.exec(QStringLiteral("INSERT INTO dapodik_sekolah (npsn, sekolah_id, nama, bentuk_pendidikan, status, alamat, kode_wilayah, active, synced_at) "
                                                "VALUES (?, ?, ?, 'SMP', 'Negeri', 'Jl. Contoh', ?, 1, ?)"),
                                 {QStringLiteral("204%1%2").arg(k, 2, 10, QLatin1Char('0')).arg(s, 3, 10, QLatin1Char('0')),
                                  QStringLiteral("sek-%1-%2").arg(k).arg(s), QStringLiteral("SMP Negeri %1 Kecamatan %2").arg(s).arg(k), kode, at});
                !r.ok())
                return r.error();
    }
    // One INSERT … SELECT over a recursive counter (SQLite: the widget tests run there).
    const QString sql = QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
        "INSERT INTO dapodik_ptk (ptk_id, nik, nama, jenis_kelamin, tanggal_lahir, nuptk, nip, jenis_ptk, status_kepegawaian, "
        "pendidikan_terakhir, npsn, active, synced_at) "
        "SELECT 'ptk-' || i, CAST(3404000000000000 + i AS TEXT), 'Guru ' || i || ' ' || "
        "  CASE i % 5 WHEN 0 THEN 'Santoso' WHEN 1 THEN 'Wulandari' WHEN 2 THEN 'Prasetyo' WHEN 3 THEN 'Lestari' ELSE 'Hidayat' END, "
        "  CASE i % 2 WHEN 0 THEN 'L' ELSE 'P' END, '1980-01-01', CAST(1000000000000000 + i AS TEXT), '', "
        "  CASE i % 4 WHEN 3 THEN 'Tenaga Administrasi Sekolah' ELSE 'Guru Mapel' END, "
        "  CASE i % 3 WHEN 0 THEN 'PNS' WHEN 1 THEN 'PPPK' ELSE 'Guru Honor Sekolah' END, 'S1', "
        "  '204' || substr('0' || CAST(1 + (i % %2) AS TEXT), -2) || substr('00' || CAST(1 + ((i / %2) % 10) AS TEXT), -3), "
        "  CASE i % 50 WHEN 0 THEN 0 ELSE 1 END, '%3' FROM n").arg(ptk).arg(kecamatan).arg(at);
    if (auto r = db.exec(sql); !r.ok())
        return r.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return DapodikRepository(core.db()).refreshAnalytics();
}

} // namespace tu::test
