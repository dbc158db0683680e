#include "SettingsDialog.h"
#include "common/Confirm.h"
#include "common/Icons.h"
#include "common/LocalConfig.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/ScreenFit.h"
#include "common/Theme.h"
#include "app/AppOptions.h"
#include "app/Core.h"
#include "app/SettingsCatalog.h"
#include "api/ApiServerHost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
const QString LanHost = QStringLiteral("0.0.0.0");
const QString LocalHost = QStringLiteral("127.0.0.1");

// Descriptor texts are marked in core with QT_TRANSLATE_NOOP("Settings", …).
QString settingText(const char *source)
{
    return source ? QCoreApplication::translate("Settings", source) : QString();
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QStringLiteral("hint"));
    l->setWordWrap(true);
    return l;
}

QFormLayout *card(QVBoxLayout *column, const QString &title, const QString &note, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *v = new QVBoxLayout(frame);
    v->setContentsMargins(18, 14, 18, 16);
    v->setSpacing(10);
    auto *heading = plainLabel(title, frame);
    heading->setObjectName(QStringLiteral("sectionTitle"));
    v->addWidget(heading);
    if (!note.isEmpty())
        v->addWidget(hintLabel(note, frame));
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    v->addLayout(form);
    column->addWidget(frame);
    return form;
}
} // namespace

SettingsDialog::SettingsDialog(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_api(api), m_local(local),
      m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setWindowTitle(tr("Pengaturan"));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(20, 16, 20, 16);
    root->setSpacing(12);
    root->addWidget(m_banner);

    // Everything but the buttons scrolls, so Simpan and Batal stay on a 768-pixel screen.
    auto *body = new QWidget(this);
    auto *columns = new QHBoxLayout(body);
    columns->setContentsMargins(0, 0, 6, 0);
    columns->setSpacing(16);
    QVBoxLayout *column[2] = {new QVBoxLayout, new QVBoxLayout};
    for (QVBoxLayout *c : column) {
        c->setSpacing(16);
        columns->addLayout(c, 1);
    }
    root->addWidget(scrollingBody(body, this), 1);

    const QList<SettingKey> &keys = core.settings().keys();
    for (const SettingKey &k : keys)
        if (!k.group.isEmpty())
            m_editors.insert(k.name, makeEditor(k));
    for (const SettingGroup &g : settingGroups()) {
        QFormLayout *form = nullptr;
        for (const SettingKey &k : keys) {
            if (k.group != QLatin1String(g.id))
                continue;
            if (!form)
                form = card(column[g.column], settingText(g.title), settingText(g.note), body);
            QWidget *input = m_editors.value(k.name);
            QWidget *row = settingRow(k, input);
            form->addRow(formLabel(settingText(k.label), input), row);
        }
    }
    column[0]->addWidget(storageCard());
    for (QVBoxLayout *c : column)
        c->addStretch(1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Batal"), this);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_save = new QPushButton(tr("Simpan"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    theme::setVariant(m_save, "primary");
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::save);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);
    root->addLayout(buttons);

    load();
    fitToScreen(this, QSize(1000, body->sizeHint().height() + 120));
}

QWidget *SettingsDialog::makeEditor(const SettingKey &k)
{
    QWidget *w = nullptr;
    switch (k.kind) {
    case SettingKey::Kind::Listen:
        return listenEditor();
    case SettingKey::Kind::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(k.min, k.max);
        spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
        spin->setGroupSeparatorShown(false);
        if (k.suffix)
            spin->setSuffix(settingText(k.suffix));
        spin->setMaximumWidth(140);
        w = spin;
        break;
    }
    case SettingKey::Kind::Choice: {
        auto *combo = new QComboBox(this);
        for (const auto &c : k.choices)
            combo->addItem(settingText(c.second), c.first);
        w = combo;
        break;
    }
    case SettingKey::Kind::Secret:
    case SettingKey::Kind::Text:
    case SettingKey::Kind::List:
    case SettingKey::Kind::Url: {
        auto *edit = new QLineEdit(this);
        if (k.kind == SettingKey::Kind::Secret)
            edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        if (k.hint)
            edit->setPlaceholderText(settingText(k.hint));
        edit->setMaxLength(2000);
        w = edit;
        break;
    }
    }
    w->setObjectName(k.name);
    w->setAccessibleName(settingText(k.label));
    return w;
}

