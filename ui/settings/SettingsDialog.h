#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tu {
class ApiServerHost;
class Core;
}

namespace tu::ui {

class LocalConfig;
class MessageBanner;

// Pengaturan: school identity, time zone, language and the API server's policy live in the
// database (SettingsStore, shared with tatausaha-server); the data folder and database URL live
// in this computer's QSettings because they are needed before the database opens. A setting an
// environment variable overrides is shown read-only. Saving restarts the in-process API server
// when its address changed or it is not running, and reloads its policy.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent = nullptr);

    // After accept(): whether something saved only takes effect after a restart.
    bool restartNeeded() const { return m_restartNeeded; }

    QLineEdit *schoolNameEdit() const { return m_schoolName; }
    QComboBox *timezoneCombo() const { return m_timezone; }
    QComboBox *languageCombo() const { return m_language; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QCheckBox *lanCheck() const { return m_lan; }
    QLineEdit *proxiesEdit() const { return m_proxies; }
    QLineEdit *corsEdit() const { return m_cors; }
    QLineEdit *rateLimitsEdit() const { return m_rateLimits; }
    QLineEdit *dataDirEdit() const { return m_dataDir; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *dapodikUrlEdit() const { return m_dapodikUrl; }
    QLineEdit *dapodikPasswordEdit() const { return m_dapodikPassword; }
    QLineEdit *dapodikKeyEdit() const { return m_dapodikKey; }
    QSpinBox *syncConcurrencySpin() const { return m_syncConcurrency; }
    QSpinBox *satuDataDelaySpin() const { return m_satuDataDelay; }
    QPushButton *saveButton() const { return m_save; }
    const FormErrors &errors() const { return m_errors; }

private:
    void load();
    void save();
    QString listenValue() const;
    // The row for a database setting, with the environment-override note when one applies.
    QWidget *settingRow(const QString &key, QWidget *input);
    // An upstream address row with a warning, shown while the address is http:// and one of
    // `credentials` is filled in.
    QWidget *urlRow(const QString &key, QLineEdit *url, const QList<QLineEdit *> &credentials);

    Core &m_core;
    Actor m_actor;
    ApiServerHost *m_api;
    LocalConfig &m_local;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QLineEdit *m_schoolName;
    QComboBox *m_timezone;
    QComboBox *m_language;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QCheckBox *m_lan;
    QLineEdit *m_proxies;
    QLineEdit *m_cors;
    QLineEdit *m_rateLimits;
    QLineEdit *m_siakadUrl = nullptr;
    QLineEdit *m_siakadKey = nullptr;
    QLineEdit *m_dapodikUrl = nullptr;
    QLineEdit *m_dapodikUser = nullptr;
    QLineEdit *m_dapodikPassword = nullptr;
    QLineEdit *m_dapodikKey = nullptr;
    QLineEdit *m_dapodikWilayah = nullptr;
    QSpinBox *m_syncConcurrency = nullptr;
    QLineEdit *m_splpUrl = nullptr;
    QLineEdit *m_sipdUrl = nullptr;
    QLineEdit *m_externalKey = nullptr;
    QSpinBox *m_satuDataDelay = nullptr;
    QLineEdit *m_dataDir;
    QLineEdit *m_database;
    QPushButton *m_save;
    bool m_restartNeeded = false;
};

} // namespace tu::ui
