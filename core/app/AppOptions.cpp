#include "AppOptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace tu {

QString AppOptions::defaultDataDir()
{
    const QString d = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return d.isEmpty() ? QDir::homePath() + QStringLiteral("/.tatausaha") : d;
}

Result<std::pair<QString, quint16>> AppOptions::parseListen(const QString &hostPort)
{
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || port > 65535)
        return Error::validation({{QStringLiteral("listen"),
                                   QStringLiteral("Alamat harus berbentuk HOST:PORT, misalnya 127.0.0.1:8080 atau 0.0.0.0:8080.")}});
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return std::make_pair(host, static_cast<quint16>(port));
}

Result<AppOptions> AppOptions::parse(const QStringList &arguments, const QString &description)
{
    QCommandLineParser p;
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("API address HOST:PORT (default 127.0.0.1:8080)."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Folder for the database, uploads, secret and logs."), QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("sqlite:<file> or postgresql://user:pass@host:port/db"), QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Sample data on an empty database; upstreams on a local simulator."));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve HTTPS."), QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."), QStringLiteral("FILE"));
    p.addOptions({listen, dataDir, database, demo, cert, key});
    p.process(arguments); // exits on --help/--version and unknown options, like every CLI tool

    AppOptions o;
    if (p.isSet(listen)) {
        auto hp = parseListen(p.value(listen));
        if (!hp.ok())
            return hp.error();
        o.listenHost = hp->first;
        o.listenPort = hp->second;
        o.listenGiven = true;
    }
    o.dataDir = p.isSet(dataDir) ? QDir(p.value(dataDir)).absolutePath() : defaultDataDir();
    o.databaseUrl = p.value(database);
    o.demo = p.isSet(demo);
    o.tlsCert = p.value(cert);
    o.tlsKey = p.value(key);
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty())
        return Error::validation({{QStringLiteral("tls"), QStringLiteral("--tls-cert dan --tls-key harus diberikan bersama.")}});
    return o;
}

QString AppOptions::effectiveDatabaseUrl() const
{
    return databaseUrl.isEmpty() ? QStringLiteral("sqlite:") + dataDir + QStringLiteral("/tatausaha.sqlite") : databaseUrl;
}

} // namespace tu
