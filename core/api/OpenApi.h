#pragma once
#include <QJsonObject>

namespace tu {
class Router;
// OpenAPI 3.0.3 document generated from the route table, so it cannot drift from the routes.
QJsonObject buildOpenApi(const Router &router, const QString &version);
} // namespace tu
