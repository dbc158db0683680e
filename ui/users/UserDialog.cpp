#include "UserDialog.h"
#include "common/PageParts.h"
#include "common/Async.h"
#include "common/Confirm.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "users/RoleText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tu::ui {

UserDialog::UserDialog(Core &core, const Actor &actor, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    build();
}

UserDialog::UserDialog(Core &core, const Actor &actor, const User &user, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_original(user), m_banner(new MessageBanner(this, false)),
      m_errors(m_banner, this)
{
    build();
}

void UserDialog::build()
{
    setWindowTitle(isEdit() ? tr("Ubah pengguna") : tr("Tambah pengguna"));
    setMinimumWidth(480);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(14);

    auto *title = plainLabel(isEdit() ? tr("Ubah pengguna %1").arg(m_original.username) : tr("Tambah pengguna"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    root->addWidget(title);
    root->addWidget(m_banner);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_username = new QLineEdit(m_original.username, this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setPlaceholderText(tr("mis. budi.santoso"));
    m_name = new QLineEdit(m_original.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("Nama lengkap"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("role"));
    for (Role r : allRoles())
        m_role->addItem(roleText(r), roleName(r));
    m_role->setPlaceholderText(tr("Pilih peran…"));
    m_role->setCurrentIndex(isEdit() ? m_role->findData(roleName(m_original.role)) : -1);

    form->addRow(formLabel(tr("&Username"), m_username), m_errors.withError(QStringLiteral("username"), m_username));
    form->addRow(formLabel(tr("&Nama"), m_name), m_errors.withError(QStringLiteral("name"), m_name));
    form->addRow(formLabel(tr("&Peran"), m_role), m_errors.withError(QStringLiteral("role"), m_role));
    if (!isEdit()) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("Password awal"));
        addRevealAction(m_password);
        form->addRow(formLabel(tr("Pass&word"), m_password), m_errors.withError(QStringLiteral("password"), m_password));
        m_active = new QCheckBox(tr("Akun aktif (dapat langsung login)"), this);
        m_active->setChecked(true);
        form->addRow(QString(), m_errors.withError(QStringLiteral("active"), m_active));
    }
    root->addLayout(form);

    auto *hint = plainLabel(isEdit() ? tr("Perubahan peran membuat pengguna harus login ulang.")
                                     : tr("Semua isian wajib diisi. Pengguna dapat mengganti password setelah login."),
                            this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setWordWrap(true);
    root->addWidget(hint);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Batal"), this);
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_save = new QPushButton(isEdit() ? tr("Simpan perubahan") : tr("Simpan"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    theme::setVariant(m_save, "primary");
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &UserDialog::submit);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    root->addLayout(buttons);

    m_username->setFocus();
}

void UserDialog::focusRole()
{
    m_role->setFocus();
}

void UserDialog::submit()
{
    m_errors.clear();
    UserInput in;
    const QString role = m_role->currentData().toString();
    if (isEdit()) { // only what changed, so an unchanged field can't trip a rule
        if (m_username->text() != m_original.username)
            in.username = m_username->text();
        if (m_name->text() != m_original.name)
            in.name = m_name->text();
        if (role != roleName(m_original.role))
            in.role = role;
        if (!in.username && !in.name && !in.role) {
            m_saved = m_original;
            accept();
            return;
        }
    } else {
        in.username = m_username->text();
        in.name = m_name->text();
        in.role = role;
        in.password = m_password->text();
        in.active = m_active->isChecked();
    }
    setBusy(true);
    UserService *users = &m_core.users();
    const Actor actor = m_actor;
    const QString id = m_original.id;
    const bool edit = isEdit();
    runAsync(this, [users, actor, id, in, edit] { return edit ? users->update(actor, id, in) : users->create(actor, in); },
             [this](const Result<User> &r) {
                 setBusy(false);
                 if (!r.ok()) {
                     m_errors.show(r.error());
                     return;
                 }
                 m_saved = r.value();
                 accept();
             });
}

bool UserDialog::hasUnsavedChanges() const
{
    if (isEdit())
        return m_username->text() != m_original.username || m_name->text() != m_original.name
            || m_role->currentData().toString() != roleName(m_original.role);
    return !m_username->text().isEmpty() || !m_name->text().isEmpty() || m_role->currentIndex() >= 0
        || !m_password->text().isEmpty() || !m_active->isChecked();
}

void UserDialog::reject()
{
    if (!m_save->isEnabled()) // saving: its answer closes the dialog or shows what is wrong
        return;
    if (hasUnsavedChanges()) {
        switch (askUnsaved(this, isEdit() ? tr("pengguna %1").arg(m_original.username) : tr("pengguna baru"))) {
        case UnsavedChoice::Save:
            submit();
            return; // accepted once stored, or still open with the messages under the fields
        case UnsavedChoice::Cancel:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    QDialog::reject();
}

void UserDialog::setBusy(bool busy)
{
    m_save->setEnabled(!busy);
    m_save->setText(busy ? tr("Menyimpan…") : isEdit() ? tr("Simpan perubahan") : tr("Simpan"));
}

} // namespace tu::ui
