#pragma once
// The JSON request body every Json route expects: one object. Kept apart from ApiServer so the
// rule is one function that tests and the fuzz target call directly.

#include "Result.h"

#include <QJsonObject>

namespace tu::jsonbody {

// An object, or VALIDATION_ERROR (field "body") for invalid JSON, an array or a bare value.
Result<QJsonObject> parse(const QByteArray &body);

} // namespace tu::jsonbody
