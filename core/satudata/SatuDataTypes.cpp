#include "SatuDataTypes.h"

namespace tu {

namespace satudata {

QString orList(const QStringList &names)
{
    if (names.size() < 2)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" atau ") + names.last();
}

const QStringList &failureClasses()
{
    static const QStringList c{Authentication, Network, Validation, RateLimit, Server};
    return c;
}

const QStringList &resultStatuses()
{
    static const QStringList s{QStringLiteral("ok"), QStringLiteral("unchanged"), QStringLiteral("failed"), QStringLiteral("conflict"),
                               QStringLiteral("skipped")};
    return s;
}

const QStringList &stateStatuses()
{
    static const QStringList s{QStringLiteral("never"), QStringLiteral("ok"), QStringLiteral("failed"), QStringLiteral("conflict")};
    return s;
}

const QStringList &logStatuses()
{
    static const QStringList s{QStringLiteral("ok"), QStringLiteral("unchanged"), QStringLiteral("failed"), QStringLiteral("conflict")};
    return s;
}

const QStringList &triggers()
{
    static const QStringList t{QStringLiteral("manual"), QStringLiteral("scheduled"), QStringLiteral("retry")};
    return t;
}

Result<QStringList> parseTargets(const QJsonValue &value)
{
    const auto bad = [](const QString &m) { return Error::validation({{QStringLiteral("targets"), m}}, m); };
    const QStringList names = targetNames();
    QStringList quoted, upper;
    for (const QString &n : names) {
        quoted << QLatin1Char('"') + n + QLatin1Char('"');
        upper << n.toUpper();
    }
    if (!value.isArray())
        return bad(QStringLiteral("Pilih tujuan sinkronisasi: targets berisi %1 atau %2.")
                       .arg(quoted.join(QStringLiteral(", ")), quoted.size() == 2 ? QStringLiteral("keduanya") : QStringLiteral("semuanya")));
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        const QString t = v.toString().trimmed().toLower();
        if (!names.contains(t))
            return bad(QStringLiteral("Tujuan \"%1\" tidak dikenal. Pilih %2.").arg(v.isString() ? v.toString().left(30) : QStringLiteral("?"), orList(quoted)));
        if (!out.contains(t))
            out << t;
    }
    if (out.isEmpty())
        return bad(QStringLiteral("Pilih minimal satu tujuan sinkronisasi (%1).").arg(orList(upper)));
    return out;
}

QString failureLabel(const QString &c)
{
    if (c == Authentication) return QStringLiteral("Autentikasi");
    if (c == Network) return QStringLiteral("Jaringan");
    if (c == Validation) return QStringLiteral("Validasi data");
    if (c == RateLimit) return QStringLiteral("Pembatasan permintaan");
    if (c == Server) return QStringLiteral("Server tujuan");
    return c;
}

// One troubleshooting hint per failure class (docs/satudata.md).
QString failureHint(const QString &c)
{
    if (c == Authentication)
        return QStringLiteral("Periksa bahwa API key (EXTERNAL_API_KEY) di Pengaturan benar dan punya izin untuk sistem ini.");
    if (c == Network)
        return QStringLiteral("Periksa alamat API (SPLP_API_URL / SIPD_API_URL) di Pengaturan dan pastikan sistem tujuan dapat diakses dari jaringan sekolah.");
    if (c == Validation)
        return QStringLiteral("Pastikan semua kolom wajib terisi dan datanya memenuhi ketentuan sistem tujuan, lalu verifikasi dan sinkronkan ulang.");
    if (c == RateLimit)
        return QStringLiteral("Sistem tujuan membatasi jumlah permintaan. Perbesar jeda antar permintaan di Pengaturan; berkas dicoba ulang otomatis.");
    if (c == Server)
        return QStringLiteral("Sistem tujuan sedang bermasalah. Berkas tetap terverifikasi dan dicoba ulang otomatis; bila berlanjut, hubungi pengelola sistem tujuan.");
    return {};
}

bool failureIsTransient(const QString &c) { return c == Network || c == RateLimit || c == Server; }

} // namespace satudata

