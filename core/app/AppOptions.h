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

    static Result<AppOptions> parse(const QStringList &arguments, const QString &description);
    static Result<std::pair<QString, quint16>> parseListen(const QString &hostPort);
    QString effectiveDatabaseUrl() const;
    static QString defaultDataDir();
};

} // namespace tu
