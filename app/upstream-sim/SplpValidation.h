#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The CKAN validation rules of the SPLP simulator: what makes a package's tags and extras, a
// DataStore table's fields and its records acceptable, and the messages a bad one gets.
// Kept apart from SplpUpstream (routes, auth, envelopes, state) so the data rules read in
// one place. Errors accumulate in a CKAN "Validation Error" object: field -> [messages].
namespace SplpValidation {

inline const QString kMissing = QStringLiteral("Data yang diperlukan tidak ada");
inline const QString kNotText = QStringLiteral("Harus berupa teks");
inline const QString kNotList = QStringLiteral("Harus berupa daftar");

// Appends `message` to the list of `field` in *errors.
void addError(QJsonObject *errors, const QString &field, const QString &message);

// tags (optional): [{"name"}]; the good ones are appended to *out.
void validateTags(const QJsonValue &tags, QJsonArray *out, QJsonObject *errors);
// extras (optional): [{"key","value"}], values text as in CKAN, keys unique; the good ones
// are appended to *out.
void validateExtras(const QJsonValue &extras, QJsonArray *out, QJsonObject *errors);

// DataStore fields: [{"id","type"}], ids unique. Returns field id -> type of the well-formed
// ones, which are appended to *fields.
QHash<QString, QString> validateFields(const QJsonValue &fieldsValue, QJsonArray *fields, QJsonObject *errors);
// DataStore records: [{field id: value}], at most 100000 per request, every key declared in `types`,
// values of the declared type (null always allowed); numbers are normalised to numbers.
// Records are checked one by one only while *errors is still empty (a bad field list makes
// per-record messages noise).
QJsonArray validateRecords(const QJsonValue &recordsValue, const QHash<QString, QString> &types,
                           QJsonObject *errors);

} // namespace SplpValidation
