#include "DemoData.h"
#include "Core.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QTimeZone>

namespace tu {

namespace {
// A pleasant placeholder photo: a gradient sky, hills and a sun, in the given colours. Drawn
// without text so that the headless server needs no fonts.
QByteArray picture(QColor top, QColor bottom, QColor hill, int seed)
{
    QImage img(960, 600, QImage::Format_RGB32);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 600);
    sky.setColorAt(0, top);
    sky.setColorAt(1, bottom);
    p.fillRect(img.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 236, 170));
    p.drawEllipse(QPoint(180 + (seed * 97) % 600, 140 + (seed * 31) % 80), 60, 60);
    p.setBrush(hill);
    p.drawEllipse(QRect(-200, 380 + (seed % 3) * 20, 800, 500));
    p.setBrush(hill.darker(120));
    p.drawEllipse(QRect(350, 420 - (seed % 4) * 15, 900, 500));
    p.end();
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "JPEG", 85);
    return out;
}

QString storePicture(Core &core, const Actor &who, int seed)
{
    static const QList<std::tuple<QColor, QColor, QColor>> palettes = {
        {QColor(72, 149, 239), QColor(189, 224, 254), QColor(46, 125, 50)},
        {QColor(255, 159, 67), QColor(255, 221, 170), QColor(121, 85, 72)},
        {QColor(94, 53, 177), QColor(206, 147, 216), QColor(0, 105, 92)},
        {QColor(0, 131, 143), QColor(178, 235, 242), QColor(56, 142, 60)},
    };
    const auto &[a, b, c] = palettes[seed % palettes.size()];
    QByteArray bytes = picture(a, b, c, seed);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    auto m = core.media().store(who, buffer, QStringLiteral("demo-%1.jpg").arg(seed));
    return m.ok() ? m->id : QString();
}
} // namespace

