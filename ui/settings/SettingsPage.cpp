#include "SettingsPage.h"
#include "common/Icons.h"
#include "common/LocalConfig.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PlainText.h"
#include "settings/SettingsDialog.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "api/ApiServerHost.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tu::ui {

SettingsPage::SettingsPage(Core &core, const Actor &actor, ApiServerHost *api, LocalConfig &local, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_api(api), m_local(local)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(16);
    auto *header = new PageHeader(tr("Pengaturan"),
                                  tr("Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data."), this);
    auto *edit = new QPushButton(icons::icon(QStringLiteral("pengaturan"), theme::OnAccent), tr("Ubah pengaturan…"), this);
    edit->setObjectName(QStringLiteral("editSettings"));
    edit->setAutoDefault(false);
    theme::setVariant(edit, "primary");
    connect(edit, &QPushButton::clicked, this, &SettingsPage::openDialog);
    header->addAction(edit);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    m_grid = new QGridLayout(card);
    m_grid->setContentsMargins(22, 18, 22, 18);
    m_grid->setHorizontalSpacing(32);
    m_grid->setVerticalSpacing(12);
    m_grid->setColumnStretch(1, 1);
    page->addWidget(card);
    page->addStretch(1);
    if (m_api) // the address shown follows the running server
        connect(m_api, &ApiServerHost::stateChanged, this, [this] { refresh(); });
    refresh();
}

void SettingsPage::refresh()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const SettingsStore &s = m_core.settings();
    auto shown = [](const QString &v, const QString &none) { return v.isEmpty() ? none : v; };
    const QString language = s.value(QStringLiteral("language")) == QLatin1String("en") ? QStringLiteral("English")
                                                                                        : QStringLiteral("Bahasa Indonesia");
    const QString api = m_api && m_api->isRunning() ? m_api->address() : s.value(QStringLiteral("listen"));
    const QList<QPair<QString, QString>> rows = {
        {tr("Nama sekolah"), s.value(QStringLiteral("school_name"))},
        {tr("Zona waktu"), s.value(QStringLiteral("timezone"))},
        {tr("Bahasa"), language},
        {tr("Server API"), api},
        {tr("Proksi tepercaya"), shown(s.value(QStringLiteral("trusted_proxies")), tr("tidak ada"))},
        {tr("Asal CORS"), shown(s.value(QStringLiteral("cors_origins")), tr("tidak ada (hanya aplikasi ini)"))},
        {tr("Batas permintaan"), shown(s.value(QStringLiteral("rate_limits")), tr("bawaan"))},
        {tr("Folder data"), m_core.dataDir()},
        {tr("Database"), m_core.db().config().displayUrl()},
    };
    for (int i = 0; i < rows.size(); ++i) {
        auto *label = plainLabel(rows[i].first);
        label->setProperty("look", QStringLiteral("summaryKey"));
        auto *value = plainLabel(rows[i].second);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setProperty("look", QStringLiteral("summaryValue"));
        value->setWordWrap(true);
        m_grid->addWidget(label, i, 0, Qt::AlignTop);
        m_grid->addWidget(value, i, 1);
    }
}

void SettingsPage::openDialog()
{
    auto *dialog = new SettingsDialog(m_core, m_actor, m_api, m_local, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        m_banner->showMessage(MessageBanner::Kind::Success,
                              dialog->restartNeeded()
                                  ? tr("Pengaturan disimpan. Sebagian perubahan berlaku setelah aplikasi dimulai ulang.")
                                  : tr("Pengaturan disimpan."));
        emit settingsSaved();
    });
    dialog->open();
}

} // namespace tu::ui
