// JSON request bodies: jsonbody::parse, what ApiServer does with every Json route's body.
#include "FuzzInput.h"
#include "http/JsonBody.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto o = tu::jsonbody::parse(tu::fuzz::bytes(data, size));
    if (o.ok()) {
        // What we accepted must survive our own serialisation (responses echo it back).
        const QByteArray again = QJsonDocument(*o).toJson(QJsonDocument::Compact);
        const auto back = tu::jsonbody::parse(again);
        TU_FUZZ_CHECK(back.ok());
    } else {
        TU_FUZZ_CHECK(o.error().code == tu::ErrorCode::Validation);
    }
    return 0;
}
