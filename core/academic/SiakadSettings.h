#pragma once
#include "app/SettingKey.h"

namespace tu {
// SIAKAD's base address and the key used both ways (full sync and the webhook).
QList<SettingKey> siakadSettingKeys();
} // namespace tu
