#pragma once
namespace tu {
class Router;
class Core;
// Student works (seed 004).
void registerStudentWorkRoutes(Router &router, Core &core);
} // namespace tu
