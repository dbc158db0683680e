// Renders the desktop app's main screens to PNG files for a visual check, on the offscreen
// platform with a throwaway database of sample users:
//   QT_QPA_PLATFORM=offscreen ui_screenshot OUTPUT_DIR
#include "audit/AuditPage.h"
#include "content/ContentEditor.h"
#include "content/ContentTab.h"
#include "dapodik/DapodikDataPage.h"
#include "dapodik/DapodikListModel.h"
#include "DapodikFixtures.h"
#include "dashboard/DashboardPage.h"
#include "shell/FirstRunDialog.h"
#include "content/ImagePicker.h"
#include "content/ContentPage.h"
#include "content/StudentWorksTab.h"
#include "common/Language.h"
#include "shell/MainWindow.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbPage.h"
#include "ppdb/PpdbWalkInDialog.h"
#include "ppdb/ProofOfRegistration.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsPage.h"
#include "satudata/SatuDataDialogs.h"
#include "satudata/SatuDataFileModel.h"
#include "satudata/SatuDataPage.h"
#include "dapodik/DapodikSyncPage.h"
#include "TestSupport.h"
#include "tahunajaran/TahunAjaranPage.h"
#include "common/Theme.h"
#include "UiTestUtil.h"
#include "users/UserDialog.h"
#include "users/UsersPage.h"
#include "api/ApiServerHost.h"

#include <QBuffer>
#include <QCalendarWidget>
#include <QLinearGradient>
#include <QSettings>
#include <QScrollArea>
#include <QTabWidget>
#include <QComboBox>
#include <QPainter>
#include <QPdfWriter>
#include <QDir>
#include <QTableView>
#include <QElapsedTimer>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QCheckBox>
#include <QComboBox>
#include <QTimeEdit>
#include <QTemporaryDir>
#include "satudata/SatuDataSync.h"

using namespace tu;
using namespace tu::test;

