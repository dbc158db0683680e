#include "Core.h"
#include "DemoData.h"

#include <QBuffer>

namespace tu {

// Data files a school's data officer keeps for Satu Data: yearly series SIPD can take (one
// value per year in a `data` column) and plain tables for SPLP; one still waits for the admin.
Status seedDemoSatuData(Core &core)
{
    qint64 total = 0;
    auto existing = core.dataFiles().list({}, &total);
    if (!existing.ok())
        return existing.error();
    if (total > 0)
        return {};
    const Actor officer = Actor::system(QStringLiteral("demo"));
    struct Sample { const char *title, *description, *unit, *tags, *indikator, *csv; bool verified; };
    const QList<Sample> samples = {
        {"Jumlah Peserta Didik 2021–2025", "Jumlah peserta didik aktif per tahun pelajaran (data Dapodik semester ganjil).", "orang",
         "pendidikan,peserta didik", "1.01.01", "tahun;data;keterangan\n2021;712;\n2022;724;\n2023;731;\n2024;745;\n2025;752;semester ganjil\n", true},
        {"Rasio Guru terhadap Siswa 2021–2025", "Perbandingan jumlah guru dan peserta didik.", "rasio", "guru,rasio", "1.01.05",
         "tahun;data\n2021;15.8\n2022;16.1\n2023;15.9\n2024;16.4\n2025;16.0\n", true},
        {"Jumlah Rombongan Belajar per Tingkat 2025", "Rombel kelas VII–IX tahun pelajaran 2025/2026.", "rombel", "rombel,kelas", nullptr,
         "tingkat;rombel;peserta_didik\nVII;8;256\nVIII;8;250\nIX;8;246\n", true},
        {"Sarana dan Prasarana 2025", "Kondisi ruang kelas, laboratorium dan perpustakaan.", "ruang", "sarpras", nullptr,
         "ruang;jumlah;kondisi_baik;rusak_ringan\nKelas;24;20;4\nLaboratorium IPA;1;1;0\nPerpustakaan;1;1;0\nKomputer;1;0;1\n", false},
    };
    const Actor admin = Actor::system(QStringLiteral("demo-admin"));
    for (const Sample &s : samples) {
        QBuffer b;
        b.setData(QByteArray(s.csv));
        b.open(QIODevice::ReadOnly);
        QJsonObject meta{{"title", QString::fromUtf8(s.title)}, {"description", QString::fromUtf8(s.description)}, {"period", "2025"},
                         {"unit", QString::fromUtf8(s.unit)}, {"tags", QString::fromUtf8(s.tags)}};
        if (s.indikator) {
            meta.insert(QStringLiteral("kodeindikator"), QString::fromLatin1(s.indikator));
            meta.insert(QStringLiteral("kodepemda"), QStringLiteral("3404"));
        }
        auto f = core.dataFiles().upload(officer, b, QStringLiteral("%1.csv").arg(QString::fromUtf8(s.title).left(40)), meta);
        if (!f.ok())
            return f.error();
        if (s.verified)
            if (auto v = core.dataFiles().setVerified(admin, f->id, true); !v.ok())
                return v.error();
    }
    return {};
}

} // namespace tu
