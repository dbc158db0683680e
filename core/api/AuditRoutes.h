#pragma once
namespace tu {
class Router;
class Core;
// The audit log: admin only (roles in docs/api.md).
void registerAuditRoutes(Router &router, Core &core);
} // namespace tu
