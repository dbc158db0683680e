#pragma once
namespace tu {
class Router;
class Core;
// /api/ppdb/* (public, seed 004) and /api/admin/ppdb/* (admin, ppdb).
void registerPpdbRoutes(Router &router, Core &core);
} // namespace tu
