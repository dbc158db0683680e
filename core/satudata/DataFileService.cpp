#include "DataFileService.h"
#include "auth/Permissions.h"
#include "audit/AuditedChange.h"
#include "Text.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "files/Upload.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace tu {

namespace {
const QString Entity = QStringLiteral("satudata_file");
const QString Columns = QStringLiteral("id, title, description, period, unit, tags, kode_indikator, kode_pemda, format, original_name, "
                                       "stored_name, size_bytes, sha256, columns_json, row_count, verified, verified_by, verified_at, "
                                       "ever_synced, uploaded_by, created_at, updated_at");
DataFile fromRow(const QSqlQuery &q)
{
    DataFile f;
    int i = 0;
    f.id = q.value(i++).toString();
    f.title = q.value(i++).toString();
    f.description = q.value(i++).toString();
    f.period = q.value(i++).toString();
    f.unit = q.value(i++).toString();
    f.tags = q.value(i++).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    f.kodeIndikator = q.value(i++).toString();
    f.kodePemda = q.value(i++).toString();
    f.format = q.value(i++).toString();
    f.originalName = q.value(i++).toString();
    f.storedName = q.value(i++).toString();
    f.size = q.value(i++).toLongLong();
    f.sha256 = q.value(i++).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).array())
        f.columns << v.toString();
    f.rowCount = q.value(i++).toInt();
    f.verified = q.value(i++).toInt() != 0;
    f.verifiedBy = q.value(i++).toString();
    f.verifiedAt = q.value(i++).toString();
    f.everSynced = q.value(i++).toInt() != 0;
    f.uploadedBy = q.value(i++).toString();
    f.createdAt = q.value(i++).toString();
    f.updatedAt = q.value(i++).toString();
    return f;
}

QVariantList binds(const DataFile &f)
{
    auto opt = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); };
    return {f.id, f.title, opt(f.description), f.period, opt(f.unit), opt(f.tags.join(QLatin1Char(','))), opt(f.kodeIndikator),
            opt(f.kodePemda), f.format, opt(f.originalName), f.storedName, f.size, f.sha256,
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(f.columns)).toJson(QJsonDocument::Compact)), f.rowCount,
            f.verified ? 1 : 0, opt(f.verifiedBy), opt(f.verifiedAt), f.everSynced ? 1 : 0, opt(f.uploadedBy), f.createdAt, f.updatedAt};
}

Error notFound() { return Error::notFound(QStringLiteral("Berkas data tidak ditemukan.")); }

QJsonArray jsonRow(const QStringList &cells) { return QJsonArray::fromStringList(cells); }

// The parsed table as stored next to the file's row (see 009_satudata_tables.sql).
Status storeTable(Database &db, const QString &id, const Table &t)
{
    QJsonArray rows, preview;
    for (int i = 0; i < t.rows.size(); ++i) {
        rows.append(jsonRow(t.rows.at(i)));
        if (i < DataFileService::PreviewRows)
            preview.append(jsonRow(t.rows.at(i)));
    }
    const QJsonObject table{{"columns", jsonRow(t.columns)}, {"rows", rows}};
    if (auto r = db.exec(QStringLiteral("DELETE FROM satudata_file_tables WHERE file_id = ?"), {id}); !r.ok())
        return r.error();
    auto r = db.exec(QStringLiteral("INSERT INTO satudata_file_tables (file_id, table_json, preview_json) VALUES (?, ?, ?)"),
                     {id, QString::fromUtf8(QJsonDocument(table).toJson(QJsonDocument::Compact)),
                      QString::fromUtf8(QJsonDocument(preview).toJson(QJsonDocument::Compact))});
    if (!r.ok())
        return r.error();
    return {};
}

QStringList stringRow(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &c : v.toArray())
        out << c.toString();
    return out;
}

// What was verified is what gets published: any change of the metadata takes it back.
void unverifyIfChanged(DataFile &after, const DataFile &before)
{
    if (after.toJson() != before.toJson() && after.verified) {
        after.verified = false;
        after.verifiedBy.clear();
        after.verifiedAt.clear();
    }
}
} // namespace

