#include "Navigation.h"
#include "audit/AuditPage.h"
#include "content/ContentPage.h"
#include "dapodik/DapodikDataPage.h"
#include "dapodik/DapodikSyncPage.h"
#include "dashboard/DashboardPage.h"
#include "ppdb/PpdbPage.h"
#include "satudata/SatuDataPage.h"
#include "settings/SettingsPage.h"
#include "tahunajaran/TahunAjaranPage.h"
#include "users/UsersPage.h"

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

// A page whose constructor takes (core, actor, parent).
template<class T>
std::function<QWidget *(const PageContext &)> plain()
{
    return [](const PageContext &c) -> QWidget * { return new T(c.core, c.actor, c.parent); };
}
} // namespace

QList<PageInfo> allPages()
{
    return Navigation::pages();
}

// A new page is one row here (docs/adding.md).
QList<PageInfo> Navigation::pages()
{
    using P = Permission;
    return {
        {Page::Ppdb, tr("PPDB"),
         tr("Pendaftaran peserta didik baru: verifikasi berkas, status pendaftar, dan ekspor data."),
         QStringLiteral("ppdb"), {P::AdministerPpdb}, plain<PpdbPage>()},
        {Page::TahunAjaran, tr("Tahun Ajaran"),
         tr("Tahun ajaran dan periode pendaftaran, tetap selaras dengan SIAKAD."),
         QStringLiteral("tahun-ajaran"), {P::ManageTahunAjaran}, plain<TahunAjaranPage>()},
        // Content editors, and students for their own works.
        {Page::Content, tr("Konten"),
         tr("Berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa untuk situs sekolah."),
         QStringLiteral("konten"), {P::EditContent, P::SubmitWorks, P::ReviewWorks}, plain<ContentPage>()},
        {Page::DapodikSync, tr("Sinkronisasi"),
         tr("Tarik data wilayah, sekolah, dan PTK dari Dapodik dengan progres yang dapat dipantau."),
         QStringLiteral("sinkronisasi"), {P::SyncDapodik}, plain<DapodikSyncPage>()},
        {Page::DapodikData, tr("Data Dapodik"),
         tr("Sekolah dan PTK hasil sinkronisasi Dapodik: cari, saring per kecamatan, lihat yang nonaktif."),
         QStringLiteral("data-dapodik"), {P::SyncDapodik}, plain<DapodikDataPage>()},
        {Page::Dashboard, tr("Dasbor"),
         tr("Grafik PTK per kecamatan, status kepegawaian, jenis kelamin, dan pendaftar PPDB."),
         QStringLiteral("dasbor"), {P::SyncDapodik}, plain<DashboardPage>()},
        {Page::SatuData, tr("Satu Data"),
         tr("Unggah, verifikasi, dan kirim berkas data ke SPLP Satu Data Indonesia dan SIPD e-walidata."),
         QStringLiteral("satu-data"), {P::ManageSatuData}, plain<SatuDataPage>()},
        {Page::Users, tr("Pengguna"),
         tr("Kelola akun staf dan siswa yang dapat masuk ke TataUsaha."),
         QStringLiteral("pengguna"), {P::ManageUsers}, plain<UsersPage>()},
        {Page::Settings, tr("Pengaturan"),
         tr("Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data."),
         QStringLiteral("pengaturan"), {P::ManageSettings},
         [](const PageContext &c) -> QWidget * { return new SettingsPage(c.core, c.actor, c.api, c.local, c.parent); }},
        {Page::Audit, tr("Log Audit"),
         tr("Siapa mengubah apa dan kapan, dengan isi sebelum dan sesudah perubahan."),
         QStringLiteral("audit"), {P::ReadAudit}, plain<AuditPage>()},
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
    for (Permission p : pageInfo(page).anyOf)
        if (hasPermission(role, p))
            return true;
    return false;
}

} // namespace tu::ui
