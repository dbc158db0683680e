#include "SplpTarget.h"
#include "SatuDataStore.h"
#include "SatuDataSyncParts.h"
#include "TableFile.h"

#include <QRegularExpression>
#include <optional>

namespace tu {

namespace {
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
        const bool leadingZero = v.size() > 1 && (v.startsWith(QLatin1Char('0')) || v.startsWith(QLatin1String("-0")))
                                 && !v.contains(QLatin1Char('.'));
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
    return isInt    ? QStringLiteral("int")
           : isNum  ? QStringLiteral("numeric")
           : isDate ? QStringLiteral("date")
                    : QStringLiteral("text");
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
    QJsonArray extras{QJsonObject{{"key", "periode"}, {"value", f.period}},
                      QJsonObject{{"key", "tatausaha_id"}, {"value", f.id}}};
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
    return {{"id", p.value(QLatin1String("id"))},
            {"name", p.value(QLatin1String("name"))},
            {"title", p.value(QLatin1String("title"))},
            {"notes", p.value(QLatin1String("notes"))},
            {"tags", tags},
            {"records", records},
            {"metadata_modified", p.value(QLatin1String("metadata_modified"))}};
}

// One push of a file to SPLP, in three steps: look at the dataset we published before (gone:
// publish again; changed on the portal: conflict), create or update the dataset, then replace
// its table. `state` is saved as soon as the remote knows something of ours (the package id,
// the resource id), so a crash half way never creates a second dataset.
class SplpPush
{
public:
    SplpPush(PushContext &context, const DataFile &file, TargetState &state, QByteArray *answer)
        : m_client(context.config, context.pacer, context.nam), m_context(context), m_file(file), m_state(state), m_answer(answer)
    {}

    TargetResult run(const Table &table)
    {
        QJsonObject package;
        if (auto stop = checkRemote(&package))
            return *stop;
        if (auto stop = publishPackage(&package))
            return *stop;
        return publishTable(package, table);
    }

private:
    static inline const QString T = satudata::Splp;

    // The dataset as the portal has it now, unless it is gone; a conflict when the portal
    // changed it since our last push (and we are not told to push over it).
    std::optional<TargetResult> checkRemote(QJsonObject *package)
    {
        if (m_state.remoteId.isEmpty())
            return std::nullopt;
        UpstreamCall show = m_client.packageShow(m_state.remoteId);
        *m_answer = show.answer;
        if (show.notFound()) {
            m_state.remoteId.clear(); // deleted on the portal: publish it again
            m_state.resourceId.clear();
            return std::nullopt;
        }
        if (!show.ok)
            return satudata::callFailure(T, show);
        *package = show.result.toObject();
        const QString modified = package->value(QLatin1String("metadata_modified")).toString();
        if (m_context.force || m_state.remoteModified.isEmpty() || modified == m_state.remoteModified)
            return std::nullopt;
        TargetResult r;
        r.target = T;
        r.status = QStringLiteral("conflict");
        r.remoteId = m_state.remoteId;
        r.message =
            QStringLiteral(
                "Dataset di SPLP diubah orang lain sejak pengiriman terakhir (%1). Pilih versi yang dipakai: lokal atau portal.")
                .arg(modified);
        r.hint = QStringLiteral("Buka konflik pada berkas ini, bandingkan kedua versi, lalu pilih \"Pakai versi lokal\" atau "
                                "\"Pakai versi portal\".");
        m_state.conflictRemote = remoteView(*package);
        return r;
    }

