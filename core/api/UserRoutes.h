#pragma once
namespace tu {
class Router;
class Core;
// /api/admin/users[/:id] (admin only).
void registerUserRoutes(Router &router, Core &core);
} // namespace tu
