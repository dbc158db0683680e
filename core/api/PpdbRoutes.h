#pragma once
namespace tu {
class Router;
class Core;
// /api/ppdb/* (public, docs/school-api.md) and /api/admin/ppdb/* (admin, ppdb).
void registerPpdbRoutes(Router &router, Core &core);
} // namespace tu
