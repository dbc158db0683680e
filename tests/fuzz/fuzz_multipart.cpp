// multipart/form-data uploads: parseMultipart, streamed from a device.
//
// Input: one byte that sets how many bytes each read of the body returns, 16 times its value
// (0: 64 KiB, as from the spooled upload file), so delimiters and headers straddle reads; then
// the Content-Type header value up to the first '\n', then the body. (Reads are not smaller:
// each read allocates 64 KiB, which made 1-byte reads a hundred times slower to fuzz.)
#include "FuzzInput.h"
#include "http/Multipart.h"

#include <QDir>
#include <QIODevice>
#include <QTemporaryDir>
#include <QTemporaryFile>

namespace {
class ChunkedDevice : public QIODevice
{
public:
    ChunkedDevice(QByteArray data, qint64 chunk) : m_data(std::move(data)), m_chunk(chunk) {}
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(qMin(max, m_chunk), qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

QTemporaryDir *tempDir = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tempDir = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/tu-fuzz-multipart-XXXXXX"));
    return tempDir->isValid() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 chunk = data[0] == 0 ? 64 * 1024 : data[0] * 16;
    const QByteArray rest = tu::fuzz::bytes(data + 1, size - 1);
    const int nl = rest.indexOf('\n');
    if (nl < 0)
        return 0;
    ChunkedDevice body(rest.mid(nl + 1), chunk);
    body.open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    tu::MultipartLimits limits; // smaller than in production, so inputs of a few KB reach them
    limits.maxFileBytes = 4096;
    limits.maxFieldBytes = 1024;
    limits.maxParts = 8;
    limits.maxPartHeaderBytes = 1024;
    const auto form = tu::parseMultipart(body, rest.left(nl), limits, tempDir->path());
    if (form.ok()) {
        TU_FUZZ_CHECK(form->files.size() + form->fields.size() <= limits.maxParts);
        for (const tu::MultipartFile &f : form->files) {
            TU_FUZZ_CHECK(!f.fieldName.isEmpty());
            TU_FUZZ_CHECK(f.size <= limits.maxFileBytes);
            TU_FUZZ_CHECK(f.file && f.file->size() == f.size && f.file->pos() == 0);
        }
        for (const QString &v : form->fields)
            TU_FUZZ_CHECK(v.toUtf8().size() <= limits.maxFieldBytes || v.contains(QChar::ReplacementCharacter));
    }
    return 0;
}
