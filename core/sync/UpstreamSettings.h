#pragma once
#include "app/SettingKey.h"

namespace tu {
// How every upstream client behaves: request timeout, first retry delay and the answer size cap.
QList<SettingKey> upstreamSettingKeys();
// The Indonesian problem for a millisecond value outside 0..600000 (shared by the *_ms keys).
SettingKey millisecondsSetting(const QString &name, const char *env, int fallback);
} // namespace tu
