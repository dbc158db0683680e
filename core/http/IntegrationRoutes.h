#pragma once
namespace tu {
class Router;
class Core;
// Satu Data (seed 002): data files, verification and (later) sync to SPLP and SIPD.
void registerIntegrationRoutes(Router &router, Core &core);
} // namespace tu
