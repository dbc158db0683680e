#include "ContentText.h"
#include "audit/AuditLog.h"

#include <QCoreApplication>
#include <QHash>

namespace tu::ui {

namespace {
// Only for lupdate: the texts core's descriptors and the audit log use, so they land in the
// .ts files under "ContentText".
[[maybe_unused]] const char *const Labels[] = {
    // types
    QT_TRANSLATE_NOOP("ContentText", "Berita"), QT_TRANSLATE_NOOP("ContentText", "Pengumuman"),
    QT_TRANSLATE_NOOP("ContentText", "Kalender"), QT_TRANSLATE_NOOP("ContentText", "Guru"),
    QT_TRANSLATE_NOOP("ContentText", "Fasilitas"), QT_TRANSLATE_NOOP("ContentText", "Ekstrakurikuler"),
    // fields
    QT_TRANSLATE_NOOP("ContentText", "Judul"), QT_TRANSLATE_NOOP("ContentText", "Kategori"),
    QT_TRANSLATE_NOOP("ContentText", "Status"), QT_TRANSLATE_NOOP("ContentText", "Waktu terbit"),
    QT_TRANSLATE_NOOP("ContentText", "Ringkasan"), QT_TRANSLATE_NOOP("ContentText", "Isi berita"),
    QT_TRANSLATE_NOOP("ContentText", "Gambar"), QT_TRANSLATE_NOOP("ContentText", "Prioritas"),
    QT_TRANSLATE_NOOP("ContentText", "Tampil mulai"), QT_TRANSLATE_NOOP("ContentText", "Tampil sampai"),
    QT_TRANSLATE_NOOP("ContentText", "Isi pengumuman"), QT_TRANSLATE_NOOP("ContentText", "Tanggal mulai"),
    QT_TRANSLATE_NOOP("ContentText", "Tanggal selesai"), QT_TRANSLATE_NOOP("ContentText", "Tempat"),
    QT_TRANSLATE_NOOP("ContentText", "Keterangan"), QT_TRANSLATE_NOOP("ContentText", "Nama"),
    QT_TRANSLATE_NOOP("ContentText", "NIP"), QT_TRANSLATE_NOOP("ContentText", "NUPTK"),
    QT_TRANSLATE_NOOP("ContentText", "Mata pelajaran"), QT_TRANSLATE_NOOP("ContentText", "Jabatan"),
    QT_TRANSLATE_NOOP("ContentText", "Foto"), QT_TRANSLATE_NOOP("ContentText", "Deskripsi"),
    QT_TRANSLATE_NOOP("ContentText", "Jadwal"), QT_TRANSLATE_NOOP("ContentText", "Pembina"),
    // placeholders
    QT_TRANSLATE_NOOP("ContentText", "mis. Prestasi, Kegiatan"), QT_TRANSLATE_NOOP("ContentText", "Nama lengkap dengan gelar"),
    QT_TRANSLATE_NOOP("ContentText", "18 angka"), QT_TRANSLATE_NOOP("ContentText", "16 angka"),
    QT_TRANSLATE_NOOP("ContentText", "mis. Wali kelas VII-A"), QT_TRANSLATE_NOOP("ContentText", "mis. Sabtu 08.00–10.00"),
    // options
    QT_TRANSLATE_NOOP("ContentText", "Draf"), QT_TRANSLATE_NOOP("ContentText", "Terbit"),
    QT_TRANSLATE_NOOP("ContentText", "Rendah"), QT_TRANSLATE_NOOP("ContentText", "Sedang"),
    QT_TRANSLATE_NOOP("ContentText", "Tinggi"), QT_TRANSLATE_NOOP("ContentText", "Akademik"),
    QT_TRANSLATE_NOOP("ContentText", "Ujian"), QT_TRANSLATE_NOOP("ContentText", "Libur"),
    QT_TRANSLATE_NOOP("ContentText", "Kegiatan"),
    // audit areas
    QT_TRANSLATE_NOOP("ContentText", "Pengguna & sesi"), QT_TRANSLATE_NOOP("ContentText", "Pengaturan"),
    QT_TRANSLATE_NOOP("ContentText", "Tahun ajaran"), QT_TRANSLATE_NOOP("ContentText", "PPDB"),
    QT_TRANSLATE_NOOP("ContentText", "Konten sekolah"), QT_TRANSLATE_NOOP("ContentText", "Karya siswa"),
    QT_TRANSLATE_NOOP("ContentText", "Sinkronisasi Dapodik"), QT_TRANSLATE_NOOP("ContentText", "Satu Data"),
};

QString tx(const QString &indonesian)
{
    return indonesian.isEmpty() ? indonesian : QCoreApplication::translate("ContentText", indonesian.toUtf8().constData());
}

class ContentText
{
    Q_DECLARE_TR_FUNCTIONS(ContentText)
};
} // namespace

QString contentTypeText(const ContentType &type) { return tx(type.label); }
QString contentFieldText(const ContentField &field) { return tx(field.label); }
QString contentPlaceholderText(const ContentField &field) { return tx(field.placeholder); }
QString contentOptionText(const QString &option) { return tx(content::optionLabel(option)); }
QString auditAreaText(const QString &area) { return tx(AuditLog::areaLabel(area)); }

QString studentWorkCategoryText(const QString &category)
{
    if (category == QLatin1String("tulisan"))
        return ContentText::tr("Tulisan");
    if (category == QLatin1String("seni"))
        return ContentText::tr("Seni");
    if (category == QLatin1String("sains"))
        return ContentText::tr("Sains");
    if (category == QLatin1String("teknologi"))
        return ContentText::tr("Teknologi");
    if (category == QLatin1String("olahraga"))
        return ContentText::tr("Olahraga");
    if (category == QLatin1String("lainnya"))
        return ContentText::tr("Lainnya");
    return category;
}

QString auditActionText(const QString &action)
{
    static const QHash<QString, const char *> actions{
        {QStringLiteral("create"), QT_TRANSLATE_NOOP("ContentText", "Tambah")},
        {QStringLiteral("update"), QT_TRANSLATE_NOOP("ContentText", "Ubah")},
        {QStringLiteral("delete"), QT_TRANSLATE_NOOP("ContentText", "Hapus")},
        {QStringLiteral("restore"), QT_TRANSLATE_NOOP("ContentText", "Pulihkan")},
        {QStringLiteral("activate"), QT_TRANSLATE_NOOP("ContentText", "Aktifkan")},
        {QStringLiteral("login"), QT_TRANSLATE_NOOP("ContentText", "Masuk")},
        {QStringLiteral("logout"), QT_TRANSLATE_NOOP("ContentText", "Keluar")},
        {QStringLiteral("register"), QT_TRANSLATE_NOOP("ContentText", "Mendaftar")},
        {QStringLiteral("reregister"), QT_TRANSLATE_NOOP("ContentText", "Mendaftar ulang")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("ContentText", "Ubah status")},
        {QStringLiteral("upload"), QT_TRANSLATE_NOOP("ContentText", "Unggah")},
        {QStringLiteral("feature"), QT_TRANSLATE_NOOP("ContentText", "Tandai unggulan")},
        {QStringLiteral("unfeature"), QT_TRANSLATE_NOOP("ContentText", "Lepas unggulan")},
        {QStringLiteral("sync-insert"), QT_TRANSLATE_NOOP("ContentText", "Sinkron: tambah")},
        {QStringLiteral("sync-update"), QT_TRANSLATE_NOOP("ContentText", "Sinkron: ubah")},
        {QStringLiteral("sync-trash"), QT_TRANSLATE_NOOP("ContentText", "Sinkron: ke tempat sampah")},
        {QStringLiteral("sync-webhook"), QT_TRANSLATE_NOOP("ContentText", "Sinkron dari SIAKAD")},
    };
    const auto it = actions.constFind(action);
    return it == actions.constEnd() ? action : QCoreApplication::translate("ContentText", it.value());
}

QString auditEntityText(const QString &entity)
{
    static const QHash<QString, const char *> entities{
        {QStringLiteral("news"), QT_TRANSLATE_NOOP("ContentText", "Berita")},
        {QStringLiteral("announcement"), QT_TRANSLATE_NOOP("ContentText", "Pengumuman")},
        {QStringLiteral("calendar_event"), QT_TRANSLATE_NOOP("ContentText", "Agenda")},
        {QStringLiteral("teacher"), QT_TRANSLATE_NOOP("ContentText", "Guru")},
        {QStringLiteral("facility"), QT_TRANSLATE_NOOP("ContentText", "Fasilitas")},
        {QStringLiteral("extracurricular"), QT_TRANSLATE_NOOP("ContentText", "Ekstrakurikuler")},
        {QStringLiteral("media"), QT_TRANSLATE_NOOP("ContentText", "Gambar")},
        {QStringLiteral("user"), QT_TRANSLATE_NOOP("ContentText", "Pengguna")},
        {QStringLiteral("session"), QT_TRANSLATE_NOOP("ContentText", "Sesi")},
        {QStringLiteral("settings"), QT_TRANSLATE_NOOP("ContentText", "Pengaturan")},
        {QStringLiteral("tahun_ajaran"), QT_TRANSLATE_NOOP("ContentText", "Tahun ajaran")},
        {QStringLiteral("ppdb_registration"), QT_TRANSLATE_NOOP("ContentText", "Pendaftaran PPDB")},
        {QStringLiteral("student_work"), QT_TRANSLATE_NOOP("ContentText", "Karya siswa")},
        {QStringLiteral("dapodik_sync"), QT_TRANSLATE_NOOP("ContentText", "Sinkronisasi Dapodik")},
        {QStringLiteral("satudata_file"), QT_TRANSLATE_NOOP("ContentText", "Berkas Satu Data")},
        {QStringLiteral("satudata_sync"), QT_TRANSLATE_NOOP("ContentText", "Sinkronisasi Satu Data")},
    };
    const auto it = entities.constFind(entity);
    return it == entities.constEnd() ? entity : QCoreApplication::translate("ContentText", it.value());
}

} // namespace tu::ui
