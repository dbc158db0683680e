#include "SatuDataSync.h"
#include "auth/Permissions.h"
#include "DataFileService.h"
#include "SatuDataClients.h"
#include "SatuDataStore.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QThread>

Q_LOGGING_CATEGORY(lcSatuData, "tatausaha.satudata")

namespace tu {

namespace {
const QString Entity = QStringLiteral("satudata_file");

// Bookkeeping whose failure must not turn a finished push into a failed one: logged instead.
void warnIf(const Status &s, const char *what)
{
    if (!s.ok())
        qCWarning(lcSatuData) << what << "failed:" << s.error().message;
}

QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

// What goes out to a target: its content and every field that target receives. Equal hashes
// mean nothing to send.
QString pushHash(const DataFile &f, const QString &target, const SatuDataConfig &c)
{
    QJsonObject o;
    if (target == satudata::Splp)
        o = QJsonObject{{"target", target}, {"url", c.splpUrl}, {"sha256", f.sha256}, {"title", f.title}, {"description", f.description},
                        {"period", f.period}, {"unit", f.unit}, {"tags", QJsonArray::fromStringList(f.tags)},
                        {"kodeindikator", f.kodeIndikator}, {"kodepemda", f.kodePemda}};
    else
        o = QJsonObject{{"target", target}, {"url", c.sipdUrl}, {"sha256", f.sha256}, {"period", f.period},
                        {"kodeindikator", f.kodeIndikator}, {"kodepemda", f.kodePemda}};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

QString slug(const QString &title)
{
    QString out;
    for (const QChar c : title.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
        else if (c.category() != QChar::Mark_NonSpacing && !out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    out = out.left(80);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("data") : out;
}

// SPLP DataStore column types, inferred from the cells: int, numeric, date, else text. A number
// written with a leading zero (NPSN, telephone) stays text so the zero survives.
QString columnType(const Table &t, int col)
{
    static const QRegularExpression intRe(QStringLiteral("^-?[0-9]+$"));
    static const QRegularExpression numRe(QStringLiteral("^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression dateRe(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    bool isInt = true, isNum = true, isDate = true, any = false;
    for (const QStringList &row : t.rows) {
        const QString v = row.value(col).trimmed();
        if (v.isEmpty())
            continue;
        any = true;
        const bool leadingZero = v.size() > 1 && (v.startsWith(QLatin1Char('0')) || v.startsWith(QLatin1String("-0"))) && !v.contains(QLatin1Char('.'));
        bool ok = false;
        v.toInt(&ok);
        isInt = isInt && ok && intRe.match(v).hasMatch() && !leadingZero;
        isNum = isNum && numRe.match(v).hasMatch() && !leadingZero;
        isDate = isDate && dateRe.match(v).hasMatch() && QDate::fromString(v, Qt::ISODate).isValid();
        if (!isInt && !isNum && !isDate)
            break;
    }
    if (!any)
        return QStringLiteral("text");
    return isInt ? QStringLiteral("int") : isNum ? QStringLiteral("numeric") : isDate ? QStringLiteral("date") : QStringLiteral("text");
}

// Column names as SPLP field ids: not empty, no '"', not starting with '_', at most 63
// characters, unique.
QStringList fieldIds(const QStringList &columns)
{
    QStringList out;
    for (int i = 0; i < columns.size(); ++i) {
        QString id = columns[i].trimmed();
        id.remove(QLatin1Char('"'));
        while (id.startsWith(QLatin1Char('_')))
            id.remove(0, 1);
        id = id.left(63).trimmed();
        if (id.isEmpty())
            id = QStringLiteral("kolom_%1").arg(i + 1);
        QString unique = id;
        for (int n = 2; out.contains(unique); ++n)
            unique = id.left(58) + QStringLiteral("_%1").arg(n);
        out << unique;
    }
    return out;
}

QJsonObject datastoreBody(const Table &t)
{
    const QStringList ids = fieldIds(t.columns);
    QStringList types;
    QJsonArray fields;
    for (int c = 0; c < ids.size(); ++c) {
        types << columnType(t, c);
        fields.append(QJsonObject{{"id", ids[c]}, {"type", types[c]}});
    }
    QJsonArray records;
    for (const QStringList &row : t.rows) {
        QJsonObject r;
        for (int c = 0; c < ids.size(); ++c) {
            const QString v = row.value(c).trimmed();
            if (v.isEmpty())
                r.insert(ids[c], QJsonValue::Null);
            else if (types[c] == QLatin1String("int"))
                r.insert(ids[c], v.toInt());
            else if (types[c] == QLatin1String("numeric"))
                r.insert(ids[c], v.toDouble());
            else
                r.insert(ids[c], row.value(c));
        }
        records.append(r);
    }
    return {{"fields", fields}, {"records", records}, {"force", true}};
}

QJsonObject packageBody(const DataFile &f, const QString &schoolName)
{
    QJsonArray tags;
    for (const QString &t : f.tags)
        tags.append(QJsonObject{{"name", t}});
    QJsonArray extras{QJsonObject{{"key", "periode"}, {"value", f.period}}, QJsonObject{{"key", "tatausaha_id"}, {"value", f.id}}};
    if (!f.unit.isEmpty())
        extras.append(QJsonObject{{"key", "satuan"}, {"value", f.unit}});
    if (!schoolName.isEmpty())
        extras.append(QJsonObject{{"key", "sumber"}, {"value", schoolName}});
    if (!f.kodeIndikator.isEmpty())
        extras.append(QJsonObject{{"key", "kodeindikator"}, {"value", f.kodeIndikator}});
    if (!f.kodePemda.isEmpty())
        extras.append(QJsonObject{{"key", "kodepemda"}, {"value", f.kodePemda}});
    return {{"title", f.title}, {"notes", f.description}, {"tags", tags}, {"extras", extras}};
}

QString extra(const QJsonObject &package, const QString &key)
{
    for (const QJsonValue &e : package.value(QLatin1String("extras")).toArray())
        if (e.toObject().value(QLatin1String("key")).toString() == key)
            return e.toObject().value(QLatin1String("value")).toString();
    return {};
}

// The parts of a package a person compares in a conflict.
QJsonObject remoteView(const QJsonObject &p)
{
    QJsonArray tags;
    for (const QJsonValue &t : p.value(QLatin1String("tags")).toArray())
        tags.append(t.toObject().value(QLatin1String("name")));
    int records = 0;
    for (const QJsonValue &r : p.value(QLatin1String("resources")).toArray())
        records += r.toObject().value(QLatin1String("records")).toInt();
    return {{"id", p.value(QLatin1String("id"))}, {"name", p.value(QLatin1String("name"))}, {"title", p.value(QLatin1String("title"))},
            {"notes", p.value(QLatin1String("notes"))}, {"tags", tags}, {"records", records},
            {"metadata_modified", p.value(QLatin1String("metadata_modified"))}};
}

QJsonObject localView(const DataFile &f)
{
    return {{"title", f.title}, {"description", f.description}, {"tags", QJsonArray::fromStringList(f.tags)}, {"period", f.period},
            {"rowCount", f.rowCount}, {"updatedAt", f.updatedAt}};
}

TargetResult failed(const QString &target, const QString &failureClass, const QString &message)
{
    TargetResult r;
    r.target = target;
    r.status = QStringLiteral("failed");
    r.failureClass = failureClass;
    r.message = message;
    r.hint = satudata::failureHint(failureClass);
    return r;
}

TargetResult fromCall(const QString &target, const UpstreamCall &c)
{
    TargetResult r = failed(target, c.failureClass.isEmpty() ? satudata::Server : c.failureClass, c.message);
    for (auto it = c.errorObject.begin(); it != c.errorObject.end(); ++it)
        if (it.key() != QLatin1String("__type") && it.key() != QLatin1String("message"))
            for (const QJsonValue &m : it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()})
                r.log.append(QJsonObject{{"field", it.key()}, {"status", "ERROR"}, {"message", m.toString()}});
    return r;
}

// One push of a file to SPLP. `state` is updated as soon as the remote knows something of ours
// (the package id, the resource id), so a crash half way never creates a second dataset.
class SplpPush
{
public:
    SplpPush(SplpClient &client, SatuDataStore &store) : m_client(client), m_store(store) {}

    TargetResult run(const DataFile &file, const Table &table, TargetState &state, bool force, const QString &schoolName, QByteArray *answer)
    {
        const QString T = satudata::Splp;
        QJsonObject body = packageBody(file, schoolName);
        QJsonObject package;
        if (!state.remoteId.isEmpty()) {
            UpstreamCall show = m_client.packageShow(state.remoteId);
            *answer = show.answer;
            if (show.notFound()) {
                state.remoteId.clear(); // deleted on the portal: publish it again
                state.resourceId.clear();
            } else if (!show.ok) {
                return fromCall(T, show);
            } else {
                package = show.result.toObject();
                const QString modified = package.value(QLatin1String("metadata_modified")).toString();
                if (!force && !state.remoteModified.isEmpty() && modified != state.remoteModified) {
                    TargetResult r;
                    r.target = T;
                    r.status = QStringLiteral("conflict");
                    r.remoteId = state.remoteId;
                    r.message = QStringLiteral("Dataset di SPLP diubah orang lain sejak pengiriman terakhir (%1). Pilih versi yang dipakai: lokal atau portal.")
                                    .arg(modified);
                    r.hint = QStringLiteral("Buka konflik pada berkas ini, bandingkan kedua versi, lalu pilih \"Pakai versi lokal\" atau \"Pakai versi portal\".");
                    state.conflictRemote = remoteView(package);
                    return r;
                }
            }
        }
        if (state.remoteId.isEmpty()) {
            body.insert(QStringLiteral("name"), slug(file.title) + QLatin1Char('-') + file.id.left(8).toLower());
            UpstreamCall created = m_client.packageCreate(body);
            *answer = created.answer;
            if (!created.ok && created.status == 409 && created.errorObject.contains(QLatin1String("name"))) {
                // Our own dataset from an attempt whose answer never arrived: adopt it.
                UpstreamCall show = m_client.packageShow(body.value(QLatin1String("name")).toString());
                if (show.ok && extra(show.result.toObject(), QStringLiteral("tatausaha_id")) == file.id) {
                    QJsonObject update = body;
                    update.insert(QStringLiteral("id"), show.result.toObject().value(QLatin1String("id")));
                    created = m_client.packageUpdate(update); // ours: bring it up to date
                    *answer = created.answer;
                }
            }
            if (!created.ok)
                return fromCall(T, created);
            package = created.result.toObject();
            state.remoteId = package.value(QLatin1String("id")).toString();
            warnIf(m_store.saveState(state), "m_store.saveState");
        } else {
            body.insert(QStringLiteral("id"), state.remoteId);
            UpstreamCall updated = m_client.packageUpdate(body);
            *answer = updated.answer;
            if (!updated.ok)
                return fromCall(T, updated);
            package = updated.result.toObject();
        }
        // The table: replace our resource, or create it (once: look for it by name first).
        const QString resourceName = file.title.left(100);
        bool known = false;
        for (const QJsonValue &r : package.value(QLatin1String("resources")).toArray()) {
            const QJsonObject res = r.toObject();
            if (res.value(QLatin1String("id")).toString() == state.resourceId)
                known = true;
            else if (state.resourceId.isEmpty() && res.value(QLatin1String("name")).toString() == resourceName) {
                state.resourceId = res.value(QLatin1String("id")).toString();
                known = true;
            }
        }
        if (!known)
            state.resourceId.clear();
        QJsonObject ds = datastoreBody(table);
        if (state.resourceId.isEmpty())
            ds.insert(QStringLiteral("resource"), QJsonObject{{"package_id", state.remoteId}, {"name", resourceName}, {"format", "CSV"}});
        else
            ds.insert(QStringLiteral("resource_id"), state.resourceId);
        UpstreamCall stored = m_client.datastoreCreate(ds, !state.resourceId.isEmpty());
        *answer = stored.answer;
        if (!stored.ok)
            return fromCall(T, stored);
        state.resourceId = stored.result.toObject().value(QLatin1String("resource_id")).toString();
        warnIf(m_store.saveState(state), "m_store.saveState");
        UpstreamCall after = m_client.packageShow(state.remoteId);
        if (!after.ok)
            return fromCall(T, after);
        state.remoteModified = after.result.toObject().value(QLatin1String("metadata_modified")).toString();
        TargetResult r;
        r.target = T;
        r.status = QStringLiteral("ok");
        r.remoteId = state.remoteId;
        r.message = QStringLiteral("Dataset \"%1\" diterbitkan di SPLP (%2 baris).").arg(file.title).arg(stored.result.toObject().value(QLatin1String("total")).toInt());
        return r;
    }

private:
    SplpClient &m_client;
    SatuDataStore &m_store;
};

// The SIPD rows of a table: a `data` (or `nilai`) column holds the values; `kodeindikator`,
// `kodepemda` and `tahun` columns, where present, override the file's codes and period.
Result<QJsonArray> sipdRows(const DataFile &f, const Table &t)
{
    auto col = [&](const QStringList &names) {
        for (int i = 0; i < t.columns.size(); ++i)
            if (names.contains(t.columns[i].trimmed().toLower()))
                return i;
        return -1;
    };
    const int data = col({QStringLiteral("data"), QStringLiteral("nilai")});
    const int ki = col({QStringLiteral("kodeindikator"), QStringLiteral("kode_indikator")});
    const int kp = col({QStringLiteral("kodepemda"), QStringLiteral("kode_pemda")});
    const int th = col({QStringLiteral("tahun")});
    if (data < 0)
        return Error::validation({}, QStringLiteral("SIPD membutuhkan kolom \"data\" (atau \"nilai\") berisi angka indikator. Tambahkan kolom itu ke berkas lalu ganti berkasnya."));
    if ((ki < 0 && f.kodeIndikator.isEmpty()) || (kp < 0 && f.kodePemda.isEmpty()))
        return Error::validation({}, QStringLiteral("Untuk SIPD isi kode indikator dan kode pemda pada keterangan berkas (atau sediakan kolom kodeindikator dan kodepemda)."));
    QJsonArray rows;
    QHash<QString, int> seen; // SIPD keeps one value per (indikator, pemda, tahun): a repeat would overwrite
    for (const QStringList &r : t.rows) {
        auto cell = [&](int i, const QString &fallback) { return i >= 0 && !r.value(i).trimmed().isEmpty() ? r.value(i).trimmed() : fallback; };
        const QString tahun = cell(th, f.period);
        bool ok = false;
        const int year = tahun.toInt(&ok);
        const QString value = r.value(data).trimmed();
        bool num = false;
        const double v = value.toDouble(&num);
        const QString key = cell(ki, f.kodeIndikator) + QLatin1Char('|') + cell(kp, f.kodePemda) + QLatin1Char('|') + tahun;
        if (seen.contains(key))
            return Error::validation({}, QStringLiteral("Baris %1 dan %2 memakai kode indikator, kode pemda dan tahun yang sama; SIPD hanya menyimpan satu nilai untuk tiap kombinasi. "
                                                        "Tambahkan kolom tahun/kodeindikator yang membedakan, atau pisahkan berkasnya.")
                                                 .arg(seen.value(key) + 2).arg(rows.size() + 2));
        seen.insert(key, int(rows.size()));
        rows.append(QJsonObject{{"kodeindikator", cell(ki, f.kodeIndikator)}, {"kodepemda", cell(kp, f.kodePemda)},
                                {"tahun", ok ? QJsonValue(year) : QJsonValue(tahun)}, {"data", num ? QJsonValue(v) : QJsonValue(value)}});
    }
    return rows;
}

TargetResult sipdPush(SipdClient &client, const DataFile &file, const Table &table, QByteArray *answer)
{
    const QString T = satudata::Sipd;
    auto rows = sipdRows(file, table);
    if (!rows.ok())
        return failed(T, satudata::Validation, rows.error().message);
    TargetResult r;
    r.target = T;
    constexpr int Chunk = 10000; // SIPD takes at most 10,000 rows a push
    for (int start = 0; start < rows->size(); start += Chunk) {
        QJsonArray part;
        for (int i = start; i < qMin<int>(start + Chunk, rows->size()); ++i)
            part.append(rows->at(i));
        UpstreamCall c = client.pushDssd(part);
        *answer = c.answer;
        if (!c.ok) {
            TargetResult f = fromCall(T, c);
            f.rowsOk = r.rowsOk;
            return f;
        }
        const QJsonObject env = c.result.toObject();
        for (const QJsonValue &l : env.value(QLatin1String("log")).toArray()) {
            QJsonObject entry = l.toObject();
            entry.insert(QStringLiteral("row"), entry.value(QLatin1String("row")).toInt() + start);
            (entry.value(QLatin1String("status")).toString() == QLatin1String("OK") ? r.rowsOk : r.rowsError)++;
            r.log.append(entry);
        }
    }
    if (r.rowsError == 0) {
        r.status = QStringLiteral("ok");
        r.message = QStringLiteral("%1 baris diterima SIPD e-walidata.").arg(r.rowsOk);
    } else {
        r.status = QStringLiteral("failed");
        r.failureClass = satudata::Validation;
        r.message = r.rowsOk ? QStringLiteral("SIPD menolak %1 dari %2 baris; %3 baris tersimpan. Lihat log per baris.")
                                   .arg(r.rowsError).arg(r.rowsError + r.rowsOk).arg(r.rowsOk)
                             : QStringLiteral("SIPD menolak semua %1 baris. Lihat log per baris.").arg(r.rowsError);
        r.hint = satudata::failureHint(satudata::Validation);
    }
    return r;
}
} // namespace

SatuDataSync::SatuDataSync(Database &db, AuditLog &audit, SettingsStore &settings, DataFileService &files, QObject *parent)
    : QObject(parent), m_db(db), m_audit(audit), m_settings(settings), m_files(files), m_store(db),
      m_runner(db, QStringLiteral("satudata"), QStringLiteral("Sinkronisasi Satu Data"))
{
    qRegisterMetaType<tu::RunSummary>();
    // After the runner is idle again, as listeners expect (isRunning() false); from the run's thread.
    connect(&m_runner, &JobRunner::finished, this, [this] { emit runFinished(lastRun()); }, Qt::DirectConnection);
}

SatuDataSync::~SatuDataSync()
{
    cancel();
    waitForIdle(-1);
}

qint64 SatuDataSync::retryDelaySeconds(int attempts)
{
    static const qint64 steps[] = {60, 300, 900, 3600, 21600};
    return steps[qBound(1, attempts, 5) - 1];
}

TargetResult SatuDataSync::pushOne(const Actor &actor, const QString &runId, const DataFile &file, const QString &target, bool force)
{
    // One push at a time: a "Sync" pressed on a file while a bulk run is sending it must not
    // create its dataset twice. A single push waits for at most the one in flight.
    QMutexLocker pushing(&m_pushMutex);
    QElapsedTimer clock;
    clock.start();
    const SatuDataConfig config = SatuDataConfig::fromSettings(m_settings);
    auto states = m_store.states(file.id);
    TargetState state = states.ok() ? states->value(target) : TargetState{};
    state.fileId = file.id;
    state.target = target;
    const QString hash = pushHash(file, target, config);
    QByteArray answer;
    TargetResult r;
    if (!force && state.status == QLatin1String("ok") && state.pushedHash == hash) {
        r.target = target;
        r.status = QStringLiteral("unchanged");
        r.remoteId = state.remoteId;
        r.message = QStringLiteral("Tidak ada perubahan sejak sinkronisasi terakhir (%1); tidak dikirim ulang.").arg(state.lastSyncAt);
    } else {
        auto table = m_files.table(file.id);
        // The pacer outlives this call so that the delay holds between files of a run.
        thread_local RequestPacer pacer(0);
        pacer.setDelay(config.delayMs);
        QNetworkAccessManager namOwner;
        QNetworkAccessManager *nam = &namOwner;
        if (!table.ok()) {
            r = failed(target, satudata::Validation, table.error().message);
        } else if (target == satudata::Splp) {
            SplpClient client(config, pacer, nam);
            SplpPush push(client, m_store);
            r = push.run(file, table.value(), state, force, m_settings.value(QStringLiteral("school_name")), &answer);
        } else {
            SipdClient client(config, pacer, nam);
            r = sipdPush(client, file, table.value(), &answer);
        }
    }
    r.durationMs = clock.elapsed();
    const QString at = iso(now());
    int attempt = 1;
    if (r.status != QLatin1String("unchanged")) {
        state.lastAttemptAt = at;
        attempt = m_store.attempts(file.id, target) + 1;
        if (r.status == QLatin1String("ok")) {
            state.status = r.status;
            state.pushedHash = hash;
            state.lastSyncAt = at;
            state.failureClass.clear();
            state.error.clear();
            state.conflictRemote = {};
            warnIf(m_store.dequeue(file.id, target), "m_store.dequeue");
            warnIf(m_files.markSynced(file.id), "m_files.markSynced");
        } else {
            state.status = r.status;
            state.failureClass = r.failureClass;
            state.error = r.message;
            if (r.status == QLatin1String("conflict") || !satudata::failureIsTransient(r.failureClass)) {
                warnIf(m_store.dequeue(file.id, target), "m_store.dequeue"); // a person has to act: retrying would fail the same way
            } else if (attempt <= MaxRetryAttempts) {
                const QDateTime next = now().addSecs(retryDelaySeconds(attempt));
                RetryItem item;
                item.fileId = file.id;
                item.target = target;
                item.attempts = attempt;
                item.nextAt = iso(next);
                item.failureClass = r.failureClass;
                item.lastError = r.message;
                warnIf(m_store.enqueue(item), "m_store.enqueue");
                r.queued = true;
                r.message += QStringLiteral(" Dicoba ulang otomatis pukul %1.")
                                 .arg(next.toTimeZone(m_settings.schoolZone()).toString(QStringLiteral("HH:mm")));
            } else {
                warnIf(m_store.dequeue(file.id, target), "m_store.dequeue");
                r.message += QStringLiteral(" Sudah dicoba %1 kali; sinkronkan manual setelah masalahnya diatasi.").arg(attempt);
            }
        }
        if (auto s = m_store.saveState(state); !s.ok())
            qCWarning(lcSatuData) << "state not saved" << s.error().message;
    }
    PushLogEntry log;
    log.id = newId();
    log.runId = runId;
    log.fileId = file.id;
    log.fileTitle = file.title;
    log.target = target;
    log.status = r.status;
    log.failureClass = r.failureClass;
    log.message = r.message;
    log.answer = QString::fromUtf8(answer);
    log.durationMs = r.durationMs;
    log.attempt = attempt;
    log.actor = actor.username;
    log.at = at;
    if (auto s = m_store.appendLog(log); !s.ok())
        qCWarning(lcSatuData) << "log not written" << s.error().message;
    return r;
}

Result<FileSyncResult> SatuDataSync::syncFile(const Actor &actor, const QString &fileId, const QStringList &targets)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    if (!file->verified)
        return Error::conflict(QStringLiteral("Berkas \"%1\" belum diverifikasi admin. Hanya berkas terverifikasi yang boleh dikirim ke SPLP/SIPD.").arg(file->title));
    FileSyncResult out;
    out.fileId = file->id;
    out.title = file->title;
    for (const QString &t : targets)
        out.results << pushOne(actor, QString(), file.value(), t, false);
    QJsonObject after{{"targets", QJsonArray::fromStringList(targets)}};
    for (const TargetResult &r : out.results)
        after.insert(r.target, r.status);
    warnIf(m_audit.record(actor, QStringLiteral("sync"), Entity, fileId, {}, after), "m_audit.record");
    return out;
}

Result<SyncConflict> SatuDataSync::conflict(const QString &fileId, const QString &target)
{
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    auto states = m_store.states(fileId);
    if (!states.ok())
        return states.error();
    const TargetState s = states->value(target);
    if (s.status != QLatin1String("conflict"))
        return Error::notFound(QStringLiteral("Tidak ada konflik %1 untuk berkas ini.").arg(target.toUpper()));
    SyncConflict c;
    c.fileId = fileId;
    c.target = target;
    c.local = localView(file.value());
    c.remote = s.conflictRemote;
    c.detectedAt = s.lastAttemptAt;
    return c;
}

Result<TargetResult> SatuDataSync::resolveConflict(const Actor &actor, const QString &fileId, const QString &target, const QString &keep)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    if (keep != QLatin1String("local") && keep != QLatin1String("remote"))
        return Error::validation({{QStringLiteral("keep"), QStringLiteral("Pilih \"local\" (versi sekolah) atau \"remote\" (versi portal).")}});
    auto c = conflict(fileId, target);
    if (!c.ok())
        return c.error();
    auto file = m_files.get(fileId);
    if (!file.ok())
        return file.error();
    if (keep == QLatin1String("local")) {
        TargetResult r = pushOne(actor, QString(), file.value(), target, true);
        warnIf(m_audit.record(actor, QStringLiteral("resolve_conflict"), Entity, fileId, c->remote, {{"keep", keep}, {"status", r.status}}), "m_audit.record");
        return r;
    }
    auto adopted = m_files.adoptRemoteMeta(actor, fileId, c->remote.value(QLatin1String("title")).toString(),
                                           c->remote.value(QLatin1String("notes")).toString());
    if (!adopted.ok())
        return adopted.error();
    auto states = m_store.states(fileId);
    if (!states.ok())
        return states.error();
    TargetState s = states->value(target);
    s.status = QStringLiteral("ok");
    s.remoteModified = c->remote.value(QLatin1String("metadata_modified")).toString();
    s.pushedHash = pushHash(adopted.value(), target, SatuDataConfig::fromSettings(m_settings));
    s.lastSyncAt = iso(now());
    s.conflictRemote = {};
    s.failureClass.clear();
    s.error.clear();
    if (auto st = m_store.saveState(s); !st.ok())
        return st.error();
    warnIf(m_audit.record(actor, QStringLiteral("resolve_conflict"), Entity, fileId, c->local, {{"keep", keep}}), "m_audit.record");
    TargetResult r;
    r.target = target;
    r.status = QStringLiteral("ok");
    r.remoteId = s.remoteId;
    r.message = QStringLiteral("Versi portal dipakai: judul dan deskripsi berkas mengikuti SPLP.");
    if (!adopted->verified)
        r.message += QStringLiteral(" Keterangan berubah, jadi admin perlu memverifikasi berkas lagi sebelum dikirim.");
    return r;
}

Result<QMap<QString, TargetState>> SatuDataSync::states(const QString &fileId) { return m_store.states(fileId); }
Result<QHash<QString, QMap<QString, TargetState>>> SatuDataSync::allStates() { return m_store.allStates(); }

Result<QList<PushLogEntry>> SatuDataSync::logs(const PushLogFilter &filter, qint64 *total) { return m_store.logs(filter, total); }
Result<QList<RetryItem>> SatuDataSync::retryQueue() { return m_store.queue(); }

Result<SyncSchedule> SatuDataSync::schedule() { return m_store.schedule(); }

Result<SyncSchedule> SatuDataSync::setSchedule(const Actor &actor, const QJsonObject &json)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto s = SyncSchedule::fromJson(json);
    if (!s.ok())
        return s.error();
    auto before = m_store.schedule();
    if (!before.ok())
        return before.error();
    SyncSchedule next = s.value();
    next.updatedAt = iso(now());
    next.updatedBy = actor.username;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto st = m_store.saveSchedule(next); !st.ok())
        return st.error();
    if (auto st = m_audit.record(actor, QStringLiteral("update"), QStringLiteral("satudata_schedule"), QStringLiteral("1"), before->toJson(), next.toJson()); !st.ok())
        return st.error();
    if (auto st = tx.commit(); !st.ok())
        return st.error();
    return next;
}

QDateTime SatuDataSync::nextScheduledRun()
{
    auto s = schedule();
    return s.ok() ? nextScheduledRun(s.value()) : QDateTime();
}

QDateTime SatuDataSync::nextScheduledRun(const SyncSchedule &schedule) const { return schedule.nextSlot(now(), m_settings.schoolZone()); }

Result<QString> SatuDataSync::tick()
{
    if (isRunning())
        return QString();
    auto sch = m_store.schedule();
    if (!sch.ok())
        return sch.error();
    const QDateTime t = now();
    const QDateTime slot = sch->lastSlot(t, m_settings.schoolZone());
    // A slot counts once, and only if it came after the schedule was set (enabling a daily
    // 07:00 run at 10:00 waits for tomorrow instead of starting at once).
    const QDateTime setAt = QDateTime::fromString(sch->updatedAt, Qt::ISODateWithMs);
    const QDateTime lastRun = QDateTime::fromString(m_store.lastRunSlot(), Qt::ISODateWithMs);
    if (slot.isValid() && (!setAt.isValid() || slot > setAt) && (!lastRun.isValid() || slot > lastRun)) {
        auto claimed = m_store.claimSlot(iso(slot));
        if (!claimed.ok())
            return claimed.error();
        if (!claimed.value())
            return QString(); // another process took this slot
        auto all = m_files.all();
        if (!all.ok())
            return all.error();
        QList<Item> items;
        for (const DataFile &f : all.value())
            items.append({f.id, sch->targets});
        auto started = startRun(Actor::system(QStringLiteral("jadwal")), QStringLiteral("scheduled"), sch->targets, items);
        if (!started.ok())
            return started.error();
        return QStringLiteral("scheduled");
    }
    auto due = m_store.queue(iso(t));
    if (!due.ok())
        return due.error();
    if (due->isEmpty())
        return QString();
    QList<Item> items;
    QStringList targets;
    for (const RetryItem &i : due.value()) {
        auto it = std::find_if(items.begin(), items.end(), [&](const Item &x) { return x.fileId == i.fileId; });
        if (it == items.end())
            items.append({i.fileId, {i.target}});
        else
            it->targets << i.target;
        if (!targets.contains(i.target))
            targets << i.target;
    }
    auto started = startRun(Actor::system(QStringLiteral("antrean-ulang")), QStringLiteral("retry"), targets, items);
    if (!started.ok())
        return started.error();
    return QStringLiteral("retry");
}

Result<QString> SatuDataSync::startAll(const Actor &actor, const QStringList &targets)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto all = m_files.all();
    if (!all.ok())
        return all.error();
    QList<Item> items;
    for (const DataFile &f : all.value())
        items.append({f.id, targets});
    return startRun(actor, QStringLiteral("manual"), targets, items);
}

