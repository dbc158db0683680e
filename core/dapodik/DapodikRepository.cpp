#include "DapodikRepository.h"
#include "Text.h"
#include "db/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlRecord>

namespace tu {

namespace {

// INSERT … ON CONFLICT (key) DO UPDATE: one prepared statement per table, reused per row.
QString upsertSql(const QString &table, const QStringList &columns)
{
    QStringList marks, sets;
    for (const QString &c : columns) {
        marks << QStringLiteral("?");
        if (c != columns.first())
            sets << c + QStringLiteral(" = excluded.") + c;
    }
    return QStringLiteral("INSERT INTO %1 (%2, active, inactive_at, synced_at) VALUES (%3, 1, NULL, ?) "
                          "ON CONFLICT (%4) DO UPDATE SET %5, active = 1, inactive_at = NULL, synced_at = excluded.synced_at")
        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")), columns.first(), sets.join(QStringLiteral(", ")));
}

QVariant field(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    return v.toString();
}

QString placeholders(int n) { return QStringList(n, QStringLiteral("?")).join(QStringLiteral(", ")); }

Result<int> upsert(Database &db, const QString &table, const QStringList &columns, const QList<QJsonObject> &rows, const QString &at)
{
    const QString sql = upsertSql(table, columns);
    QSqlQuery *q = nullptr; // the thread's prepared statement, bound and run again for every row
    QVariantList binds;
    binds.reserve(columns.size() + 1);
    for (const QJsonObject &r : rows) {
        binds.clear();
        for (const QString &c : columns)
            binds << field(r, c);
        binds << at;
        if (!q) {
            auto first = db.execCached(sql, binds);
            if (!first.ok())
                return first.error();
            q = first.value();
            continue;
        }
        for (int i = 0; i < binds.size(); ++i)
            q->bindValue(i, binds.at(i));
        if (!q->exec())
            return Error::server(QStringLiteral("upsert into %1 failed: %2").arg(table, sqlError(*q)));
    }
    if (q)
        q->finish();
    return int(rows.size());
}

// Marks rows of `scopeColumn = scope` whose key is not in `keep` inactive.
Result<int> retire(Database &db, const QString &table, const QString &key, const QString &scopeColumn, const QString &scope,
                   const QStringList &keep, const QString &at)
{
    QString sql = QStringLiteral("UPDATE %1 SET active = 0, inactive_at = ? WHERE active = 1 AND %2 = ?").arg(table, scopeColumn);
    QVariantList binds{at, scope};
    if (!keep.isEmpty()) {
        sql += QStringLiteral(" AND %1 NOT IN (%2)").arg(key, placeholders(int(keep.size())));
        for (const QString &k : keep)
            binds << k;
    }
    return db.execAffected(sql, binds);
}

QJsonObject rowToJson(const QSqlQuery &q)
{
    QJsonObject o;
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i) {
        const QString name = rec.fieldName(i);
        const QVariant v = q.value(i);
        if (name == QLatin1String("active"))
            o.insert(name, v.toInt() != 0);
        else if (name == QLatin1String("jumlah_ptk") || name == QLatin1String("jumlah_sekolah"))
            o.insert(name, v.toLongLong());
        else
            o.insert(name, v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.toString()));
    }
    return o;
}

QString analyticsSelect()
{
    QFile f(QStringLiteral(":/sql/dashboard_analitik.sql"));
    f.open(QIODevice::ReadOnly);
    QStringList lines;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines << line;
    return lines.join(QLatin1Char('\n')).trimmed();
}
} // namespace

const QStringList &DapodikRepository::kecamatanColumns()
{
    static const QStringList c{"kode_wilayah", "nama", "mst_kode_wilayah"};
    return c;
}

const QStringList &DapodikRepository::sekolahColumns()
{
    static const QStringList c{"npsn", "sekolah_id", "nama", "bentuk_pendidikan", "status", "alamat", "kode_wilayah"};
    return c;
}

