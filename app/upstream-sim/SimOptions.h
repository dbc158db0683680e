#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

// Command-line options of the simulator. The dataset sizes feed /__sim/stats and the
// Dapodik data; the fault options are the *initial* values that /__sim/reset restores.
struct SimOptions
{
    QString host = QStringLiteral("127.0.0.1");
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 9090;
    quint32 seed = 1;
    int latencyMs = 0;
    double failRate = 0.0;
    int kecamatan = 17;           // at most 99 (two-digit kode, 8-digit npsn)
    int sekolahPerKecamatan = 5;  // at most 99
    int ptkPerSekolah = 10;
    QString siakadApiKey = QStringLiteral("sim-siakad-key");
    QString dapodikUsername = QStringLiteral("sim-dapodik");
    QString dapodikPassword = QStringLiteral("sim-dapodik-pass");
    QString dapodikApiKey = QStringLiteral("sim-dapodik-key");
    int dapodikTokenTtlS = 600;
    QString externalApiKey = QStringLiteral("sim-external-key"); // SPLP and SIPD
    bool verbose = false;

    int sekolah() const { return kecamatan * sekolahPerKecamatan; }
    int ptk() const { return sekolah() * ptkPerSekolah; }

    // Parses argv; on failure returns false and sets *error (the caller exits with 2).
    bool parse(const QStringList &arguments, QString *error);
};
