// tatausaha: the desktop app. Opens Core, serves the API in-process on its own thread, and runs
// the first-run → login → main window flow. Everything else lives in core/ and ui/.
#include "common/Icons.h"
#include "common/Language.h"
#include "common/LiveList.h"
#include "common/LocalConfig.h"
#include "common/PlainText.h"
#include "shell/SessionFlow.h"
#include "common/Theme.h"
#include "app/AppOptions.h"
#include "app/Core.h"
#include "app/DemoData.h"
#include "app/FileModes.h"
#include "app/LogFile.h"
#include "api/ApiServerHost.h"

#include <QApplication>
#include <QMessageBox>
#include <QStringList>
#include <QThreadPool>

using namespace tu;

namespace {
const QString Description = QStringLiteral("TataUsaha: aplikasi tata usaha sekolah (desktop).");

void identify()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TataUsaha"));
    QCoreApplication::setApplicationName(QStringLiteral("tatausaha"));
    QCoreApplication::setApplicationVersion(Core::version());
}

void fatal(const QString &text)
{
    QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "TataUsaha tidak dapat dimulai"), text);
    box.setInformativeText(QCoreApplication::translate("main", "Periksa folder data dan alamat database, lalu coba lagi."));
    box.addButton(QCoreApplication::translate("main", "Tutup"), QMessageBox::AcceptRole);
    ui::makePlain(&box); // the error may quote a path or a database address
    box.exec();
}
} // namespace

int main(int argc, char *argv[])
{
    restrictNewFileModes(); // data folder, database, uploads and logs: owner only
    {
        // --help and --version are answered without a display (over SSH, in scripts, in a
        // package check): QApplication would need one, so a QCoreApplication prints them.
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << QString::fromLocal8Bit(argv[i]);
        if (AppOptions::asksForHelpOrVersion(arguments)) {
            QCoreApplication cli(argc, argv);
            identify();
            (void)AppOptions::parse(cli.arguments(), Description); // prints the help or the version and exits
            return 2; // not reached
        }
    }
    QApplication app(argc, argv);
    identify();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("TataUsaha"));
    ui::theme::apply(app);
    QApplication::setWindowIcon(ui::icons::icon(QStringLiteral("logo"), ui::theme::Primary));

    // The data folder and database URL saved in Pengaturan apply when the flags are absent.
    ui::LocalConfig local;
    auto options = AppOptions::parse(local.withDefaults(app.arguments()), Description);
    if (!options.ok()) {
        fatal(QStringList(options.error().fields.values()).join(QLatin1Char('\n')));
        return 2;
    }
    installLogFile(options->dataDir);
    auto opened = Core::open({options->dataDir, options->effectiveDatabaseUrl()});
    if (!opened.ok()) {
        fatal(opened.error().message);
        return 1;
    }
    Core &core = *opened.value();
    if (options->demo) { // sample data on an empty database, upstreams on the local simulator
        // The demo accounts and their random passwords are logged once, as they are created.
        if (auto s = seedDemoData(core); !s.ok()) {
            qWarning().noquote() << "demo data:" << s.error().message;
            if (s.error().code == ErrorCode::Conflict) { // a real school's database: never mixed with samples
                fatal(s.error().message);
                return 1;
            }
        }
    }
    ui::installLanguage(core.settings().value(QStringLiteral("language")));

    // --listen wins; otherwise the `listen` setting (default 127.0.0.1:8080). A busy port shows
    // in the status bar; the desktop itself does not need the API.
    QString host = options->listenHost;
    quint16 port = options->listenPort;
    if (!options->listenGiven)
        if (auto hp = AppOptions::parseListen(core.settings().value(QStringLiteral("listen"))); hp.ok()) {
            host = hp->first;
            port = hp->second;
        }
    core.startBackgroundTasks(); // Satu Data schedule and retry queue
    ApiServerHost api(core);
    QObject::connect(&api, &ApiServerHost::stateChanged, [](bool running, const QString &address, const QString &error) {
        if (running)
            qInfo().noquote() << "TataUsaha API listening on" << address;
        else if (!error.isEmpty())
            qWarning().noquote() << "API server not running:" << error;
    });
    api.start(host, port, options->tlsCert, options->tlsKey);

    int rc = 0;
    {
        ui::SessionFlow flow(core, &api);
        if (flow.start())
            rc = app.exec();
    }
    QThreadPool::globalInstance()->waitForDone(); // logins or saves still running use core
    tu::ui::LiveList::pool()->waitForDone(); // list reads too
    return rc;
}