const QStringList &DapodikRepository::ptkColumns()
{
    static const QStringList c{"ptk_id", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "nuptk", "nip", "jenis_ptk",
                               "status_kepegawaian", "pendidikan_terakhir", "npsn"};
    return c;
}

Result<int> DapodikRepository::upsertKecamatan(const QList<QJsonObject> &rows, const QString &at)
{
    return upsert(m_db, QStringLiteral("dapodik_kecamatan"), kecamatanColumns(), rows, at);
}
Result<int> DapodikRepository::upsertSekolah(const QList<QJsonObject> &rows, const QString &at)
{
    return upsert(m_db, QStringLiteral("dapodik_sekolah"), sekolahColumns(), rows, at);
}
Result<int> DapodikRepository::upsertPtk(const QList<QJsonObject> &rows, const QString &at)
{
    return upsert(m_db, QStringLiteral("dapodik_ptk"), ptkColumns(), rows, at);
}

Result<int> DapodikRepository::retireKecamatan(const QString &kodeKabupaten, const QStringList &keep, const QString &at)
{
    return retire(m_db, QStringLiteral("dapodik_kecamatan"), QStringLiteral("kode_wilayah"), QStringLiteral("mst_kode_wilayah"), kodeKabupaten, keep, at);
}

Result<int> DapodikRepository::retireSekolah(const QString &kodeKecamatan, const QStringList &keepNpsn, const QString &at)
{
    // PTK of the schools about to go first, while they can still be found as active.
    QString sql = QStringLiteral("UPDATE dapodik_ptk SET active = 0, inactive_at = ? WHERE active = 1 AND npsn IN "
                                 "(SELECT npsn FROM dapodik_sekolah WHERE active = 1 AND kode_wilayah = ?");
    QVariantList binds{at, kodeKecamatan};
    if (!keepNpsn.isEmpty()) {
        sql += QStringLiteral(" AND npsn NOT IN (%1)").arg(placeholders(int(keepNpsn.size())));
        for (const QString &k : keepNpsn)
            binds << k;
    }
    sql += QLatin1Char(')');
    auto ptk = m_db.execAffected(sql, binds);
    if (!ptk.ok())
        return ptk.error();
    auto s = retire(m_db, QStringLiteral("dapodik_sekolah"), QStringLiteral("npsn"), QStringLiteral("kode_wilayah"), kodeKecamatan, keepNpsn, at);
    if (!s.ok())
        return s.error();
    return ptk.value() + s.value();
}

Result<int> DapodikRepository::retirePtk(const QString &npsn, const QStringList &keepIds, const QString &at)
{
    return retire(m_db, QStringLiteral("dapodik_ptk"), QStringLiteral("ptk_id"), QStringLiteral("npsn"), npsn, keepIds, at);
}

Result<int> DapodikRepository::retireSchool(const QString &npsn, const QString &at)
{
    auto p = retirePtk(npsn, {}, at);
    if (!p.ok())
        return p.error();
    auto s = m_db.execAffected(QStringLiteral("UPDATE dapodik_sekolah SET active = 0, inactive_at = ? WHERE active = 1 AND npsn = ?"), {at, npsn});
    if (!s.ok())
        return s.error();
    return p.value() + s.value();
}

