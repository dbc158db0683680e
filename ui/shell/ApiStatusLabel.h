#pragma once
#include <QLabel>

namespace tu {
class ApiServerHost;
}

namespace tu::ui {

// Status-bar text for the in-process API server: running at which address, stopped, or why it
// could not start (a busy port, say) — the app keeps working either way.
class ApiStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ApiStatusLabel(ApiServerHost *host, QWidget *parent = nullptr);
    void showState(bool running, const QString &address, const QString &error);
};

} // namespace tu::ui
