#include "AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QStandardPaths>
#include <QTranslator>

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

namespace {

// QCommandLineParser's own texts ("Usage:", "Options:", the help and version lines, its errors)
// in Indonesian. The command line is answered before any language setting is read, and by the
// server, which embeds no translations, so these few live here rather than in a .qm file.
class CommandLineTexts : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char * = nullptr, int = -1) const override
    {
        if (qstrcmp(context, "QCommandLineParser") != 0)
            return {};
        static const QHash<QByteArray, QString> texts{
            {"Usage: %1", QStringLiteral("Penggunaan: %1")},
            {"Options:", QStringLiteral("Opsi:")},
            {"Arguments:", QStringLiteral("Argumen:")},
            {"[options]", QStringLiteral("[opsi]")},
            {"Displays help on commandline options.", QStringLiteral("Menampilkan bantuan tentang opsi baris perintah.")},
            {"Displays help including Qt specific options.", QStringLiteral("Menampilkan bantuan, termasuk opsi khusus Qt.")},
            {"Displays version information.", QStringLiteral("Menampilkan informasi versi.")},
            {"Unknown option '%1'.", QStringLiteral("Opsi '%1' tidak dikenal.")},
            {"Unknown options: %1.", QStringLiteral("Opsi tidak dikenal: %1.")},
            {"Missing value after '%1'.", QStringLiteral("Nilai setelah '%1' tidak ada.")},
            {"Unexpected value after '%1'.", QStringLiteral("Nilai setelah '%1' tidak diharapkan.")},
        };
        return texts.value(QByteArray(sourceText));
    }
};

// The one parser of both programs: the desktop's early --help/--version check and the full parse
// see the same options.
struct Parser {
    QCommandLineParser p;
    const QCommandLineOption listen{QStringLiteral("listen"), QStringLiteral("Alamat API HOST:PORT (bawaan 127.0.0.1:8080)."),
                                    QStringLiteral("HOST:PORT")};
    const QCommandLineOption dataDir{QStringLiteral("data-dir"),
                                     QStringLiteral("Folder untuk database, unggahan, kunci rahasia, dan log."), QStringLiteral("DIR")};
    const QCommandLineOption database{QStringLiteral("database"), QStringLiteral("sqlite:<berkas> atau postgresql://user:pass@host:port/db"),
                                      QStringLiteral("URL")};
    const QCommandLineOption demo{QStringLiteral("demo"),
                                  QStringLiteral("Data contoh pada database kosong; sistem hulu di simulator lokal.")};
    const QCommandLineOption cert{QStringLiteral("tls-cert"), QStringLiteral("Sertifikat PEM: melayani HTTPS."), QStringLiteral("FILE")};
    const QCommandLineOption key{QStringLiteral("tls-key"), QStringLiteral("Kunci privat PEM untuk --tls-cert."), QStringLiteral("FILE")};

    explicit Parser(const QString &description)
    {
        p.setApplicationDescription(description);
        p.addHelpOption();
        p.addVersionOption();
        p.addOptions({listen, dataDir, database, demo, cert, key});
    }
};

} // namespace

bool AppOptions::asksForHelpOrVersion(const QStringList &arguments)
{
    Parser parser{QString()};
    parser.p.parse(arguments); // errors are left to parse(), which reports them
    return parser.p.isSet(QStringLiteral("help")) || parser.p.isSet(QStringLiteral("help-all"))
        || parser.p.isSet(QStringLiteral("version"));
}

Result<AppOptions> AppOptions::parse(const QStringList &arguments, const QString &description)
{
    CommandLineTexts texts; // installed before the parser is built: the help options' texts are read then
    const bool translated = QCoreApplication::installTranslator(&texts);
    Parser parser(description);
    QCommandLineParser &p = parser.p;
    p.process(arguments); // exits on --help/--version and unknown options, like every CLI tool
    if (translated)
        QCoreApplication::removeTranslator(&texts);

    AppOptions o;
    if (p.isSet(parser.listen)) {
        auto hp = parseListen(p.value(parser.listen));
        if (!hp.ok())
            return hp.error();
        o.listenHost = hp->first;
        o.listenPort = hp->second;
        o.listenGiven = true;
    }
    o.dataDir = p.isSet(parser.dataDir) ? QDir(p.value(parser.dataDir)).absolutePath() : defaultDataDir();
    o.databaseUrl = p.value(parser.database);
    o.demo = p.isSet(parser.demo);
    o.tlsCert = p.value(parser.cert);
    o.tlsKey = p.value(parser.key);
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty())
        return Error::validation({{QStringLiteral("tls"), QStringLiteral("--tls-cert dan --tls-key harus diberikan bersama.")}});
    return o;
}

QString AppOptions::effectiveDatabaseUrl() const
{
    return databaseUrl.isEmpty() ? QStringLiteral("sqlite:") + dataDir + QStringLiteral("/tatausaha.sqlite") : databaseUrl;
}

} // namespace tu
