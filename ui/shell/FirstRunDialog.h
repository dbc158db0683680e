#pragma once
#include "common/FormErrors.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// First start on an empty database: creates the `admin` account (UserService::
// ensureInitialAdmin) with the password policy's messages under the fields.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(Core &core, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    QPushButton *createButton() const { return m_create; }
    const FormErrors &errors() const { return m_errors; }

private:
    void submit();
    void setBusy(bool busy);

    Core &m_core;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QPushButton *m_create;
    QPushButton *m_cancel;
};

} // namespace tu::ui
