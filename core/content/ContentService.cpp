#include "ContentService.h"
#include "audit/AuditedChange.h"
#include "auth/Permissions.h"
#include "Html.h"
#include "MediaService.h"
#include "app/SettingsStore.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "Text.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace tu {

namespace {
QString isoUtc(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

// ISO 8601 date-time (with Z or an offset; without one it is school time) or a plain Y-m-d
// (start of that day, or its end for `endOfDay` fields such as "show until").
std::optional<QDateTime> parseDateTime(const QString &s, const QTimeZone &zone, bool endOfDay)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return endOfDay ? QDateTime(d, QTime(23, 59, 59, 999), zone) : QDateTime(d, QTime(0, 0), zone);
    }
    static const QRegularExpression dateTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!dateTime.match(s).hasMatch())
        return std::nullopt;
    QString norm = s;
    norm[10] = QLatin1Char('T');
    QDateTime t = QDateTime::fromString(norm, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime) // no zone given: the school's wall clock
        t = QDateTime(t.date(), t.time(), zone);
    return t;
}

QString lowerTitleColumn(const ContentType &t) { return QStringLiteral("LOWER(") + t.field(t.titleKey)->column + QLatin1Char(')'); }

void andWhere(ContentQuery &q, const QString &clause, const QVariantList &binds = {})
{
    q.where = q.where.isEmpty() ? clause : q.where + QStringLiteral(" AND ") + clause;
    q.binds += binds;
}
} // namespace

ContentService::ContentService(Database &db, AuditLog &audit, MediaService &media, SettingsStore &settings)
    : m_db(db), m_audit(audit), m_media(media), m_settings(settings), m_repo(db)
{
}

QDateTime ContentService::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

QString ContentService::nowIsoString() const { return isoUtc(now()); }

QString ContentService::excerptOf(const QString &content, int maxChars)
{
    // The same tokenizer as the sanitiser: an unclosed "<b" or a ">" inside an attribute cannot
    // leave markup behind, and entities come out as the characters they stand for.
    QString plain = html::toPlainText(content);
    if (plain.size() <= maxChars)
        return plain;
    int cut = plain.lastIndexOf(QLatin1Char(' '), maxChars);
    if (cut < maxChars / 2)
        cut = maxChars;
    return plain.left(cut).trimmed() + QStringLiteral("…");
}

QJsonObject ContentService::present(const ContentType &type, const ContentRecord &record, bool forList, bool publicView)
{
    QJsonObject o = record;
    o.remove(QStringLiteral("createdBy"));
    for (const ContentField &f : type.fields) {
        if (f.kind != FieldKind::Image)
            continue;
        const QString id = record.value(f.key).toString();
        o.insert(f.key + QStringLiteral("Id"), id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id));
        o.insert(f.key, id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(forList ? Media::thumbUrl(id) : Media::url(id)));
        if (!forList)
            o.insert(f.key + QStringLiteral("Thumb"), id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(Media::thumbUrl(id)));
    }
    if (publicView && type.name == QLatin1String("news") && record.value(QLatin1String("excerpt")).toString().isEmpty())
        o.insert(QStringLiteral("excerpt"), excerptOf(record.value(QLatin1String("content")).toString()));
    if (publicView)
        o.remove(QStringLiteral("approved")); // the public only ever sees approved items
    else
        o.insert(QStringLiteral("approved"), record.value(QLatin1String("approved")).toBool(true));
    return o;
}

Status ContentService::checkEditor(const Actor &actor, const ContentType &type) const
{
    if (actor.isSystem || type.editableBy(actor.role))
        return {};
    return Error::forbidden(QStringLiteral("Peran Anda tidak boleh mengubah %1.").arg(type.label.toLower()));
}

bool ContentService::isOsis(const Actor &actor) { return !actor.isSystem && actor.role == Role::Osis; }

Status ContentService::checkOwner(const Actor &actor, const ContentType &type, const ContentRecord &record)
{
    if (isOsis(actor) && record.value(QLatin1String("createdBy")).toString() != actor.userId)
        return Error::forbidden(QStringLiteral("OSIS hanya dapat mengubah atau menghapus %1 yang dibuat OSIS sendiri. Minta admin atau kesiswaan untuk yang lain.")
                                    .arg(type.itemLabel.toLower()));
    return {};
}