namespace {
QString outDir;

void save(QWidget *w, const QString &name)
{
    QTest::qWait(150); // layouts, style polish and deferred updates settle
    const QString path = outDir + QLatin1Char('/') + name;
    if (!w->grab().save(path))
        qWarning() << "cannot write" << path;
    else
        qInfo().noquote() << "wrote" << path;
}

void seed(TestCore &core)
{
    const Actor system = Actor::system(QStringLiteral("screenshot"));
    (void)core->settings().set(system, {{QStringLiteral("school_name"), QStringLiteral("SMP Negeri 2 Sleman")}});
    for (const auto &[nama, awal, akhir, aktif] : {std::tuple{"2024/2025", "2024-05-01", "2024-06-30", 2},
                                                   std::tuple{"2025/2026", "2025-05-01", "2025-06-30", 2},
                                                   std::tuple{"2026/2027", "2026-05-02", "2026-07-15", 2},
                                                   std::tuple{"2027/2028", "2026-11-01", "2027-01-31", 1}})
        (void)core->tahunAjaran().store(system, {{"tahun_ajaran", nama}, {"periode_awal_pendaftaran", awal},
                                                 {"periode_akhir_pendaftaran", akhir}, {"sts_aktif", aktif}});
    struct Sample { const char *username, *name; Role role; bool active; };
    const Sample samples[] = {
        {"budi.santoso", "Budi Santoso", Role::Operator, true},
        {"sari.dewi", "Sari Dewi Lestari", Role::Ppdb, true},
        {"rina.marlina", "Rina Marlina, S.Pd.", Role::Kesiswaan, true},
        {"dimas.osis", "Dimas Pratama", Role::Osis, true},
        {"ayu.w", "Ayu Wulandari", Role::Siswa, false},
        {"andi.k", "Andi Kurniawan", Role::Operator, true},
    };
    for (const Sample &s : samples) {
        UserInput in;
        in.username = QString::fromLatin1(s.username);
        in.name = QString::fromLatin1(s.name);
        in.role = roleName(s.role);
        in.password = QStringLiteral("Password-123");
        in.active = s.active;
        (void)core->users().create(system, in);
    }
    auto users = core->users().list(system);
    for (const User &u : users.value())
        if (u.username == QLatin1String("admin")) {
            UserInput in;
            in.name = QStringLiteral("Wahyu Hidayat");
            (void)core->users().update(system, u.id, in);
        }
}

// ~30 PPDB applicants for the open 2027/2028 year, a few verified, accepted or rejected, the
// first with a photo and a scanned ijazah.
void seedPpdb(TestCore &core)
{
    const Actor system = Actor::system(QStringLiteral("screenshot"));
    core->ppdb().setToday([] { return QDate(2026, 12, 1); });
    const char *names[] = {"Aditya Pratama", "Bunga Citra Lestari", "Cahyo Nugroho", "Dewi Anggraini", "Eko Saputra",
                           "Fitri Handayani", "Galih Permana", "Hana Safitri", "Ilham Maulana", "Jihan Aulia",
                           "Kevin Setiawan", "Laras Wulandari", "Muhammad Rizky", "Nabila Putri", "Oki Firmansyah",
                           "Putri Ayu Ningsih", "Qori Ramadhani", "Rafi Hidayat", "Salsabila Zahra", "Teguh Wibowo",
                           "Umi Kalsum", "Vino Alamsyah", "Wulan Sari", "Yoga Prasetyo", "Zahra Amelia",
                           "Bayu Firmansyah", "Citra Kirana", "Dimas Aryo", "Elsa Maharani", "Fajar Nugraha"};
    const char *schools[] = {"SD Negeri 1 Depok", "SD Muhammadiyah Condongcatur", "SD Negeri Caturtunggal 3",
                             "MI Al-Huda Sleman", "SD Kanisius Kalasan", "SD Negeri Ngaglik 2"};
    const char *religions[] = {"Islam", "Islam", "Islam", "Kristen", "Katolik", "Islam", "Hindu"};
    QList<Registration> regs;
    for (int i = 0; i < 30; ++i) {
        const QString name = QString::fromLatin1(names[i]);
        const QJsonObject in{{"nisn", QStringLiteral("01%1").arg(23456780 + i * 37, 8, 10, QLatin1Char('0'))}, {"fullName", name},
                             {"birthPlace", i % 3 ? "Sleman" : "Yogyakarta"},
                             {"birthDate", QDate(2014, 1 + i % 12, 1 + (i * 7) % 28).toString(Qt::ISODate)},
                             {"gender", i % 2 ? "P" : "L"}, {"religion", religions[i % 7]},
                             {"address", QStringLiteral("Jl. Kaliurang km %1 No. %2, RT 0%3/RW 1%3").arg(5 + i % 9).arg(10 + i).arg(1 + i % 8)},
                             {"province", "DI Yogyakarta"}, {"city", "Sleman"}, {"district", i % 2 ? "Depok" : "Ngaglik"},
                             {"postalCode", "55281"}, {"fatherName", "Bapak " + name.section(QLatin1Char(' '), -1)},
                             {"fatherPhone", "081234567890"}, {"motherName", "Ibu " + name.section(QLatin1Char(' '), -1)},
                             {"motherPhone", "081298765432"}, {"previousSchool", schools[i % 6]},
                             {"email", QStringLiteral("ortu.%1@gmail.com").arg(name.section(QLatin1Char(' '), 0, 0).toLower())},
                             {"phone", "085712345678"}};
        auto r = core->ppdb().submit(system, in, i % 5 == 4 ? QStringLiteral("walkin") : QStringLiteral("online"));
        if (!r.ok()) {
            qWarning() << "ppdb seed:" << r.error().message << r.error().fields;
            continue;
        }
        regs << r.value();
    }
    for (int i = 0; i < regs.size(); ++i) {
        const QString id = regs[i].id;
        if (i % 4 == 1 || i % 4 == 2 || i == 0)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("verified"), QStringLiteral("Berkas lengkap."));
        if (i % 4 == 2 && i < 20)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("accepted"), QString());
        if (i == 7 || i == 19)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("rejected"),
                                            QStringLiteral("Scan ijazah tidak terbaca. Unggah ulang dengan resolusi lebih tinggi."));
    }
    if (regs.isEmpty())
        return;
    // Photo: a plain portrait placeholder.
    QImage photo(300, 400, QImage::Format_RGB32);
    photo.fill(QColor(0x1d, 0x4e, 0xd8));
    {
        QPainter p(&photo);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf5, 0xd0, 0xa9));
        p.drawEllipse(QRectF(95, 70, 110, 130));
        p.setBrush(QColor(0xf8, 0xfa, 0xfc));
        p.drawRoundedRect(QRectF(45, 230, 210, 200), 90, 90);
        p.setBrush(QColor(0x33, 0x41, 0x55));
        p.drawChord(QRectF(90, 55, 120, 90), 0, 180 * 16);
    }
    QBuffer png;
    png.open(QIODevice::ReadWrite);
    photo.save(&png, "PNG");
    png.seek(0);
    (void)core->ppdb().upload(system, regs[0].id, QStringLiteral("photo"), png, QStringLiteral("pas-foto.png"));
    QBuffer pdf;
    pdf.open(QIODevice::ReadWrite);
    {
        QPdfWriter w(&pdf);
        QPainter p(&w);
        p.drawText(QPointF(200, 200), QStringLiteral("IJAZAH"));
    }
    pdf.seek(0);
    (void)core->ppdb().upload(system, regs[0].id, QStringLiteral("ijazah"), pdf, QStringLiteral("ijazah-sd.pdf"));
}

// A photo-like picture for content: a sky-to-ground gradient with a few shapes and a caption.
QByteArray picture(const QColor &top, const QColor &bottom, const QString &caption, int seed)
{
    QImage img(960, 600, QImage::Format_RGB32);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient g(0, 0, 0, 600);
    g.setColorAt(0, top);
    g.setColorAt(1, bottom);
    p.fillRect(img.rect(), g);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 60));
    for (int i = 0; i < 5; ++i)
        p.drawEllipse(QPointF(120 + ((seed * 37 + i * 190) % 800), 120 + ((seed * 53 + i * 70) % 200)), 60 + i * 12, 60 + i * 12);
    p.setBrush(QColor(15, 23, 42, 90));
    p.drawRect(QRect(0, 430, 960, 170));
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setPixelSize(54);
    f.setBold(true);
    p.setFont(f);
    p.drawText(QRect(40, 450, 880, 120), Qt::AlignLeft | Qt::AlignVCenter, caption);
    p.end();
    QByteArray bytes;
    QBuffer b(&bytes);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return bytes;
}

QString storeImage(TestCore &core, const Actor &actor, const QByteArray &png, const QString &name)
{
    QBuffer b;
    b.setData(png);
    b.open(QIODevice::ReadOnly);
    auto m = core->media().store(actor, b, name);
    if (!m.ok())
        qWarning() << "media seed:" << m.error().message;
    return m.ok() ? m->id : QString();
}

Actor actorOf(TestCore &core, const QString &username)
{
    const auto users = core->users().list(Actor::system(QStringLiteral("screenshot")));
    for (const User &u : users.value())
        if (u.username == username)
            return Actor{u.id, u.username, u.role, QStringLiteral("192.168.1.12"), false};
    return Actor::system(username);
}

