#pragma once
// SPLP Satu Data Indonesia (a CKAN-style portal, docs/satudata.md): a file is one dataset,
// created once and updated afterwards, its table one DataStore resource; a dataset changed on
// the portal since our last push is a conflict.

#include "SatuDataTarget.h"

namespace tu {

class SplpTarget : public SatuDataTarget
{
public:
    QString name() const override { return satudata::Splp; }
    QString label() const override { return QStringLiteral("SPLP Satu Data Indonesia"); }
    QJsonObject pushedFields(const DataFile &file, const SatuDataConfig &config) const override;
    TargetResult push(PushContext &context, const DataFile &file, const Table &table, TargetState &state,
                      QByteArray *answer) const override;
};

} // namespace tu