QJsonObject TargetResult::toJson() const
{
    QJsonObject o{{"target", target}, {"status", status}, {"message", message}, {"durationMs", durationMs}};
    if (!remoteId.isEmpty())
        o.insert(QStringLiteral("remoteId"), remoteId);
    if (!failureClass.isEmpty()) {
        o.insert(QStringLiteral("failureClass"), failureClass);
        o.insert(QStringLiteral("failureLabel"), satudata::failureLabel(failureClass));
    }
    if (!hint.isEmpty())
        o.insert(QStringLiteral("hint"), hint);
    if (target == satudata::Sipd) {
        o.insert(QStringLiteral("rowsOk"), rowsOk);
        o.insert(QStringLiteral("rowsError"), rowsError);
    }
    if (!log.isEmpty())
        o.insert(QStringLiteral("log"), log);
    if (queued)
        o.insert(QStringLiteral("queued"), true);
    return o;
}

QJsonObject FileSyncResult::toJson() const
{
    QJsonArray r;
    for (const TargetResult &t : results)
        r.append(t.toJson());
    return {{"fileId", fileId}, {"title", title}, {"results", r}};
}

void TargetSummary::count(const QString &status)
{
    if (status == QLatin1String("ok"))
        ++synced;
    else if (status == QLatin1String("unchanged"))
        ++unchanged;
    else if (status == QLatin1String("skipped"))
        ++skipped;
    else if (status == QLatin1String("conflict"))
        ++conflicts;
    else
        ++failed;
}

QJsonObject TargetSummary::toJson() const
{
    return {{"synced", synced}, {"unchanged", unchanged}, {"skipped", skipped}, {"failed", failed}, {"conflicts", conflicts}};
}

QString RunSummary::message() const
{
    if (!error.isEmpty())
        return error;
    QStringList parts;
    for (const QString &t : targets) {
        const TargetSummary s = perTarget.value(t);
        QString p = QStringLiteral("%1: %2 berhasil").arg(t.toUpper()).arg(s.synced);
        if (s.unchanged)
            p += QStringLiteral(", %1 tidak berubah").arg(s.unchanged);
        p += QStringLiteral(", %1 dilewati (belum diverifikasi), %2 gagal").arg(s.skipped).arg(s.failed);
        if (s.conflicts)
            p += QStringLiteral(", %1 konflik").arg(s.conflicts);
        parts << p;
    }
    QString m = parts.join(QStringLiteral("; "));
    if (cancelled)
        m = QStringLiteral("Dibatalkan. ") + m;
    return m;
}

QJsonObject RunSummary::toJson() const
{
    QJsonObject per;
    for (auto it = perTarget.begin(); it != perTarget.end(); ++it)
        per.insert(it.key(), it.value().toJson());
    QJsonArray f;
    for (const FileSyncResult &r : files)
        f.append(r.toJson());
    QJsonObject o{{"runId", runId}, {"trigger", trigger}, {"targets", QJsonArray::fromStringList(targets)}, {"summary", per},
                  {"files", f}, {"startedAt", startedAt}, {"finishedAt", finishedAt}, {"cancelled", cancelled}, {"message", message()}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

QJsonObject TargetState::toJson() const
{
    auto opt = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonObject o{{"status", status}, {"remoteId", opt(remoteId)}, {"lastSyncAt", opt(lastSyncAt)}, {"lastAttemptAt", opt(lastAttemptAt)},
                  {"failureClass", opt(failureClass)}, {"error", opt(error)}};
    if (!failureClass.isEmpty())
        o.insert(QStringLiteral("hint"), satudata::failureHint(failureClass));
    return o;
}

QJsonObject SyncConflict::toJson() const
{
    return {{"fileId", fileId}, {"target", target}, {"local", local}, {"remote", remote}, {"detectedAt", detectedAt}};
}

QJsonObject PushLogEntry::toJson() const
{
    auto opt = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return {{"id", id}, {"runId", opt(runId)}, {"fileId", fileId}, {"fileTitle", fileTitle}, {"target", target}, {"status", status},
            {"failureClass", opt(failureClass)}, {"message", message}, {"answer", opt(answer)}, {"durationMs", durationMs},
            {"attempt", attempt}, {"actor", opt(actor)}, {"at", at}};
}

QJsonObject RetryItem::toJson() const
{
    return {{"fileId", fileId}, {"fileTitle", fileTitle}, {"target", target}, {"attempts", attempts}, {"nextAt", nextAt},
            {"failureClass", failureClass}, {"lastError", lastError}};
}

} // namespace tu
