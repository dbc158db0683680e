#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

class QHttpServerRequest;
class QJsonArray;

// A copy of one HTTP request. QAbstractHttpServer reuses its QHttpServerRequest for the next
// request on the same connection, so anything answered later (latency) must own its data.
struct SimRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, e.g. "/siakad/api/tahun-ajaran"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    static SimRequest from(const QHttpServerRequest &request);
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// A complete response; SimServer turns it into raw HTTP/1.1 bytes.
struct SimResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type/Length/Connection
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;

    static SimResponse json(int status, const QJsonValue &value);
    // {"success":false,"error":message}: the error envelope every upstream uses here.
    static SimResponse error(int status, const QString &message);
};

// Parses `{"data":[...]}` (the shape SIAKAD's sync and the test hooks accept).
// Returns false with an Indonesian message when the body is not that.
bool parseDataArray(const QByteArray &body, QJsonArray *out, QString *error);

// A JSON number, or a string holding a plain decimal number ("12", "-3.5", "1e3"; no
// spaces, no decimal comma, no NaN/Infinity), as SPLP's numeric/int fields and SIPD's data
// accept them. With `integral`, only whole numbers (a number without fraction, or a string of
// digits with an optional sign). Returns false for anything else (null, bool, "", ...).
bool parseNumeric(const QJsonValue &value, bool integral, double *out);

QByteArray reasonPhrase(int status);
