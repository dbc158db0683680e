#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "auth/User.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// An admin sets a new password for a user (UserService::update with only the password), which
// also signs the user out everywhere.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(Core &core, const Actor &actor, const User &user, QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *saveButton() const { return m_save; }
    const FormErrors &errors() const { return m_errors; }
    bool hasUnsavedChanges() const;

public slots:
    // Esc, the close button and Batal: asks first when a password was typed.
    void reject() override;

private:
    void submit();

    Core &m_core;
    Actor m_actor;
    User m_user;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QLineEdit *m_password;
    QPushButton *m_save;
};

} // namespace tu::ui
