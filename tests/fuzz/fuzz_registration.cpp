// PPDB registration form: PpdbService::parse, the validation every online and walk-in
// registration goes through before anything is stored.
//
// An input starting with '{' is the JSON body as sent. Any other input fills the form's fields
// through FuzzedDataProvider (each field absent, a number, or a string), and picks "today": byte
// mutations of JSON rarely keep it valid, this way every rule is reached.
#include "FuzzInput.h"
#include "http/JsonBody.h"
#include "ppdb/PpdbService.h"

#include <fuzzer/FuzzedDataProvider.h>

namespace {
const char *const Keys[] = {"fullName", "birthPlace", "address", "province", "city", "district",
                            "fatherName", "motherName", "previousSchool", "nisn", "gender", "religion",
                            "birthDate", "fatherPhone", "motherPhone", "phone", "postalCode", "email"};

void check(const QJsonObject &input, const QDate &today)
{
    const auto r = tu::PpdbService::parse(input, today);
    if (r.ok()) {
        TU_FUZZ_CHECK(r->nisn.size() == 10 && r->birthDate.isValid() && r->birthDate < today);
        TU_FUZZ_CHECK(r->gender == QLatin1String("L") || r->gender == QLatin1String("P"));
        TU_FUZZ_CHECK(tu::PpdbService::religions().contains(r->religion));
    } else {
        TU_FUZZ_CHECK(r.error().code == tu::ErrorCode::Validation && !r.error().fields.isEmpty());
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == '{') {
        const auto o = tu::jsonbody::parse(tu::fuzz::bytes(data, size));
        if (o.ok())
            check(*o, QDate(2026, 6, 15));
        return 0;
    }
    FuzzedDataProvider p(data, size);
    // Any day from 1900 to 2100, leap days included.
    const QDate today = QDate(1900, 1, 1).addDays(p.ConsumeIntegralInRange<int>(0, 73048));
    QJsonObject input;
    for (const char *key : Keys) {
        switch (p.ConsumeIntegralInRange<int>(0, 3)) {
        case 0:
            break; // absent
        case 1:
            input.insert(QLatin1String(key), p.ConsumeFloatingPoint<double>());
            break;
        default:
            input.insert(QLatin1String(key), QString::fromStdString(p.ConsumeRandomLengthString(300)));
        }
    }
    check(input, today);
    return 0;
}
