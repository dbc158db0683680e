#pragma once
#include <QObject>
#include <QPointer>

namespace tu {
class ApiServerHost;
class Core;
}

namespace tu::ui {

class MainWindow;

// The desktop's round trip: first-run dialog when there are no users, login, the main window,
// and back to login after Keluar. Quits the application when the user closes the login dialog
// or the main window.
class SessionFlow : public QObject
{
    Q_OBJECT
public:
    SessionFlow(Core &core, ApiServerHost *api, QObject *parent = nullptr);
    ~SessionFlow() override;

    // False when the user cancelled the first-run dialog: nothing to show, quit.
    bool start();
    MainWindow *window() const;

private:
    void showLogin(const QString &username);

    Core &m_core;
    ApiServerHost *m_api;
    QPointer<MainWindow> m_window;
};

} // namespace tu::ui
