#pragma once

#include "SimOptions.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

// The Dapodik pusat dataset: the kecamatan of Kabupaten Sleman, their schools and the
// schools' PTK, generated from the options alone (seed and sizes). Kept apart from the
// protocol (DapodikUpstream) so the data can be reasoned about, and changed, in one place:
// the same options give byte-identical rows on every run and machine, which the simulator
// tests and the benchmarks rely on.
namespace DapodikDataset {

// Kode wilayah of Kabupaten Sleman; its kecamatan are "34.04.01", "34.04.02", …
inline const QString kKabupaten = QStringLiteral("34.04");

struct Kecamatan
{
    QString kode; // "34.04.01"
    QString nama; // "Gamping"
};

struct Sekolah
{
    QJsonObject row;        // as served
    QString npsn;
    QString kodeWilayah;    // of its kecamatan
    QList<QJsonObject> ptk; // as served, in list order
};

// The first `count` kecamatan: the 17 real ones of Sleman in kode order, then made-up ones.
std::vector<Kecamatan> seededKecamatan(int count);

// options.sekolahPerKecamatan schools per kecamatan, each with options.ptkPerSekolah PTK,
// ordered by npsn. A pure function of the options.
std::vector<Sekolah> seededSekolah(const SimOptions &options, const std::vector<Kecamatan> &kecamatan);

} // namespace DapodikDataset
