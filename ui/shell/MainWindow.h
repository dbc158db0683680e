#pragma once
#include "common/LocalConfig.h"
#include "shell/Navigation.h"
#include "auth/AuthService.h"

#include <QMainWindow>
#include <QMap>

class QLabel;
class QListWidget;
class QListWidgetItem;
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

    // Shows the window where it was last time, or filling the screen the first time.
    void showRestored();
    void showPage(Page page);
    Page currentPage() const;
    bool isPageAvailable(Page page) const;

    const Session &session() const { return m_session; }
    QListWidget *sidebar() const { return m_sidebar; }
    QWidget *pageWidget(Page page) const;
    // The pages by type; nullptr when the user's role may not open them.
    UsersPage *usersPage() const;
    SettingsPage *settingsPage() const;
    ContentPage *contentPage() const;
    AuditPage *auditPage() const;
    DapodikSyncPage *dapodikSyncPage() const;
    DapodikDataPage *dapodikDataPage() const;
    DashboardPage *dashboardPage() const;
    SatuDataPage *satuDataPage() const;
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
    bool syncRunning() const;
    // Asks the pages with unsaved edits (LeaveGuard); false when the person chose to stay.
    bool pagesMayClose();
    bool mayLeave(QListWidgetItem *pageItem);
    void selectShownPage(); // the sidebar's selection on the page the stack shows

    Core &m_core;
    Session m_session;
    Actor m_actor;
    ApiServerHost *m_api;
    LocalConfig m_local;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMap<Page, QWidget *> m_pages;
    ApiStatusLabel *m_apiStatus = nullptr;
    QLabel *m_schoolName = nullptr;
    QLabel *m_today = nullptr;
    bool m_startMaximized = false;
    bool m_closeWhenIdle = false;
    bool m_switchingBack = false;
    bool m_asking = false; // a page is asking about its unsaved edits
};

} // namespace tu::ui