// School content as a real SMP would publish it, dated around today, made by the admin and the
// kesiswaan teacher so the audit log has people in it.
void seedContent(TestCore &core)
{
    const Actor admin = actorOf(core, QStringLiteral("admin"));
    const Actor rina = actorOf(core, QStringLiteral("rina.marlina"));
    const Actor dimas = actorOf(core, QStringLiteral("dimas.osis"));
    auto make = [&](const Actor &who, const char *type, const QJsonObject &in) {
        auto r = core->content().create(who, *content::type(QLatin1String(type)), in);
        if (!r.ok())
            qWarning() << "content seed:" << type << r.error().message << r.error().fields;
        return r.ok() ? r->value(QLatin1String("id")).toString() : QString();
    };
    const QTimeZone zone = core->settings().schoolZone();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    auto at = [&](int daysAgo, int hour) { return QDateTime(today.addDays(-daysAgo), QTime(hour, 0), zone).toString(Qt::ISODate); };

    const QString osn = storeImage(core, rina, picture(QColor(0x1d, 0x4e, 0xd8), QColor(0x0e, 0x74, 0x90), QStringLiteral("OSN IPA 2026"), 1), QStringLiteral("osn-ipa.png"));
    const QString pramuka = storeImage(core, rina, picture(QColor(0x7c, 0x2d, 0x12), QColor(0xa1, 0x62, 0x07), QStringLiteral("Perkemahan Sabtu–Minggu"), 2), QStringLiteral("persami.png"));
    const QString lab = storeImage(core, admin, picture(QColor(0x04, 0x78, 0x57), QColor(0x0f, 0x76, 0x6e), QStringLiteral("Laboratorium IPA"), 3), QStringLiteral("lab-ipa.png"));
    const QString perpus = storeImage(core, admin, picture(QColor(0x6d, 0x28, 0xd9), QColor(0x43, 0x38, 0xca), QStringLiteral("Perpustakaan"), 4), QStringLiteral("perpustakaan.png"));
    struct News { const char *title, *category, *status, *excerpt, *body; int daysAgo; QString image; const Actor *by; };
    const News news[] = {
        {"Siswa SMP Negeri 2 Sleman Raih Emas OSN IPA Tingkat Kabupaten", "Prestasi", "published",
         "Naila Putri Ramadhani dari kelas VIII-B meraih medali emas dan mewakili Sleman ke tingkat provinsi.",
         "Naila Putri Ramadhani, siswi kelas VIII-B, meraih medali emas Olimpiade Sains Nasional bidang IPA tingkat "
         "Kabupaten Sleman yang digelar di SMP Negeri 4 Depok. Ia akan mewakili Sleman pada seleksi tingkat provinsi bulan depan.\n\n"
         "Kepala sekolah menyampaikan terima kasih kepada guru pembimbing dan orang tua atas dukungannya.", 2, osn, &rina},
        {"Perkemahan Sabtu–Minggu Kelas VII di Bumi Perkemahan Kaliurang", "Kegiatan", "published",
         "Seluruh siswa kelas VII mengikuti Persami untuk melatih kemandirian dan kerja sama.",
         "Sebanyak 192 siswa kelas VII mengikuti Perkemahan Sabtu–Minggu di Bumi Perkemahan Kaliurang.", 6, pramuka, &dimas},
        {"Jadwal Penilaian Akhir Semester Genap 2025/2026", "Akademik", "published", "",
         "Penilaian Akhir Semester genap dilaksanakan mulai Senin pekan depan. Siswa wajib hadir 15 menit sebelum ujian.", 9, QString(), &rina},
        {"Sosialisasi Bahaya Narkoba bersama BNN Kabupaten Sleman", "Kegiatan", "published", "",
         "BNN Kabupaten Sleman memberikan penyuluhan kepada siswa kelas VIII dan IX di aula sekolah.", 13, QString(), &admin},
        {"Tim Futsal Putra Melaju ke Final Liga Pelajar", "Prestasi", "draft", "",
         "Tim futsal putra mengalahkan SMP Negeri 1 Ngaglik 4–2 di babak semifinal.", 1, QString(), &dimas},
        {"Gerakan Literasi Sekolah: 15 Menit Membaca Setiap Pagi", "Literasi", "published", "",
         "Setiap pagi sebelum pelajaran pertama, seluruh warga sekolah membaca buku nonpelajaran selama 15 menit.", 20, QString(), &admin},
        {"Pameran Karya Seni Rupa Kelas IX", "Kegiatan", "draft", "",
         "Karya lukis, batik, dan kriya siswa kelas IX dipamerkan di lobi sekolah selama satu pekan.", 0, QString(), &rina},
    };
    QString first;
    for (const News &n : news) {
        QJsonObject in{{"title", n.title}, {"category", n.category}, {"status", n.status}, {"excerpt", n.excerpt},
                       {"content", n.body}, {"image", n.image}};
        if (QLatin1String(n.status) == QLatin1String("published"))
            in.insert(QStringLiteral("publishedAt"), at(n.daysAgo, 9));
        const QString id = make(*n.by, "news", in);
        if (first.isEmpty())
            first = id;
    }
    // An edit, so the audit log has a before and an after.
    if (!first.isEmpty())
        (void)core->content().update(admin, *content::type(QStringLiteral("news")), first,
                                     {{"title", "Siswa SMP Negeri 2 Sleman Raih Medali Emas OSN IPA Tingkat Kabupaten"}});

    make(admin, "announcements", {{"title", "Libur Hari Raya Idul Adha"}, {"priority", "high"}, {"activeFrom", at(3, 7)},
                                  {"activeUntil", at(-10, 15)}, {"content", "Kegiatan belajar mengajar diliburkan. Masuk kembali sesuai kalender."}});
    make(rina, "announcements", {{"title", "Pengambilan Rapor Semester Genap"}, {"priority", "medium"}, {"activeFrom", at(1, 7)},
                                 {"content", "Rapor diambil oleh orang tua/wali di kelas masing-masing pukul 08.00–11.00."}});
    make(rina, "announcements", {{"title", "Pendaftaran Ekstrakurikuler Semester Baru"}, {"priority", "low"}, {"activeFrom", at(8, 7)},
                                 {"content", "Formulir pendaftaran tersedia di ruang OSIS."}});
    make(dimas, "announcements", {{"title", "Lomba Kebersihan Kelas Pekan Ini"}, {"priority", "medium"}, {"activeFrom", at(2, 7)},
                                  {"activeUntil", at(-5, 14)}, {"content", "Penilaian dilakukan setiap hari oleh pengurus OSIS."}});

    const QDate m(today.year(), today.month(), 1);
    auto day = [&](int d) { return QDate(m.year(), m.month(), std::min(d, m.daysInMonth())).toString(Qt::ISODate); };
    struct Event { const char *title, *category; int from, to; const char *where; };
    const Event events[] = {
        {"Penilaian Akhir Semester", "ujian", 2, 6, "Ruang kelas"},
        {"Rapat Pleno Kenaikan Kelas", "akademik", 9, 9, "Ruang guru"},
        {"Class Meeting", "kegiatan", 12, 14, "Lapangan sekolah"},
        {"Pembagian Rapor", "akademik", 16, 16, "Ruang kelas"},
        {"Libur Akhir Semester", "libur", 19, 28, ""},
        {"Masa Pengenalan Lingkungan Sekolah", "kegiatan", 29, 30, "Aula"},
    };
    for (const Event &e : events)
        make(rina, "calendar", {{"title", e.title}, {"category", e.category}, {"startDate", day(e.from)}, {"endDate", day(e.to)},
                                {"location", e.where}, {"description", ""}});

    struct Teacher { const char *name, *nip, *subject, *position; };
    const Teacher teachers[] = {
        {"Drs. Bambang Wijaya, M.Pd.", "196805121994031007", "Matematika", "Kepala Sekolah"},
        {"Sri Wahyuni, S.Pd.", "198503122010012003", "Bahasa Indonesia", "Wali kelas VII-A"},
        {"Agus Setiawan, S.Pd.", "198807082015031002", "IPA", "Wakil kepala bidang kurikulum"},
        {"Rina Marlina, S.Pd.", "", "PPKn", "Wakil kepala bidang kesiswaan"},
        {"Yohanes Prasetyo, S.Kom.", "", "Informatika", "Pembina robotik"},
    };
    for (const Teacher &t : teachers)
        make(admin, "teachers", {{"name", t.name}, {"nip", t.nip}, {"subject", t.subject}, {"position", t.position}});
    make(admin, "facilities", {{"name", "Laboratorium IPA"}, {"description", "Dua ruang praktikum dengan 36 meja dan alat peraga lengkap."}, {"image", lab}});
    make(admin, "facilities", {{"name", "Perpustakaan"}, {"description", "Lebih dari 8.000 judul buku dan pojok baca digital."}, {"image", perpus}});
    make(admin, "facilities", {{"name", "Lapangan Olahraga"}, {"description", "Lapangan basket, voli, dan futsal."}});
    make(admin, "facilities", {{"name", "Masjid Al-Ilmi"}, {"description", "Tempat ibadah untuk 300 jamaah."}});
    make(dimas, "extracurricular", {{"name", "Pramuka"}, {"description", "Ekstrakurikuler wajib kelas VII."}, {"schedule", "Jumat 14.00–16.00"},
                                    {"coach", "Agus Setiawan, S.Pd."}, {"image", pramuka}});
    make(dimas, "extracurricular", {{"name", "Robotik"}, {"description", "Merakit dan memprogram robot untuk lomba."}, {"schedule", "Sabtu 08.00–10.00"},
                                    {"coach", "Yohanes Prasetyo, S.Kom."}});
    make(dimas, "extracurricular", {{"name", "Paduan Suara"}, {"description", "Latihan vokal dan penampilan di upacara."}, {"schedule", "Rabu 14.00–15.30"}});
    make(dimas, "extracurricular", {{"name", "Futsal"}, {"description", "Latihan dan liga pelajar."}, {"schedule", "Selasa 15.00–17.00"}});

    // Student works by two students, one featured.
    UserInput in;
    in.username = QStringLiteral("naila.putri");
    in.name = QStringLiteral("Naila Putri Ramadhani");
    in.role = roleName(Role::Siswa);
    in.password = QStringLiteral("Password-123");
    (void)core->users().create(admin, in);
    const Actor naila = actorOf(core, QStringLiteral("naila.putri"));
    in.username = QStringLiteral("rizky.fajar");
    in.name = QStringLiteral("Muhammad Rizky Fajar");
    (void)core->users().create(admin, in);
    const Actor rizky = actorOf(core, QStringLiteral("rizky.fajar"));
    struct Work { const Actor *who; const char *title, *description, *category, *link; bool file; };
    const Work works[] = {
        {&naila, "Alat Penjernih Air Sederhana", "Penjernih air dari pasir, arang dan ijuk untuk sumur warga.", "sains", "", true},
        {&rizky, "Robot Line Follower \"Si Gesit\"", "Robot pengikut garis berbasis Arduino.", "teknologi", "https://youtu.be/contoh-robot", false},
        {&naila, "Puisi: Ibu, Pelita Hidupku", "Puisi untuk lomba Hari Ibu.", "tulisan", "", false},
        {&rizky, "Poster Hemat Energi", "Poster kampanye hemat listrik di sekolah.", "seni", "", true},
        {&naila, "Esai: Sampah Plastik di Sungai Code", "Pengamatan dan usulan pengurangan sampah plastik.", "tulisan", "", false},
    };
    QStringList ids;
    for (const Work &w : works) {
        QBuffer file;
        if (w.file) {
            file.setData(picture(QColor(0x0f, 0x76, 0x6e), QColor(0x15, 0x80, 0x3d), QString::fromUtf8(w.title).left(24), 5));
            file.open(QIODevice::ReadOnly);
        }
        auto r = core->studentWorks().submit(*w.who, {{"title", w.title}, {"description", w.description}, {"category", w.category},
                                                      {"link", w.link}},
                                             w.file ? &file : nullptr, w.file ? QStringLiteral("karya.png") : QString());
        if (!r.ok())
            qWarning() << "works seed:" << r.error().message << r.error().fields;
        else
            ids << r->id;
    }
    if (!ids.isEmpty())
        (void)core->studentWorks().setFeatured(rina, ids.first(), true);
}

