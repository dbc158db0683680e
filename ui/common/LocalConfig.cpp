#include "LocalConfig.h"

#include <QSettings>

namespace tu::ui {

namespace {
const QString DataDirKey = QStringLiteral("storage/dataDir");
const QString DatabaseKey = QStringLiteral("storage/databaseUrl");

bool hasOption(const QStringList &arguments, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    for (const QString &a : arguments)
        if (a == flag || a.startsWith(flag + QLatin1Char('=')))
            return true;
    return false;
}
} // namespace

LocalConfig::LocalConfig() : m_settings(std::make_unique<QSettings>()) {}

LocalConfig::LocalConfig(const QString &iniPath) : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

LocalConfig::~LocalConfig() = default;

QString LocalConfig::dataDir() const { return m_settings->value(DataDirKey).toString(); }
QString LocalConfig::databaseUrl() const { return m_settings->value(DatabaseKey).toString(); }

void LocalConfig::setDataDir(const QString &dir)
{
    if (dir.trimmed().isEmpty())
        m_settings->remove(DataDirKey);
    else
        m_settings->setValue(DataDirKey, dir.trimmed());
    m_settings->sync();
}

void LocalConfig::setDatabaseUrl(const QString &url)
{
    if (url.trimmed().isEmpty())
        m_settings->remove(DatabaseKey);
    else
        m_settings->setValue(DatabaseKey, url.trimmed());
    m_settings->sync();
}

QStringList LocalConfig::withDefaults(const QStringList &arguments) const
{
    QStringList out = arguments;
    if (!hasOption(arguments, QStringLiteral("data-dir")) && !dataDir().isEmpty())
        out << QStringLiteral("--data-dir") << dataDir();
    if (!hasOption(arguments, QStringLiteral("database")) && !databaseUrl().isEmpty())
        out << QStringLiteral("--database") << databaseUrl();
    return out;
}

} // namespace tu::ui
