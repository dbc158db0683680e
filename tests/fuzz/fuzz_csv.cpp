// CSV uploads (Satu Data): tablefile::parseCsv on arbitrary bytes.
#include "FuzzInput.h"
#include "satudata/TableFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto t = tu::tablefile::parseCsv(tu::fuzz::bytes(data, size));
    if (t.ok()) {
        TU_FUZZ_CHECK(!t->columns.isEmpty() && t->columns.size() <= tu::tablefile::MaxColumns);
        TU_FUZZ_CHECK(!t->rows.isEmpty());
        for (const QStringList &row : t->rows)
            TU_FUZZ_CHECK(row.size() == t->columns.size());
    } else {
        TU_FUZZ_CHECK(!t.error().message.isEmpty());
    }
    return 0;
}
