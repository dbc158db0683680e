#include "SatuDataTarget.h"
#include "SipdTarget.h"
#include "SplpTarget.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace tu {

namespace satudata {

const QList<const SatuDataTarget *> &targets()
{
    // The registry: one line per upstream.
    static const SplpTarget splp{};
    static const SipdTarget sipd{};
    static const QList<const SatuDataTarget *> all{&splp, &sipd};
    return all;
}

const SatuDataTarget *target(const QString &name)
{
    for (const SatuDataTarget *t : targets())
        if (t->name() == name)
            return t;
    return nullptr;
}

QStringList targetNames()
{
    QStringList out;
    for (const SatuDataTarget *t : targets())
        out << t->name();
    return out;
}

QString targetLabel(const QString &name)
{
    const SatuDataTarget *t = target(name);
    return t ? t->label() : name;
}

QString pushHash(const SatuDataTarget &target, const DataFile &file, const SatuDataConfig &config)
{
    QJsonObject o = target.pushedFields(file, config);
    o.insert(QStringLiteral("target"), target.name());
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

TargetResult failedResult(const QString &target, const QString &failureClass, const QString &message)
{
    TargetResult r;
    r.target = target;
    r.status = QStringLiteral("failed");
    r.failureClass = failureClass;
    r.message = message;
    r.hint = failureHint(failureClass);
    return r;
}

TargetResult callFailure(const QString &target, const UpstreamCall &c)
{
    TargetResult r = failedResult(target, c.failureClass.isEmpty() ? Server : c.failureClass, c.message);
    for (auto it = c.errorObject.begin(); it != c.errorObject.end(); ++it)
        if (it.key() != QLatin1String("__type") && it.key() != QLatin1String("message"))
            for (const QJsonValue &m : it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()})
                r.log.append(QJsonObject{{"field", it.key()}, {"status", "ERROR"}, {"message", m.toString()}});
    return r;
}

} // namespace satudata

} // namespace tu
