// tatausaha-upstream-sim: deterministic fake SIAKAD / Dapodik pusat / SPLP / SIPD on one port,
// for tests and demos. See README.md.

#include "DapodikUpstream.h"
#include "SiakadUpstream.h"
#include "SipdUpstream.h"
#include "SplpUpstream.h"
#include "SimOptions.h"
#include "SimServer.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFds[2] = {-1, -1};

// Only async-signal-safe work here: wake the event loop through a socket pair.
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &c, 1);
}

// SIGTERM/SIGINT quit the event loop, so the server and its sockets are torn down normally.
void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char c;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &c, 1);
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}
} // namespace
#else
namespace {
void onSignal(int) { QCoreApplication::quit(); }
void installSignalHandlers(QCoreApplication &)
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
} // namespace
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tatausaha-upstream-sim"));

    SimOptions options;
    QString error;
    if (!options.parse(app.arguments(), &error)) {
        std::fprintf(stderr, "tatausaha-upstream-sim: %s\n", qPrintable(error));
        return 2;
    }

    SimServer server(options);
    // One line per upstream.
    server.addUpstream(std::make_unique<SiakadUpstream>(options, server.stats()));
    server.addUpstream(std::make_unique<DapodikUpstream>(options));
    server.addUpstream(std::make_unique<SplpUpstream>(options));
    server.addUpstream(std::make_unique<SipdUpstream>(options));

    const quint16 port = server.start();
    if (port == 0) {
        std::fprintf(stderr, "tatausaha-upstream-sim: cannot listen on %s:%u\n",
                     qPrintable(options.host), unsigned(options.port));
        return 1;
    }
    installSignalHandlers(app);

    // Tests and scripts read the actual port (for --listen HOST:0) from this exact line.
    std::printf("listening on http://%s:%u\n", qPrintable(options.host), unsigned(port));
    std::fflush(stdout);

    return app.exec();
}
