#include "Navigation.h"
#include "auth/Permissions.h"

#include <QCoreApplication>

namespace tu::ui {

namespace {
// Gives the page names one translation context, "Navigation".
class Navigation
{
    Q_DECLARE_TR_FUNCTIONS(Navigation)
public:
    static QList<PageInfo> pages();
};
} // namespace

QList<PageInfo> allPages()
{
    return Navigation::pages();
}

QList<PageInfo> Navigation::pages()
{
    return {
        {Page::Ppdb, tr("PPDB"),
         tr("Pendaftaran peserta didik baru: verifikasi berkas, status pendaftar, dan ekspor data."),
         QStringLiteral("ppdb")},
        {Page::TahunAjaran, tr("Tahun Ajaran"),
         tr("Tahun ajaran dan periode pendaftaran, tetap selaras dengan SIAKAD."),
         QStringLiteral("tahun-ajaran")},
        {Page::Konten, tr("Konten"),
         tr("Berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa untuk situs sekolah."),
         QStringLiteral("konten")},
        {Page::Sinkronisasi, tr("Sinkronisasi"),
         tr("Tarik data wilayah, sekolah, dan PTK dari Dapodik dengan progres yang dapat dipantau."),
         QStringLiteral("sinkronisasi")},
        {Page::DataDapodik, tr("Data Dapodik"),
         tr("Sekolah dan PTK hasil sinkronisasi Dapodik: cari, saring per kecamatan, lihat yang nonaktif."),
         QStringLiteral("data-dapodik")},
        {Page::Dashboard, tr("Dasbor"),
         tr("Grafik PTK per kecamatan, status kepegawaian, jenis kelamin, dan pendaftar PPDB."),
         QStringLiteral("dasbor")},
        {Page::SatuData, tr("Satu Data"),
         tr("Unggah, verifikasi, dan kirim berkas data ke SPLP Satu Data Indonesia dan SIPD e-walidata."),
         QStringLiteral("satu-data")},
        {Page::Pengguna, tr("Pengguna"),
         tr("Kelola akun staf dan siswa yang dapat masuk ke TataUsaha."),
         QStringLiteral("pengguna")},
        {Page::Pengaturan, tr("Pengaturan"),
         tr("Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data."),
         QStringLiteral("pengaturan")},
        {Page::Audit, tr("Log Audit"),
         tr("Siapa mengubah apa dan kapan, dengan isi sebelum dan sesudah perubahan."),
         QStringLiteral("audit")},
    };
}

QString pageShortcut(int index)
{
    if (index < 0 || index > 9)
        return QString();
    return QStringLiteral("Ctrl+%1").arg((index + 1) % 10);
}

PageInfo pageInfo(Page page)
{
    for (const PageInfo &p : allPages())
        if (p.page == page)
            return p;
    return {};
}

bool mayOpen(Role role, Page page)
{
    switch (page) {
    case Page::Ppdb:
        return hasPermission(role, Permission::AdministerPpdb);
    case Page::TahunAjaran:
        return hasPermission(role, Permission::ManageTahunAjaran);
    case Page::Sinkronisasi:
    case Page::DataDapodik:
    case Page::Dashboard:
        return hasPermission(role, Permission::SyncDapodik);
    case Page::SatuData:
        return hasPermission(role, Permission::ManageSatuData);
    case Page::Konten: // content editors, and students for their own works
        return hasPermission(role, Permission::EditContent) || hasPermission(role, Permission::SubmitWorks)
            || hasPermission(role, Permission::ReviewWorks);
    case Page::Pengguna:
        return hasPermission(role, Permission::ManageUsers);
    case Page::Pengaturan:
        return hasPermission(role, Permission::ManageSettings);
    case Page::Audit:
        return hasPermission(role, Permission::ReadAudit);
    }
    return false;
}

} // namespace tu::ui
