#pragma once
namespace tu {
class Router;
class Core;
// The audit log (DESIGN.md section 3): admin only.
void registerAuditRoutes(Router &router, Core &core);
} // namespace tu
