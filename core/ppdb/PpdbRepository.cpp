#include "PpdbRepository.h"
#include "db/Database.h"

namespace tu {

namespace {
const QString Columns = QStringLiteral(
    "id, registration_number, tahun_ajaran_id, nisn, full_name, birth_place, birth_date, gender, religion, address, "
    "province, city, district, postal_code, father_name, father_phone, mother_name, mother_phone, previous_school, "
    "email, phone, status, retries, note, source, submitted_at, updated_at");

Registration fromRow(const QSqlQuery &q)
{
    Registration r;
    int i = 0;
    r.id = q.value(i++).toString();
    r.number = q.value(i++).toString();
    r.tahunAjaranId = q.value(i++).toString();
    r.nisn = q.value(i++).toString();
    r.fullName = q.value(i++).toString();
    r.birthPlace = q.value(i++).toString();
    r.birthDate = QDate::fromString(q.value(i++).toString(), Qt::ISODate);
    r.gender = q.value(i++).toString();
    r.religion = q.value(i++).toString();
    r.address = q.value(i++).toString();
    r.province = q.value(i++).toString();
    r.city = q.value(i++).toString();
    r.district = q.value(i++).toString();
    r.postalCode = q.value(i++).toString();
    r.fatherName = q.value(i++).toString();
    r.fatherPhone = q.value(i++).toString();
    r.motherName = q.value(i++).toString();
    r.motherPhone = q.value(i++).toString();
    r.previousSchool = q.value(i++).toString();
    r.email = q.value(i++).toString();
    r.phone = q.value(i++).toString();
    r.status = q.value(i++).toString();
    r.retries = q.value(i++).toInt();
    r.note = q.value(i++).toString();
    r.source = q.value(i++).toString();
    r.submittedAt = q.value(i++).toString();
    r.updatedAt = q.value(i++).toString();
    return r;
}

QVariantList values(const Registration &r)
{
    return {r.id, r.number, r.tahunAjaranId, r.nisn, r.fullName, r.birthPlace, r.birthDate.toString(Qt::ISODate),
            r.gender, r.religion, r.address, r.province, r.city, r.district, r.postalCode, r.fatherName, r.fatherPhone,
            r.motherName, r.motherPhone, r.previousSchool, r.email, r.phone, r.status, r.retries,
            r.note.isEmpty() ? QVariant() : r.note, r.source, r.submittedAt, r.updatedAt};
}

RegistrationDocument docFromRow(const QSqlQuery &q)
{
    RegistrationDocument d;
    d.id = q.value(0).toString();
    d.registrationId = q.value(1).toString();
    d.type = q.value(2).toString();
    d.storedName = q.value(3).toString();
    d.originalName = q.value(4).toString();
    d.mimeType = q.value(5).toString();
    d.size = q.value(6).toLongLong();
    d.sha256 = q.value(7).toString();
    d.current = q.value(8).toInt() == 1;
    d.uploadedAt = q.value(9).toString();
    return d;
}
const QString DocColumns = QStringLiteral("id, registration_id, document_type, stored_name, original_name, mime_type, "
                                          "size_bytes, sha256, is_current, uploaded_at");
} // namespace

Result<std::optional<Registration>> PpdbRepository::byId(const QString &id)
{
    return firstRow<Registration>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM ppdb_registrations WHERE id = ?"), {id}), fromRow);
}

Result<std::optional<Registration>> PpdbRepository::byNumber(const QString &number)
{
    return firstRow<Registration>(m_db.execCached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM ppdb_registrations WHERE registration_number = ?"),
                         {number}), fromRow);
}

Result<std::optional<Registration>> PpdbRepository::byNisn(const QString &tahunAjaranId, const QString &nisn)
{
    return firstRow<Registration>(m_db.execCached(QStringLiteral("SELECT ") + Columns
                             + QStringLiteral(" FROM ppdb_registrations WHERE tahun_ajaran_id = ? AND nisn = ?"),
                         {tahunAjaranId, nisn}), fromRow);
}

