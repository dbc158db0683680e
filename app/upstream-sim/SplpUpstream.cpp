#include "SplpUpstream.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <utility>

namespace {

// Namespace of SPLP's UUIDv5 ids: fixed, so ids depend only on seed and creation order.
const QUuid kIdNamespace(QStringLiteral("{5f1c9e3a-7b2d-4e8f-a1c6-0d9b3e7f2a54}"));

const QString kActionPrefix = QStringLiteral("/api/3/action/");

constexpr int kMaxRecords = 100000;
constexpr int kMaxTitle = 200;
constexpr int kMaxTag = 100;
constexpr int kMaxFieldId = 63;       // a PostgreSQL column name, as in the real DataStore
constexpr int kMaxRecordMessages = 20; // record errors listed before a summary line

const QString kMissing = QStringLiteral("Data yang diperlukan tidak ada");
const QString kNotText = QStringLiteral("Harus berupa teks");
const QString kNotList = QStringLiteral("Harus berupa daftar");

const QStringList kFieldTypes{QStringLiteral("text"), QStringLiteral("numeric"),
                              QStringLiteral("int"), QStringLiteral("date")};

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

void addError(QJsonObject *errors, const QString &field, const QString &message)
{
    QJsonArray list = errors->value(field).toArray();
    list.append(message);
    errors->insert(field, list);
}

QString stamp(const QDateTime &t)
{
    return t.toString(Qt::ISODateWithMs); // UTC: "2026-05-04T03:21:07.123Z"
}

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

    // tags (optional): [{"name"}]
    const QJsonValue tags = body.value(QStringLiteral("tags"));
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
                out->tags.append(QJsonObject{{QStringLiteral("name"), tag}});
        }
    }

    // extras (optional): [{"key","value"}], values are text as in CKAN, keys unique
    const QJsonValue extras = body.value(QStringLiteral("extras"));
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
                out->extras.append(QJsonObject{{QStringLiteral("key"), k.toString()},
                                               {QStringLiteral("value"), v.toString()}});
            }
        }
    }
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

    // fields: [{"id","type"}], ids unique.
    QHash<QString, QString> types; // field id -> type
    QJsonArray fields;
    const QJsonValue fieldsValue = body.value(QStringLiteral("fields"));
    if (!fieldsValue.isArray() || fieldsValue.toArray().isEmpty()) {
        addError(&errors, QStringLiteral("fields"), fieldsValue.isUndefined() || fieldsValue.isNull()
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
                addError(&errors, QStringLiteral("fields"), QStringLiteral("fields[%1]: id wajib diisi").arg(i));
                continue;
            }
            if (id.startsWith(QLatin1Char('_')) || id.contains(QLatin1Char('"')) || id.size() > kMaxFieldId) {
                addError(&errors, QStringLiteral("fields"), QStringLiteral(
                    "fields[%1]: id \"%2\" tidak valid (tidak boleh diawali _, memuat \", atau lebih dari %3 karakter)")
                    .arg(i).arg(id.left(80)).arg(kMaxFieldId));
                continue;
            }
            if (types.contains(id)) {
                addError(&errors, QStringLiteral("fields"), QStringLiteral("fields[%1]: id \"%2\" ganda").arg(i).arg(id));
                continue;
            }
            if (!kFieldTypes.contains(type)) {
                addError(&errors, QStringLiteral("fields"), QStringLiteral(
                    "fields[%1]: type \"%2\" tidak dikenal (text, numeric, int, date)").arg(i).arg(type));
                continue;
            }
            types.insert(id, type);
            fields.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("type"), type}});
        }
    }

    // records: [{field id: value}], at most kMaxRecords, every key declared, values of the
    // declared type (null is always allowed). Checked only against well-formed fields.
    QJsonArray records;
    const QJsonValue recordsValue = body.value(QStringLiteral("records"));
    if (!recordsValue.isUndefined() && !recordsValue.isNull() && !recordsValue.isArray()) {
        addError(&errors, QStringLiteral("records"), kNotList);
    } else if (recordsValue.toArray().size() > kMaxRecords) {
        addError(&errors, QStringLiteral("records"),
                 QStringLiteral("Maksimal %1 record per permintaan, diterima %2")
                     .arg(kMaxRecords).arg(recordsValue.toArray().size()));
    } else if (errors.isEmpty()) {
        const QJsonArray list = recordsValue.toArray();
        int bad = 0;
        const auto fail = [&](const QString &message) {
            if (++bad <= kMaxRecordMessages)
                addError(&errors, QStringLiteral("records"), message);
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
            addError(&errors, QStringLiteral("records"),
                     QStringLiteral("… dan %1 kesalahan lain").arg(bad - kMaxRecordMessages));
    }
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
