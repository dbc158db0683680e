#pragma once
#include "Result.h"

namespace tu {

class Core;

// `--demo`: on an empty database, sample data a school office would recognise, and the
// upstream URLs pointed at a local simulator (127.0.0.1:9090 unless the environment says
// otherwise). Never touches a database that already holds data.
Status seedDemoData(Core &core);
// Part of seedDemoData: news, announcements, calendar, teachers, facilities, extracurricular with
// generated pictures, and two students with works. Only while there is no news at all.
Status seedDemoContent(Core &core);
// Part of seedDemoData: Satu Data files (three verified, one waiting), only when there are none.
Status seedDemoSatuData(Core &core);

} // namespace tu
