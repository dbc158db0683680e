#include "SettingKey.h"

#include <QUrl>

namespace tu {

namespace {
bool isHttpUrl(const QString &s)
{
    const QUrl u(s.trimmed(), QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
        && !u.host().isEmpty();
}
} // namespace

QString SettingKey::problem(const QString &value) const
{
    const QString v = value.trimmed();
    switch (kind) {
    case Kind::Url:
        if (!v.isEmpty() && !isHttpUrl(v))
            return QStringLiteral("Alamat harus diawali http:// atau https://, misalnya http://127.0.0.1:9090.");
        break;
    case Kind::Integer: {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < min || n > max)
            return rangeProblem;
        break;
    }
    case Kind::Choice: {
        bool known = false;
        for (const auto &c : choices)
            known |= c.first == v;
        if (!known && !check) {
            QStringList values;
            for (const auto &c : choices)
                values << c.first;
            return QStringLiteral("Pilih salah satu: %1.").arg(values.join(QStringLiteral(", ")));
        }
        break;
    }
    case Kind::Text:
    case Kind::List:
    case Kind::Secret:
    case Kind::Listen:
        break;
    }
    return check ? check(v) : QString();
}

SettingKey SettingKey::shown(const char *groupId, const char *labelText, const char *hintText) const
{
    SettingKey k = *this;
    k.group = QString::fromLatin1(groupId);
    k.label = labelText;
    k.hint = hintText;
    return k;
}

SettingKey textSetting(const QString &name, const char *env, const QString &fallback)
{
    SettingKey k;
    k.name = name;
    k.env = env;
    k.fallback = fallback;
    return k;
}

SettingKey secretSetting(const QString &name, const char *env)
{
    SettingKey k = textSetting(name, env, QString());
    k.kind = SettingKey::Kind::Secret;
    return k;
}

SettingKey urlSetting(const QString &name, const char *env, QStringList credentials)
{
    SettingKey k = textSetting(name, env, QString());
    k.kind = SettingKey::Kind::Url;
    k.credentials = std::move(credentials);
    return k;
}

SettingKey intSetting(const QString &name, const char *env, int fallback, int min, int max, const QString &problem)
{
    SettingKey k = textSetting(name, env, QString::number(fallback));
    k.kind = SettingKey::Kind::Integer;
    k.min = min;
    k.max = max;
    k.rangeProblem = problem;
    return k;
}

} // namespace tu
