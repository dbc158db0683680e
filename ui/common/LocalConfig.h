#pragma once
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace tu::ui {

// What the desktop must know before the database opens — the data folder and the database URL —
// kept per computer in QSettings. The command line (--data-dir, --database) wins over these.
class LocalConfig
{
public:
    LocalConfig();                               // the application's QSettings
    explicit LocalConfig(const QString &iniPath); // a given file (tests)
    ~LocalConfig();

    QString dataDir() const;
    QString databaseUrl() const;
    void setDataDir(const QString &dir);
    void setDatabaseUrl(const QString &url);

    // `arguments` plus --data-dir / --database from the stored values where the command line
    // has none, ready for AppOptions::parse.
    QStringList withDefaults(const QStringList &arguments) const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tu::ui
