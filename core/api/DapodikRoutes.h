#pragma once
namespace tu {
class Router;
class Core;
// Dapodik sync (docs/dapodik-sync.md has the exact shapes), the synced data and the dashboard analytics.
void registerDapodikRoutes(Router &router, Core &core);
} // namespace tu
