#include "ContentTypes.h"
#include "auth/Permissions.h"

#include <QHash>

namespace tu {

const ContentField *ContentType::field(const QString &key) const
{
    for (const ContentField &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

namespace content {

namespace {
ContentField text(const char *key, const char *column, const char *label, bool required, int max,
                  const char *placeholder = "")
{
    return {QLatin1String(key), QLatin1String(column), QString::fromUtf8(label), FieldKind::Text, required, max, {}, 0,
            QString::fromUtf8(placeholder)};
}
ContentField longText(const char *key, const char *column, const char *label, bool required, int max)
{
    return {QLatin1String(key), QLatin1String(column), QString::fromUtf8(label), FieldKind::LongText, required, max, {}, 0, {}};
}
ContentField withMarkup(ContentField f, Markup m)
{
    f.markup = m;
    return f;
}
ContentField choice(const char *key, const char *column, const char *label, QStringList options)
{
    return {QLatin1String(key), QLatin1String(column), QString::fromUtf8(label), FieldKind::Choice, true, 20, std::move(options), 0, {}};
}
ContentField of(FieldKind kind, const char *key, const char *column, const char *label, bool required)
{
    return {QLatin1String(key), QLatin1String(column), QString::fromUtf8(label), kind, required, 40, {}, 0, {}};
}
ContentField digits(const char *key, const char *column, const char *label, int n)
{
    return {QLatin1String(key), QLatin1String(column), QString::fromUtf8(label), FieldKind::Digits, false, n, {}, n,
            QStringLiteral("%1 angka").arg(n)};
}

// Every item, in the staff order, one page at a time.
PublicListing listed(const char *summary)
{
    PublicListing l;
    l.summary = QString::fromUtf8(summary);
    return l;
}

QList<ContentType> build()
{
    const QList<Role> &all = rolesFor(Permission::EditContent);
    const QList<Role> &staff = rolesFor(Permission::ApproveContent);
    QList<ContentType> t;
    t.append({QStringLiteral("news"), QStringLiteral("news"), QStringLiteral("news"), QStringLiteral("Berita"),
              QStringLiteral("Berita"), QStringLiteral("title"),
              {text("title", "title", "Judul", true, 200),
               text("category", "category", "Kategori", true, 50, "mis. Prestasi, Kegiatan"),
               choice("status", "status", "Status", {QStringLiteral("draft"), QStringLiteral("published")}),
               of(FieldKind::DateTime, "publishedAt", "published_at", "Waktu terbit", false),
               withMarkup(longText("excerpt", "excerpt", "Ringkasan", false, 500), Markup::Strip),
               withMarkup(longText("content", "content", "Isi berita", true, 100000), Markup::Html),
               of(FieldKind::Image, "image", "image_id", "Gambar", false)},
              QStringLiteral("COALESCE(published_at, created_at) DESC, id"), all,
              {PublicListing::Shape::Paged, QStringLiteral("Berita yang sudah terbit (dan disetujui), terbaru dulu"),
               QStringLiteral("status = 'published' AND published_at <= ?"), QStringLiteral("published_at DESC, id"),
               QStringLiteral("category"),
               {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("excerpt"), QStringLiteral("image"),
                QStringLiteral("publishedAt"), QStringLiteral("category")},
               true}});
    t.append({QStringLiteral("announcements"), QStringLiteral("announcements"), QStringLiteral("announcement"),
              QStringLiteral("Pengumuman"), QStringLiteral("Pengumuman"), QStringLiteral("title"),
              {text("title", "title", "Judul", true, 200),
               choice("priority", "priority", "Prioritas", {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")}),
               of(FieldKind::DateTime, "activeFrom", "active_from", "Tampil mulai", true),
               of(FieldKind::DateTime, "activeUntil", "active_until", "Tampil sampai", false),
               withMarkup(longText("content", "content", "Isi pengumuman", true, 20000), Markup::Html)},
              QStringLiteral("active_from DESC, id"), all,
              {PublicListing::Shape::Paged, QStringLiteral("Pengumuman yang sedang tampil, prioritas tinggi dulu"),
               QStringLiteral("active_from <= ? AND (active_until IS NULL OR active_until >= ?)"),
               QStringLiteral("CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, active_from DESC, id"),
               QStringLiteral("priority")}});
    t.append({QStringLiteral("calendar"), QStringLiteral("calendar_events"), QStringLiteral("calendar_event"),
              QStringLiteral("Kalender"), QStringLiteral("Agenda"), QStringLiteral("title"),
              {text("title", "title", "Judul", true, 200),
               choice("category", "category", "Kategori",
                      {QStringLiteral("akademik"), QStringLiteral("ujian"), QStringLiteral("libur"), QStringLiteral("kegiatan")}),
               of(FieldKind::Date, "startDate", "start_date", "Tanggal mulai", true),
               of(FieldKind::Date, "endDate", "end_date", "Tanggal selesai", true),
               text("location", "location", "Tempat", false, 150),
               longText("description", "description", "Keterangan", false, 5000)},
              QStringLiteral("start_date DESC, id"), staff,
              {PublicListing::Shape::Month,
               QStringLiteral("Agenda yang beririsan dengan satu bulan (bawaan: bulan ini, zona waktu sekolah)")}});
    t.append({QStringLiteral("teachers"), QStringLiteral("teachers"), QStringLiteral("teacher"), QStringLiteral("Guru"),
              QStringLiteral("Guru"), QStringLiteral("name"),
              {text("name", "name", "Nama", true, 150, "Nama lengkap dengan gelar"),
               digits("nip", "nip", "NIP", 18), digits("nuptk", "nuptk", "NUPTK", 16),
               text("subject", "subject", "Mata pelajaran", true, 100),
               text("position", "position", "Jabatan", false, 100, "mis. Wali kelas VII-A"),
               of(FieldKind::Image, "photo", "photo_id", "Foto", false)},
              QStringLiteral("name, id"), staff, listed("Daftar guru")});
    t.append({QStringLiteral("facilities"), QStringLiteral("facilities"), QStringLiteral("facility"),
              QStringLiteral("Fasilitas"), QStringLiteral("Fasilitas"), QStringLiteral("name"),
              {text("name", "name", "Nama", true, 150), longText("description", "description", "Deskripsi", true, 5000),
               of(FieldKind::Image, "image", "image_id", "Gambar", false)},
              QStringLiteral("name, id"), staff, listed("Daftar fasilitas")});
    t.append({QStringLiteral("extracurricular"), QStringLiteral("extracurriculars"), QStringLiteral("extracurricular"),
              QStringLiteral("Ekstrakurikuler"), QStringLiteral("Ekstrakurikuler"), QStringLiteral("name"),
              {text("name", "name", "Nama", true, 150), longText("description", "description", "Deskripsi", true, 5000),
               text("schedule", "schedule", "Jadwal", false, 150, "mis. Sabtu 08.00–10.00"),
               text("coach", "coach", "Pembina", false, 150),
               of(FieldKind::Image, "image", "image_id", "Gambar", false)},
              QStringLiteral("name, id"), all, listed("Daftar ekstrakurikuler")});
    return t;
}
} // namespace

const QList<ContentType> &types()
{
    static const QList<ContentType> t = build();
    return t;
}

const ContentType *type(const QString &name)
{
    for (const ContentType &t : types())
        if (t.name == name)
            return &t;
    return nullptr;
}

QString optionLabel(const QString &option)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("draft"), QStringLiteral("Draf")},       {QStringLiteral("published"), QStringLiteral("Terbit")},
        {QStringLiteral("low"), QStringLiteral("Rendah")},       {QStringLiteral("medium"), QStringLiteral("Sedang")},
        {QStringLiteral("high"), QStringLiteral("Tinggi")},      {QStringLiteral("akademik"), QStringLiteral("Akademik")},
        {QStringLiteral("ujian"), QStringLiteral("Ujian")},      {QStringLiteral("libur"), QStringLiteral("Libur")},
        {QStringLiteral("kegiatan"), QStringLiteral("Kegiatan")},
    };
    return labels.value(option, option);
}

} // namespace content
} // namespace tu
