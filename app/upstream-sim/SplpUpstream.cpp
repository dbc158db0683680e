#include "SplpUpstream.h"

#include "SplpValidation.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <utility>

using namespace SplpValidation;

namespace {

// Namespace of SPLP's UUIDv5 ids: fixed, so ids depend only on seed and creation order.
const QUuid kIdNamespace(QStringLiteral("{5f1c9e3a-7b2d-4e8f-a1c6-0d9b3e7f2a54}"));

const QString kActionPrefix = QStringLiteral("/api/3/action/");

constexpr int kMaxTitle = 200;

// {"success":false,"error":{"__type":type,"message":message}}
SimResponse ckanError(int status, const QString &type, const QString &message)
{
    return SimResponse::json(status, QJsonObject{
        {QStringLiteral("success"), false},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("__type"), type},
                                              {QStringLiteral("message"), message}}}});
}

SimResponse notFound()
{
    return ckanError(404, QStringLiteral("Not Found Error"), QStringLiteral("Not found"));
}

// 409 {"success":false,"error":{"__type":"Validation Error", field: [messages], …}}
SimResponse validationError(const QJsonObject &errors)
{
    QJsonObject error = errors;
    error.insert(QStringLiteral("__type"), QStringLiteral("Validation Error"));
    return SimResponse::json(409, QJsonObject{{QStringLiteral("success"), false},
                                              {QStringLiteral("error"), error}});
}

SimResponse ok(const QJsonValue &result)
{
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("result"), result}});
}

QString stamp(const QDateTime &t)
{
    return t.toString(Qt::ISODateWithMs); // UTC: "2026-05-04T03:21:07.123Z"
}

} // namespace

SplpUpstream::SplpUpstream(const SimOptions &options)
    : m_seed(options.seed), m_apiKey(options.externalApiKey.toUtf8())
{
    reset();
}

void SplpUpstream::reset()
{
    m_packages.clear();
    m_idCounter = 0;
    m_lastTimestamp = QDateTime();
    m_creates = 0;
    m_updates = 0;
    m_datastoreCreates = 0;
    m_denied = 0;
}

