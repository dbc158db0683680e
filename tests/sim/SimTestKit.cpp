#include "SimTestKit.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>
#include <QtGlobal>

namespace simtest {

bool SimProcess::start(const QStringList &args, QString *error, qint64 *startupMs)
{
    QElapsedTimer t;
    t.start();
    m_proc.setProgram(QStringLiteral(SIM_BINARY));
    m_proc.setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + args);
    m_proc.setProcessChannelMode(QProcess::SeparateChannels);
    m_proc.start();
    if (!m_proc.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start ") + QStringLiteral(SIM_BINARY);
        return false;
    }
    // A large --sekolah/--ptk dataset is generated before the server listens, hence the margin.
    while (!m_proc.canReadLine() && t.elapsed() < 10000 && m_proc.state() == QProcess::Running)
        m_proc.waitForReadyRead(100);
    const QByteArray line = m_proc.readLine().trimmed();
    if (startupMs)
        *startupMs = t.elapsed();
    static const QRegularExpression re(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)$"));
    const auto m = re.match(QString::fromUtf8(line));
    if (!m.hasMatch()) {
        *error = QStringLiteral("unexpected first line '%1', stderr: %2")
                     .arg(QString::fromUtf8(line), QString::fromUtf8(m_proc.readAllStandardError()));
        return false;
    }
    port = quint16(m.captured(1).toUInt());
    base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return port != 0;
}

void SimProcess::stop()
{
    if (m_proc.state() == QProcess::NotRunning)
        return;
    m_proc.terminate();
    if (!m_proc.waitForFinished(3000))
        m_proc.kill();
    m_proc.waitForFinished(1000);
}

std::unique_ptr<SimProcess> startSim(const QStringList &args, qint64 *startupMs)
{
    auto p = std::make_unique<SimProcess>();
    QString error;
    if (!p->start(args, &error, startupMs)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return p;
}

HttpResult httpRequest(QNetworkAccessManager &nam, const QByteArray &method, const QString &url,
                       const QByteArray &body, const Headers &headers, int timeoutMs)
{
    QNetworkRequest req{QUrl(url)};
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QElapsedTimer elapsed;
    elapsed.start();
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();

    HttpResult r;
    r.elapsedMs = elapsed.elapsed();
    r.finished = reply->isFinished();
    if (r.finished) {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        for (const auto &h : reply->rawHeaderPairs())
            r.headers.insert(h.first.toLower(), h.second);
    } else {
        reply->disconnect(&loop);
        reply->abort(); // the client gives up, like a real request timeout
    }
    reply->deleteLater();
    return r;
}

} // namespace simtest