Result<std::optional<Registration>> PpdbRepository::byNisnAnyYear(const QString &nisn)
{
    return firstRow<Registration>(m_db.execCached(QStringLiteral("SELECT ") + Columns
                             + QStringLiteral(" FROM ppdb_registrations WHERE nisn = ? ORDER BY submitted_at DESC LIMIT 1"),
                         {nisn}), fromRow);
}

Result<RegistrationPage> PpdbRepository::list(const RegistrationFilter &f)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!f.status.isEmpty()) {
        where += QStringLiteral(" AND status = ?");
        binds << f.status;
    }
    if (!f.q.isEmpty()) {
        where += QStringLiteral(" AND (LOWER(full_name) LIKE ? OR nisn LIKE ? OR LOWER(registration_number) LIKE ?)");
        const QString like = QLatin1Char('%') + f.q.toLower().replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString()) + QLatin1Char('%');
        binds << like << like << like;
    }
    RegistrationPage page;
    auto total = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM ppdb_registrations") + where, binds);
    if (!total.ok())
        return total.error();
    page.total = total.value().next() ? total.value().value(0).toLongLong() : 0;
    QVariantList pageBinds = binds;
    pageBinds << f.limit << (qint64(f.page) - 1) * f.limit; // 64-bit: a huge page must not wrap to a negative OFFSET
    auto rows = m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM ppdb_registrations") + where
                              + QStringLiteral(" ORDER BY submitted_at DESC, registration_number DESC LIMIT ? OFFSET ?"),
                          pageBinds);
    if (!rows.ok())
        return rows.error();
    while (rows.value().next())
        page.items.append(fromRow(rows.value()));
    auto counts = m_db.exec(QStringLiteral("SELECT status, COUNT(*) FROM ppdb_registrations GROUP BY status"));
    if (!counts.ok())
        return counts.error();
    for (const QString &s : Registration::statuses())
        page.counts.insert(s, 0);
    while (counts.value().next())
        page.counts.insert(counts.value().value(0).toString(), counts.value().value(1).toLongLong());
    return page;
}

Status PpdbRepository::insert(const Registration &r)
{
    auto q = m_db.execCached(QStringLiteral("INSERT INTO ppdb_registrations (") + Columns
                           + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       values(r));
    return q.ok() ? Status() : Status(q.error());
}

Status PpdbRepository::update(const Registration &r)
{
    QVariantList v = values(r);
    v.removeFirst(); // id goes last
    v.append(r.id);
    auto q = m_db.exec(QStringLiteral(
                           "UPDATE ppdb_registrations SET registration_number = ?, tahun_ajaran_id = ?, nisn = ?, full_name = ?, "
                           "birth_place = ?, birth_date = ?, gender = ?, religion = ?, address = ?, province = ?, city = ?, "
                           "district = ?, postal_code = ?, father_name = ?, father_phone = ?, mother_name = ?, mother_phone = ?, "
                           "previous_school = ?, email = ?, phone = ?, status = ?, retries = ?, note = ?, source = ?, "
                           "submitted_at = ?, updated_at = ? WHERE id = ?"),
                       v);
    return q.ok() ? Status() : Status(q.error());
}

Result<int> PpdbRepository::nextSequence(int year)
{
    // The UPDATE takes the row lock (PostgreSQL) or runs under the write lock (SQLite), so
    // concurrent registrations queue here and each gets the next number; a rollback returns it.
    auto ins = m_db.execCached(QStringLiteral("INSERT INTO ppdb_sequences (year, last_value) VALUES (?, 0) ON CONFLICT (year) DO NOTHING"), {year});
    if (!ins.ok())
        return ins.error();
    auto upd = m_db.execCached(QStringLiteral("UPDATE ppdb_sequences SET last_value = last_value + 1 WHERE year = ?"), {year});
    if (!upd.ok())
        return upd.error();
    auto sel = m_db.execCached(QStringLiteral("SELECT last_value FROM ppdb_sequences WHERE year = ?"), {year});
    if (!sel.ok())
        return sel.error();
    if (!sel.value()->next())
        return Error::server(QStringLiteral("sequence row missing"));
    const int value = sel.value()->value(0).toInt();
    sel.value()->finish();
    return value;
}

