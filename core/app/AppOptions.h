#pragma once
#include "Result.h"

#include <QString>
#include <QStringList>

namespace tu {

// Command line shared by `tatausaha` and `tatausaha-server` (README.md, "Options").
struct AppOptions {
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8080;
    bool listenGiven = false;
    QString dataDir;
    QString databaseUrl; // empty: sqlite:<dataDir>/tatausaha.sqlite
    bool demo = false;
    QString tlsCert;
    QString tlsKey;

    // Needs a QCoreApplication. Answers --help (in Indonesian) and --version itself and ends the
    // program, as it does on unknown options.
    static Result<AppOptions> parse(const QStringList &arguments, const QString &description);
    // True when the arguments ask for --help, --help-all or --version. Needs no application
    // object: the desktop asks before it builds its QApplication, which needs a display.
    static bool asksForHelpOrVersion(const QStringList &arguments);
    static Result<std::pair<QString, quint16>> parseListen(const QString &hostPort);
    QString effectiveDatabaseUrl() const;
    static QString defaultDataDir();
};

} // namespace tu
