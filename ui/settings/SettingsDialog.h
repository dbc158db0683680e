#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tu {
class ApiServerHost;
class Core;
struct SettingKey;
}

namespace tu::ui {

class LocalConfig;
class MessageBanner;

// Pengaturan, generated from the settings' descriptors (app/SettingsCatalog): one card per
// group, one row per setting, the editor chosen by the setting's kind. Those settings live in
// the database (shared with tatausaha-server); the data folder and database URL live in this
// computer's QSettings because they are needed before the database opens. A setting an
// environment variable overrides is shown read-only. Saving restarts the in-process API
// server when its address changed or it is not running, and reloads its policy. Closing with
// unsaved changes asks first.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent = nullptr);

    // After accept(): whether something saved only takes effect after a restart.
    bool restartNeeded() const { return m_restartNeeded; }

    // The editor of a database setting by its key (nullptr when the dialog does not show it).
    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    QLineEdit *lineEdit(const QString &key) const;
    QSpinBox *spinBox(const QString &key) const;
    QComboBox *comboBox(const QString &key) const;
    // The API address's own editor (host, port, "serve the LAN").
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QCheckBox *lanCheck() const { return m_lan; }
    QLineEdit *dataDirEdit() const { return m_dataDir; }
    QLineEdit *databaseEdit() const { return m_database; }
    QPushButton *saveButton() const { return m_save; }
    const FormErrors &errors() const { return m_errors; }

    // Values the person changed and has not saved (database settings and local storage).
    bool hasUnsavedChanges() const;

public slots:
    void reject() override;

private:
    QWidget *makeEditor(const SettingKey &key);
    QWidget *listenEditor();
    QWidget *storageCard();
    void load();
    void save();
    QString editorValue(const SettingKey &key) const;
    QHash<QString, QString> changedValues() const;
    QString listenValue() const;
    // The row for a database setting, with the environment-override note when one applies.
    QWidget *settingRow(const SettingKey &key, QWidget *input);
    // A plain-http warning under an upstream address while one of its credentials is filled in.
    void addPlainHttpWarning(const SettingKey &key, QWidget *row);

    Core &m_core;
    Actor m_actor;
    ApiServerHost *m_api;
    LocalConfig &m_local;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QHash<QString, QWidget *> m_editors;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QCheckBox *m_lan = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QLineEdit *m_database = nullptr;
    QPushButton *m_save = nullptr;
    bool m_restartNeeded = false;
};

} // namespace tu::ui
