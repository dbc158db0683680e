// `tatausaha --help` and `--version` answer without a display, in Indonesian, with the options the
// server shares; the desktop used to build its QApplication first and abort without a display.
#include "app/Core.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestAppCli : public QObject
{
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };

    // As from a console without a graphical session: no X11 or Wayland display, and none of the
    // offscreen platform the test suites run on.
    static Run run(const QString &program, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, arguments);
        Run r;
        if (!p.waitForStarted(5000))
            return r;
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished(2000);
            return r;
        }
        r.exitCode = p.exitCode();
        r.status = p.exitStatus();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // The option lines of a help text ("  --listen <HOST:PORT>  Alamat API …").
    static QStringList optionLines(const QString &help)
    {
        QStringList lines;
        for (const QString &line : help.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("  -")))
                lines << line.trimmed();
        return lines;
    }

private slots:
    void desktopHelpWithoutDisplay()
    {
        const Run r = run(QStringLiteral(TU_DESKTOP_BINARY), {QStringLiteral("--help")});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Penggunaan: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("TataUsaha: aplikasi tata usaha sekolah (desktop).")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Opsi:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Menampilkan bantuan tentang opsi baris perintah.")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Menampilkan informasi versi.")), qPrintable(r.out));
        for (const char *option : {"--listen <HOST:PORT>", "--data-dir <DIR>", "--database <URL>", "--demo",
                                   "--tls-cert <FILE>", "--tls-key <FILE>"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QVERIFY2(r.out.contains(QStringLiteral("Alamat API HOST:PORT")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("Usage:")) && !r.out.contains(QStringLiteral("Displays")), qPrintable(r.out));
    }

    void desktopVersionWithoutDisplay()
    {
        for (const QString &flag : {QStringLiteral("--version"), QStringLiteral("-v")}) {
            const Run r = run(QStringLiteral(TU_DESKTOP_BINARY), {flag});
            QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, qPrintable(flag + QLatin1Char(' ') + r.err));
            QCOMPARE(r.out.trimmed(), QStringLiteral("tatausaha ") + tu::Core::version());
        }
    }

    void desktopAndServerShareTheirOptions()
    {
        const Run desktop = run(QStringLiteral(TU_DESKTOP_BINARY), {QStringLiteral("--help")});
        const Run server = run(QStringLiteral(TU_SERVER_BINARY), {QStringLiteral("--help")});
        QCOMPARE(server.exitCode, 0);
        QVERIFY(server.out.contains(QStringLiteral("Penggunaan: ")));
        QVERIFY(!optionLines(desktop.out).isEmpty());
        QCOMPARE(optionLines(desktop.out), optionLines(server.out));
    }

    void unknownOptionIsIndonesian()
    {
        const Run r = run(QStringLiteral(TU_SERVER_BINARY), {QStringLiteral("--no-such-option")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Opsi 'no-such-option' tidak dikenal.")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestAppCli)
#include "tst_app_cli.moc"
