#pragma once
namespace tu {
class Router;
class Core;
// Public content (docs/school-api.md), its administration and the media images it shows.
void registerContentRoutes(Router &router, Core &core);
} // namespace tu
