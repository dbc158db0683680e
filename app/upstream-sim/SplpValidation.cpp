#include "SplpValidation.h"

#include "SimHttp.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

namespace {

constexpr int kMaxRecords = 100000;
constexpr int kMaxTag = 100;
constexpr int kMaxFieldId = 63;       // a PostgreSQL column name, as in the real DataStore
constexpr int kMaxRecordMessages = 20; // record errors listed before a summary line

const QStringList kFieldTypes{QStringLiteral("text"), QStringLiteral("numeric"),
                              QStringLiteral("int"), QStringLiteral("date")};

// ISO date, optionally with a time: 2024-12-31, 2024-12-31T08:00, 2024-12-31T08:00:00.5+07:00.
bool isIsoDate(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$"));
    const auto m = re.match(s);
    return m.hasMatch()
           && QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
}

QString describe(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString().left(40) + QLatin1Char('"');
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray())
        return QStringLiteral("array");
    return QStringLiteral("objek");
}

} // namespace

namespace SplpValidation {

void addError(QJsonObject *errors, const QString &field, const QString &message)
{
    QJsonArray list = errors->value(field).toArray();
    list.append(message);
    errors->insert(field, list);
}

void validateTags(const QJsonValue &tags, QJsonArray *out, QJsonObject *errors)
{
    if (!tags.isUndefined() && !tags.isNull() && !tags.isArray()) {
        addError(errors, QStringLiteral("tags"), kNotList);
    } else {
        const QJsonArray list = tags.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QJsonValue t = list.at(i).toObject().value(QStringLiteral("name"));
            const QString tag = t.toString().trimmed();
            if (!t.isString() || tag.isEmpty())
                addError(errors, QStringLiteral("tags"),
                         QStringLiteral("tags[%1]: nama tag harus berupa teks yang tidak kosong").arg(i));
            else if (tag.size() > kMaxTag)
                addError(errors, QStringLiteral("tags"),
                         QStringLiteral("tags[%1]: nama tag maksimal %2 karakter").arg(i).arg(kMaxTag));
            else
                out->append(QJsonObject{{QStringLiteral("name"), tag}});
        }
    }
}

void validateExtras(const QJsonValue &extras, QJsonArray *out, QJsonObject *errors)
{
    if (!extras.isUndefined() && !extras.isNull() && !extras.isArray()) {
        addError(errors, QStringLiteral("extras"), kNotList);
    } else {
        const QJsonArray list = extras.toArray();
        QSet<QString> keys;
        for (int i = 0; i < list.size(); ++i) {
            const QJsonObject e = list.at(i).toObject();
            const QJsonValue k = e.value(QStringLiteral("key"));
            const QJsonValue v = e.value(QStringLiteral("value"));
            if (!k.isString() || k.toString().isEmpty()) {
                addError(errors, QStringLiteral("extras"),
                         QStringLiteral("extras[%1]: key harus berupa teks yang tidak kosong").arg(i));
            } else if (!v.isString()) {
                addError(errors, QStringLiteral("extras"),
                         QStringLiteral("extras[%1]: value harus berupa teks").arg(i));
            } else if (keys.contains(k.toString())) {
                addError(errors, QStringLiteral("extras"),
                         QStringLiteral("extras[%1]: key \"%2\" ganda").arg(i).arg(k.toString()));
            } else {
                keys.insert(k.toString());
                out->append(QJsonObject{{QStringLiteral("key"), k.toString()},
                                        {QStringLiteral("value"), v.toString()}});
            }
        }
    }
}

