#pragma once
// SIPD e-walidata (docs/satudata.md): one indicator value per table row, pushed in chunks;
// SIPD answers per row. An upsert by (indikator, pemda, tahun): no remote state, no conflicts.

#include "SatuDataTarget.h"

namespace tu {

class SipdTarget : public SatuDataTarget
{
public:
    QString name() const override { return satudata::Sipd; }
    QString label() const override { return QStringLiteral("SIPD e-walidata"); }
    QJsonObject pushedFields(const DataFile &file, const SatuDataConfig &config) const override;
    TargetResult push(PushContext &context, const DataFile &file, const Table &table, TargetState &state,
                      QByteArray *answer) const override;
};

} // namespace tu