// Realistic content for an SMP in Sleman, so that the public endpoints and the Konten page are
// not empty in a demo. Runs once: only while there is no news at all.
Status seedDemoContent(Core &core, QList<DemoAccount> &accounts)
{
    ContentService &cs = core.content();
    const ContentType &news = *content::type(QStringLiteral("news"));
    auto existing = cs.list(news, {});
    if (!existing.ok())
        return existing.error();
    if (existing->total > 0)
        return {};
    const Actor demo = Actor::system(QStringLiteral("demo"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = now.toTimeZone(core.settings().schoolZone()).date();
    auto iso = [&](int daysAgo, int hour) {
        return QDateTime(today.addDays(-daysAgo), QTime(hour, 0), core.settings().schoolZone()).toUTC().toString(Qt::ISODateWithMs);
    };

    struct N { const char *title, *category, *content; int daysAgo; bool draft; };
    const N articles[] = {
        {"Siswa SMP Meraih Medali Emas Olimpiade Sains Nasional", "Prestasi",
         "<p>Alhamdulillah, Nadia Putri dari kelas IX-B meraih medali emas bidang IPA pada Olimpiade Sains Nasional tingkat SMP. "
         "Persiapan dilakukan selama enam bulan bersama guru pembimbing.</p><p>Kepala sekolah menyampaikan terima kasih kepada orang tua "
         "dan seluruh guru yang mendampingi.</p>", 2, false},
        {"Masa Pengenalan Lingkungan Sekolah (MPLS) Berjalan Meriah", "Kegiatan",
         "<p>Sebanyak 224 peserta didik baru mengikuti MPLS selama tiga hari. Kegiatan diisi pengenalan warga sekolah, tata tertib, "
         "dan penampilan ekstrakurikuler.</p>", 9, false},
        {"Kunjungan Edukasi ke Museum Gunungapi Merapi", "Kegiatan",
         "<p>Siswa kelas VIII belajar langsung tentang mitigasi bencana gunung api. Laporan kunjungan dikumpulkan sebagai tugas "
         "proyek IPA dan IPS.</p>", 16, false},
        {"Tim Futsal Juara II Piala Bupati Sleman", "Prestasi",
         "<p>Tim futsal sekolah meraih juara II setelah kalah tipis 2–3 di partai final. Selamat kepada seluruh pemain dan pelatih!</p>", 23, false},
        {"Gerakan Sekolah Bersih dan Hijau", "Lingkungan",
         "<p>Setiap Jumat pagi seluruh warga sekolah membersihkan lingkungan dan merawat kebun sekolah. Hasil panen sayur dibagikan "
         "ke kantin sehat.</p>", 30, false},
        {"Pelatihan Guru: Pembelajaran Berdiferensiasi", "Guru",
         "<p>Dua puluh delapan guru mengikuti lokakarya pembelajaran berdiferensiasi sebagai bagian dari implementasi Kurikulum Merdeka.</p>", 41, false},
        {"Pentas Seni Akhir Semester", "Kegiatan",
         "<p>Pentas seni menampilkan tari tradisional, paduan suara, dan drama berbahasa Jawa dari setiap kelas.</p>", 55, false},
        {"Rencana Renovasi Perpustakaan (draf)", "Pengumuman",
         "<p>Draf rencana renovasi perpustakaan untuk dibahas bersama komite sekolah.</p>", 0, true},
    };
    int seed = 0;
    for (const N &a : articles) {
        QJsonObject in{{"title", QString::fromUtf8(a.title)}, {"category", QString::fromUtf8(a.category)},
                       {"status", a.draft ? "draft" : "published"}, {"content", QString::fromUtf8(a.content)}};
        if (!a.draft)
            in.insert(QStringLiteral("publishedAt"), iso(a.daysAgo, 9));
        const QString image = storePicture(core, demo, seed++);
        if (!image.isEmpty())
            in.insert(QStringLiteral("image"), image);
        if (auto r = cs.create(demo, news, in); !r.ok())
            return r.error();
    }

    const ContentType &ann = *content::type(QStringLiteral("announcements"));
    const QList<QJsonObject> announcements = {
        {{"title", "Pembagian Rapor Semester Ganjil"}, {"priority", "high"}, {"activeFrom", iso(3, 7)},
         {"content", "Rapor dibagikan kepada orang tua/wali pada hari Sabtu pukul 08.00–11.00 di ruang kelas masing-masing."}},
        {{"title", "Pendaftaran PPDB Telah Dibuka"}, {"priority", "high"}, {"activeFrom", iso(20, 7)},
         {"content", "Pendaftaran peserta didik baru dapat dilakukan secara daring melalui laman sekolah atau langsung di ruang tata usaha."}},
        {{"title", "Jadwal Piket Kebersihan Kelas"}, {"priority", "medium"}, {"activeFrom", iso(10, 7)},
         {"content", "Jadwal piket terbaru ditempel di papan pengumuman setiap kelas."}},
        {{"title", "Lomba Kebersihan Kelas (telah selesai)"}, {"priority", "low"}, {"activeFrom", iso(60, 7)}, {"activeUntil", iso(40, 7)},
         {"content", "Terima kasih atas partisipasi seluruh kelas."}},
    };
    for (const QJsonObject &a : announcements)
        if (auto r = cs.create(demo, ann, a); !r.ok())
            return r.error();

    const ContentType &cal = *content::type(QStringLiteral("calendar"));
    const QDate m0(today.year(), today.month(), 1);
    struct E { const char *title, *category; int startDay, days; int monthOffset; const char *location; };
    const E events[] = {
        {"Upacara Bendera", "kegiatan", 1, 1, 0, "Lapangan utama"},
        {"Penilaian Tengah Semester", "ujian", 8, 5, 0, "Ruang kelas"},
        {"Rapat Komite Sekolah", "kegiatan", 14, 1, 0, "Aula"},
        {"Class Meeting", "kegiatan", 18, 3, 0, "Lapangan dan aula"},
        {"Libur Akhir Semester", "libur", 24, 14, 0, ""},
        {"Hari Pertama Semester Genap", "akademik", 6, 1, 1, ""},
        {"Study Tour Kelas VIII", "kegiatan", 20, 2, 1, "Yogyakarta – Magelang"},
        {"Penilaian Akhir Semester", "ujian", 2, 6, -1, "Ruang kelas"},
    };
    for (const E &e : events) {
        const QDate month = m0.addMonths(e.monthOffset);
        const QDate start(month.year(), month.month(), qMin(e.startDay, month.daysInMonth()));
        QJsonObject in{{"title", QString::fromUtf8(e.title)}, {"category", e.category}, {"startDate", start.toString(Qt::ISODate)},
                       {"endDate", start.addDays(e.days - 1).toString(Qt::ISODate)}};
        if (*e.location)
            in.insert(QStringLiteral("location"), QString::fromUtf8(e.location));
        if (auto r = cs.create(demo, cal, in); !r.ok())
            return r.error();
    }

    const ContentType &teachers = *content::type(QStringLiteral("teachers"));
    struct T { const char *name, *nip, *nuptk, *subject, *position; };
    const T staff[] = {
        {"Drs. Bambang Sutrisno, M.Pd.", "196703121993031005", "1644745648200013", "Matematika", "Kepala Sekolah"},
        {"Sri Rahayu, S.Pd.", "197508242000122002", "7156753654300022", "Bahasa Indonesia", "Wakil Kepala Kurikulum"},
        {"Agus Setiawan, S.Pd.", "198102152006041011", "", "Pendidikan Jasmani", "Pembina Futsal"},
        {"Dewi Kartikasari, S.Si.", "198507302010012015", "2062763664130082", "IPA", "Wali Kelas IX-B"},
        {"Muhammad Fauzan, S.Pd.I.", "", "3451765666110043", "Pendidikan Agama Islam", "Guru"},
        {"Yohana Maria, S.Pd.", "199001112019032008", "", "Bahasa Inggris", "Wali Kelas VII-A"},
        {"Hendra Wijaya, S.Kom.", "", "", "Informatika", "Guru"},
        {"Rini Anggraeni, S.Sn.", "198811052014022003", "", "Seni Budaya", "Pembina Tari"},
    };
    for (const T &t : staff) {
        QJsonObject in{{"name", QString::fromUtf8(t.name)}, {"subject", QString::fromUtf8(t.subject)}, {"position", QString::fromUtf8(t.position)}};
        if (*t.nip)
            in.insert(QStringLiteral("nip"), QLatin1String(t.nip));
        if (*t.nuptk)
            in.insert(QStringLiteral("nuptk"), QLatin1String(t.nuptk));
        if (auto r = cs.create(demo, teachers, in); !r.ok())
            return r.error();
    }

    const ContentType &fac = *content::type(QStringLiteral("facilities"));
    const QList<std::pair<const char *, const char *>> facilities = {
        {"Laboratorium IPA", "Laboratorium dengan 36 tempat praktikum, mikroskop, dan alat peraga fisika."},
        {"Perpustakaan", "Koleksi lebih dari 6.000 buku, pojok baca, dan akses katalog daring."},
        {"Laboratorium Komputer", "40 komputer terhubung internet untuk pembelajaran informatika dan asesmen berbasis komputer."},
        {"Lapangan Olahraga", "Lapangan serbaguna untuk futsal, bola voli, dan upacara."},
        {"Masjid Sekolah", "Tempat ibadah yang juga digunakan untuk kegiatan keagamaan siswa."},
        {"Unit Kesehatan Sekolah", "Ruang UKS dengan tempat tidur, obat-obatan dasar, dan petugas terlatih."},
    };
    for (const auto &[name, desc] : facilities) {
        QJsonObject in{{"name", QString::fromUtf8(name)}, {"description", QString::fromUtf8(desc)}};
        const QString image = storePicture(core, demo, seed++);
        if (!image.isEmpty())
            in.insert(QStringLiteral("image"), image);
        if (auto r = cs.create(demo, fac, in); !r.ok())
            return r.error();
    }

    const ContentType &ekskul = *content::type(QStringLiteral("extracurricular"));
    struct X { const char *name, *desc, *schedule, *coach; };
    const X clubs[] = {
        {"Pramuka", "Ekstrakurikuler wajib kelas VII: kemandirian, kepemimpinan, dan keterampilan alam terbuka.", "Jumat 14.00–16.00", "Agus Setiawan, S.Pd."},
        {"Futsal", "Latihan teknik dan strategi, rutin mengikuti turnamen antarsekolah.", "Selasa & Kamis 15.00–17.00", "Agus Setiawan, S.Pd."},
        {"Tari Tradisional", "Tari klasik gaya Yogyakarta dan kreasi baru untuk pentas sekolah.", "Rabu 14.00–15.30", "Rini Anggraeni, S.Sn."},
        {"Karya Ilmiah Remaja", "Penelitian sederhana dan persiapan lomba sains.", "Senin 14.00–15.30", "Dewi Kartikasari, S.Si."},
        {"Paduan Suara", "Latihan vokal dan tampil di upacara serta acara sekolah.", "Kamis 14.00–15.00", "Yohana Maria, S.Pd."},
        {"Robotik", "Merakit dan memprogram robot sederhana berbasis mikrokontroler.", "Sabtu 08.00–10.00", "Hendra Wijaya, S.Kom."},
    };
    for (const X &x : clubs) {
        QJsonObject in{{"name", QString::fromUtf8(x.name)}, {"description", QString::fromUtf8(x.desc)},
                       {"schedule", QString::fromUtf8(x.schedule)}, {"coach", QString::fromUtf8(x.coach)}};
        const QString image = storePicture(core, demo, seed++);
        if (!image.isEmpty())
            in.insert(QStringLiteral("image"), image);
        if (auto r = cs.create(demo, ekskul, in); !r.ok())
            return r.error();
    }

    // Two students with works, one of them featured.
    QList<Actor> students;
    for (const auto &[username, name] : {std::pair{"nadia.putri", "Nadia Putri"}, std::pair{"rafi.akbar", "Rafi Akbar"}}) {
        UserInput in;
        in.username = QLatin1String(username);
        in.name = QString::fromUtf8(name);
        in.role = QStringLiteral("siswa");
        in.password = demoPassword();
        auto u = core.users().create(demo, in);
        if (u.ok()) {
            students.append(Actor{u->id, u->username, Role::Siswa, {}, false});
            accounts.append({u->username, in.role.value_or(QString()), *in.password});
        }
    }
    if (students.size() == 2) {
        auto w = core.studentWorks().submit(students[0], {{"title", "Puisi: Merapi di Pagi Hari"}, {"category", "tulisan"},
                                                          {"description", "Merapi berdiri gagah,\nmenyapa sawah yang basah…"}});
        if (w.ok())
            (void)core.studentWorks().setFeatured(demo, w->id, true);
        (void)core.studentWorks().submit(students[1], {{"title", "Video Eksperimen Gunung Api Mini"}, {"category", "sains"},
                                                       {"link", "https://www.youtube.com/watch?v=contoh"},
                                                       {"description", "Percobaan soda kue dan cuka untuk tugas IPA."}});
    }
    return {};
}

} // namespace tu
