#include "Upload.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStorageInfo>

Q_LOGGING_CATEGORY(lcUpload, "tatausaha.upload")

namespace tu::files {

QString sniffMime(const QByteArray &head)
{
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (head.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    return {};
}

QString extensionFor(const QString &mime)
{
    if (mime == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (mime == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mime == QLatin1String("image/webp"))
        return QStringLiteral("webp");
    if (mime == QLatin1String("application/pdf"))
        return QStringLiteral("pdf");
    return QStringLiteral("bin");
}

QString describe(const QStringList &mimes)
{
    QStringList names;
    for (const QString &m : mimes)
        names << extensionFor(m).toUpper();
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" atau ") + last;
}

Result<QString> check(QIODevice &content, qint64 maxBytes, const QStringList &allowed, const QString &field)
{
    if (content.size() > maxBytes)
        return Error::make(ErrorCode::PayloadTooLarge,
                           QStringLiteral("Ukuran berkas melebihi batas %1 MB. Perkecil berkas lalu unggah lagi.")
                               .arg(maxBytes / (1024 * 1024)));
    if (content.size() == 0)
        return Error::validation({{field, QStringLiteral("Berkas kosong.")}});
    content.seek(0);
    const QString mime = sniffMime(content.peek(16));
    if (!allowed.contains(mime))
        return Error::make(ErrorCode::UnsupportedMediaType,
                           QStringLiteral("Jenis berkas tidak didukung. Unggah berkas %1.").arg(describe(allowed)));
    return mime;
}

Status DiskReserve::check(const QString &dir, qint64 incoming) const
{
    const qint64 reserve = bytes ? bytes() : 0;
    if (reserve <= 0)
        return {};
    QStorageInfo volume(dir);
    if (!volume.isValid() || volume.bytesAvailable() < 0)
        return {};
    const qint64 free = volume.bytesAvailable();
    if (free - qMax<qint64>(0, incoming) >= reserve)
        return {};
    // The numbers go to the log for the admin; the applicant only needs to know what to do.
    qCWarning(lcUpload).noquote() << "upload refused: free space on" << volume.rootPath() << free / (1024 * 1024)
                                  << "MB, reserve" << reserve / (1024 * 1024) << "MB (setting disk_reserve_mb)";
    return Error::make(ErrorCode::InsufficientStorage,
                       QStringLiteral("Ruang penyimpanan server hampir penuh, jadi unggahan ditolak untuk sementara. "
                                      "Coba lagi nanti; bila berulang, minta admin mengosongkan ruang disk folder data."));
}

Result<Saved> save(QIODevice &content, const QString &path, const DiskReserve &reserve)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (auto room = reserve.check(QFileInfo(path).absolutePath(), content.size()); !room.ok())
        return room.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::server(QStringLiteral("cannot write ") + path);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    Saved s;
    content.seek(0);
    while (!content.atEnd()) {
        const QByteArray chunk = content.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        sha.addData(chunk);
        if (out.write(chunk) != chunk.size())
            return Error::server(QStringLiteral("short write ") + path);
        s.size += chunk.size();
    }
    if (!out.commit())
        return Error::server(QStringLiteral("cannot commit ") + path);
    s.sha256 = QString::fromLatin1(sha.result().toHex());
    return s;
}

Result<PendingFile> PendingFile::save(QIODevice &content, const QString &path, const DiskReserve &reserve)
{
    auto saved = files::save(content, path, reserve);
    if (!saved.ok())
        return saved.error();
    return PendingFile(path, saved.value());
}

PendingFile::PendingFile(PendingFile &&other) noexcept : m_path(std::move(other.m_path)), m_saved(other.m_saved)
{
    other.m_path.clear();
}

PendingFile &PendingFile::operator=(PendingFile &&other) noexcept
{
    if (this != &other) {
        if (!m_path.isEmpty())
            QFile::remove(m_path);
        m_path = std::move(other.m_path);
        m_saved = other.m_saved;
        other.m_path.clear();
    }
    return *this;
}

PendingFile::~PendingFile()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

} // namespace tu::files
