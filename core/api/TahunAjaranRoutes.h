#pragma once
namespace tu {
class Router;
class Core;
// /admin/pendaftaran/master/tahun-ajaran[/store|/delete|/restore|/get-sync|/update-from-sync] (docs/tahun-ajaran.md).
void registerTahunAjaranRoutes(Router &router, Core &core);
} // namespace tu
