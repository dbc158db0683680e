// XLSX uploads (Satu Data): tablefile::parseXlsx.
//
// An input that starts like a zip ("PK\3\4") is parsed as it is: the zip reader itself. Any other
// input is the two XML parts a worksheet needs, separated by a NUL byte (sheet1.xml, then
// sharedStrings.xml), packed here into a valid stored zip: byte mutations of a real zip almost
// always break its checksums, so this is what reaches the XML reading.
#include "FuzzInput.h"
#include "satudata/TableFile.h"

#include <zip.h>

namespace {
QByteArray zipOf(const QByteArray &sheet, const QByteArray &shared, bool withShared)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *out = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!out)
        return {};
    zip_source_keep(out);
    zip_t *z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
    if (!z) {
        zip_source_free(out);
        return {};
    }
    auto add = [z](const char *name, const QByteArray &content) {
        zip_source_t *s = zip_source_buffer(z, content.constData(), zip_uint64_t(content.size()), 0);
        const zip_int64_t i = s ? zip_file_add(z, name, s, ZIP_FL_OVERWRITE) : -1;
        if (i < 0)
            zip_source_free(s);
        else
            zip_set_file_compression(z, zip_uint64_t(i), ZIP_CM_STORE, 0);
    };
    add("xl/worksheets/sheet1.xml", sheet);
    if (withShared)
        add("xl/sharedStrings.xml", shared);
    QByteArray result;
    if (zip_close(z) == 0 && zip_source_open(out) == 0) {
        zip_source_seek(out, 0, SEEK_END);
        const zip_int64_t n = zip_source_tell(out);
        zip_source_seek(out, 0, SEEK_SET);
        result.resize(qsizetype(n));
        if (zip_source_read(out, result.data(), zip_uint64_t(n)) != n)
            result.clear();
        zip_source_close(out);
    } else if (zip_get_error(z)) {
        zip_discard(z);
    }
    zip_source_free(out);
    return result;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = tu::fuzz::bytes(data, size);
    QByteArray file = in;
    if (!in.startsWith("PK\x03\x04")) {
        const int nul = in.indexOf('\0');
        file = zipOf(nul < 0 ? in : in.left(nul), nul < 0 ? QByteArray() : in.mid(nul + 1), nul >= 0);
        TU_FUZZ_CHECK(!file.isEmpty());
    }
    const auto t = tu::tablefile::parseXlsx(file);
    if (t.ok()) {
        TU_FUZZ_CHECK(!t->columns.isEmpty() && t->columns.size() <= tu::tablefile::MaxColumns);
        for (const QStringList &row : t->rows)
            TU_FUZZ_CHECK(row.size() == t->columns.size());
    }
    return 0;
}