    // Creates the dataset (adopting our own from an attempt whose answer never arrived) or
    // updates the one we published.
    std::optional<TargetResult> publishPackage(QJsonObject *package)
    {
        QJsonObject body = packageBody(m_file, m_context.schoolName);
        if (!m_state.remoteId.isEmpty()) {
            body.insert(QStringLiteral("id"), m_state.remoteId);
            UpstreamCall updated = m_client.packageUpdate(body);
            *m_answer = updated.answer;
            if (!updated.ok)
                return satudata::callFailure(T, updated);
            *package = updated.result.toObject();
            return std::nullopt;
        }
        body.insert(QStringLiteral("name"), slug(m_file.title) + QLatin1Char('-') + m_file.id.left(8).toLower());
        UpstreamCall created = m_client.packageCreate(body);
        *m_answer = created.answer;
        if (!created.ok && created.status == 409 && created.errorObject.contains(QLatin1String("name"))) {
            // Our own dataset from an attempt whose answer never arrived: adopt it.
            UpstreamCall show = m_client.packageShow(body.value(QLatin1String("name")).toString());
            if (show.ok && extra(show.result.toObject(), QStringLiteral("tatausaha_id")) == m_file.id) {
                QJsonObject update = body;
                update.insert(QStringLiteral("id"), show.result.toObject().value(QLatin1String("id")));
                created = m_client.packageUpdate(update); // ours: bring it up to date
                *m_answer = created.answer;
            }
        }
        if (!created.ok)
            return satudata::callFailure(T, created);
        *package = created.result.toObject();
        m_state.remoteId = package->value(QLatin1String("id")).toString();
        satudata::warnIf(m_context.store.saveState(m_state), "m_store.saveState");
        return std::nullopt;
    }

    // The table: replace our resource, or create it (once: look for it by name first).
    TargetResult publishTable(const QJsonObject &package, const Table &table)
    {
        const QString resourceName = m_file.title.left(100);
        bool known = false;
        for (const QJsonValue &r : package.value(QLatin1String("resources")).toArray()) {
            const QJsonObject res = r.toObject();
            if (res.value(QLatin1String("id")).toString() == m_state.resourceId)
                known = true;
            else if (m_state.resourceId.isEmpty() && res.value(QLatin1String("name")).toString() == resourceName) {
                m_state.resourceId = res.value(QLatin1String("id")).toString();
                known = true;
            }
        }
        if (!known)
            m_state.resourceId.clear();
        QJsonObject ds = datastoreBody(table);
        if (m_state.resourceId.isEmpty())
            ds.insert(QStringLiteral("resource"),
                      QJsonObject{{"package_id", m_state.remoteId}, {"name", resourceName}, {"format", "CSV"}});
        else
            ds.insert(QStringLiteral("resource_id"), m_state.resourceId);
        UpstreamCall stored = m_client.datastoreCreate(ds, !m_state.resourceId.isEmpty());
        *m_answer = stored.answer;
        if (!stored.ok)
            return satudata::callFailure(T, stored);
        m_state.resourceId = stored.result.toObject().value(QLatin1String("resource_id")).toString();
        satudata::warnIf(m_context.store.saveState(m_state), "m_store.saveState");
        UpstreamCall after = m_client.packageShow(m_state.remoteId);
        if (!after.ok)
            return satudata::callFailure(T, after);
        m_state.remoteModified = after.result.toObject().value(QLatin1String("metadata_modified")).toString();
        TargetResult r;
        r.target = T;
        r.status = QStringLiteral("ok");
        r.remoteId = m_state.remoteId;
        r.message = QStringLiteral("Dataset \"%1\" diterbitkan di SPLP (%2 baris).")
                        .arg(m_file.title)
                        .arg(stored.result.toObject().value(QLatin1String("total")).toInt());
        return r;
    }

    SplpClient m_client;
    PushContext &m_context;
    const DataFile &m_file;
    TargetState &m_state;
    QByteArray *m_answer;
};
} // namespace

QJsonObject SplpTarget::pushedFields(const DataFile &f, const SatuDataConfig &c) const
{
    return QJsonObject{{"url", c.splpUrl},
                       {"sha256", f.sha256},
                       {"title", f.title},
                       {"description", f.description},
                       {"period", f.period},
                       {"unit", f.unit},
                       {"tags", QJsonArray::fromStringList(f.tags)},
                       {"kodeindikator", f.kodeIndikator},
                       {"kodepemda", f.kodePemda}};
}

TargetResult SplpTarget::push(PushContext &context, const DataFile &file, const Table &table, TargetState &state,
                              QByteArray *answer) const
{
    return SplpPush(context, file, state, answer).run(table);
}

} // namespace tu