QWidget *SettingsDialog::listenEditor()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("listen"));
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(8);
    auto *h = new QHBoxLayout;
    h->setSpacing(8);
    m_host = new QLineEdit(box);
    m_host->setObjectName(QStringLiteral("listenHost"));
    m_host->setPlaceholderText(LocalHost);
    m_host->setAccessibleName(tr("Alamat IP server API"));
    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setRange(1, 65535);
    m_port->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_port->setGroupSeparatorShown(false);
    m_port->setFixedWidth(90);
    m_port->setAccessibleName(tr("Port server API"));
    m_lan = new QCheckBox(tr("Layani LAN (0.0.0.0)"), box);
    m_lan->setObjectName(QStringLiteral("lan"));
    m_lan->setToolTip(tr("Komputer lain di jaringan sekolah dapat memanggil API."));
    h->addWidget(m_host, 1);
    h->addWidget(plainLabel(QStringLiteral(":"), box));
    h->addWidget(m_port);
    v->addLayout(h);
    v->addWidget(m_lan);
    connect(m_lan, &QCheckBox::toggled, this, [this](bool lan) {
        m_host->setEnabled(!lan);
        if (lan)
            m_host->setText(LanHost);
        else if (m_host->text() == LanHost)
            m_host->setText(LocalHost);
    });
    box->setFocusProxy(m_host);
    return box;
}

QWidget *SettingsDialog::storageCard()
{
    auto *holder = new QWidget(this);
    auto *col = new QVBoxLayout(holder);
    col->setContentsMargins(0, 0, 0, 0);
    QFormLayout *storage = card(col, tr("Penyimpanan di komputer ini"),
                                tr("Berlaku setelah aplikasi dimulai ulang. Kosongkan untuk memakai lokasi bawaan."), holder);
    auto *dirBox = new QWidget(holder);
    auto *dh = new QHBoxLayout(dirBox);
    dh->setContentsMargins(0, 0, 0, 0);
    dh->setSpacing(8);
    m_dataDir = new QLineEdit(dirBox);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    m_dataDir->setPlaceholderText(AppOptions::defaultDataDir());
    auto *browse = new QPushButton(icons::icon(QStringLiteral("folder"), theme::Text), tr("Pilih…"), dirBox);
    browse->setAutoDefault(false);
    browse->setAccessibleName(tr("Pilih folder data"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Pilih folder data"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    dh->addWidget(m_dataDir, 1);
    dh->addWidget(browse);
    auto *dirRow = new QWidget(holder);
    auto *drv = new QVBoxLayout(dirRow);
    drv->setContentsMargins(0, 0, 0, 0);
    drv->setSpacing(4);
    drv->addWidget(dirBox);
    drv->addWidget(hintLabel(tr("Sedang dipakai: %1").arg(m_core.dataDir()), dirRow));
    storage->addRow(formLabel(tr("Folder data"), m_dataDir), dirRow);
    m_database = new QLineEdit(holder);
    m_database->setObjectName(QStringLiteral("databaseUrl"));
    m_database->setPlaceholderText(tr("sqlite:<folder data>/tatausaha.sqlite atau postgresql://user:pass@host:5432/db"));
    auto *dbRow = new QWidget(holder);
    auto *dbv = new QVBoxLayout(dbRow);
    dbv->setContentsMargins(0, 0, 0, 0);
    dbv->setSpacing(4);
    dbv->addWidget(m_database);
    dbv->addWidget(hintLabel(tr("Sedang dipakai: %1").arg(m_core.db().config().displayUrl()), dbRow));
    storage->addRow(formLabel(tr("URL database"), m_database), dbRow);
    return holder;
}

QWidget *SettingsDialog::settingRow(const SettingKey &k, QWidget *input)
{
    QWidget *row = m_errors.withError(k.name, input);
    if (k.hint && (k.kind == SettingKey::Kind::Choice || k.kind == SettingKey::Kind::Integer))
        row->layout()->addWidget(hintLabel(settingText(k.hint), row));
    if (k.kind == SettingKey::Kind::Url && !k.credentials.isEmpty())
        addPlainHttpWarning(k, row);
    if (m_core.settings().overriddenByEnvironment(k.name)) {
        const QString env = QString::fromLatin1(k.env);
        const auto editors = input->findChildren<QWidget *>() << input;
        for (QWidget *w : editors) {
            if (auto *edit = qobject_cast<QLineEdit *>(w))
                edit->setReadOnly(true);
            else if (qobject_cast<QSpinBox *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QCheckBox *>(w))
                w->setEnabled(false);
        }
        input->setToolTip(tr("Nilai dari variabel lingkungan %1").arg(env));
        row->layout()->addWidget(hintLabel(tr("Diatur oleh variabel lingkungan %1; ubah di sana lalu mulai ulang aplikasi.").arg(env), row));
    }
    return row;
}

void SettingsDialog::addPlainHttpWarning(const SettingKey &k, QWidget *row)
{
    auto *url = qobject_cast<QLineEdit *>(m_editors.value(k.name));
    QList<QLineEdit *> credentials;
    for (const QString &c : k.credentials)
        if (auto *e = qobject_cast<QLineEdit *>(m_editors.value(c)))
            credentials << e;
    if (!url)
        return;
    // Schools often run SIAKAD or Dapodik on a LAN server without TLS, so http:// stays
    // allowed; but with a key or password set, the person should know it travels readable.
    auto *warning = plainLabel(tr("Alamat http:// tidak terenkripsi: API key dan kata sandi terkirim dapat dibaca siapa pun "
                                  "di jaringan yang dilalui. Pakai https:// bila server mendukungnya."), row);
    warning->setObjectName(k.name + QStringLiteral("_plainHttpWarning"));
    warning->setWordWrap(true);
    warning->setProperty("look", QStringLiteral("settingWarning"));
    warning->setHidden(true);
    row->layout()->addWidget(warning);
    auto update = [url, credentials, warning] {
        bool credential = false;
        for (const QLineEdit *c : credentials)
            credential |= !c->text().trimmed().isEmpty();
        warning->setHidden(!(credential && url->text().trimmed().startsWith(QLatin1String("http://"), Qt::CaseInsensitive)));
    };
    connect(url, &QLineEdit::textChanged, warning, update);
    for (QLineEdit *c : credentials)
        connect(c, &QLineEdit::textChanged, warning, update);
}

QLineEdit *SettingsDialog::lineEdit(const QString &key) const { return qobject_cast<QLineEdit *>(editor(key)); }
QSpinBox *SettingsDialog::spinBox(const QString &key) const { return qobject_cast<QSpinBox *>(editor(key)); }
QComboBox *SettingsDialog::comboBox(const QString &key) const { return qobject_cast<QComboBox *>(editor(key)); }

void SettingsDialog::load()
{
    const SettingsStore &s = m_core.settings();
    for (const SettingKey &k : s.keys()) {
        QWidget *w = m_editors.value(k.name);
        if (!w)
            continue;
        const QString value = s.value(k.name);
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            edit->setText(value);
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            spin->setValue(value.toInt());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->findData(value) < 0) // e.g. another zone set through the environment
                combo->addItem(value, value);
            combo->setCurrentIndex(combo->findData(value));
        } else if (k.kind == SettingKey::Kind::Listen) {
            auto listen = AppOptions::parseListen(value);
            const QString host = listen.ok() ? listen->first : LocalHost;
            m_port->setValue(listen.ok() ? listen->second : 8080);
            m_host->setText(host);
            m_lan->setChecked(host == LanHost);
        }
    }
    m_dataDir->setText(m_local.dataDir());
    m_database->setText(m_local.databaseUrl());
}

