#pragma once
namespace tu {
class Router;
class Core;
// /api/auth/{login,logout,verify,captcha} (docs/api.md, "Authentication").
void registerAuthRoutes(Router &router, Core &core);
} // namespace tu
