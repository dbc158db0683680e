// tatausaha-server: the headless twin of the desktop app. Hosts the REST/SSE API over Core;
// links no QtWidgets.
#include "app/AppOptions.h"
#include "app/Core.h"
#include "app/DemoData.h"
#include "app/FileModes.h"
#include "app/LogFile.h"
#include "api/ApiServer.h"

#include <QCoreApplication>
#include <QTextStream>
#include <csignal>

using namespace tu;

int main(int argc, char *argv[])
{
    restrictNewFileModes(); // data folder, database, uploads and logs: owner only
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TataUsaha"));
    QCoreApplication::setApplicationName(QStringLiteral("tatausaha"));
    QCoreApplication::setApplicationVersion(Core::version());
    QTextStream err(stderr);

    auto options = AppOptions::parse(app.arguments(), QStringLiteral("TataUsaha: server API tanpa tampilan (headless)."));
    if (!options.ok()) {
        err << options.error().fields.values().join(QLatin1Char(' ')) << Qt::endl;
        return 2;
    }
    installLogFile(options->dataDir);
    auto core = Core::open({options->dataDir, options->effectiveDatabaseUrl()});
    if (!core.ok()) {
        err << "tatausaha-server: " << core.error().message << Qt::endl;
        return 1;
    }
    Core &c = *core.value();
    if (options->demo) {
        // The demo accounts and their random passwords are logged once, as they are created.
        if (auto s = seedDemoData(c); !s.ok()) {
            err << "tatausaha-server: demo data: " << s.error().message << Qt::endl;
            if (s.error().code == ErrorCode::Conflict) // a real school's database: never mixed with samples
                return 1;
        }
    }
    if (c.needsFirstAdmin())
        err << "Belum ada akun admin: login ditolak sampai akun dibuat.\n"
               "Jalankan ulang dengan TATAUSAHA_ADMIN_PASSWORD=<sandi minimal 8 karakter> untuk membuat "
               "pengguna 'admin', atau buat lewat aplikasi desktop.\n"
               "No admin account yet: set TATAUSAHA_ADMIN_PASSWORD and restart." << Qt::endl;

    QString host = options->listenHost;
    quint16 port = options->listenPort;
    if (!options->listenGiven) {
        if (auto hp = AppOptions::parseListen(c.settings().value(QStringLiteral("listen"))); hp.ok()) {
            host = hp->first;
            port = hp->second;
        }
    }
    c.startBackgroundTasks(); // Satu Data schedule and retry queue
    ApiServer server(c);
    if (auto s = server.start(host, port, options->tlsCert, options->tlsKey); !s.ok()) {
        err << "tatausaha-server: " << s.error().message << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "TataUsaha API listening on " << server.address() << Qt::endl;

    auto quit = [](int) { QCoreApplication::quit(); };
    std::signal(SIGINT, quit);
    std::signal(SIGTERM, quit);
    return app.exec();
}