QString SettingsDialog::listenValue() const
{
    const QString host = m_lan->isChecked() ? LanHost : m_host->text().trimmed();
    return host + QLatin1Char(':') + QString::number(m_port->value());
}

QString SettingsDialog::editorValue(const SettingKey &k) const
{
    QWidget *w = m_editors.value(k.name);
    if (k.kind == SettingKey::Kind::Listen)
        return listenValue();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return k.secret() && k.name.endsWith(QLatin1String("password")) ? edit->text() : edit->text().trimmed();
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return QString::number(spin->value());
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentData().toString();
    return {};
}

QHash<QString, QString> SettingsDialog::changedValues() const
{
    const SettingsStore &store = m_core.settings();
    QHash<QString, QString> values;
    for (const SettingKey &k : store.keys()) {
        if (!m_editors.contains(k.name) || store.overriddenByEnvironment(k.name))
            continue;
        const QString v = editorValue(k);
        if (v != store.value(k.name))
            values.insert(k.name, v);
    }
    return values;
}

bool SettingsDialog::hasUnsavedChanges() const
{
    return !changedValues().isEmpty() || m_dataDir->text().trimmed() != m_local.dataDir()
        || m_database->text().trimmed() != m_local.databaseUrl();
}

void SettingsDialog::reject()
{
    if (hasUnsavedChanges()) {
        switch (askUnsaved(this, tr("pengaturan"))) {
        case UnsavedChoice::Save:
            save();
            return; // save() accepts, or stays open showing what is wrong
        case UnsavedChoice::Cancel:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    QDialog::reject();
}

void SettingsDialog::save()
{
    m_errors.clear();
    const auto listen = AppOptions::parseListen(listenValue());
    if (!listen.ok()) {
        m_errors.show(listen.error());
        return;
    }
    const QHash<QString, QString> values = changedValues();
    if (!values.isEmpty()) {
        if (auto s = m_core.settings().set(m_actor, values); !s.ok()) {
            m_errors.show(s.error());
            return;
        }
    }
    const bool storageChanged = m_dataDir->text().trimmed() != m_local.dataDir()
        || m_database->text().trimmed() != m_local.databaseUrl();
    if (storageChanged) {
        m_local.setDataDir(m_dataDir->text());
        m_local.setDatabaseUrl(m_database->text());
    }
    m_restartNeeded = storageChanged || values.contains(QStringLiteral("language"));
    if (m_api) {
        // A new address, or a server that is down (busy port, say): (re)start on the saved
        // address. An unchanged running server keeps its connections (SSE streams included).
        if (values.contains(QStringLiteral("listen")) || !m_api->isRunning())
            m_api->restart(listen->first, listen->second, m_api->tlsCert(), m_api->tlsKey());
        m_api->reloadPolicy();
    }
    accept();
}

} // namespace tu::ui