QJsonObject DataFile::toJson() const
{
    return {{"id", id}, {"title", title}, {"description", description}, {"period", period}, {"unit", unit},
            {"tags", QJsonArray::fromStringList(tags)}, {"kodeindikator", kodeIndikator}, {"kodepemda", kodePemda},
            {"format", format}, {"originalName", originalName}, {"size", size}, {"sha256", sha256},
            {"columns", QJsonArray::fromStringList(columns)}, {"rowCount", rowCount}, {"verified", verified},
            {"verifiedBy", verifiedBy}, {"verifiedAt", verifiedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(verifiedAt)},
            {"everSynced", everSynced}, {"uploadedBy", uploadedBy}, {"createdAt", createdAt}, {"updatedAt", updatedAt}};
}

DataFileService::DataFileService(Database &db, AuditLog &audit, QString dir, files::DiskReserve reserve)
    : m_db(db), m_audit(audit), m_dir(std::move(dir)), m_reserve(std::move(reserve))
{
}

Result<DataFile> DataFileService::parseMeta(const QJsonObject &in, DataFile f)
{
    QHash<QString, QString> e;
    auto str = [&](const char *key, const QString &current) {
        if (!in.contains(QLatin1String(key)))
            return current;
        const QJsonValue v = in.value(QLatin1String(key));
        if (!v.isString() && !v.isNull() && !v.isDouble()) {
            e.insert(QLatin1String(key), QStringLiteral("Harus berupa teks."));
            return current;
        }
        return v.isDouble() ? QString::number(v.toInt()) : v.toString().trimmed();
    };
    f.title = str("title", f.title);
    f.description = str("description", f.description);
    f.period = str("period", f.period);
    f.unit = str("unit", f.unit);
    f.kodeIndikator = str("kodeindikator", f.kodeIndikator);
    f.kodePemda = str("kodepemda", f.kodePemda);
    if (in.contains(QLatin1String("tags"))) {
        const QJsonValue t = in.value(QLatin1String("tags"));
        QStringList tags = t.isArray() ? QStringList() : t.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QJsonValue &v : t.toArray())
            tags << v.toString();
        f.tags.clear();
        for (const QString &tag : tags)
            if (!tag.trimmed().isEmpty() && !f.tags.contains(tag.trimmed()))
                f.tags << tag.trimmed();
    }
    static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
    static const QRegularExpression indikator(QStringLiteral("^[0-9]{1,2}(\\.[0-9]{1,3}){1,4}$"));
    static const QRegularExpression pemda(QStringLiteral("^\\d{2}(\\d{2})?$"));
    if (f.title.isEmpty())
        e.insert(QStringLiteral("title"), QStringLiteral("Judul wajib diisi."));
    else if (f.title.size() > 200 || text::hasControl(f.title))
        e.insert(QStringLiteral("title"), QStringLiteral("Judul paling banyak 200 karakter, tanpa karakter kendali."));
    if (f.description.size() > 2000 || text::hasControl(f.description, true))
        e.insert(QStringLiteral("description"), QStringLiteral("Deskripsi paling banyak 2000 karakter."));
    if (!year.match(f.period).hasMatch() || f.period.toInt() < 2000 || f.period.toInt() > 2100)
        e.insert(QStringLiteral("period"), QStringLiteral("Periode/tahun harus tahun empat angka, mis. 2025."));
    if (f.unit.size() > 50)
        e.insert(QStringLiteral("unit"), QStringLiteral("Satuan paling banyak 50 karakter."));
    if (f.tags.size() > 10 || std::any_of(f.tags.begin(), f.tags.end(), [](const QString &t) { return t.size() > 30 || t.contains(QLatin1Char(',')); }))
        e.insert(QStringLiteral("tags"), QStringLiteral("Paling banyak 10 tag, masing-masing paling banyak 30 karakter."));
    if (!f.kodeIndikator.isEmpty() && !indikator.match(f.kodeIndikator).hasMatch())
        e.insert(QStringLiteral("kodeindikator"), QStringLiteral("Kode indikator SIPD berbentuk angka bertitik, mis. 1.01.02."));
    if (!f.kodePemda.isEmpty() && !pemda.match(f.kodePemda).hasMatch())
        e.insert(QStringLiteral("kodepemda"), QStringLiteral("Kode pemda SIPD 2 atau 4 angka, mis. 34 atau 3404."));
    if ((f.kodeIndikator.isEmpty()) != (f.kodePemda.isEmpty()))
        e.insert(f.kodeIndikator.isEmpty() ? QStringLiteral("kodeindikator") : QStringLiteral("kodepemda"),
                 QStringLiteral("Untuk SIPD isi kode indikator dan kode pemda bersama-sama (atau kosongkan keduanya)."));
    if (!e.isEmpty())
        return Error::validation(e, QStringLiteral("Periksa kembali keterangan berkas data."));
    return f;
}

