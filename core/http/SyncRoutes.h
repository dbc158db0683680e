#pragma once
namespace tu {
class Router;
class Core;
// Dapodik sync (seed 000: exact shapes), the synced data and the dashboard analytics.
void registerSyncRoutes(Router &router, Core &core);
} // namespace tu
