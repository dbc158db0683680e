#pragma once
namespace tu {
class Router;
class Core;
// /admin/pendaftaran/master/tahun-ajaran[/store|/delete|/restore|/get-sync|/update-from-sync] (seed 003).
void registerTahunAjaranRoutes(Router &router, Core &core);
} // namespace tu
