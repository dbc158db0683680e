#include "SettingsDialog.h"
#include "common/Icons.h"
#include "common/LocalConfig.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/AppOptions.h"
#include "app/Core.h"
#include "api/ApiServerHost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
const QString LanHost = QStringLiteral("0.0.0.0");
const QString LocalHost = QStringLiteral("127.0.0.1");

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QStringLiteral("hint"));
    l->setWordWrap(true);
    return l;
}

const char *envFor(const QString &key)
{
    for (const SettingsStore::Key &k : SettingsStore::keys())
        if (key == QLatin1String(k.name))
            return k.env;
    return nullptr;
}
} // namespace

SettingsDialog::SettingsDialog(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_api(api), m_local(local),
      m_banner(new MessageBanner(this, false)), m_errors(m_banner, this)
{
    setWindowTitle(tr("Pengaturan"));
    setMinimumWidth(980);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 20, 24, 18);
    root->setSpacing(14);
    root->addWidget(m_banner);
    // Two columns keep the dialog short enough for a 1366×768 school laptop.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    auto *left = new QVBoxLayout;
    left->setSpacing(16);
    auto *right = new QVBoxLayout;
    right->setSpacing(16);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    root->addLayout(columns);

    auto section = [&](QVBoxLayout *target, const QString &name, const QString &note) {
        auto *card = new QFrame(this);
        card->setObjectName(QStringLiteral("card"));
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(18, 14, 18, 16);
        v->setSpacing(10);
        auto *heading = plainLabel(name, card);
        heading->setObjectName(QStringLiteral("sectionTitle"));
        v->addWidget(heading);
        if (!note.isEmpty())
            v->addWidget(hintLabel(note, card));
        auto *form = new QFormLayout;
        form->setHorizontalSpacing(16);
        form->setVerticalSpacing(10);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft);
        v->addLayout(form);
        v->addStretch(1);
        target->addWidget(card);
        return form;
    };

    // Sekolah
    QFormLayout *school = section(left, tr("Sekolah"), QString());
    m_schoolName = new QLineEdit(this);
    m_schoolName->setObjectName(QStringLiteral("school_name"));
    m_timezone = new QComboBox(this);
    m_timezone->setObjectName(QStringLiteral("timezone"));
    m_timezone->addItem(tr("WIB — Asia/Jakarta"), QStringLiteral("Asia/Jakarta"));
    m_timezone->addItem(tr("WITA — Asia/Makassar"), QStringLiteral("Asia/Makassar"));
    m_timezone->addItem(tr("WIT — Asia/Jayapura"), QStringLiteral("Asia/Jayapura"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(QStringLiteral("Bahasa Indonesia"), QStringLiteral("id"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    school->addRow(formLabel(tr("Nama sekolah"), m_schoolName), settingRow(QStringLiteral("school_name"), m_schoolName));
    school->addRow(formLabel(tr("Zona waktu"), m_timezone), settingRow(QStringLiteral("timezone"), m_timezone));
    auto *languageBox = new QWidget(this);
    auto *lv = new QVBoxLayout(languageBox);
    lv->setContentsMargins(0, 0, 0, 0);
    lv->setSpacing(4);
    lv->addWidget(settingRow(QStringLiteral("language"), m_language));
    lv->addWidget(hintLabel(tr("Bahasa berlaku setelah aplikasi dimulai ulang."), languageBox));
    school->addRow(formLabel(tr("Bahasa"), m_language), languageBox);

    // Server API
    QFormLayout *server = section(right, tr("Server API"),
                                  tr("Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, "
                                     "dipakai juga oleh tatausaha-server."));
    auto *listenBox = new QWidget(this);
    auto *lv2 = new QVBoxLayout(listenBox);
    lv2->setContentsMargins(0, 0, 0, 0);
    lv2->setSpacing(8);
    auto *lh = new QHBoxLayout;
    lh->setSpacing(8);
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("listenHost"));
    m_host->setPlaceholderText(LocalHost);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setRange(1, 65535);
    m_port->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_port->setGroupSeparatorShown(false);
    m_port->setFixedWidth(90);
    m_lan = new QCheckBox(tr("Layani LAN (0.0.0.0)"), this);
    m_lan->setObjectName(QStringLiteral("lan"));
    m_lan->setToolTip(tr("Komputer lain di jaringan sekolah dapat memanggil API."));
    lh->addWidget(m_host, 1);
    lh->addWidget(plainLabel(QStringLiteral(":"), this));
    lh->addWidget(m_port);
    lv2->addLayout(lh);
    lv2->addWidget(m_lan);
    connect(m_lan, &QCheckBox::toggled, this, [this](bool lan) {
        m_host->setEnabled(!lan);
        if (lan)
            m_host->setText(LanHost);
        else if (m_host->text() == LanHost)
            m_host->setText(LocalHost);
    });
    server->addRow(formLabel(tr("Alamat"), m_host), m_errors.withError(QStringLiteral("listen"), listenBox));
    m_proxies = new QLineEdit(this);
    m_proxies->setObjectName(QStringLiteral("trusted_proxies"));
    m_proxies->setPlaceholderText(tr("mis. 192.168.1.1, 10.0.0.0/8"));
    m_cors = new QLineEdit(this);
    m_cors->setObjectName(QStringLiteral("cors_origins"));
    m_cors->setPlaceholderText(tr("mis. http://192.168.1.10:3000"));
    m_rateLimits = new QLineEdit(this);
    m_rateLimits->setObjectName(QStringLiteral("rate_limits"));
    m_rateLimits->setPlaceholderText(tr("kosong: bawaan · off: tanpa batas · mis. public=300,auth=10"));
    server->addRow(formLabel(tr("Proksi tepercaya"), m_proxies), settingRow(QStringLiteral("trusted_proxies"), m_proxies));
    server->addRow(formLabel(tr("Asal CORS"), m_cors), settingRow(QStringLiteral("cors_origins"), m_cors));
    server->addRow(formLabel(tr("Batas permintaan"), m_rateLimits), settingRow(QStringLiteral("rate_limits"), m_rateLimits));

    // Integrasi: upstream addresses and keys.
    QFormLayout *integration = section(right, tr("Integrasi SIAKAD"),
                                       tr("Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook."));
    m_siakadUrl = new QLineEdit(this);
    m_siakadUrl->setObjectName(QStringLiteral("siakad_url"));
    m_siakadUrl->setPlaceholderText(tr("mis. https://siakad.sekolah.sch.id"));
    m_siakadKey = new QLineEdit(this);
    m_siakadKey->setObjectName(QStringLiteral("siakad_api_key"));
    m_siakadKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    integration->addRow(formLabel(tr("URL SIAKAD"), m_siakadUrl), urlRow(QStringLiteral("siakad_url"), m_siakadUrl, {m_siakadKey}));
    integration->addRow(formLabel(tr("API key SIAKAD"), m_siakadKey), settingRow(QStringLiteral("siakad_api_key"), m_siakadKey));

    // Satu Data: SPLP and SIPD share one key (EXTERNAL_API_KEY).
    QFormLayout *satuData = section(right, tr("Satu Data (SPLP dan SIPD)"),
                                    tr("Alamat dasar SPLP Satu Data Indonesia dan SIPD e-walidata, API key bersama, dan jeda antar "
                                       "permintaan agar tidak terkena pembatasan."));
    m_splpUrl = new QLineEdit(this);
    m_splpUrl->setObjectName(QStringLiteral("splp_api_url"));
    m_splpUrl->setPlaceholderText(tr("mis. https://data.example.go.id"));
    m_sipdUrl = new QLineEdit(this);
    m_sipdUrl->setObjectName(QStringLiteral("sipd_api_url"));
    m_sipdUrl->setPlaceholderText(tr("mis. https://sipd.example.go.id"));
    m_externalKey = new QLineEdit(this);
    m_externalKey->setObjectName(QStringLiteral("external_api_key"));
    m_externalKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_satuDataDelay = new QSpinBox(this);
    m_satuDataDelay->setObjectName(QStringLiteral("satudata_delay_ms"));
    m_satuDataDelay->setRange(0, 60000);
    m_satuDataDelay->setSingleStep(100);
    m_satuDataDelay->setSuffix(tr(" ms"));
    m_satuDataDelay->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_satuDataDelay->setFixedWidth(90);
    satuData->addRow(formLabel(tr("URL SPLP"), m_splpUrl), urlRow(QStringLiteral("splp_api_url"), m_splpUrl, {m_externalKey}));
    satuData->addRow(formLabel(tr("URL SIPD"), m_sipdUrl), urlRow(QStringLiteral("sipd_api_url"), m_sipdUrl, {m_externalKey}));
    satuData->addRow(formLabel(tr("API key"), m_externalKey), settingRow(QStringLiteral("external_api_key"), m_externalKey));
    satuData->addRow(formLabel(tr("Jeda permintaan"), m_satuDataDelay), settingRow(QStringLiteral("satudata_delay_ms"), m_satuDataDelay));

    // Dapodik
    QFormLayout *dapodik = section(left, tr("Dapodik"),
                                   tr("Akun Dapodik pusat untuk sinkronisasi wilayah, sekolah, dan PTK."));
    m_dapodikUrl = new QLineEdit(this);
    m_dapodikUrl->setObjectName(QStringLiteral("dapodik_url"));
    m_dapodikUrl->setPlaceholderText(tr("mis. https://dapodik.example.go.id"));
    m_dapodikUser = new QLineEdit(this);
    m_dapodikUser->setObjectName(QStringLiteral("dapodik_username"));
    m_dapodikPassword = new QLineEdit(this);
    m_dapodikPassword->setObjectName(QStringLiteral("dapodik_password"));
    m_dapodikPassword->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_dapodikKey = new QLineEdit(this);
    m_dapodikKey->setObjectName(QStringLiteral("dapodik_api_key"));
    m_dapodikKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    auto *wilayahBox = new QWidget(this);
    auto *wh = new QHBoxLayout(wilayahBox);
    wh->setContentsMargins(0, 0, 0, 0);
    wh->setSpacing(8);
    m_dapodikWilayah = new QLineEdit(this);
    m_dapodikWilayah->setObjectName(QStringLiteral("dapodik_kode_wilayah"));
    m_dapodikWilayah->setPlaceholderText(QStringLiteral("34.04"));
    m_dapodikWilayah->setFixedWidth(90);
    m_syncConcurrency = new QSpinBox(this);
    m_syncConcurrency->setObjectName(QStringLiteral("sync_concurrency"));
    m_syncConcurrency->setRange(1, 16);
    m_syncConcurrency->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_syncConcurrency->setFixedWidth(60);
    m_syncConcurrency->setToolTip(tr("Permintaan ke Dapodik yang berjalan bersamaan (1–16)"));
    wh->addWidget(settingRow(QStringLiteral("dapodik_kode_wilayah"), m_dapodikWilayah));
    auto *parallel = plainLabel(tr("Paralel"), this);
    wh->addSpacing(8);
    wh->addWidget(parallel);
    wh->addWidget(settingRow(QStringLiteral("sync_concurrency"), m_syncConcurrency));
    wh->addStretch(1);
    dapodik->addRow(formLabel(tr("URL Dapodik"), m_dapodikUrl),
                    urlRow(QStringLiteral("dapodik_url"), m_dapodikUrl, {m_dapodikPassword, m_dapodikKey}));
    dapodik->addRow(formLabel(tr("Nama pengguna"), m_dapodikUser), settingRow(QStringLiteral("dapodik_username"), m_dapodikUser));
    dapodik->addRow(formLabel(tr("Kata sandi"), m_dapodikPassword), settingRow(QStringLiteral("dapodik_password"), m_dapodikPassword));
    dapodik->addRow(formLabel(tr("API key"), m_dapodikKey), settingRow(QStringLiteral("dapodik_api_key"), m_dapodikKey));
    dapodik->addRow(formLabel(tr("Kode kabupaten"), m_dapodikWilayah), wilayahBox);

    // Penyimpanan
    QFormLayout *storage = section(left, tr("Penyimpanan di komputer ini"),
                                   tr("Berlaku setelah aplikasi dimulai ulang. Kosongkan untuk memakai lokasi bawaan."));
    auto *dirBox = new QWidget(this);
    auto *dh = new QHBoxLayout(dirBox);
    dh->setContentsMargins(0, 0, 0, 0);
    dh->setSpacing(8);
    m_dataDir = new QLineEdit(this);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    m_dataDir->setPlaceholderText(AppOptions::defaultDataDir());
    auto *browse = new QPushButton(icons::icon(QStringLiteral("folder"), QColor(0x33, 0x41, 0x55)), tr("Pilih…"), this);
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Pilih folder data"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    dh->addWidget(m_dataDir, 1);
    dh->addWidget(browse);
    auto *dirRow = new QWidget(this);
    auto *drv = new QVBoxLayout(dirRow);
    drv->setContentsMargins(0, 0, 0, 0);
    drv->setSpacing(4);
    drv->addWidget(dirBox);
    drv->addWidget(hintLabel(tr("Sedang dipakai: %1").arg(core.dataDir()), dirRow));
    storage->addRow(formLabel(tr("Folder data"), m_dataDir), dirRow);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseUrl"));
    m_database->setPlaceholderText(tr("sqlite:<folder data>/tatausaha.sqlite atau postgresql://user:pass@host:5432/db"));
    auto *dbRow = new QWidget(this);
    auto *dbv = new QVBoxLayout(dbRow);
    dbv->setContentsMargins(0, 0, 0, 0);
    dbv->setSpacing(4);
    dbv->addWidget(m_database);
    dbv->addWidget(hintLabel(tr("Sedang dipakai: %1").arg(core.db().config().displayUrl()), dbRow));
    storage->addRow(formLabel(tr("URL database"), m_database), dbRow);

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
    root->addSpacing(4);
    root->addLayout(buttons);

    load();
    // Wrapped hints need their height at the dialog's real width; a top-level window does not
    // ask its layout for that by itself, so the rows would be squeezed.
    if (layout()->hasHeightForWidth())
        setMinimumHeight(layout()->totalHeightForWidth(minimumWidth()));
}

QWidget *SettingsDialog::settingRow(const QString &key, QWidget *input)
{
    QWidget *row = m_errors.withError(key, input);
    if (m_core.settings().overriddenByEnvironment(key)) {
        if (auto *edit = qobject_cast<QLineEdit *>(input))
            edit->setReadOnly(true);
        else
            input->setEnabled(false);
        input->setToolTip(tr("Nilai dari variabel lingkungan %1").arg(QString::fromLatin1(envFor(key))));
        row->layout()->addWidget(hintLabel(tr("Diatur oleh variabel lingkungan %1; ubah di sana lalu mulai ulang aplikasi.")
                                               .arg(QString::fromLatin1(envFor(key))), row));
    }
    return row;
}

QWidget *SettingsDialog::urlRow(const QString &key, QLineEdit *url, const QList<QLineEdit *> &credentials)
{
    QWidget *row = settingRow(key, url);
    // Schools often run SIAKAD or Dapodik on a LAN server without TLS, so http:// stays
    // allowed; but with a key or password set, the person should know it travels readable.
    auto *warning = plainLabel(tr("Alamat http:// tidak terenkripsi: API key dan kata sandi terkirim dapat dibaca siapa pun "
                                  "di jaringan yang dilalui. Pakai https:// bila server mendukungnya."), row);
    warning->setObjectName(key + QStringLiteral("_plainHttpWarning"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("color: #b45309; font-size: 11px;"));
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
    return row;
}

void SettingsDialog::load()
{
    const SettingsStore &s = m_core.settings();
    m_schoolName->setText(s.value(QStringLiteral("school_name")));
    const QString zone = s.value(QStringLiteral("timezone"));
    if (m_timezone->findData(zone) < 0) // e.g. another zone set through the environment
        m_timezone->addItem(zone, zone);
    m_timezone->setCurrentIndex(m_timezone->findData(zone));
    const int lang = m_language->findData(s.value(QStringLiteral("language")));
    m_language->setCurrentIndex(lang < 0 ? 0 : lang);

    auto listen = AppOptions::parseListen(s.value(QStringLiteral("listen")));
    const QString host = listen.ok() ? listen->first : LocalHost;
    m_port->setValue(listen.ok() ? listen->second : 8080);
    m_host->setText(host);
    m_lan->setChecked(host == LanHost);

    m_proxies->setText(s.value(QStringLiteral("trusted_proxies")));
    m_cors->setText(s.value(QStringLiteral("cors_origins")));
    m_rateLimits->setText(s.value(QStringLiteral("rate_limits")));
    m_siakadUrl->setText(s.value(QStringLiteral("siakad_url")));
    m_siakadKey->setText(s.value(QStringLiteral("siakad_api_key")));
    m_dapodikUrl->setText(s.value(QStringLiteral("dapodik_url")));
    m_dapodikUser->setText(s.value(QStringLiteral("dapodik_username")));
    m_dapodikPassword->setText(s.value(QStringLiteral("dapodik_password")));
    m_dapodikKey->setText(s.value(QStringLiteral("dapodik_api_key")));
    m_dapodikWilayah->setText(s.value(QStringLiteral("dapodik_kode_wilayah")));
    m_syncConcurrency->setValue(s.value(QStringLiteral("sync_concurrency")).toInt());
    m_splpUrl->setText(s.value(QStringLiteral("splp_api_url")));
    m_sipdUrl->setText(s.value(QStringLiteral("sipd_api_url")));
    m_externalKey->setText(s.value(QStringLiteral("external_api_key")));
    m_satuDataDelay->setValue(s.value(QStringLiteral("satudata_delay_ms")).toInt());
    m_dataDir->setText(m_local.dataDir());
    m_database->setText(m_local.databaseUrl());
}

QString SettingsDialog::listenValue() const
{
    const QString host = m_lan->isChecked() ? LanHost : m_host->text().trimmed();
    return host + QLatin1Char(':') + QString::number(m_port->value());
}

void SettingsDialog::save()
{
    m_errors.clear();
    SettingsStore &store = m_core.settings();
    QHash<QString, QString> values;
    auto offer = [&](const char *key, const QString &value) {
        const QString k = QString::fromLatin1(key);
        if (!store.overriddenByEnvironment(k) && value != store.value(k))
            values.insert(k, value);
    };
    offer("school_name", m_schoolName->text().trimmed());
    offer("timezone", m_timezone->currentData().toString());
    offer("language", m_language->currentData().toString());
    const auto listen = AppOptions::parseListen(listenValue());
    if (!listen.ok()) {
        m_errors.show(listen.error());
        return;
    }
    offer("listen", listenValue());
    offer("trusted_proxies", m_proxies->text().trimmed());
    offer("cors_origins", m_cors->text().trimmed());
    offer("rate_limits", m_rateLimits->text().trimmed());
    offer("siakad_url", m_siakadUrl->text().trimmed());
    offer("siakad_api_key", m_siakadKey->text().trimmed());
    offer("dapodik_url", m_dapodikUrl->text().trimmed());
    offer("dapodik_username", m_dapodikUser->text().trimmed());
    offer("dapodik_password", m_dapodikPassword->text());
    offer("dapodik_api_key", m_dapodikKey->text().trimmed());
    offer("dapodik_kode_wilayah", m_dapodikWilayah->text().trimmed());
    offer("sync_concurrency", QString::number(m_syncConcurrency->value()));
    offer("splp_api_url", m_splpUrl->text().trimmed());
    offer("sipd_api_url", m_sipdUrl->text().trimmed());
    offer("external_api_key", m_externalKey->text().trimmed());
    offer("satudata_delay_ms", QString::number(m_satuDataDelay->value()));
    if (!values.isEmpty()) {
        if (auto s = store.set(m_actor, values); !s.ok()) {
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
