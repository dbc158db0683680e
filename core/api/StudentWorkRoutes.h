#pragma once
namespace tu {
class Router;
class Core;
// Student works (docs/school-api.md).
void registerStudentWorkRoutes(Router &router, Core &core);
} // namespace tu