Result<ContentRecord> ContentService::validate(const ContentType &type, const QJsonObject &input, const ContentRecord &existing)
{
    const QTimeZone zone = m_settings.schoolZone();
    QHash<QString, QString> f;
    ContentRecord out = existing;
    for (const ContentField &field : type.fields) {
        const QJsonValue raw = input.contains(field.key) ? input.value(field.key) : existing.value(field.key);
        if (!raw.isString() && !raw.isNull() && !raw.isUndefined()) {
            f.insert(field.key, QStringLiteral("%1 harus berupa teks.").arg(field.label));
            continue;
        }
        QString v = raw.toString();
        if (field.markup == Markup::Html)
            v = html::sanitize(v);
        else if (field.markup == Markup::Strip)
            v = html::toPlainText(v);
        if (field.kind != FieldKind::LongText)
            v = v.trimmed();
        else if (v.trimmed().isEmpty())
            v.clear();
        if (v.isEmpty()) {
            if (field.required)
                f.insert(field.key, QStringLiteral("%1 wajib diisi.").arg(field.label));
            out.insert(field.key, QJsonValue::Null);
            continue;
        }
        switch (field.kind) {
        case FieldKind::Text:
        case FieldKind::LongText:
            if (v.size() > field.maxLength)
                f.insert(field.key, QStringLiteral("%1 paling banyak %2 karakter.").arg(field.label).arg(field.maxLength));
            else if (text::hasControl(v, field.kind == FieldKind::LongText))
                f.insert(field.key, QStringLiteral("%1 mengandung karakter yang tidak diizinkan.").arg(field.label));
            break;
        case FieldKind::Choice:
            if (!field.options.contains(v)) {
                QStringList labels;
                for (const QString &o : field.options)
                    labels << o;
                f.insert(field.key, QStringLiteral("%1 harus salah satu dari: %2.").arg(field.label, labels.join(QStringLiteral(", "))));
            }
            break;
        case FieldKind::Date: {
            const QDate d = QDate::fromString(v, QStringLiteral("yyyy-MM-dd"));
            if (!d.isValid() || d.year() < 1900 || d.year() > 2200)
                f.insert(field.key, QStringLiteral("%1 harus tanggal yang benar (format TTTT-BB-HH).").arg(field.label));
            break;
        }
        case FieldKind::DateTime: {
            const auto t = parseDateTime(v, zone, field.key == QLatin1String("activeUntil"));
            if (!t || t->date().year() < 1900 || t->date().year() > 2200)
                f.insert(field.key, QStringLiteral("%1 harus tanggal dan jam yang benar (mis. 2025-07-14T07:00:00+07:00).").arg(field.label));
            else
                v = isoUtc(*t);
            break;
        }
        case FieldKind::Digits: {
            static const QRegularExpression digitsOnly(QStringLiteral("^\\d+$"));
            if (v.size() != field.digits || !digitsOnly.match(v).hasMatch())
                f.insert(field.key, QStringLiteral("%1 harus %2 angka.").arg(field.label).arg(field.digits));
            break;
        }
        case FieldKind::Image: {
            v = MediaService::idFrom(v);
            auto m = m_media.find(v);
            if (!m.ok())
                return m.error();
            if (!m.value())
                f.insert(field.key, QStringLiteral("%1 tidak ditemukan. Unggah gambar terlebih dahulu.").arg(field.label));
            break;
        }
        }
        out.insert(field.key, v);
    }

    // Rules across fields.
    if (type.name == QLatin1String("news") && !f.contains(QStringLiteral("status")) && !f.contains(QStringLiteral("publishedAt"))
        && out.value(QLatin1String("status")).toString() == QLatin1String("published") && out.value(QLatin1String("publishedAt")).isNull())
        out.insert(QStringLiteral("publishedAt"), nowIsoString());
    if (type.name == QLatin1String("announcements") && !f.contains(QStringLiteral("activeFrom")) && !f.contains(QStringLiteral("activeUntil"))
        && !out.value(QLatin1String("activeUntil")).isNull()
        && out.value(QLatin1String("activeUntil")).toString() <= out.value(QLatin1String("activeFrom")).toString())
        f.insert(QStringLiteral("activeUntil"), QStringLiteral("Tampil sampai harus sesudah Tampil mulai."));
    if (type.name == QLatin1String("calendar") && !f.contains(QStringLiteral("startDate")) && !f.contains(QStringLiteral("endDate"))
        && out.value(QLatin1String("endDate")).toString() < out.value(QLatin1String("startDate")).toString())
        f.insert(QStringLiteral("endDate"), QStringLiteral("Tanggal selesai tidak boleh sebelum tanggal mulai."));

    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Periksa kembali isian %1.").arg(type.itemLabel.toLower()));
    return out;
}