Status PpdbRepository::insertDocument(const RegistrationDocument &d)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO ppdb_documents (") + DocColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {d.id, d.registrationId, d.type, d.storedName, d.originalName, d.mimeType, d.size, d.sha256,
                        d.current ? 1 : 0, d.uploadedAt});
    return q.ok() ? Status() : Status(q.error());
}

Status PpdbRepository::retireDocuments(const QString &registrationId, const QString &type)
{
    auto q = m_db.exec(QStringLiteral("UPDATE ppdb_documents SET is_current = 0 WHERE registration_id = ? AND document_type = ?"),
                       {registrationId, type});
    return q.ok() ? Status() : Status(q.error());
}

Result<int> PpdbRepository::countInYear(const QString &tahunAjaranId)
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM ppdb_registrations WHERE tahun_ajaran_id = ?"), {tahunAjaranId});
    if (!q.ok())
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<UploadUsage> PpdbRepository::uploadUsage(const QString &registrationId)
{
    auto reg = m_db.exec(QStringLiteral("SELECT status, upload_count FROM ppdb_registrations WHERE id = ?"), {registrationId});
    if (!reg.ok())
        return reg.error();
    UploadUsage u;
    if (reg.value().next()) {
        u.status = reg.value().value(0).toString();
        u.uploads = reg.value().value(1).toInt();
    }
    auto bytes = m_db.exec(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM ppdb_documents WHERE registration_id = ?"), {registrationId});
    if (!bytes.ok())
        return bytes.error();
    u.storedBytes = bytes.value().next() ? bytes.value().value(0).toLongLong() : 0;
    return u;
}

Status PpdbRepository::countUpload(const QString &registrationId)
{
    auto q = m_db.exec(QStringLiteral("UPDATE ppdb_registrations SET upload_count = upload_count + 1 WHERE id = ?"), {registrationId});
    return q.ok() ? Status() : Status(q.error());
}

Result<QList<RegistrationDocument>> PpdbRepository::retiredBeyond(const QString &registrationId, const QString &type, int keep)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + DocColumns
                           + QStringLiteral(" FROM ppdb_documents WHERE registration_id = ? AND document_type = ? AND is_current = 0"
                                            " ORDER BY uploaded_at DESC, id DESC"),
                       {registrationId, type});
    auto retired = allRows<RegistrationDocument>(q, docFromRow);
    if (!retired.ok())
        return retired.error();
    return retired.value().mid(qMax(0, keep)); // a handful of rows: no dialect-specific OFFSET without LIMIT
}

Status PpdbRepository::deleteDocument(const QString &docId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM ppdb_documents WHERE id = ?"), {docId});
    return q.ok() ? Status() : Status(q.error());
}

Result<QList<RegistrationDocument>> PpdbRepository::documents(const QString &registrationId, bool currentOnly)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + DocColumns + QStringLiteral(" FROM ppdb_documents WHERE registration_id = ?")
                           + (currentOnly ? QStringLiteral(" AND is_current = 1") : QString())
                           + QStringLiteral(" ORDER BY uploaded_at DESC"),
                       {registrationId});
    return allRows<RegistrationDocument>(q, docFromRow);
}

Result<std::optional<RegistrationDocument>> PpdbRepository::document(const QString &registrationId, const QString &docId)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + DocColumns + QStringLiteral(" FROM ppdb_documents WHERE registration_id = ? AND id = ?"),
                       {registrationId, docId});
    return firstRow<RegistrationDocument>(q, docFromRow);
}

} // namespace tu
