#pragma once
#include "app/SettingKey.h"

namespace tu {
// Every setting of the program, gathered from the areas that declare them, and the Settings
// dialog's sections. The one list SettingsStore validates against and the dialog shows.
const QList<SettingKey> &settingKeys();
const SettingKey *findSettingKey(const QString &name);
const QList<SettingGroup> &settingGroups();
// Empty when `value` is acceptable for `key` (unknown keys have a problem too).
QString settingProblem(const QString &key, const QString &value);
} // namespace tu
