#pragma once
#include "app/SettingKey.h"

namespace tu {
// SPLP and SIPD base addresses, their shared key and the delay between their requests.
QList<SettingKey> satuDataSettingKeys();
} // namespace tu
