#pragma once
#include "common/FormErrors.h"
#include "auth/AuthService.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Sign-in: username and password, and a captcha once AuthService asks for one (after repeated
// failures). The bcrypt check runs off the GUI thread; errors are the service's own words.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(Core &core, QWidget *parent = nullptr);

    // The throttle and the audit log need a client address; the desktop is its own client.
    static QString clientIp() { return QStringLiteral("desktop"); }

    const std::optional<Session> &session() const { return m_session; }
    void setUsername(const QString &username);
    QString captchaId() const { return m_captchaId; }
    bool isBusy() const { return m_busy; }

    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *captchaEdit() const { return m_captcha; }
    QLabel *captchaImage() const { return m_captchaImage; }
    QWidget *captchaBox() const { return m_captchaBox; }
    QPushButton *loginButton() const { return m_login; }
    MessageBanner *banner() const { return m_banner; }

private:
    void submit();
    void onResult(const Result<Session> &result, const QString &username);
    void showNewCaptcha();
    void setBusy(bool busy);

    Core &m_core;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_captcha;
    QLabel *m_captchaImage;
    QWidget *m_captchaBox;
    QPushButton *m_login;
    QPushButton *m_quit;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QString m_captchaId;
    bool m_busy = false;
    std::optional<Session> m_session;
};

} // namespace tu::ui
