#pragma once

#include "SimOptions.h"
#include "Upstream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// SPLP Satu Data Indonesia: a CKAN-style open data catalogue. The school publishes datasets
// (CKAN "packages") and their tables (resources held in the DataStore).
//
//   POST /splp/api/3/action/package_create     {"name","title","notes","tags","extras"}
//   POST /splp/api/3/action/package_update     {"id" or "name", same fields}: replaces them
//   GET  /splp/api/3/action/package_show?id=…  the package with its resources
//   POST /splp/api/3/action/datastore_create   {"resource":{…}} or {"resource_id"}, "fields",
//                                              "records": a new resource, or replaces the data
//
// Auth: "Authorization: <key>" (CKAN style, the bare key) or "X-API-KEY: <key>" with
// --external-api-key; else 403 Authorization Error. Answers use CKAN's envelope
// {"success":true,"result":…} / {"success":false,"error":{"__type":…}}; validation errors are
// 409 with one list of messages per bad field. State starts empty (and /__sim/reset empties
// it); ids are UUIDv5 of the seed and a creation counter. Hooks: POST /__sim/splp/modify (an
// edit made on the portal by someone else), GET /__sim/splp/packages (the whole state).
// The field and record rules live in SplpValidation; this class is routes, auth, envelopes
// and state.
class SplpUpstream : public Upstream
{
public:
    explicit SplpUpstream(const SimOptions &options);

    QString name() const override { return QStringLiteral("splp"); }
    QString pathPrefix() const override { return QStringLiteral("/splp/"); }
    void reset() override;
    std::optional<SimResponse> handle(const SimRequest &request) override;
    std::optional<SimResponse> handleControl(const SimRequest &request,
                                             const QString &subPath) override;
    void addStats(QJsonObject &stats) const override;

private:
    struct Resource
    {
        QString id;
        QString name;
        QString format;
        QJsonArray fields;  // [{"id","type"}]
        QJsonArray records; // numeric/int values stored as numbers
        QDateTime created;
        QDateTime lastModified;
    };
    struct Package
    {
        QString id;
        QString name;
        QString title;
        QString notes;
        QJsonArray tags;   // [{"name"}]
        QJsonArray extras; // [{"key","value"}]
        QDateTime created;
        QDateTime modified;
        QList<Resource> resources; // creation order
    };
    // The validated, normalised fields of a package_create / package_update body.
    struct PackageFields
    {
        QString name; // empty in an update that does not rename
        QString title;
        QString notes;
        QJsonArray tags;
        QJsonArray extras;
    };

    SimResponse packageCreate(const QJsonObject &body);
    SimResponse packageUpdate(const QJsonObject &body);
    SimResponse packageShow(const QString &idOrName);
    SimResponse datastoreCreate(const QJsonObject &body);

    // Validates the package fields; fills *errors (field -> list of messages) on failure.
    // `self` is the package being updated (its own name is not a duplicate), or nullptr.
    bool validatePackage(const QJsonObject &body, bool nameRequired, const Package *self,
                         PackageFields *out, QJsonObject *errors) const;

    Package *findPackage(const QString &idOrName);
    const Package *findPackage(const QString &idOrName) const;
    // The package holding the resource, and the resource's index in it.
    Package *findResource(const QString &resourceId, int *index);

    QJsonObject packageJson(const Package &p, bool withData) const;
    QString nextId(const char *kind);
    // Now (UTC, ms precision), but always later than the previous timestamp handed out, so
    // every change moves metadata_modified forward even within one millisecond.
    QDateTime nextTimestamp();

    const quint32 m_seed;
    const QByteArray m_apiKey;

    QList<Package> m_packages; // creation order
    int m_idCounter = 0;
    QDateTime m_lastTimestamp;

    int m_creates = 0;
    int m_updates = 0;
    int m_datastoreCreates = 0;
    int m_denied = 0;
};