Result<QStringList> DapodikRepository::activeKecamatan()
{
    auto q = m_db.exec(QStringLiteral("SELECT kode_wilayah FROM dapodik_kecamatan WHERE active = 1 ORDER BY kode_wilayah"));
    if (!q.ok())
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

Result<QStringList> DapodikRepository::activeSekolah()
{
    auto q = m_db.exec(QStringLiteral("SELECT npsn FROM dapodik_sekolah WHERE active = 1 ORDER BY kode_wilayah, npsn"));
    if (!q.ok())
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

Result<QString> DapodikRepository::kecamatanName(const QString &kode)
{
    auto q = m_db.exec(QStringLiteral("SELECT nama FROM dapodik_kecamatan WHERE kode_wilayah = ?"), {kode});
    if (!q.ok())
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : kode;
}

Result<DapodikListPage> DapodikRepository::list(const QString &table, const QStringList &columns, const QStringList &pageColumns,
                                                const QString &where, const QVariantList &binds, const QString &orderBy, const PageRequest &page,
                                                DapodikListFilter::Parts parts)
{
    // The page first: a top-N scan that keeps only `limit` rows in its sorter, with the
    // per-row lookups (`pageColumns`: school name, counts) done for the page's rows only. A
    // first page with room to spare holds every match, so it is its own total; otherwise one
    // COUNT(*) over the same filter. (COUNT(*) OVER () in the page query made SQLite sort and
    // look up every match: 200–400 ms for a one-letter search over 100,000 PTK.)
    DapodikListPage out;
    out.page = page;
    const auto count = [&]() -> Status {
        auto total = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM %1 t%2").arg(table, where), binds);
        if (!total.ok())
            return total.error();
        out.total = total.value().next() ? total.value().value(0).toLongLong() : 0;
        return {};
    };
    if (parts == DapodikListFilter::Parts::TotalOnly) {
        if (auto c = count(); !c.ok())
            return c.error();
        return out;
    }
    QVariantList pb = binds;
    pb << page.limit << page.offset();
    QString outerOrder = orderBy;
    outerOrder.replace(QLatin1String("t."), QLatin1String("p."));
    const QString extra = pageColumns.isEmpty() ? QString() : QStringLiteral(", ") + pageColumns.join(QStringLiteral(", "));
    auto rows = m_db.exec(QStringLiteral("SELECT p.*%1 FROM (SELECT %2 FROM %3 t%4 ORDER BY %5 LIMIT ? OFFSET ?) p ORDER BY %6")
                              .arg(extra, columns.join(QStringLiteral(", ")), table, where, orderBy, outerOrder),
                          pb);
    if (!rows.ok())
        return rows.error();
    while (rows.value().next())
        out.items.append(rowToJson(rows.value()));
    rows.value().finish();
    if (page.offset() == 0 && out.items.size() < page.limit) {
        out.total = out.items.size();
        return out;
    }
    if (parts == DapodikListFilter::Parts::PageOnly) {
        out.total = -1;
        return out;
    }
    if (auto c = count(); !c.ok())
        return c.error();
    return out;
}

QString DapodikRepository::namaColumn() const
{
    // Case-insensitive name search: PostgreSQL's LIKE minds case; SQLite's ignores ASCII case
    // already (and its LOWER() knows no more than ASCII), so the bare column spares a function
    // call per row on every keystroke.
    return m_db.isPostgres() ? QStringLiteral("LOWER(t.nama)") : QStringLiteral("t.nama");
}

Result<DapodikListPage> DapodikRepository::kecamatanList(const DapodikListFilter &f)
{
    QString where = f.includeInactive ? QStringLiteral(" WHERE 1 = 1") : QStringLiteral(" WHERE t.active = 1");
    QVariantList binds;
    if (!f.q.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (%1 LIKE ? ESCAPE '\\' OR t.kode_wilayah LIKE ? ESCAPE '\\')").arg(namaColumn());
        binds << text::likeContains(f.q) << text::likeContains(f.q);
    }
    return list(QStringLiteral("dapodik_kecamatan"),
                {"t.kode_wilayah", "t.nama", "t.mst_kode_wilayah", "t.active", "t.inactive_at", "t.synced_at"},
                {"(SELECT COUNT(*) FROM dapodik_sekolah s WHERE s.kode_wilayah = p.kode_wilayah AND s.active = 1) AS jumlah_sekolah"}, where, binds, QStringLiteral("t.kode_wilayah"), f.page, f.parts);
}

Result<DapodikListPage> DapodikRepository::sekolahList(const DapodikListFilter &f)
{
    QString where = f.includeInactive ? QStringLiteral(" WHERE 1 = 1") : QStringLiteral(" WHERE t.active = 1");
    QVariantList binds;
    if (!f.kodeWilayah.isEmpty()) {
        where += QStringLiteral(" AND t.kode_wilayah = ?");
        binds << f.kodeWilayah;
    }
    if (!f.q.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (%1 LIKE ? ESCAPE '\\' OR t.npsn LIKE ? ESCAPE '\\')").arg(namaColumn());
        binds << text::likeContains(f.q) << text::likeContains(f.q);
    }
    return list(QStringLiteral("dapodik_sekolah"),
                {"t.npsn", "t.sekolah_id", "t.nama", "t.bentuk_pendidikan", "t.status", "t.alamat", "t.kode_wilayah",
                 "t.active", "t.inactive_at", "t.synced_at"},
                {"(SELECT COUNT(*) FROM dapodik_ptk x WHERE x.npsn = p.npsn AND x.active = 1) AS jumlah_ptk"}, where, binds, QStringLiteral("t.nama, t.npsn"), f.page, f.parts);
}

Result<DapodikListPage> DapodikRepository::ptkList(const DapodikListFilter &f)
{
    QString where = f.includeInactive ? QStringLiteral(" WHERE 1 = 1") : QStringLiteral(" WHERE t.active = 1");
    QVariantList binds;
    if (!f.npsn.isEmpty()) {
        where += QStringLiteral(" AND t.npsn = ?");
        binds << f.npsn;
    }
    if (!f.kodeWilayah.isEmpty()) {
        where += QStringLiteral(" AND t.npsn IN (SELECT npsn FROM dapodik_sekolah WHERE kode_wilayah = ?)");
        binds << f.kodeWilayah;
    }
    if (!f.status.isEmpty()) {
        where += QStringLiteral(" AND t.status_kepegawaian = ?");
        binds << f.status;
    }
    const QString q = f.q.trimmed();
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    if (digits.match(q).hasMatch()) {
        // NIK, NIP and NUPTK are looked up by their beginning, as people read them off a card.
        where += QStringLiteral(" AND (t.nik LIKE ? OR t.nuptk LIKE ? OR t.nip LIKE ?)");
        for (int i = 0; i < 3; ++i)
            binds << q + QLatin1Char('%');
    } else if (!q.isEmpty()) {
        where += QStringLiteral(" AND %1 LIKE ? ESCAPE '\\'").arg(namaColumn());
        binds << text::likeContains(q);
    }
    return list(QStringLiteral("dapodik_ptk"),
                {"t.ptk_id", "t.nik", "t.nama", "t.jenis_kelamin", "t.tanggal_lahir", "t.nuptk", "t.nip", "t.jenis_ptk",
                 "t.status_kepegawaian", "t.pendidikan_terakhir", "t.npsn", "t.active", "t.inactive_at", "t.synced_at"},
                {"(SELECT nama FROM dapodik_sekolah s WHERE s.npsn = p.npsn) AS nama_sekolah"}, where, binds, QStringLiteral("t.nama, t.ptk_id"), f.page, f.parts);
}

Status DapodikRepository::refreshAnalytics()
{
    if (m_db.isPostgres()) {
        auto r = m_db.exec(QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY mv_dashboard_analitik"));
        if (!r.ok())
            return r.error();
        return {};
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto d = m_db.exec(QStringLiteral("DELETE FROM dashboard_analitik")); !d.ok())
        return d.error();
    if (auto i = m_db.exec(QStringLiteral("INSERT INTO dashboard_analitik (dimensi, kunci, label, jumlah) ") + analyticsSelect()); !i.ok())
        return i.error();
    return tx.commit();
}

Result<QList<AnalyticsRow>> DapodikRepository::analytics()
{
    const QString table = m_db.isPostgres() ? QStringLiteral("mv_dashboard_analitik") : QStringLiteral("dashboard_analitik");
    return allRows<AnalyticsRow>(m_db.exec(QStringLiteral("SELECT dimensi, kunci, label, jumlah FROM %1 ORDER BY dimensi, kunci").arg(table)),
                                 [](const QSqlQuery &q) {
                                     return AnalyticsRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
                                 });
}

} // namespace tu
