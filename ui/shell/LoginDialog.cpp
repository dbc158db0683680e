#include "LoginDialog.h"
#include "common/FormErrors.h"
#include "common/PageParts.h"
#include "common/Async.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
QLabel *fieldLabel(const QString &text, QWidget *buddy)
{
    QLabel *l = formLabel(text, buddy); // names the input for screen readers too
    l->setContentsMargins(0, 0, 0, 0);
    l->setProperty("look", QStringLiteral("loginLabel"));
    return l;
}
} // namespace

LoginDialog::LoginDialog(Core &core, QWidget *parent)
    : QDialog(parent), m_core(core), m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setWindowTitle(tr("Masuk — TataUsaha"));
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumWidth(420);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(36, 32, 36, 28);
    root->setSpacing(0);

    auto *logo = plainLabel(this);
    logo->setFixedSize(56, 56);
    logo->setAlignment(Qt::AlignCenter);
    logo->setProperty("look", QStringLiteral("logoLarge"));
    logo->setPixmap(icons::pixmap(QStringLiteral("logo"), theme::OnAccent, 32, devicePixelRatioF()));
    root->addWidget(logo, 0, Qt::AlignHCenter);
    root->addSpacing(14);

    auto *title = plainLabel(tr("Masuk ke TataUsaha"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setAlignment(Qt::AlignCenter);
    root->addWidget(title);
    auto *school = plainLabel(core.settings().value(QStringLiteral("school_name")), this);
    school->setObjectName(QStringLiteral("pageSubtitle"));
    school->setAlignment(Qt::AlignCenter);
    root->addWidget(school);
    root->addSpacing(20);

    root->addWidget(m_banner);
    root->addSpacing(8);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setPlaceholderText(tr("mis. admin"));
    m_username->setMaxLength(64);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);
    addRevealAction(m_password);

    root->addWidget(fieldLabel(tr("&Username"), m_username));
    root->addSpacing(6);
    root->addWidget(m_errors.withError(QStringLiteral("username"), m_username));
    root->addSpacing(14);
    root->addWidget(fieldLabel(tr("&Password"), m_password));
    root->addSpacing(6);
    root->addWidget(m_errors.withError(QStringLiteral("password"), m_password));

    // Captcha: only after AuthService asks for it.
    m_captchaBox = new QWidget(this);
    auto *cv = new QVBoxLayout(m_captchaBox);
    cv->setContentsMargins(0, 14, 0, 0);
    cv->setSpacing(6);
    m_captcha = new QLineEdit(m_captchaBox);
    m_captcha->setObjectName(QStringLiteral("captcha"));
    m_captcha->setPlaceholderText(tr("Ketik angka pada gambar"));
    m_captcha->setMaxLength(10);
    cv->addWidget(fieldLabel(tr("&Kode captcha"), m_captcha));
    auto *imageRow = new QHBoxLayout;
    m_captchaImage = plainLabel(m_captchaBox);
    m_captchaImage->setObjectName(QStringLiteral("captchaImage"));
    m_captchaImage->setFixedSize(180, 60);
    auto *again = new QToolButton(m_captchaBox);
    again->setIcon(icons::icon(QStringLiteral("refresh"), theme::TextMuted));
    again->setIconSize(QSize(20, 20));
    again->setToolTip(tr("Muat captcha baru"));
    again->setAccessibleName(tr("Muat captcha baru"));
    again->setAutoRaise(true);
    connect(again, &QToolButton::clicked, this, &LoginDialog::showNewCaptcha);
    imageRow->addWidget(m_captchaImage);
    imageRow->addWidget(again);
    imageRow->addStretch(1);
    cv->addLayout(imageRow);
    cv->addWidget(m_errors.withError(QStringLiteral("captcha"), m_captcha));
    m_captchaBox->hide();
    root->addWidget(m_captchaBox);
    root->addSpacing(22);

    m_login = new QPushButton(tr("Masuk"), this);
    m_login->setObjectName(QStringLiteral("loginButton"));
    theme::setVariant(m_login, "primary");
    m_login->setDefault(true);
    m_login->setMinimumHeight(38);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::submit);
    root->addWidget(m_login);
    root->addSpacing(6);
    m_quit = new QPushButton(tr("Keluar"), this);
    m_quit->setAutoDefault(false);
    theme::setVariant(m_quit, "flat");
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    root->addWidget(m_quit);

    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_captcha);
    setTabOrder(m_captcha, m_login);
    setTabOrder(m_login, m_quit);
    m_username->setFocus();
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_password->setFocus();
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    m_errors.clear();
    LoginRequest request;
    request.username = m_username->text();
    request.password = m_password->text();
    request.ip = clientIp();
    if (m_captchaBox->isVisibleTo(this)) {
        request.captchaId = m_captchaId;
        request.captcha = m_captcha->text().trimmed();
    }
    setBusy(true);
    AuthService *auth = &m_core.auth();
    runAsync(this, [auth, request] { return auth->login(request); },
             [this, username = request.username](const Result<Session> &r) { onResult(r, username); });
}

void LoginDialog::onResult(const Result<Session> &result, const QString &username)
{
    setBusy(false);
    if (result.ok()) {
        m_session = result.value();
        accept();
        return;
    }
    const Error &e = result.error();
    m_errors.show(e);
    // A captcha is single-use, so every failed attempt while one is needed gets a fresh one.
    const bool needCaptcha = e.code == ErrorCode::CaptchaRequired
        || m_core.auth().throttle().captchaRequired(username.trimmed(), clientIp());
    if (needCaptcha)
        showNewCaptcha();
    if (e.fields.isEmpty()) {
        if (e.code == ErrorCode::CaptchaRequired) {
            m_captcha->setFocus();
        } else {
            m_password->selectAll();
            m_password->setFocus();
        }
    }
}

void LoginDialog::showNewCaptcha()
{
    const CaptchaStore::Challenge c = m_core.auth().captcha().create();
    m_captchaId = c.id;
    const int comma = c.imageDataUrl.indexOf(QLatin1Char(','));
    QPixmap image;
    image.loadFromData(QByteArray::fromBase64(c.imageDataUrl.mid(comma + 1).toLatin1()), "PNG");
    m_captchaImage->setPixmap(image);
    m_captcha->clear();
    m_captchaBox->show();
    adjustSize();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_captcha->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_login->setText(busy ? tr("Memeriksa…") : tr("Masuk"));
}

} // namespace tu::ui