// The window with a dialog over it, as a person sees it: the window dimmed, the dialog centred
// with a soft shadow (a dialog is its own top-level window, so window->grab() leaves it out).
void saveWithDialog(QWidget *window, QWidget *dialog, const QString &name)
{
    QTest::qWait(200);
    QPixmap base = window->grab();
    const QPixmap top = dialog->grab();
    QPainter p(&base);
    p.fillRect(base.rect(), QColor(15, 23, 42, 70));
    const QPoint at((base.width() - top.width()) / 2, qMax(16, (base.height() - top.height()) / 2));
    p.setPen(Qt::NoPen);
    for (int i = 14; i > 0; i -= 2)
        p.fillRect(QRect(at, top.size()).adjusted(-i, -i + 6, i, i + 6), QColor(15, 23, 42, 7));
    p.drawPixmap(at, top);
    p.end();
    const QString path = outDir + QLatin1Char('/') + name;
    if (!base.save(path))
        qWarning() << "cannot write" << path;
    else
        qInfo().noquote() << "wrote" << path;
}

// Satu Data files as an office keeps them: synced, partly refused by SIPD, not yet verified.
QStringList seedSatuData(TestCore &core)
{
    const Actor op = actorOf(core, QStringLiteral("budi.santoso"));
    const Actor admin = actorOf(core, QStringLiteral("admin"));
    struct File { const char *title, *description, *period, *unit, *tags, *indikator, *name; QByteArray csv; bool verify; };
    const File files[] = {
        {"Jumlah Peserta Didik per Tingkat", "Rekap peserta didik aktif per tingkat dan jenis kelamin, awal semester ganjil.", "2025", "orang",
         "siswa, kelas", "1.01.01", "peserta-didik.csv",
         "tahun,tingkat,laki_laki,perempuan,data\n2023,VII,142,138,280\n2024,VIII,139,141,280\n2025,IX,136,139,275\n", true},
        {"Rasio Guru terhadap Siswa 2019–2025", "Jumlah guru tetap, jumlah siswa, dan rasio siswa per guru tiap tahun ajaran.", "2025", "rasio",
         "guru, rasio", "1.01.07", "rasio-guru.csv",
         "tahun,jumlah_guru,jumlah_siswa,data\n2019,48,792,16.5\n2020,47,801,-\n2021,49,815,belum dihitung\n2022,50,828,16.6\n"
         "2023,51,835,16.4\n2024,52,840,16.2\n2025,52,835,16.1\n", true},
        {"Angka Kelulusan Ujian Sekolah", "Persentase kelulusan siswa kelas IX per tahun.", "2025", "persen", "kelulusan", "1.01.04",
         "kelulusan.csv", "tahun,peserta,lulus,data\n2022,268,268,100\n2023,271,270,99.6\n2024,275,275,100\n", true},
        {"Jumlah Rombongan Belajar", "Rombongan belajar per tingkat dan rata-rata siswa per rombel.", "2025", "rombel", "rombel, kelas",
         "1.01.03", "rombel.csv", "tahun,rombel_vii,rombel_viii,rombel_ix,data\n2024,9,9,9,27\n2025,9,9,9,27\n", true},
        {"Sarana dan Prasarana Sekolah", "Ruang kelas, laboratorium, dan kondisi bangunan.", "2025", "unit", "sarpras", "", "sarpras.csv",
         "jenis,jumlah,kondisi_baik\nRuang kelas,27,25\nLaboratorium IPA,2,2\nPerpustakaan,1,1\nToilet siswa,12,10\n", false},
    };
    QStringList ids;
    for (const File &f : files) {
        QBuffer b;
        b.setData(f.csv);
        b.open(QIODevice::ReadOnly);
        QJsonObject meta{{"title", QString::fromUtf8(f.title)}, {"description", QString::fromUtf8(f.description)}, {"period", f.period},
                         {"unit", f.unit}, {"tags", f.tags}};
        if (*f.indikator) {
            meta.insert(QStringLiteral("kodeindikator"), f.indikator);
            meta.insert(QStringLiteral("kodepemda"), QStringLiteral("3404"));
        }
        auto r = core->dataFiles().upload(op, b, QString::fromLatin1(f.name), meta);
        if (!r.ok()) {
            qWarning() << "satudata seed:" << r.error().message << r.error().fields;
            continue;
        }
        if (f.verify)
            (void)core->dataFiles().setVerified(admin, r->id, true);
        ids << r->id;
    }
    return ids;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QDir().mkpath(outDir);
    ui::theme::apply(app);
    ui::installLanguage(argc > 2 ? QString::fromLatin1(argv[2]) : QStringLiteral("id"));

    {
        // A throwaway core: three failures make the captcha appear for this desktop's logins.
        TestCore scratch;
        ui::FirstRunDialog first(*scratch);
        first.show();
        save(&first, QStringLiteral("first-run.png"));
        ui::LoginDialog login(*scratch);
        login.show();
        QTest::keyClicks(login.usernameEdit(), QStringLiteral("admin"));
        save(&login, QStringLiteral("login.png"));
        for (int i = 0; i < 3; ++i) {
            login.passwordEdit()->clear();
            QTest::keyClicks(login.passwordEdit(), QStringLiteral("salah"));
            QTest::mouseClick(login.loginButton(), Qt::LeftButton);
            (void)QTest::qWaitFor([&] { return !login.isBusy(); }, 5000);
        }
        save(&login, QStringLiteral("login-captcha.png"));
    }

    TestCore core;
    seed(core);
    seedPpdb(core);
    seedContent(core);
    ApiServerHost api(*core);
    api.start(QStringLiteral("127.0.0.1"), 0);

    auto session = loginThroughDialog(*core, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
    if (!session)
        return 1;
    (void)QTest::qWaitFor([&] { return api.isRunning(); }, 5000);

    QSettings().remove(QStringLiteral("ui")); // the first start: the window fills the screen
    ui::MainWindow window(*core, *session, &api);
    window.showRestored();
    (void)QTest::qWaitForWindowExposed(&window);
    save(&window, QStringLiteral("placeholder.png"));

    window.showPage(ui::Page::Users);
    ui::UsersPage *users = window.usersPage();
    QTableView *table = users->table();
    for (int r = 0; r < table->model()->rowCount(); ++r)
        if (table->model()->index(r, 0).data().toString() == QLatin1String("sari.dewi"))
            table->selectRow(r);
    save(&window, QStringLiteral("main-window.png"));

    window.showPage(ui::Page::TahunAjaran);
    if (auto *years = window.findChild<ui::TahunAjaranPage *>()) {
        years->reload();
        if (auto *t = years->findChild<QTableView *>(QStringLiteral("yearsTable")))
            t->selectRow(0);
        save(&window, QStringLiteral("tahun-ajaran.png"));
    }

    window.showPage(ui::Page::Ppdb);
    if (auto *ppdb = window.findChild<ui::PpdbPage *>()) {
        ppdb->reload();
        ppdb->table()->selectRow(2);
        save(&window, QStringLiteral("ppdb.png"));
        const QString first = ppdb->table()->model()->index(0, 0).data(Qt::UserRole).toString();
        auto all = core->ppdb().all({});
        QString withDocs;
        for (const Registration &r : all.value())
            if (r.fullName == QLatin1String("Aditya Pratama"))
                withDocs = r.id;
        ui::PpdbDetailDialog detail(*core, session->actor(), withDocs.isEmpty() ? first : withDocs, &window);
        detail.show();
        save(&detail, QStringLiteral("ppdb-detail.png"));
        detail.printProof(outDir + QStringLiteral("/ppdb-proof.pdf"));
        detail.close();
        ui::PpdbWalkInDialog walkIn(*core, session->actor(), &window);
        walkIn.show();
        QTest::keyClicks(walkIn.lineEdit(QStringLiteral("nisn")), QStringLiteral("12345"));
        QTest::keyClicks(walkIn.lineEdit(QStringLiteral("fullName")), QStringLiteral("Rina Oktaviani"));
        QTest::mouseClick(walkIn.saveButton(), Qt::LeftButton);
        save(&walkIn, QStringLiteral("ppdb-walkin-errors.png"));
        walkIn.done(QDialog::Rejected); // reject() would ask about the typed form
    }
    window.showPage(ui::Page::Content);
    if (ui::ContentPage *konten = window.contentPage()) {
        ui::ContentTab *news = konten->contentTab(QStringLiteral("news"));
        konten->showTab(QStringLiteral("news"));
        news->reload();
        for (int r = 0; r < news->table()->model()->rowCount(); ++r)
            if (news->table()->model()->index(r, 0).data().toString().contains(QLatin1String("OSN")))
                news->table()->selectRow(r);
        save(&window, QStringLiteral("konten-berita.png"));
        if (auto *scroll = news->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(news->editor()->imagePicker(QStringLiteral("image")));
        save(&window, QStringLiteral("konten-berita-gambar.png"));
        news->newItem();
        if (auto *title = qobject_cast<QLineEdit *>(news->editor()->input(QStringLiteral("category"))))
            QTest::keyClicks(title, QStringLiteral("Prestasi"));
        news->save();
        save(&window, QStringLiteral("konten-berita-errors.png"));
        bool asked = false;
        test::answerUnsaved(QStringLiteral("unsavedDiscard"), &asked); // the refused form
        news->newItem();
        konten->showTab(QStringLiteral("calendar"));
        ui::ContentTab *cal = konten->contentTab(QStringLiteral("calendar"));
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(core->settings().schoolZone()).date();
        cal->calendar()->setSelectedDate(QDate(today.year(), today.month(), 13));
        cal->table()->selectRow(0);
        QTest::qWait(300); // the month's events are read on a worker
        save(&window, QStringLiteral("konten-kalender.png"));
        konten->showTab(QStringLiteral("teachers"));
        konten->contentTab(QStringLiteral("teachers"))->table()->selectRow(1);
        save(&window, QStringLiteral("konten-guru.png"));
        konten->showTab(QStringLiteral("works"));
        konten->worksTab()->table()->selectRow(0);
        save(&window, QStringLiteral("konten-karya-siswa.png"));
    }

    window.showPage(ui::Page::Audit);
    if (ui::AuditPage *audit = window.auditPage()) {
        audit->areaFilter()->setCurrentIndex(audit->areaFilter()->findData(QStringLiteral("content")));
        for (int r = 0; r < audit->table()->model()->rowCount(); ++r)
            if (audit->table()->model()->index(r, 3).data().toString() == QLatin1String("Ubah")) {
                audit->table()->selectRow(r);
                break;
            }
        save(&window, QStringLiteral("audit.png"));
        audit->areaFilter()->setCurrentIndex(0);
    }

    // Dapodik: a full sync against a fast simulator for the data, the dashboard and the history;
    // then a second run against a slow one (same seed, same data) photographed mid-way.
    {
        test::UpstreamSim fast;
        test::UpstreamSim slow({"--latency-ms", "400"});
        if (fast.ok() && slow.ok() && test::pointAtSim(*core, fast).ok()) {
            const Actor admin = session->actor();
            if (core->dapodik().startGlobal(admin).ok())
                (void)test::waitForJob(*core, 120000);
            window.showPage(ui::Page::Dashboard);
            if (ui::DashboardPage *dash = window.dashboardPage()) {
                (void)QTest::qWaitFor([&] { return dash->loadCount() > 0 && !dash->isLoading(); }, 10000);
                QTest::qWait(300);
                save(&window, QStringLiteral("dasbor.png"));
            }
            window.showPage(ui::Page::DapodikData);
            if (ui::DapodikDataPage *data = window.dapodikDataPage()) {
                data->showTab(ui::DapodikDataPage::PtkTab);
                (void)QTest::qWaitFor([&] { return data->ptkModel()->rowCount() > 0 && !data->ptkModel()->isLoading(); }, 10000);
                data->ptkTable()->selectRow(2);
                save(&window, QStringLiteral("data-dapodik-ptk.png"));
                QTest::keyClicks(data->searchEdit(), QStringLiteral("Wahyu"));
                (void)QTest::qWaitFor([&] { return data->ptkModel()->filter().q == QStringLiteral("Wahyu") && !data->ptkModel()->isLoading(); }, 10000);
                save(&window, QStringLiteral("data-dapodik-cari.png"));
                data->searchEdit()->clear();
                data->showTab(ui::DapodikDataPage::SekolahTab);
                (void)QTest::qWaitFor([&] { return data->sekolahModel()->rowCount() > 0 && !data->sekolahModel()->isLoading(); }, 10000);
                save(&window, QStringLiteral("data-dapodik-sekolah.png"));
            }
            window.showPage(ui::Page::DapodikSync);
            if (ui::DapodikSyncPage *sync = window.dapodikSyncPage()) {
                (void)QTest::qWaitFor([&] { return !sync->isReloading(); }, 10000);
                save(&window, QStringLiteral("sinkronisasi-selesai.png"));
                (void)test::pointAtSim(*core, slow);
                if (sync->kecamatanList()->count() > 3) {
                    sync->kecamatanList()->item(1)->setCheckState(Qt::Checked);
                    sync->kecamatanList()->item(3)->setCheckState(Qt::Checked);
                }
                QTest::mouseClick(sync->globalButton(), Qt::LeftButton);
                QElapsedTimer running;
                running.start();
                (void)QTest::qWaitFor([&] { return sync->overallBar()->value() >= 30 && running.elapsed() > 1200; }, 120000);
                if (sync->overallBar()->value() <= 80)
                    save(&window, QStringLiteral("sinkronisasi-berjalan.png"));
                else
                    qWarning() << "sync passed 80% before the screenshot";
                sync->cancelJob();
                (void)test::waitForJob(*core, 60000);
            }
        } else {
            qWarning() << "simulator not available: no Dapodik screenshots";
        }
    }

    // Satu Data: three files sent (one partly refused by SIPD, one only to SPLP), one waiting
    // for verification; photographed with the Sync dialog's results of the partly refused one.
    {
        test::UpstreamSim satu;
        const Actor admin = session->actor();
        if (satu.ok() && core->settings().set(Actor::system(QStringLiteral("screenshot")),
                                              {{"splp_api_url", satu.url()}, {"sipd_api_url", satu.url()},
                                               {"external_api_key", "sim-external-key"}, {"satudata_delay_ms", "0"}}).ok()) {
            const QStringList ids = seedSatuData(core);
            if (ids.size() == 5) {
                (void)core->satuDataSync().syncFile(admin, ids[0], {satudata::Splp, satudata::Sipd});
                (void)core->satuDataSync().syncFile(admin, ids[2], {satudata::Splp});
                // SIPD answers 5xx to the request and its retries: the file waits in the retry queue.
                (void)core->satuDataSync().syncFile(admin, ids[3], {satudata::Splp});
                satu.forceFault(QStringLiteral("5xx"), 4);
                (void)core->satuDataSync().syncFile(admin, ids[3], {satudata::Sipd});
                satu.control("POST", QStringLiteral("/__sim/faults"), {{"clear", true}});
                (void)core->satuDataSync().setSchedule(admin, {{"frequency", "weekly"}, {"weekday", 1}, {"time", "06:30"},
                                                               {"targets", QJsonArray{"splp", "sipd"}}});
            }
            window.showPage(ui::Page::SatuData);
            if (ui::SatuDataPage *satuData = window.satuDataPage(); satuData && ids.size() == 5) {
                (void)QTest::qWaitFor([&] { return satuData->model()->loadCount() > 0 && !satuData->isLoading(); }, 10000);
                satuData->table()->selectRow(satuData->model()->rowOf(ids[1]));
                save(&window, QStringLiteral("satudata-berkas.png"));
                // The upload form with the service's messages under the fields.
                QTemporaryDir tmp;
                const QString csvPath = tmp.filePath(QStringLiteral("jumlah-guru-2025.csv"));
                if (QFile out(csvPath); out.open(QIODevice::WriteOnly))
                    out.write("tahun,guru_pns,guru_pppk,guru_honorer,data\n2025,31,12,9,52\n");
                if (ui::SatuDataMetaDialog *upload = satuData->uploadPath(csvPath)) {
                    upload->edit(QStringLiteral("period"))->setText(QStringLiteral("2025/2026"));
                    upload->edit(QStringLiteral("kodeindikator"))->setText(QStringLiteral("1.01"));
                    upload->edit(QStringLiteral("kodepemda"))->setText(QStringLiteral("Sleman"));
                    upload->save();
                    (void)QTest::qWaitFor([&] { return !upload->isBusy(); }, 10000);
                    saveWithDialog(&window, upload, QStringLiteral("satudata-unggah-errors.png"));
                    upload->reject();
                }
                if (ui::SatuDataSyncDialog *before = satuData->openSyncDialog()) {
                    saveWithDialog(&window, before, QStringLiteral("satudata-sync-awal.png"));
                    before->reject();
                }
                if (ui::SatuDataSyncDialog *dialog = satuData->openSyncDialog()) {
                    QTest::mouseClick(dialog->syncButton(), Qt::LeftButton);
                    (void)QTest::qWaitFor([&] { return !dialog->isBusy(); }, 30000);
                    (void)QTest::qWaitFor([&] { return !satuData->isLoading(); }, 10000);
                    saveWithDialog(&window, dialog, QStringLiteral("satudata.png"));
                    dialog->reject();
                }
                satuData->showTab(ui::SatuDataPage::LogTab);
                (void)QTest::qWaitFor([&] { return !satuData->isLoading(); }, 10000);
                for (int r = 0; r < satuData->logTable()->model()->rowCount(); ++r)
                    if (satuData->logTable()->model()->index(r, 2).data().toString() == QLatin1String("SIPD")) {
                        satuData->logTable()->selectRow(r);
                        break;
                    }
                save(&window, QStringLiteral("satudata-log.png"));
                satuData->showTab(ui::SatuDataPage::ScheduleTab);
                save(&window, QStringLiteral("satudata-jadwal.png"));
                satuData->showTab(ui::SatuDataPage::FilesTab);
                if (ui::SatuDataTargetsDialog *all = satuData->openSyncAll()) {
                    all->startButton()->click();
                    (void)QTest::qWaitFor([&] { return !satuData->isRunning(); }, 30000);
                    (void)QTest::qWaitFor([&] { return !satuData->isLoading(); }, 10000);
                    save(&window, QStringLiteral("satudata-sync-semua.png"));
                }
                // A conflict: the portal renamed the dataset while the title changed here too.
                const QString remoteId = core->satuDataSync().states(ids[2]).value().value(satudata::Splp).remoteId;
                satu.control("POST", QStringLiteral("/__sim/splp/modify"),
                             {{"id", remoteId}, {"title", "Angka Kelulusan Ujian Sekolah SMPN 2 Sleman"}, {"notes", "Diperbarui Dinas Pendidikan."}});
                (void)core->dataFiles().updateMeta(admin, ids[2], {{"title", "Angka Kelulusan Ujian Sekolah 2022–2024"}});
                (void)core->dataFiles().setVerified(admin, ids[2], true);
                satuData->reload();
                (void)QTest::qWaitFor([&] { return !satuData->isLoading(); }, 10000);
                satuData->table()->selectRow(satuData->model()->rowOf(ids[2]));
                if (ui::SatuDataSyncDialog *dialog = satuData->openSyncDialog()) {
                    dialog->sipdBox()->setChecked(false);
                    QTest::mouseClick(dialog->syncButton(), Qt::LeftButton);
                    (void)QTest::qWaitFor([&] { return !dialog->isBusy(); }, 30000);
                    if (QPushButton *b = dialog->conflictButton(satudata::Splp)) {
                        QTest::mouseClick(b, Qt::LeftButton);
                        if (auto *conflict = openDialog<ui::SatuDataConflictDialog>(dialog)) {
                            (void)QTest::qWaitFor([&] { return !conflict->isBusy(); }, 10000);
                            saveWithDialog(&window, conflict, QStringLiteral("satudata-konflik.png"));
                            conflict->reject();
                        }
                    } else {
                        qWarning() << "no conflict for the screenshot";
                    }
                    dialog->reject();
                }
            }
        } else {
            qWarning() << "simulator not available: no Satu Data screenshots";
        }
    }

    window.showPage(ui::Page::Users);

    QTest::mouseClick(users->addButton(), Qt::LeftButton);
    if (auto *dialog = openDialog<ui::UserDialog>(users)) {
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("x"));
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Guru Baru"));
        dialog->roleCombo()->setCurrentIndex(1);
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("pendek"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        (void)QTest::qWaitFor([&] { return dialog->saveButton()->isEnabled(); }, 5000);
        save(dialog, QStringLiteral("user-dialog-errors.png"));
        dialog->done(QDialog::Rejected); // reject() would ask about the typed form
    }

    window.showPage(ui::Page::Settings);
    save(&window, QStringLiteral("settings-page.png"));
    window.settingsPage()->openDialog();
    if (auto *dialog = openDialog<ui::SettingsDialog>(window.settingsPage())) {
        save(dialog, QStringLiteral("settings-dialog.png"));
        dialog->reject();
    }
    return 0;
}