Result<RunSummary> SatuDataSync::runAll(const Actor &actor, const QStringList &targets)
{
    auto id = startAll(actor, targets);
    if (!id.ok())
        return id.error();
    waitForIdle(-1);
    QMutexLocker l(&m_mutex);
    return m_last;
}

Result<QString> SatuDataSync::startRun(const Actor &actor, const QString &trigger, const QStringList &targets, QList<Item> items)
{
    RunSummary run;
    run.runId = newId();
    run.trigger = trigger;
    run.targets = targets;
    run.startedAt = iso(now());
    for (const QString &t : targets)
        run.perTarget.insert(t, {});
    Progress first = Progress::of(QStringLiteral("Memulai sinkronisasi %1 berkas…").arg(items.size()), 0, 0, int(items.size()));
    first.jobId = run.runId;
    first.kind = QStringLiteral("satudata");
    auto started = m_runner.start(first, [this, run, actor, items](const JobControl &control) { execute(control, run, actor, items); });
    if (!started.ok())
        return started.error();
    return run.runId;
}

void SatuDataSync::execute(const JobControl &control, RunSummary run, const Actor &actor, const QList<Item> &items)
{
    int steps = 0;
    for (const Item &i : items)
        steps += int(i.targets.size());
    int done = 0;
    for (int n = 0; n < items.size(); ++n) {
        if (control.cancelled()) {
            run.cancelled = true;
            break;
        }
        auto file = m_files.get(items[n].fileId);
        if (!file.ok()) { // deleted meanwhile
            done += int(items[n].targets.size());
            continue;
        }
        FileSyncResult fr;
        fr.fileId = file->id;
        fr.title = file->title;
        for (const QString &t : items[n].targets) {
            TargetResult r;
            if (!file->verified) {
                r.target = t;
                r.status = QStringLiteral("skipped");
                r.message = QStringLiteral("Belum diverifikasi admin; dilewati.");
            } else {
                r = pushOne(actor, run.runId, file.value(), t, false);
            }
            TargetSummary &s = run.perTarget[t];
            if (r.status == QLatin1String("ok"))
                ++s.synced;
            else if (r.status == QLatin1String("unchanged"))
                ++s.unchanged;
            else if (r.status == QLatin1String("skipped"))
                ++s.skipped;
            else if (r.status == QLatin1String("conflict"))
                ++s.conflicts;
            else
                ++s.failed;
            fr.results << r;
            ++done;
            Progress p = Progress::of(QStringLiteral("%1 → %2: %3").arg(file->title, t.toUpper(), r.message), steps ? done * 100 / steps : 100,
                                      n + 1, int(items.size()));
            if (done == steps)
                p.progress = 99; // 100 only with the summary
            control.report(p);
        }
        run.files << fr;
    }
    run.finishedAt = iso(now());
    const QJsonObject summary = run.toJson();
    warnIf(m_audit.record(actor, QStringLiteral("sync_all"), Entity, run.runId, {},
                          {{"trigger", run.trigger}, {"summary", summary.value(QLatin1String("summary"))}, {"cancelled", run.cancelled}}),
           "m_audit.record");
    Progress final = Progress::of(run.message(), 100, int(items.size()), int(items.size()));
    final.done = true;
    final.cancelled = run.cancelled;
    if (run.cancelled)
        final.error = QStringLiteral("Dibatalkan.");
    else
        final.lastSync = run.finishedAt;
    {
        QMutexLocker l(&m_mutex);
        m_last = run;
    }
    control.report(final);
}

Result<QList<FileWithStates>> SatuDataSync::filesWithStates(const DataFileFilter &filter, qint64 *total)
{
    QList<DataFile> files;
    if (filter.page.limit > 0) {
        auto page = m_files.list(filter, total);
        if (!page.ok())
            return page.error();
        files = page.value();
    } else { // every page, in the list's order
        DataFileFilter f = filter;
        f.page.limit = PageRequest::MaxLimit;
        qint64 count = 0;
        for (f.page.page = 1;; ++f.page.page) {
            auto page = m_files.list(f, &count);
            if (!page.ok())
                return page.error();
            files += page.value();
            if (page->isEmpty() || qint64(files.size()) >= count)
                break;
        }
        if (total)
            *total = count;
    }
    auto states = allStates();
    if (!states.ok())
        return states.error();
    QList<FileWithStates> out;
    out.reserve(files.size());
    for (const DataFile &d : files)
        out.append({d, states->value(d.id)});
    return out;
}

RunSummary SatuDataSync::lastRun() const
{
    QMutexLocker l(&m_mutex);
    return m_last;
}

} // namespace tu
