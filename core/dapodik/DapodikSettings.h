#pragma once
#include "app/SettingKey.h"

namespace tu {
// The Dapodik pusat account and what is synced: address, credentials, kabupaten/kota, parallelism.
QList<SettingKey> dapodikSettingKeys();
} // namespace tu