std::optional<SimResponse> SplpUpstream::handle(const SimRequest &request)
{
    const QString path = request.path.mid(pathPrefix().size() - 1); // keeps the leading '/'
    if (!path.startsWith(kActionPrefix))
        return std::nullopt;
    const QString action = path.mid(kActionPrefix.size());
    static const QStringList actions{QStringLiteral("package_create"), QStringLiteral("package_update"),
                                     QStringLiteral("package_show"), QStringLiteral("datastore_create")};
    if (!actions.contains(action))
        return std::nullopt;

    // CKAN takes the bare key in Authorization; many gateways use X-API-KEY. Either will do.
    if (request.header("authorization").trimmed() != m_apiKey
        && request.header("x-api-key").trimmed() != m_apiKey) {
        ++m_denied;
        return ckanError(403, QStringLiteral("Authorization Error"),
                         QStringLiteral("Access denied: API key tidak valid"));
    }

    const bool show = action == QLatin1String("package_show");
    if (show && request.method == "GET")
        return packageShow(request.query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
    if (request.method != "POST")
        return ckanError(405, QStringLiteral("Bad Request"), QStringLiteral("Metode tidak diizinkan"));

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return ckanError(400, QStringLiteral("Bad Request"), QStringLiteral("Body JSON tidak valid"));
    const QJsonObject body = doc.object();

    if (show)
        return packageShow(body.value(QStringLiteral("id")).toString());
    if (action == QLatin1String("package_create"))
        return packageCreate(body);
    if (action == QLatin1String("package_update"))
        return packageUpdate(body);
    return datastoreCreate(body);
}

bool SplpUpstream::validatePackage(const QJsonObject &body, bool nameRequired, const Package *self,
                                   PackageFields *out, QJsonObject *errors) const
{
    // name: the URL slug.
    const QJsonValue name = body.value(QStringLiteral("name"));
    if (name.isUndefined() || name.isNull() || (name.isString() && name.toString().isEmpty())) {
        if (nameRequired)
            addError(errors, QStringLiteral("name"), kMissing);
    } else if (!name.isString()) {
        addError(errors, QStringLiteral("name"), kNotText);
    } else {
        static const QRegularExpression slugRe(QStringLiteral("^[a-z0-9_-]{2,100}$"));
        const QString n = name.toString();
        if (!slugRe.match(n).hasMatch()) {
            addError(errors, QStringLiteral("name"), QStringLiteral(
                "Harus berupa huruf kecil alfanumerik (ascii) dan simbol -_ saja, 2 sampai 100 karakter"));
        } else {
            for (const Package &other : m_packages) {
                if (other.name == n && &other != self)
                    addError(errors, QStringLiteral("name"), QStringLiteral("URL sudah digunakan."));
            }
            out->name = n;
        }
    }

    // title
    const QJsonValue title = body.value(QStringLiteral("title"));
    if (!title.isUndefined() && !title.isNull() && !title.isString())
        addError(errors, QStringLiteral("title"), kNotText);
    else if (title.toString().trimmed().isEmpty())
        addError(errors, QStringLiteral("title"), QStringLiteral("Judul tidak boleh kosong"));
    else if (title.toString().size() > kMaxTitle)
        addError(errors, QStringLiteral("title"), QStringLiteral("Judul maksimal %1 karakter").arg(kMaxTitle));
    else
        out->title = title.toString();

    // notes (optional)
    const QJsonValue notes = body.value(QStringLiteral("notes"));
    if (!notes.isUndefined() && !notes.isNull() && !notes.isString())
        addError(errors, QStringLiteral("notes"), kNotText);
    else
        out->notes = notes.toString();

    validateTags(body.value(QStringLiteral("tags")), &out->tags, errors);
    validateExtras(body.value(QStringLiteral("extras")), &out->extras, errors);
    return errors->isEmpty();
}

SimResponse SplpUpstream::packageCreate(const QJsonObject &body)
{
    PackageFields f;
    QJsonObject errors;
    if (!validatePackage(body, true, nullptr, &f, &errors))
        return validationError(errors);

    Package p;
    p.id = nextId("package");
    p.name = f.name;
    p.title = f.title;
    p.notes = f.notes;
    p.tags = f.tags;
    p.extras = f.extras;
    p.created = p.modified = nextTimestamp();
    m_packages.append(p);
    ++m_creates;
    return ok(packageJson(p, false));
}

SimResponse SplpUpstream::packageUpdate(const QJsonObject &body)
{
    // "id" (an id or a name) identifies the package and "name" may rename it; without "id",
    // "name" identifies it.
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    const bool byId = idValue.isString() && !idValue.toString().isEmpty();
    Package *p = byId ? findPackage(idValue.toString())
                      : findPackage(body.value(QStringLiteral("name")).toString());
    if (!p || (!byId && body.value(QStringLiteral("name")).toString().isEmpty()))
        return notFound();

    PackageFields f;
    QJsonObject errors;
    if (!validatePackage(body, false, p, &f, &errors))
        return validationError(errors);

    // Like CKAN's package_update, the fields replace the package's: an omitted notes, tags or
    // extras is cleared. The name stays unless given; resources are kept.
    if (!f.name.isEmpty())
        p->name = f.name;
    p->title = f.title;
    p->notes = f.notes;
    p->tags = f.tags;
    p->extras = f.extras;
    p->modified = nextTimestamp();
    ++m_updates;
    return ok(packageJson(*p, false));
}

SimResponse SplpUpstream::packageShow(const QString &idOrName)
{
    const Package *p = findPackage(idOrName);
    if (!p)
        return notFound();
    return ok(packageJson(*p, false));
}

SimResponse SplpUpstream::datastoreCreate(const QJsonObject &body)
{
    QJsonObject errors;

    // Target: a new resource of a package, or an existing resource whose data is replaced.
    const bool hasResource = body.contains(QStringLiteral("resource"));
    const bool hasResourceId = body.contains(QStringLiteral("resource_id"));
    Package *package = nullptr;
    int resourceIndex = -1;
    QString newName;
    QString newFormat;
    if (hasResource && hasResourceId) {
        addError(&errors, QStringLiteral("resource"),
                 QStringLiteral("Isi salah satu saja: resource atau resource_id"));
        return validationError(errors);
    }
    if (hasResourceId) {
        const QJsonValue rid = body.value(QStringLiteral("resource_id"));
        if (!rid.isString() || rid.toString().isEmpty()) {
            addError(&errors, QStringLiteral("resource_id"), kMissing);
            return validationError(errors);
        }
        package = findResource(rid.toString(), &resourceIndex);
        if (!package)
            return notFound();
    } else if (hasResource) {
        const QJsonValue r = body.value(QStringLiteral("resource"));
        if (!r.isObject()) {
            addError(&errors, QStringLiteral("resource"), QStringLiteral("Harus berupa objek"));
            return validationError(errors);
        }
        const QJsonObject res = r.toObject();
        const QJsonValue pid = res.value(QStringLiteral("package_id"));
        if (!pid.isString() || pid.toString().isEmpty())
            addError(&errors, QStringLiteral("resource"), QStringLiteral("package_id: ") + kMissing);
        for (const char *key : {"name", "format"}) {
            const QJsonValue v = res.value(QLatin1String(key));
            if (!v.isUndefined() && !v.isNull() && !v.isString())
                addError(&errors, QStringLiteral("resource"), QLatin1String(key) + QStringLiteral(": ") + kNotText);
        }
        if (!errors.isEmpty())
            return validationError(errors);
        package = findPackage(pid.toString());
        if (!package)
            return notFound();
        newName = res.value(QStringLiteral("name")).toString();
        newFormat = res.value(QStringLiteral("format")).toString();
    } else {
        addError(&errors, QStringLiteral("resource_id"), kMissing);
        return validationError(errors);
    }

    QJsonArray fields;
    const QHash<QString, QString> types = validateFields(body.value(QStringLiteral("fields")), &fields, &errors);
    const QJsonArray records = validateRecords(body.value(QStringLiteral("records")), types, &errors);
    if (!errors.isEmpty())
        return validationError(errors);

    const QDateTime now = nextTimestamp();
    if (resourceIndex < 0) {
        Resource r;
        r.id = nextId("resource");
        r.name = newName;
        r.format = newFormat;
        r.created = now;
        package->resources.append(r);
        resourceIndex = int(package->resources.size()) - 1;
    }
    Resource &r = package->resources[resourceIndex];
    r.fields = fields;
    r.records = records;
    r.lastModified = now;
    package->modified = now;
    ++m_datastoreCreates;
    return ok(QJsonObject{{QStringLiteral("resource_id"), r.id},
                          {QStringLiteral("fields"), fields},
                          {QStringLiteral("total"), int(records.size())}});
}

std::optional<SimResponse> SplpUpstream::handleControl(const SimRequest &request,
                                                        const QString &subPath)
{
    if (subPath == QLatin1String("packages")) {
        if (request.method != "GET")
            return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
        QJsonArray list;
        for (const Package &p : m_packages)
            list.append(packageJson(p, true));
        return ok(list);
    }
    if (subPath != QLatin1String("modify"))
        return std::nullopt;
    if (request.method != "POST")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return SimResponse::error(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();
    QString key = o.value(QStringLiteral("id")).toString();
    if (key.isEmpty())
        key = o.value(QStringLiteral("name")).toString();
    if (key.isEmpty())
        return SimResponse::error(400, QStringLiteral("Field 'id' atau 'name' wajib diisi"));
    const QJsonValue title = o.value(QStringLiteral("title"));
    const QJsonValue notes = o.value(QStringLiteral("notes"));
    if ((!title.isUndefined() && (!title.isString() || title.toString().trimmed().isEmpty()))
        || (!notes.isUndefined() && !notes.isString()))
        return SimResponse::error(400, QStringLiteral("title harus teks tidak kosong, notes harus teks"));
    Package *p = findPackage(key);
    if (!p)
        return SimResponse::error(404, QStringLiteral("Paket tidak ditemukan"));
    if (title.isString())
        p->title = title.toString();
    if (notes.isString())
        p->notes = notes.toString();
    p->modified = nextTimestamp();
    return ok(packageJson(*p, false));
}

void SplpUpstream::addStats(QJsonObject &stats) const
{
    int resources = 0;
    int records = 0;
    for (const Package &p : m_packages) {
        resources += int(p.resources.size());
        for (const Resource &r : p.resources)
            records += int(r.records.size());
    }
    QJsonObject pushed = stats.value(QStringLiteral("pushed")).toObject();
    pushed.insert(name(), QJsonObject{{QStringLiteral("packages"), int(m_packages.size())},
                                      {QStringLiteral("resources"), resources},
                                      {QStringLiteral("records"), records},
                                      {QStringLiteral("creates"), m_creates},
                                      {QStringLiteral("updates"), m_updates},
                                      {QStringLiteral("datastore_creates"), m_datastoreCreates},
                                      {QStringLiteral("denied"), m_denied}});
    stats.insert(QStringLiteral("pushed"), pushed);
}

SplpUpstream::Package *SplpUpstream::findPackage(const QString &idOrName)
{
    return const_cast<Package *>(std::as_const(*this).findPackage(idOrName));
}

const SplpUpstream::Package *SplpUpstream::findPackage(const QString &idOrName) const
{
    if (idOrName.isEmpty())
        return nullptr;
    for (const Package &p : m_packages) { // an id wins over a name
        if (p.id == idOrName)
            return &p;
    }
    for (const Package &p : m_packages) {
        if (p.name == idOrName)
            return &p;
    }
    return nullptr;
}

SplpUpstream::Package *SplpUpstream::findResource(const QString &resourceId, int *index)
{
    for (Package &p : m_packages) {
        for (int i = 0; i < p.resources.size(); ++i) {
            if (p.resources.at(i).id == resourceId) {
                *index = i;
                return &p;
            }
        }
    }
    return nullptr;
}

QJsonObject SplpUpstream::packageJson(const Package &p, bool withData) const
{
    QJsonArray resources;
    for (const Resource &r : p.resources) {
        QJsonObject o{{QStringLiteral("id"), r.id},
                      {QStringLiteral("package_id"), p.id},
                      {QStringLiteral("name"), r.name},
                      {QStringLiteral("format"), r.format},
                      {QStringLiteral("datastore_active"), true},
                      {QStringLiteral("records"), int(r.records.size())},
                      {QStringLiteral("created"), stamp(r.created)},
                      {QStringLiteral("last_modified"), stamp(r.lastModified)}};
        if (withData) {
            o.insert(QStringLiteral("fields"), r.fields);
            o.insert(QStringLiteral("data"), r.records);
        }
        resources.append(o);
    }
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("title"), p.title},
                       {QStringLiteral("notes"), p.notes},
                       {QStringLiteral("tags"), p.tags},
                       {QStringLiteral("extras"), p.extras},
                       {QStringLiteral("metadata_created"), stamp(p.created)},
                       {QStringLiteral("metadata_modified"), stamp(p.modified)},
                       {QStringLiteral("num_resources"), int(p.resources.size())},
                       {QStringLiteral("resources"), resources}};
}

QString SplpUpstream::nextId(const char *kind)
{
    return QUuid::createUuidV5(kIdNamespace, QStringLiteral("seed:%1:splp:%2:%3")
                                                 .arg(m_seed).arg(QLatin1String(kind)).arg(++m_idCounter))
        .toString(QUuid::WithoutBraces);
}

QDateTime SplpUpstream::nextTimestamp()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lastTimestamp.isValid() && now <= m_lastTimestamp)
        now = m_lastTimestamp.addMSecs(1);
    m_lastTimestamp = now;
    return now;
}
