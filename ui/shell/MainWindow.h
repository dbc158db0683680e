#pragma once
#include "common/LocalConfig.h"
#include "shell/Navigation.h"
#include "auth/AuthService.h"

#include <QMainWindow>
#include <QMap>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace tu {
class ApiServerHost;
class Core;
}

namespace tu::ui {

class ApiStatusLabel;
class AuditPage;
class DapodikDataPage;
class DashboardPage;
class ContentPage;
class SatuDataPage;
class SettingsPage;
class DapodikSyncPage;
class UsersPage;

// The signed-in window: sidebar of the areas the user's role may open, a header with the school
// and the user, the pages, and the API server's state in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Core &core, const Session &session, ApiServerHost *api, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    bool isPageAvailable(Page page) const;

    const Session &session() const { return m_session; }
    QListWidget *sidebar() const { return m_sidebar; }
    QWidget *pageWidget(Page page) const;
    UsersPage *usersPage() const { return m_usersPage; }         // nullptr unless admin
    SettingsPage *settingsPage() const { return m_settingsPage; } // nullptr unless admin
    ContentPage *kontenPage() const { return m_kontenPage; }       // nullptr unless a content role
    AuditPage *auditPage() const { return m_auditPage; }          // nullptr unless admin
    DapodikSyncPage *sinkronisasiPage() const { return m_sinkronisasiPage; } // nullptr unless admin or operator
    DapodikDataPage *dapodikDataPage() const { return m_dataPage; }          // nullptr unless admin or operator
    DashboardPage *dashboardPage() const { return m_dashboardPage; }         // nullptr unless admin or operator
    SatuDataPage *satuDataPage() const { return m_satuDataPage; }            // nullptr unless admin or operator
    ApiStatusLabel *apiStatus() const { return m_apiStatus; }

signals:
    // The session is already ended (AuthService::logout) when this is emitted.
    void logoutRequested();
    // The user closed the window (or chose Tutup aplikasi).
    void windowClosed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildSidebar();
    QWidget *buildHeader();
    void buildPages();
    void buildMenus();
    void logout();
    void refreshSchool();
    void showAbout();

    Core &m_core;
    Session m_session;
    Actor m_actor;
    ApiServerHost *m_api;
    LocalConfig m_local;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMap<Page, QWidget *> m_pages;
    UsersPage *m_usersPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    ContentPage *m_kontenPage = nullptr;
    AuditPage *m_auditPage = nullptr;
    DapodikSyncPage *m_sinkronisasiPage = nullptr;
    DapodikDataPage *m_dataPage = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    SatuDataPage *m_satuDataPage = nullptr;
    ApiStatusLabel *m_apiStatus = nullptr;
    QLabel *m_schoolName = nullptr;
    QLabel *m_today = nullptr;
};

} // namespace tu::ui
