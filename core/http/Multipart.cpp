#include "Multipart.h"

#include <QDir>
#include <QIODevice>
#include <QRegularExpression>
#include <QTemporaryFile>

namespace tu {

const MultipartFile *MultipartForm::file(const QString &fieldName) const
{
    for (const auto &f : files)
        if (f.fieldName == fieldName)
            return &f;
    return nullptr;
}

namespace {
Error malformed()
{
    return Error::validation({{QStringLiteral("body"), QStringLiteral("Data multipart tidak valid.")}},
                             QStringLiteral("Data formulir unggahan tidak valid. Kirim ulang berkas dengan multipart/form-data."));
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression re(QStringLiteral("boundary=(\"([^\"]+)\"|([^;\\s]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(contentType));
    if (!m.hasMatch())
        return {};
    return (m.captured(2).isEmpty() ? m.captured(3) : m.captured(2)).toLatin1();
}

QString param(const QByteArray &header, const char *name)
{
    const QRegularExpression re(QStringLiteral("(?:^|;)\\s*%1=(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))").arg(QLatin1String(name)),
                                QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromUtf8(header));
    if (!m.hasMatch())
        return {};
    return m.captured(2).isNull() ? m.captured(3).trimmed() : m.captured(2);
}

class Reader
{
public:
    explicit Reader(QIODevice &in) : m_in(in) {}
    // Ensures at least n bytes are buffered (false at end of input).
    bool fill(int n)
    {
        while (m_buf.size() < n) {
            const QByteArray more = m_in.read(64 * 1024);
            if (more.isEmpty())
                return false;
            m_buf.append(more);
        }
        return true;
    }
    QByteArray &buf() { return m_buf; }

private:
    QIODevice &m_in;
    QByteArray m_buf;
};
} // namespace

Result<MultipartForm> parseMultipart(QIODevice &in, const QByteArray &contentTypeHeader, const MultipartLimits &limits,
                                     const QString &tempDir)
{
    const QByteArray boundary = boundaryOf(contentTypeHeader);
    if (boundary.isEmpty() || boundary.size() > 200)
        return malformed();
    const QByteArray dash = "--" + boundary;
    const QByteArray delimiter = "\r\n" + dash;
    Reader r(in);
    MultipartForm form;

    // Preamble up to the first boundary.
    for (;;) {
        r.fill(dash.size() + 2);
        const int at = r.buf().indexOf(dash);
        if (at >= 0) {
            r.buf().remove(0, at + dash.size());
            break;
        }
        if (r.buf().size() > 64 * 1024 || !r.fill(r.buf().size() + 1))
            return malformed();
    }
    int parts = 0;
    for (;;) {
        if (!r.fill(2))
            return malformed();
        if (r.buf().startsWith("--"))
            return form; // closing boundary
        if (!r.buf().startsWith("\r\n"))
            return malformed();
        r.buf().remove(0, 2);
        if (++parts > limits.maxParts)
            return Error::validation({{QStringLiteral("body"), QStringLiteral("Terlalu banyak bagian dalam formulir.")}});

        // Part headers.
        int headEnd = -1;
        while ((headEnd = r.buf().indexOf("\r\n\r\n")) < 0) {
            if (r.buf().size() > limits.maxPartHeaderBytes || !r.fill(r.buf().size() + 1))
                return malformed();
        }
        if (headEnd > limits.maxPartHeaderBytes)
            return malformed();
        QByteArray disposition, type;
        for (const QByteArray &line : r.buf().left(headEnd).split('\n')) {
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-disposition")
                disposition = line.mid(colon + 1).trimmed();
            else if (name == "content-type")
                type = line.mid(colon + 1).trimmed();
        }
        r.buf().remove(0, headEnd + 4);
        const QString fieldName = param(disposition, "name");
        if (!disposition.toLower().startsWith("form-data") || fieldName.isEmpty())
            return malformed();
        const bool isFile = disposition.toLower().contains("filename=");

        std::shared_ptr<QTemporaryFile> file;
        if (isFile) {
            file = std::make_shared<QTemporaryFile>((tempDir.isEmpty() ? QDir::tempPath() : tempDir)
                                                    + QStringLiteral("/part-XXXXXX"));
            if (!file->open())
                return Error::server(QStringLiteral("cannot create temporary file in ") + tempDir);
        }
        QByteArray value;
        qint64 size = 0;
        // Part body: everything up to the next delimiter; keep a tail that could start one.
        for (;;) {
            r.fill(delimiter.size() + 64 * 1024);
            const int at = r.buf().indexOf(delimiter);
            const int ready = at >= 0 ? at : qMax(0, r.buf().size() - delimiter.size());
            if (ready > 0) {
                size += ready;
                if (isFile) {
                    if (size > limits.maxFileBytes)
                        return Error::make(ErrorCode::PayloadTooLarge,
                                           QStringLiteral("Ukuran berkas melebihi batas %1 MB.").arg(limits.maxFileBytes / (1024 * 1024)));
                    if (file->write(r.buf().constData(), ready) != ready)
                        return Error::server(QStringLiteral("cannot write upload part"));
                } else {
                    if (size > limits.maxFieldBytes)
                        return Error::validation({{fieldName, QStringLiteral("Isian terlalu panjang.")}});
                    value.append(r.buf().constData(), ready);
                }
                r.buf().remove(0, ready);
            }
            if (at >= 0) {
                r.buf().remove(0, delimiter.size());
                break;
            }
            if (!r.fill(r.buf().size() + 1))
                return malformed(); // ended without the closing boundary
        }
        if (isFile) {
            file->flush();
            file->seek(0);
            form.files.append({fieldName, param(disposition, "filename"), QString::fromLatin1(type), size, file});
        } else {
            form.fields.insert(fieldName, QString::fromUtf8(value));
        }
    }
}

} // namespace tu
