#pragma once
#include "app/SettingKey.h"

namespace tu {
// The program's own settings: the school's identity, time zone, language, where the API listens,
// the disk reserve kept free by uploads, and the demo marker.
QList<SettingKey> appSettingKeys();
} // namespace tu
