#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QGridLayout;

namespace tu {
class ApiServerHost;
class Core;
}

namespace tu::ui {

class LocalConfig;
class MessageBanner;

// Pengaturan in the sidebar: the settings in effect at a glance, and the button that opens
// SettingsDialog.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent = nullptr);

    void refresh();
    void openDialog();

signals:
    void settingsSaved();

private:
    Core &m_core;
    Actor m_actor;
    ApiServerHost *m_api;
    LocalConfig &m_local;
    MessageBanner *m_banner;
    QGridLayout *m_grid;
};

} // namespace tu::ui
