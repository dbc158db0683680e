#pragma once
#include <QDate>
#include <QJsonObject>
#include <QString>

namespace tu {

// One academic year with its registration period. Flags keep the encoding SIAKAD and the web
// frontend use:
// sts_aktif 1 = active, 2 = not; sts_hapus 1 = live record, 2 = in the trash.
struct TahunAjaran {
    static constexpr int Active = 1, Inactive = 2; // sts_aktif
    static constexpr int Live = 1, Trashed = 2;    // sts_hapus
    QString id;
    QString nama;      // "2024/2025"
    QDate awal;        // periode_awal_pendaftaran
    QDate akhir;       // periode_akhir_pendaftaran
    int stsAktif = 2;
    int stsHapus = 1;
    QString createdAt;
    QString updatedAt;

    bool isActive() const { return stsAktif == Active; }
    bool inTrash() const { return stsHapus == Trashed; }
    int firstYear() const { return nama.left(4).toInt(); }
    bool sameContent(const TahunAjaran &o) const
    {
        return nama == o.nama && awal == o.awal && akhir == o.akhir && stsAktif == o.stsAktif && stsHapus == o.stsHapus;
    }
    // The flat shape of the API and SIAKAD (docs/tahun-ajaran.md).
    QJsonObject toJson() const
    {
        return {{"id_tahun_ajaran", id},
                {"tahun_ajaran", nama},
                {"periode_awal_pendaftaran", awal.toString(Qt::ISODate)},
                {"periode_akhir_pendaftaran", akhir.toString(Qt::ISODate)},
                {"sts_aktif", stsAktif},
                {"sts_hapus", stsHapus},
                {"updated_at", updatedAt}};
    }
};

} // namespace tu
