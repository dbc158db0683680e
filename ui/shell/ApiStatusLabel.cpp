#include "ApiStatusLabel.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "api/ApiServerHost.h"

namespace tu::ui {

namespace {
QString dot(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1; font-size:14px;\">●</span>&nbsp;&nbsp;").arg(color.name());
}
} // namespace

ApiStatusLabel::ApiStatusLabel(ApiServerHost *host, QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("apiStatus"));
    markRichText(this); // a coloured dot; the address and error are escaped
    setContentsMargins(12, 2, 12, 2);
    if (!host) {
        showState(false, QString(), QString());
        return;
    }
    connect(host, &ApiServerHost::stateChanged, this, &ApiStatusLabel::showState);
    if (host->isRunning() || !host->errorText().isEmpty())
        showState(host->isRunning(), host->address(), host->errorText());
    else
        setText(dot(theme::WarningBright) + tr("Menyalakan server API…"));
}

void ApiStatusLabel::showState(bool running, const QString &address, const QString &error)
{
    if (running) {
        setText(dot(theme::SuccessBright) + tr("Server API aktif di %1").arg(address.toHtmlEscaped()));
        setToolTip(tr("Aplikasi web sekolah memanggil API di alamat ini."));
    } else if (!error.isEmpty()) {
        setText(dot(theme::DangerBright) + tr("Server API tidak berjalan: %1").arg(error.toHtmlEscaped()));
        setToolTip(tr("Ubah alamat atau port di Pengaturan, lalu simpan untuk mencoba lagi."));
    } else {
        setText(dot(theme::TextFaint) + tr("Server API berhenti"));
        setToolTip(QString());
    }
}

} // namespace tu::ui
