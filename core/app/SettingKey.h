#pragma once
// A setting described once by the area that owns it: its name, the environment variable that
// overrides it, its default, whether it is a secret, how it is checked, and how the desktop's
// Settings dialog shows it. SettingsStore validates with it and the dialog is generated from
// it, so a new setting is one entry in its area's list (docs/adding.md).

#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace tu {

struct SettingKey {
    enum class Kind {
        Text,    // one line
        List,    // comma-separated values
        Url,     // http(s) base address; empty allowed
        Secret,  // password or key: masked in the dialog, "***" in the audit log
        Integer, // min..max
        Choice,  // one of `choices`
        Listen,  // HOST:PORT of the API (the dialog has its own editor for it)
    };

    QString name;
    const char *env = nullptr; // environment variable that overrides the stored value
    QString fallback;          // default value
    Kind kind = Kind::Text;
    // Where the Settings dialog shows it: a group id from settingGroups(); empty = not shown
    // (kept for the server's environment or for the program itself).
    QString group;
    // Indonesian source texts marked with QT_TRANSLATE_NOOP("Settings", …); the dialog
    // translates them in that context.
    const char *label = nullptr;
    const char *hint = nullptr;   // placeholder or help line
    int min = 0, max = 0;         // Integer
    const char *suffix = nullptr; // Integer: unit shown after the number
    QString rangeProblem;         // Integer: message for a value that is not min..max
    QList<QPair<QString, const char *>> choices; // Choice: value, label
    // Extra check on top of the kind's own; returns the Indonesian problem or an empty string.
    std::function<QString(const QString &)> check;
    // Url: keys whose values travel with requests to this address (plain-http warning).
    QStringList credentials;

    bool secret() const { return kind == Kind::Secret; }
    // The same key placed in a dialog group with its label and hint.
    SettingKey shown(const char *groupId, const char *labelText, const char *hintText = nullptr) const;
    // Empty when `value` is acceptable (the kind's rule, then `check`).
    QString problem(const QString &value) const;
};

// One section of the Settings dialog, in display order.
struct SettingGroup {
    const char *id;
    const char *title; // QT_TRANSLATE_NOOP("Settings", …)
    const char *note;
    int column;        // 0 left, 1 right
};

// Builders for the usual kinds, so an area's list reads as a table.
SettingKey textSetting(const QString &name, const char *env, const QString &fallback);
SettingKey secretSetting(const QString &name, const char *env);
SettingKey urlSetting(const QString &name, const char *env, QStringList credentials = {});
// `problem` is the Indonesian message for a value outside min..max or not a number.
SettingKey intSetting(const QString &name, const char *env, int fallback, int min, int max, const QString &problem);

} // namespace tu
