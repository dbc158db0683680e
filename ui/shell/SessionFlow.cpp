#include "SessionFlow.h"
#include "shell/FirstRunDialog.h"
#include "shell/LoginDialog.h"
#include "shell/MainWindow.h"
#include "app/Core.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace tu::ui {

SessionFlow::SessionFlow(Core &core, ApiServerHost *api, QObject *parent) : QObject(parent), m_core(core), m_api(api)
{
    // Between logout and the next login no window may be open; quitting is decided here.
    QGuiApplication::setQuitOnLastWindowClosed(false);
}

SessionFlow::~SessionFlow()
{
    delete m_window;
}

MainWindow *SessionFlow::window() const
{
    return m_window;
}

bool SessionFlow::start()
{
    QString username;
    if (m_core.needsFirstAdmin()) {
        FirstRunDialog first(m_core);
        if (first.exec() != QDialog::Accepted)
            return false;
        username = QStringLiteral("admin");
    }
    showLogin(username);
    return true;
}

void SessionFlow::showLogin(const QString &username)
{
    auto *login = new LoginDialog(m_core);
    login->setAttribute(Qt::WA_DeleteOnClose);
    if (!username.isEmpty())
        login->setUsername(username);
    connect(login, &QDialog::rejected, qApp, &QCoreApplication::quit);
    connect(login, &QDialog::accepted, this, [this, login] {
        auto *window = new MainWindow(m_core, *login->session(), m_api);
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_window = window;
        connect(window, &MainWindow::windowClosed, qApp, &QCoreApplication::quit);
        connect(window, &MainWindow::logoutRequested, this, [this, window] {
            const QString who = window->session().user.username;
            disconnect(window, &MainWindow::windowClosed, qApp, nullptr);
            window->close();
            showLogin(who);
        });
        window->showRestored();
    });
    login->show();
}

} // namespace tu::ui
