#include "SimOptions.h"

#include <QCommandLineParser>

namespace {

bool parseInt(const QString &text, int min, int *out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min)
        return false;
    *out = v;
    return true;
}

// Unless given as options, the accounts come from the same environment variables the main app
// reads, so one export (scripts/run.sh makes up random ones) sets both sides without putting
// secrets on a command line that every local user can read in the process list. --help shows
// only the built-in defaults.
QString valueOrEnvironment(const QCommandLineParser &p, const QCommandLineOption &option, const char *env)
{
    if (p.isSet(option) || qEnvironmentVariableIsEmpty(env))
        return p.value(option);
    return qEnvironmentVariable(env);
}

} // namespace

bool SimOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Deterministic simulator of the SIAKAD, Dapodik pusat, SPLP and SIPD upstreams."));
    p.addHelpOption();
    const QCommandLineOption listenOpt(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (port 0 = ephemeral)."), QStringLiteral("HOST:PORT"),
        QStringLiteral("127.0.0.1:9090"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
        QStringLiteral("Seed of the fake data and of the fault RNG."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption latencyOpt(QStringLiteral("latency-ms"),
        QStringLiteral("Delay of every upstream response."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption failOpt(QStringLiteral("fail-rate"),
        QStringLiteral("Probability (0..1) that an upstream request fails."), QStringLiteral("F"),
        QStringLiteral("0"));
    const QCommandLineOption kecOpt(QStringLiteral("kecamatan"),
        QStringLiteral("Number of kecamatan."), QStringLiteral("N"), QStringLiteral("17"));
    const QCommandLineOption spkOpt(QStringLiteral("sekolah-per-kecamatan"),
        QStringLiteral("Schools per kecamatan."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption ppsOpt(QStringLiteral("ptk-per-sekolah"),
        QStringLiteral("PTK (teachers and staff) per school."), QStringLiteral("N"),
        QStringLiteral("10"));
    const QCommandLineOption siakadKeyOpt(QStringLiteral("siakad-api-key"),
        QStringLiteral("X-API-KEY that SIAKAD accepts."), QStringLiteral("K"),
        QStringLiteral("sim-siakad-key"));
    const QCommandLineOption dUserOpt(QStringLiteral("dapodik-username"),
        QStringLiteral("Username that Dapodik pusat accepts at login."), QStringLiteral("U"),
        QStringLiteral("sim-dapodik"));
    const QCommandLineOption dPassOpt(QStringLiteral("dapodik-password"),
        QStringLiteral("Password that Dapodik pusat accepts at login."), QStringLiteral("P"),
        QStringLiteral("sim-dapodik-pass"));
    const QCommandLineOption dKeyOpt(QStringLiteral("dapodik-api-key"),
        QStringLiteral("X-API-KEY that Dapodik pusat accepts."), QStringLiteral("K"),
        QStringLiteral("sim-dapodik-key"));
    const QCommandLineOption dTtlOpt(QStringLiteral("dapodik-token-ttl-s"),
        QStringLiteral("Lifetime of a Dapodik bearer token in seconds."), QStringLiteral("N"),
        QStringLiteral("600"));
    const QCommandLineOption extKeyOpt(QStringLiteral("external-api-key"),
        QStringLiteral("API key that SPLP and SIPD accept."), QStringLiteral("K"),
        QStringLiteral("sim-external-key"));
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"),
        QStringLiteral("Log every request to stderr."));
    p.addOptions({listenOpt, seedOpt, latencyOpt, failOpt, kecOpt, spkOpt, ppsOpt, siakadKeyOpt,
                  dUserOpt, dPassOpt, dKeyOpt, dTtlOpt, extKeyOpt, verboseOpt});
    p.process(arguments); // handles --help and unknown options (exits)

    // HOST:PORT, with IPv6 hosts in brackets ([::1]:9090).
    const QString listen = p.value(listenOpt);
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = QStringLiteral("--listen must be HOST:PORT");
        return false;
    }
    host = listen.left(colon);
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    if (bare == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(bare)) {
        *error = QStringLiteral("--listen: invalid host '%1'").arg(host);
        return false;
    }
    bool ok = false;
    const uint portValue = listen.mid(colon + 1).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *error = QStringLiteral("--listen: invalid port");
        return false;
    }
    port = quint16(portValue);

    seed = p.value(seedOpt).toUInt(&ok);
    if (!ok) {
        *error = QStringLiteral("--seed must be a non-negative integer");
        return false;
    }
    failRate = p.value(failOpt).toDouble(&ok);
    if (!ok || failRate < 0.0 || failRate > 1.0) {
        *error = QStringLiteral("--fail-rate must be between 0 and 1");
        return false;
    }
    if (!parseInt(p.value(latencyOpt), 0, &latencyMs)) {
        *error = QStringLiteral("--latency-ms must be >= 0");
        return false;
    }
    if (!parseInt(p.value(kecOpt), 0, &kecamatan) || !parseInt(p.value(spkOpt), 0, &sekolahPerKecamatan)
        || !parseInt(p.value(ppsOpt), 0, &ptkPerSekolah)) {
        *error = QStringLiteral("dataset sizes must be integers >= 0");
        return false;
    }
    // Two-digit kecamatan codes (34.04.NN) and 8-digit npsn (204KKSS) bound both to 99.
    if (kecamatan > 99 || sekolahPerKecamatan > 99) {
        *error = QStringLiteral("--kecamatan and --sekolah-per-kecamatan must be at most 99");
        return false;
    }
    siakadApiKey = valueOrEnvironment(p, siakadKeyOpt, "SIAKAD_API_KEY");
    dapodikUsername = valueOrEnvironment(p, dUserOpt, "DAPODIK_USERNAME");
    dapodikPassword = valueOrEnvironment(p, dPassOpt, "DAPODIK_PASSWORD");
    dapodikApiKey = valueOrEnvironment(p, dKeyOpt, "DAPODIK_API_KEY");
    if (!parseInt(p.value(dTtlOpt), 1, &dapodikTokenTtlS)) {
        *error = QStringLiteral("--dapodik-token-ttl-s must be an integer >= 1");
        return false;
    }
    externalApiKey = valueOrEnvironment(p, extKeyOpt, "EXTERNAL_API_KEY");
    // An empty key would let a request without any key header through.
    if (externalApiKey.isEmpty()) {
        *error = QStringLiteral("--external-api-key must not be empty");
        return false;
    }
    verbose = p.isSet(verboseOpt);
    return true;
}
