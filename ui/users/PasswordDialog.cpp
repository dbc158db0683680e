#include "PasswordDialog.h"
#include "common/PageParts.h"
#include "common/Async.h"
#include "common/Confirm.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tu::ui {

PasswordDialog::PasswordDialog(Core &core, const Actor &actor, const User &user, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_user(user), m_banner(new MessageBanner(this, false)),
      m_errors(m_banner, this)
{
    setWindowTitle(tr("Reset password"));
    setMinimumWidth(440);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(12);
    auto *title = plainLabel(tr("Reset password %1").arg(user.name), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    root->addWidget(title);
    auto *hint = plainLabel(tr("Pengguna %1 akan keluar dari semua sesi dan login dengan password baru ini.")
                                .arg(user.username), this);
    hint->setObjectName(QStringLiteral("pageSubtitle"));
    hint->setWordWrap(true);
    root->addWidget(hint);
    root->addWidget(m_banner);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password baru"));
    m_password->setAccessibleName(tr("Password baru"));
    addRevealAction(m_password);
    root->addWidget(m_errors.withError(QStringLiteral("password"), m_password));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Batal"), this);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_save = new QPushButton(tr("Simpan password"), this);
    theme::setVariant(m_save, "primary");
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &PasswordDialog::submit);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);
    root->addLayout(buttons);
    m_password->setFocus();
}

void PasswordDialog::submit()
{
    m_errors.clear();
    UserInput in;
    in.password = m_password->text();
    m_save->setEnabled(false);
    UserService *users = &m_core.users();
    const Actor actor = m_actor;
    const QString id = m_user.id;
    runAsync(this, [users, actor, id, in] { return users->update(actor, id, in); }, [this](const Result<User> &r) {
        m_save->setEnabled(true);
        if (r.ok())
            accept();
        else
            m_errors.show(r.error());
    });
}

bool PasswordDialog::hasUnsavedChanges() const
{
    return !m_password->text().isEmpty();
}

void PasswordDialog::reject()
{
    if (!m_save->isEnabled()) // saving: its answer closes the dialog or shows what is wrong
        return;
    if (hasUnsavedChanges()) {
        switch (askUnsaved(this, tr("password baru %1").arg(m_user.username))) {
        case UnsavedChoice::Save:
            submit();
            return;
        case UnsavedChoice::Cancel:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    QDialog::reject();
}

} // namespace tu::ui
