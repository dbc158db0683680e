#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "auth/User.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Create or edit one user. Every rule (username format, password policy, the last-admin rule,
// unique names) is UserService's; this form only shows its answer, field by field.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    UserDialog(Core &core, const Actor &actor, QWidget *parent = nullptr);                   // create
    UserDialog(Core &core, const Actor &actor, const User &user, QWidget *parent = nullptr); // edit

    bool isEdit() const { return !m_original.id.isEmpty(); }
    // The saved user, after accept().
    const User &savedUser() const { return m_saved; }
    void focusRole();

    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleCombo() const { return m_role; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *saveButton() const { return m_save; }
    MessageBanner *banner() const { return m_banner; }
    const FormErrors &errors() const { return m_errors; }
    // Something typed or chosen that Simpan has not stored yet.
    bool hasUnsavedChanges() const;

public slots:
    // Esc, the close button and Batal: asks first when there are unsaved changes.
    void reject() override;

private:
    void build();
    void submit();
    void setBusy(bool busy);

    Core &m_core;
    Actor m_actor;
    User m_original;
    User m_saved;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr; // create only
    QCheckBox *m_active = nullptr;   // create only; existing users use Nonaktifkan/Aktifkan
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace tu::ui