Result<DataFile> DataFileService::find(const QString &id)
{
    auto r = firstRow<DataFile>(m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM satudata_files WHERE id = ?"), {id}), fromRow);
    if (!r.ok())
        return r.error();
    if (!r.value())
        return notFound();
    return *r.value();
}

Result<DataFile> DataFileService::get(const QString &id) { return find(id); }

Result<DataFile> DataFileService::upload(const Actor &actor, QIODevice &content, const QString &originalName, const QJsonObject &meta)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    auto f = parseMeta(meta, DataFile{});
    if (!f.ok())
        return f.error();
    if (content.size() > MaxBytes)
        return Error::make(ErrorCode::PayloadTooLarge, QStringLiteral("Berkas melebihi 10 MB. Pecah datanya menjadi beberapa berkas."));
    content.seek(0);
    const QByteArray bytes = content.readAll();
    auto table = tablefile::parse(bytes);
    if (!table.ok())
        return table.error();
    DataFile d = f.value();
    d.id = newId();
    d.format = table->format;
    d.columns = table->columns;
    d.rowCount = int(table->rows.size());
    d.originalName = QFileInfo(originalName).fileName().left(200);
    d.storedName = d.id + QLatin1Char('.') + d.format;
    d.uploadedBy = actor.username;
    d.createdAt = d.updatedAt = nowIso();
    const QString path = m_dir + QLatin1Char('/') + d.storedName;
    auto saved = files::PendingFile::save(content, path, m_reserve);
    if (!saved.ok())
        return saved.error();
    files::PendingFile stored = std::move(saved).value();
    d.size = stored.saved().size;
    d.sha256 = stored.saved().sha256;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto ins = m_db.exec(QStringLiteral("INSERT INTO satudata_files (") + Columns + QStringLiteral(") VALUES (")
                             + QStringList(22, QStringLiteral("?")).join(QStringLiteral(", ")) + QLatin1Char(')'),
                         binds(d));
    if (!ins.ok())
        return ins.error();
    if (auto s = storeTable(m_db, d.id, table.value()); !s.ok())
        return s.error();
    if (auto s = m_audit.record(actor, QStringLiteral("upload"), Entity, d.id, {}, d.toJson()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    stored.keep();
    return d;
}

namespace {
Status update(Database &db, const DataFile &d)
{
    QStringList cols = Columns.split(QStringLiteral(", "));
    cols.removeFirst();
    QStringList sets;
    for (const QString &c : cols)
        sets << c + QStringLiteral(" = ?");
    QVariantList b = binds(d);
    b.append(b.takeFirst()); // id last
    auto r = db.exec(QStringLiteral("UPDATE satudata_files SET ") + sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"), b);
    if (!r.ok())
        return r.error();
    return {};
}
} // namespace

Result<DataFile> DataFileService::replace(const Actor &actor, const QString &id, QIODevice &content, const QString &originalName)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    if (content.size() > MaxBytes)
        return Error::make(ErrorCode::PayloadTooLarge, QStringLiteral("Berkas melebihi 10 MB. Pecah datanya menjadi beberapa berkas."));
    auto before = find(id);
    if (!before.ok())
        return before.error();
    content.seek(0);
    auto table = tablefile::parse(content.readAll());
    if (!table.ok())
        return table.error();
    DataFile d = before.value();
    d.format = table->format;
    d.columns = table->columns;
    d.rowCount = int(table->rows.size());
    d.originalName = QFileInfo(originalName).fileName().left(200);
    d.storedName = newId() + QLatin1Char('.') + d.format; // the old file stays until the row points here
    d.verified = false; // new content must be checked again
    d.verifiedBy.clear();
    d.verifiedAt.clear();
    d.updatedAt = nowIso();
    const QString path = m_dir + QLatin1Char('/') + d.storedName;
    auto saved = files::PendingFile::save(content, path, m_reserve);
    if (!saved.ok())
        return saved.error();
    files::PendingFile stored = std::move(saved).value();
    d.size = stored.saved().size;
    d.sha256 = stored.saved().sha256;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto s = update(m_db, d); !s.ok())
        return s.error();
    if (auto s = storeTable(m_db, d.id, table.value()); !s.ok())
        return s.error();
    if (auto s = m_audit.record(actor, QStringLiteral("replace"), Entity, id, before->toJson(), d.toJson()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    stored.keep();
    QFile::remove(m_dir + QLatin1Char('/') + before->storedName);
    return d;
}

Result<DataFile> DataFileService::change(const Actor &actor, const QString &id, const QString &action,
                                         const std::function<Result<DataFile>(const DataFile &)> &edit)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p.error();
    return auditedChange(
        m_db, m_audit, actor, {action, Entity, id}, [&] { return find(id); },
        [&](const DataFile &before) -> Result<DataFile> {
            auto edited = edit(before);
            if (!edited.ok())
                return edited.error();
            DataFile after = edited.value();
            after.updatedAt = nowIso();
            return after;
        },
        [&](const DataFile &after) { return update(m_db, after); });
}

Result<DataFile> DataFileService::updateMeta(const Actor &actor, const QString &id, const QJsonObject &meta)
{
    return change(actor, id, QStringLiteral("update"), [&](const DataFile &before) -> Result<DataFile> {
        auto d = parseMeta(meta, before);
        if (!d.ok())
            return d.error();
        DataFile after = d.value();
        unverifyIfChanged(after, before);
        return after;
    });
}

Status DataFileService::remove(const Actor &actor, const QString &id)
{
    if (auto p = require(actor, Permission::ManageSatuData); !p.ok())
        return p;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto d = find(id);
    if (!d.ok())
        return d.error();
    if (d->everSynced)
        return Error::conflict(QStringLiteral("Berkas ini sudah pernah dikirim ke SPLP/SIPD sehingga tidak dapat dihapus. Ganti isinya atau batalkan verifikasinya."));
    if (auto r = m_db.exec(QStringLiteral("DELETE FROM satudata_files WHERE id = ?"), {id}); !r.ok())
        return r.error();
    if (auto s = m_audit.record(actor, QStringLiteral("delete"), Entity, id, d->toJson(), {}); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s;
    QFile::remove(m_dir + QLatin1Char('/') + d->storedName);
    return {};
}

Result<DataFile> DataFileService::setVerified(const Actor &actor, const QString &id, bool verified)
{
    if (!may(actor, Permission::VerifySatuData))
        return Error::forbidden(QStringLiteral("Hanya admin yang dapat memverifikasi berkas data."));
    return change(actor, id, verified ? QStringLiteral("verify") : QStringLiteral("unverify"), [&](DataFile d) -> Result<DataFile> {
        d.verified = verified;
        d.verifiedBy = verified ? actor.username : QString();
        d.verifiedAt = verified ? nowIso() : QString();
        return d;
    });
}

Result<QList<DataFile>> DataFileService::list(const DataFileFilter &filter, qint64 *total)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList b;
    if (!filter.q.trimmed().isEmpty()) {
        where += QStringLiteral(" AND LOWER(title) LIKE ? ESCAPE '\\'");
        b << text::likeContains(filter.q);
    }
    if (filter.verified) {
        where += QStringLiteral(" AND verified = ?");
        b << (*filter.verified ? 1 : 0);
    }
    auto n = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM satudata_files") + where, b);
    if (!n.ok())
        return n.error();
    *total = n.value().next() ? n.value().value(0).toLongLong() : 0;
    b << filter.page.limit << filter.page.offset();
    return allRows<DataFile>(m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM satudata_files") + where
                                           + QStringLiteral(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?"), b),
                             fromRow);
}

Result<Table> DataFileService::table(const QString &id)
{
    auto d = find(id);
    if (!d.ok())
        return d.error();
    auto q = m_db.exec(QStringLiteral("SELECT table_json FROM satudata_file_tables WHERE file_id = ?"), {id});
    if (!q.ok())
        return q.error();
    if (!q.value().next())
        return parseStoredOnce(d.value());
    const QJsonObject o = QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object();
    Table t;
    t.format = d->format;
    t.columns = stringRow(o.value(QLatin1String("columns")));
    const QJsonArray rows = o.value(QLatin1String("rows")).toArray();
    t.rows.reserve(rows.size());
    for (const QJsonValue &r : rows)
        t.rows.append(stringRow(r));
    return t;
}

Result<QList<QStringList>> DataFileService::preview(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT preview_json FROM satudata_file_tables WHERE file_id = ?"), {id});
    if (!q.ok())
        return q.error();
    QList<QStringList> out;
    if (q.value().next()) {
        for (const QJsonValue &r : QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).array())
            out.append(stringRow(r));
        return out;
    }
    auto t = table(id); // a file from before the table was stored: parsed (and stored) once
    if (!t.ok())
        return t.error();
    return t->rows.mid(0, PreviewRows);
}

Result<Table> DataFileService::parseStoredOnce(const DataFile &d)
{
    QFile f(m_dir + QLatin1Char('/') + d.storedName);
    if (!f.open(QIODevice::ReadOnly))
        return Error::server(QStringLiteral("stored data file missing: ") + f.fileName());
    if (f.size() > MaxBytes)
        return Error::server(QStringLiteral("stored data file over the upload limit: ") + f.fileName());
    auto t = tablefile::parse(f.readAll());
    if (!t.ok())
        return t.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto s = storeTable(m_db, d.id, t.value()); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return t;
}

Result<QList<DataFile>> DataFileService::all()
{
    return allRows<DataFile>(m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM satudata_files ORDER BY created_at, id")), fromRow);
}

Result<DataFile> DataFileService::adoptRemoteMeta(const Actor &actor, const QString &id, const QString &title, const QString &description)
{
    return change(actor, id, QStringLiteral("adopt_remote"), [&](const DataFile &before) -> Result<DataFile> {
        // The portal's text is checked like a user's edit (length, control characters): it is
        // input from outside, and it goes out again on the next push.
        auto d = parseMeta({{"title", title}, {"description", description}}, before);
        if (!d.ok()) {
            Error e = d.error();
            e.message = QStringLiteral("Judul/deskripsi dari portal tidak memenuhi aturan berkas data. Pilih versi sekolah, "
                                       "atau perbaiki judul/deskripsi di portal lalu sinkronkan lagi.");
            return e;
        }
        DataFile after = d.value();
        unverifyIfChanged(after, before); // new text: an admin checks it again, as after any edit
        return after;
    });
}

Status DataFileService::markSynced(const QString &id)
{
    auto r = m_db.exec(QStringLiteral("UPDATE satudata_files SET ever_synced = 1 WHERE id = ?"), {id});
    if (!r.ok())
        return r.error();
    return {};
}

} // namespace tu