QJsonObject ContentService::auditSummary(const ContentType &type, const ContentRecord &record) const
{
    QJsonObject o;
    for (const ContentField &f : type.fields) {
        const QJsonValue v = record.value(f.key);
        o.insert(f.key, f.kind == FieldKind::LongText && v.toString().size() > 200 ? QJsonValue(v.toString().left(200) + QStringLiteral("…")) : v);
    }
    return o;
}

Result<ContentRecord> ContentService::find(const ContentType &type, const QString &id)
{
    auto r = m_repo.byId(type, id);
    if (!r.ok())
        return r.error();
    if (!r.value())
        return Error::notFound(QStringLiteral("%1 tidak ditemukan.").arg(type.itemLabel));
    return *r.value();
}

Result<ContentPage> ContentService::page(const ContentType &type, const ContentQuery &query, const PageRequest &page,
                                         const std::function<QJsonObject(const ContentRecord &)> &map)
{
    auto total = m_repo.count(type, query);
    if (!total.ok())
        return total.error();
    ContentQuery q = query;
    q.limit = page.limit;
    q.offset = page.offset();
    auto rows = m_repo.select(type, q);
    if (!rows.ok())
        return rows.error();
    ContentPage out;
    out.total = total.value();
    out.page = page;
    for (const ContentRecord &r : rows.value())
        out.items.append(map(r));
    return out;
}

Result<ContentPage> ContentService::list(const ContentType &type, const ContentFilter &filter)
{
    ContentQuery q;
    q.orderBy = type.adminOrder;
    if (!filter.q.trimmed().isEmpty())
        andWhere(q, lowerTitleColumn(type) + QStringLiteral(" LIKE ? ESCAPE '\\'"), {text::likeContains(filter.q)});
    if (!filter.status.isEmpty() && type.hasField(QStringLiteral("status")))
        andWhere(q, QStringLiteral("status = ?"), {filter.status});
    if (!filter.category.isEmpty() && type.hasField(QStringLiteral("category")))
        andWhere(q, QStringLiteral("category = ?"), {filter.category});
    if (!filter.priority.isEmpty() && type.hasField(QStringLiteral("priority")))
        andWhere(q, QStringLiteral("priority = ?"), {filter.priority});
    return page(type, q, filter.page, [&type](const ContentRecord &r) { return present(type, r, true); });
}

Result<QJsonObject> ContentService::get(const ContentType &type, const QString &id)
{
    auto r = find(type, id);
    if (!r.ok())
        return r.error();
    return present(type, r.value());
}

Result<QJsonObject> ContentService::create(const Actor &actor, const ContentType &type, const QJsonObject &input)
{
    if (auto s = checkEditor(actor, type); !s.ok())
        return s.error();
    auto v = validate(type, input);
    if (!v.ok())
        return v.error();
    ContentRecord r = v.value();
    const QString at = nowIso();
    r.insert(QStringLiteral("id"), newId());
    r.insert(QStringLiteral("createdBy"), actor.userId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(actor.userId));
    r.insert(QStringLiteral("createdAt"), at);
    r.insert(QStringLiteral("updatedAt"), at);
    r.insert(QStringLiteral("approved"), !(type.needsApproval() && isOsis(actor)));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto s = m_repo.insert(type, r); !s.ok())
        return s.error();
    if (auto s = m_audit.record(actor, QStringLiteral("create"), type.entity, r.value(QLatin1String("id")).toString(), {}, auditSummary(type, r)); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    changed();
    return present(type, r);
}

Result<QJsonObject> ContentService::update(const Actor &actor, const ContentType &type, const QString &id, const QJsonObject &input)
{
    if (auto s = checkEditor(actor, type); !s.ok())
        return s.error();
    auto updated = auditedChange(
        m_db, m_audit, actor, {QStringLiteral("update"), type.entity, id}, [&] { return find(type, id); },
        [&](const ContentRecord &before) -> Result<ContentRecord> {
            if (auto s = checkOwner(actor, type, before); !s.ok())
                return s.error();
            auto v = validate(type, input, before);
            if (!v.ok())
                return v.error();
            ContentRecord r = v.value();
            r.insert(QStringLiteral("updatedAt"), nowIso());
            if (type.needsApproval() && isOsis(actor))
                r.insert(QStringLiteral("approved"), false); // an OSIS edit is checked again before it is public
            return r;
        },
        [&](const ContentRecord &after) { return m_repo.update(type, after); },
        [&](const ContentRecord &record) { return auditSummary(type, record); });
    if (!updated.ok())
        return updated.error();
    changed();
    return present(type, updated.value());
}