QHash<QString, QString> validateFields(const QJsonValue &fieldsValue, QJsonArray *fields, QJsonObject *errors)
{
    QHash<QString, QString> types; // field id -> type
    if (!fieldsValue.isArray() || fieldsValue.toArray().isEmpty()) {
        addError(errors, QStringLiteral("fields"), fieldsValue.isUndefined() || fieldsValue.isNull()
                                                        ? kMissing
                                                        : QStringLiteral("Harus berupa daftar yang tidak kosong"));
    } else {
        const QJsonArray list = fieldsValue.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QJsonObject f = list.at(i).toObject();
            const QJsonValue idv = f.value(QStringLiteral("id"));
            const QString id = idv.toString();
            const QString type = f.value(QStringLiteral("type")).toString();
            if (!idv.isString() || id.isEmpty()) {
                addError(errors, QStringLiteral("fields"), QStringLiteral("fields[%1]: id wajib diisi").arg(i));
                continue;
            }
            if (id.startsWith(QLatin1Char('_')) || id.contains(QLatin1Char('"')) || id.size() > kMaxFieldId) {
                addError(errors, QStringLiteral("fields"), QStringLiteral(
                    "fields[%1]: id \"%2\" tidak valid (tidak boleh diawali _, memuat \", atau lebih dari %3 karakter)")
                    .arg(i).arg(id.left(80)).arg(kMaxFieldId));
                continue;
            }
            if (types.contains(id)) {
                addError(errors, QStringLiteral("fields"), QStringLiteral("fields[%1]: id \"%2\" ganda").arg(i).arg(id));
                continue;
            }
            if (!kFieldTypes.contains(type)) {
                addError(errors, QStringLiteral("fields"), QStringLiteral(
                    "fields[%1]: type \"%2\" tidak dikenal (text, numeric, int, date)").arg(i).arg(type));
                continue;
            }
            types.insert(id, type);
            fields->append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("type"), type}});
        }
    }
    return types;
}

QJsonArray validateRecords(const QJsonValue &recordsValue, const QHash<QString, QString> &types,
                           QJsonObject *errors)
{
    QJsonArray records;
    if (!recordsValue.isUndefined() && !recordsValue.isNull() && !recordsValue.isArray()) {
        addError(errors, QStringLiteral("records"), kNotList);
    } else if (recordsValue.toArray().size() > kMaxRecords) {
        addError(errors, QStringLiteral("records"),
                 QStringLiteral("Maksimal %1 record per permintaan, diterima %2")
                     .arg(kMaxRecords).arg(recordsValue.toArray().size()));
    } else if (errors->isEmpty()) {
        const QJsonArray list = recordsValue.toArray();
        int bad = 0;
        const auto fail = [&](const QString &message) {
            if (++bad <= kMaxRecordMessages)
                addError(errors, QStringLiteral("records"), message);
        };
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject()) {
                fail(QStringLiteral("records[%1]: harus berupa objek").arg(i));
                continue;
            }
            QJsonObject rec = list.at(i).toObject();
            for (auto it = rec.begin(); it != rec.end(); ++it) {
                const QString type = types.value(it.key());
                const QJsonValue v = it.value();
                if (type.isEmpty()) {
                    fail(QStringLiteral("records[%1]: kolom \"%2\" tidak dideklarasikan di fields").arg(i).arg(it.key()));
                    continue;
                }
                if (v.isNull())
                    continue;
                if (type == QLatin1String("numeric") || type == QLatin1String("int")) {
                    const bool integral = type == QLatin1String("int");
                    double d = 0;
                    if (!parseNumeric(v, integral, &d) || (integral && (d < -2147483648.0 || d > 2147483647.0)))
                        fail(QStringLiteral("records[%1]: nilai %2 pada kolom \"%3\" bukan %4")
                                 .arg(i).arg(describe(v), it.key(),
                                             integral ? QStringLiteral("bilangan bulat (int)")
                                                      : QStringLiteral("angka (numeric)")));
                    else
                        it.value() = d;
                } else if (type == QLatin1String("date")) {
                    if (!v.isString() || !isIsoDate(v.toString()))
                        fail(QStringLiteral("records[%1]: nilai %2 pada kolom \"%3\" bukan tanggal (YYYY-MM-DD)")
                                 .arg(i).arg(describe(v), it.key()));
                } else if (v.isArray() || v.isObject()) {
                    fail(QStringLiteral("records[%1]: nilai pada kolom \"%2\" harus berupa teks").arg(i).arg(it.key()));
                }
            }
            records.append(rec);
        }
        if (bad > kMaxRecordMessages)
            addError(errors, QStringLiteral("records"),
                     QStringLiteral("… dan %1 kesalahan lain").arg(bad - kMaxRecordMessages));
    }
    return records;
}

} // namespace SplpValidation
