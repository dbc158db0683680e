#pragma once
namespace tu {
class Router;
class Core;
// Satu Data (docs/satudata.md): data files, verification and sync to SPLP and SIPD.
void registerSatuDataRoutes(Router &router, Core &core);
} // namespace tu