Status ContentService::remove(const Actor &actor, const ContentType &type, const QString &id)
{
    if (auto s = checkEditor(actor, type); !s.ok())
        return s.error();
    auto gone = auditedChange(
        m_db, m_audit, actor, {QStringLiteral("delete"), type.entity, id, true}, [&] { return find(type, id); },
        [&](const ContentRecord &before) -> Result<ContentRecord> {
            if (auto s = checkOwner(actor, type, before); !s.ok())
                return s.error();
            return before;
        },
        [&](const ContentRecord &) -> Status {
            if (auto n = m_repo.remove(type, id); !n.ok())
                return n.error();
            return {};
        },
        // The whole record (not the summary) so that a deletion can be undone by hand.
        [](ContentRecord kept) {
            kept.remove(QStringLiteral("createdBy"));
            return kept;
        });
    if (!gone.ok())
        return gone.error();
    changed();
    return {};
}

Result<QJsonObject> ContentService::setPublished(const Actor &actor, const QString &newsId, bool published)
{
    const ContentType &news = *content::type(QStringLiteral("news"));
    QJsonObject change{{"status", published ? QStringLiteral("published") : QStringLiteral("draft")}};
    if (published) {
        auto current = find(news, newsId);
        if (!current.ok())
            return current.error();
        // Publishing an article scheduled for later keeps its date; otherwise it appears now.
        if (current->value(QLatin1String("publishedAt")).isNull() || current->value(QLatin1String("status")).toString() != QLatin1String("published"))
            change.insert(QStringLiteral("publishedAt"), nowIsoString());
    }
    return update(actor, news, newsId, change);
}

Result<QJsonObject> ContentService::approve(const Actor &actor, const ContentType &type, const QString &id)
{
    if (!may(actor, Permission::ApproveContent))
        return Error::forbidden(QStringLiteral("Hanya admin atau kesiswaan yang dapat menyetujui konten."));
    if (!type.needsApproval())
        return Error::validation({{QStringLiteral("type"), QStringLiteral("%1 tidak memerlukan persetujuan.").arg(type.label)}});
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto before = find(type, id);
    if (!before.ok())
        return before.error();
    ContentRecord r = before.value();
    if (r.value(QLatin1String("approved")).toBool(true))
        return present(type, r); // already public-ready: nothing to record
    r.insert(QStringLiteral("approved"), true);
    r.insert(QStringLiteral("updatedAt"), nowIso());
    if (auto s = m_repo.update(type, r); !s.ok())
        return s.error();
    if (auto s = m_audit.record(actor, QStringLiteral("approve"), type.entity, id, {{"approved", false}},
                                {{"approved", true}, {type.titleKey, r.value(type.titleKey)}});
        !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    changed();
    return present(type, r);
}

Status ContentService::checkPublicFilter(const ContentType &type, const ContentFilter &filter)
{
    const ContentField *f = type.field(type.listing.filterKey);
    const QString v = f ? filter.value(f->key) : QString();
    if (v.isEmpty())
        return {};
    if (f->kind == FieldKind::Choice && !f->options.contains(v))
        return Error::validation({{f->key, QStringLiteral("%1 harus salah satu dari: %2.").arg(f->key, f->options.join(QStringLiteral(", ")))}},
                                 QStringLiteral("Parameter tidak valid."));
    if (v.size() > f->maxLength || text::hasControl(v))
        return Error::validation({{f->key, QStringLiteral("%1 paling banyak %2 karakter.").arg(f->key).arg(f->maxLength)}},
                                 QStringLiteral("Parameter tidak valid."));
    return {};
}

QString ContentFilter::value(const QString &key) const
{
    if (key == QLatin1String("status"))
        return status;
    if (key == QLatin1String("category"))
        return category;
    if (key == QLatin1String("priority"))
        return priority;
    return {};
}

void ContentService::changed()
{
    QMutexLocker lock(&m_cacheMutex);
    ++m_generation;
    m_cache.clear();
}

Result<ContentPage> ContentService::publicList(const ContentType &type, const ContentFilter &filter)
{
    if (auto s = checkPublicFilter(type, filter); !s.ok())
        return s.error();
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const QString key = type.name + QLatin1Char('\n') + filter.category + QLatin1Char('\n') + filter.priority + QLatin1Char('\n')
        + QString::number(filter.page.page) + QLatin1Char('\n') + QString::number(filter.page.limit);
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_cacheMutex);
        const auto it = m_cache.constFind(key);
        // Also refuses an entry from "the future" (an injected clock moved backwards).
        if (it != m_cache.constEnd() && nowMs < it->expiresMs && nowMs >= it->expiresMs - PublicCacheMs)
            return it->page;
        generation = m_generation;
    }
    auto fresh = publicListUncached(type, filter);
    if (fresh.ok()) {
        QMutexLocker lock(&m_cacheMutex);
        if (generation == m_generation) { // nothing changed while we were reading
            if (m_cache.size() >= 512)
                m_cache.clear();
            m_cache.insert(key, Cached{fresh.value(), nowMs + PublicCacheMs});
        }
    }
    return fresh;
}

