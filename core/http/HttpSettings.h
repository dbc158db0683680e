#pragma once
#include "app/SettingKey.h"

namespace tu {
// The API host's policy: trusted proxies, CORS origins, rate limits, allowed Host names and the
// per-address connection cap (docs/api.md, "Security").
QList<SettingKey> httpSettingKeys();
} // namespace tu
