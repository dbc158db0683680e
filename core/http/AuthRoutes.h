#pragma once
namespace tu {
class Router;
class Core;
// /api/auth/{login,logout,verify,captcha} (seed 004).
void registerAuthRoutes(Router &router, Core &core);
} // namespace tu