Result<ContentPage> ContentService::publicListUncached(const ContentType &type, const ContentFilter &filter)
{
    const PublicListing &l = type.listing;
    ContentQuery q;
    q.orderBy = l.order.isEmpty() ? type.adminOrder : l.order;
    if (type.needsApproval())
        andWhere(q, QStringLiteral("approved = 1"));
    if (!l.visibleWhen.isEmpty()) {
        const QString at = nowIsoString();
        andWhere(q, l.visibleWhen, QVariantList(l.visibleWhen.count(QLatin1Char('?')), at));
    }
    if (const ContentField *f = type.field(l.filterKey); f && !filter.value(f->key).isEmpty())
        andWhere(q, f->column + QStringLiteral(" = ?"), {filter.value(f->key)});
    return page(type, q, filter.page, [&type, &l](const ContentRecord &r) {
        const QJsonObject o = present(type, r, true, true);
        if (l.keys.isEmpty())
            return o;
        QJsonObject shown;
        for (const QString &k : l.keys)
            shown.insert(k, o.value(k));
        return shown;
    });
}

Result<QJsonObject> ContentService::publicItem(const ContentType &type, const QString &id)
{
    // Drafts, unapproved items and items scheduled for later look exactly like unknown ids.
    const Error missing = Error::notFound(QStringLiteral("%1 tidak ditemukan.").arg(type.itemLabel));
    if (!type.listing.detail || QUuid::fromString(id).isNull())
        return missing;
    ContentQuery q;
    andWhere(q, QStringLiteral("id = ?"), {id});
    if (type.needsApproval())
        andWhere(q, QStringLiteral("approved = 1"));
    if (!type.listing.visibleWhen.isEmpty())
        andWhere(q, type.listing.visibleWhen, QVariantList(type.listing.visibleWhen.count(QLatin1Char('?')), nowIsoString()));
    auto rows = m_repo.select(type, q);
    if (!rows.ok())
        return rows.error();
    if (rows.value().isEmpty())
        return missing;
    return present(type, rows.value().first(), false, true);
}

Result<QJsonArray> ContentService::events(const QDate &from, const QDate &to, bool publicView)
{
    const ContentType &cal = *content::type(QStringLiteral("calendar"));
    ContentQuery q;
    q.where = QStringLiteral("start_date <= ? AND end_date >= ?");
    q.binds = {to.toString(Qt::ISODate), from.toString(Qt::ISODate)};
    q.orderBy = QStringLiteral("start_date, end_date, title, id");
    auto rows = m_repo.select(cal, q);
    if (!rows.ok())
        return rows.error();
    QJsonArray out;
    for (const ContentRecord &r : rows.value())
        out.append(present(cal, r, false, publicView));
    return out;
}

Result<ContentService::Month> ContentService::publicCalendar(const QString &year, const QString &month)
{
    const QDate today = now().toTimeZone(m_settings.schoolZone()).date();
    Month m{today.year(), today.month(), {}};
    QHash<QString, QString> f;
    if (auto mm = queryInt(QStringLiteral("month"), month, 1, 12, m.month); mm.ok())
        m.month = int(mm.value());
    else
        f.insert(QStringLiteral("month"), QStringLiteral("month harus angka 1–12."));
    if (auto yy = queryInt(QStringLiteral("year"), year, 1900, 2200, m.year); yy.ok())
        m.year = int(yy.value());
    else
        f.insert(QStringLiteral("year"), QStringLiteral("year harus tahun empat angka, mis. %1.").arg(today.year()));
    if (!f.isEmpty())
        return Error::validation(f, QStringLiteral("Parameter kalender tidak valid."));
    const QDate first(m.year, m.month, 1);
    auto events = this->events(first, first.addMonths(1).addDays(-1), true);
    if (!events.ok())
        return events.error();
    m.events = events.value();
    return m;
}

} // namespace tu
