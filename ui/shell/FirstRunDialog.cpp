#include "FirstRunDialog.h"
#include "common/Async.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tu::ui {

FirstRunDialog::FirstRunDialog(Core &core, QWidget *parent)
    : QDialog(parent), m_core(core), m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setWindowTitle(tr("Penyiapan awal — TataUsaha"));
    setMinimumWidth(500);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(32, 28, 32, 24);
    root->setSpacing(14);

    auto *head = new QHBoxLayout;
    head->setSpacing(14);
    auto *logo = plainLabel(this);
    logo->setFixedSize(48, 48);
    logo->setAlignment(Qt::AlignCenter);
    logo->setProperty("look", QStringLiteral("logoMedium"));
    logo->setPixmap(icons::pixmap(QStringLiteral("logo"), theme::OnAccent, 28, devicePixelRatioF()));
    head->addWidget(logo, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    auto *title = plainLabel(tr("Selamat datang di TataUsaha"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *intro = plainLabel(tr("Belum ada akun. Buat akun admin pertama; dengan akun ini Anda dapat "
                                "menambahkan pengguna lain."), this);
    intro->setObjectName(QStringLiteral("pageSubtitle"));
    intro->setWordWrap(true);
    text->addWidget(title);
    text->addWidget(intro);
    head->addLayout(text, 1);
    root->addLayout(head);
    root->addWidget(m_banner);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *username = new QLineEdit(QStringLiteral("admin"), this);
    username->setReadOnly(true);
    username->setToolTip(tr("Akun admin pertama selalu bernama admin."));
    m_name = new QLineEdit(tr("Administrator"), this);
    m_name->setObjectName(QStringLiteral("name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("minimal 8 karakter"));
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(formLabel(tr("Username"), username), username);
    form->addRow(formLabel(tr("&Nama"), m_name), m_errors.withError(QStringLiteral("name"), m_name));
    form->addRow(formLabel(tr("&Password"), m_password), m_errors.withError(QStringLiteral("password"), m_password));
    form->addRow(formLabel(tr("&Ulangi password"), m_confirm), m_errors.withError(QStringLiteral("confirm"), m_confirm));
    root->addLayout(form);
    root->addSpacing(6);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Batal"), this);
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_create = new QPushButton(tr("Buat akun admin"), this);
    m_create->setObjectName(QStringLiteral("createButton"));
    theme::setVariant(m_create, "primary");
    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, &FirstRunDialog::submit);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_create);
    root->addLayout(buttons);

    setTabOrder(m_name, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, m_create);
    setTabOrder(m_create, m_cancel);
    m_password->setFocus();
}

void FirstRunDialog::submit()
{
    m_errors.clear();
    // The one check the service can't make: it never sees the repeated password.
    if (m_confirm->text() != m_password->text()) {
        m_errors.setFieldError(QStringLiteral("confirm"), tr("Kedua password tidak sama. Ketik ulang."));
        m_confirm->setFocus();
        return;
    }
    setBusy(true);
    UserService *users = &m_core.users();
    const QString password = m_password->text(), name = m_name->text();
    runAsync(this, [users, password, name] { return users->ensureInitialAdmin(password, name); },
             [this](const Result<bool> &r) {
                 setBusy(false);
                 if (r.ok()) // false: another program created the first account meanwhile; log in anyway
                     accept();
                 else
                     m_errors.show(r.error());
             });
}

void FirstRunDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_confirm), static_cast<QWidget *>(m_create)})
        w->setEnabled(!busy);
}

} // namespace tu::ui
