#pragma once
namespace tu {
class Router;
class ApiServer;
// /api/health and /api/openapi.json.
void registerSystemRoutes(Router &router, ApiServer &server);
} // namespace tu
