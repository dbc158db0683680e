#include "SipdTarget.h"
#include "TableFile.h"

namespace tu {

namespace {
// The SIPD rows of a table: a `data` (or `nilai`) column holds the values; `kodeindikator`,
// `kodepemda` and `tahun` columns, where present, override the file's codes and period.
Result<QJsonArray> sipdRows(const DataFile &f, const Table &t)
{
    auto col = [&](const QStringList &names) {
        for (int i = 0; i < t.columns.size(); ++i)
            if (names.contains(t.columns[i].trimmed().toLower()))
                return i;
        return -1;
    };
    const int data = col({QStringLiteral("data"), QStringLiteral("nilai")});
    const int ki = col({QStringLiteral("kodeindikator"), QStringLiteral("kode_indikator")});
    const int kp = col({QStringLiteral("kodepemda"), QStringLiteral("kode_pemda")});
    const int th = col({QStringLiteral("tahun")});
    if (data < 0)
        return Error::validation({}, QStringLiteral("SIPD membutuhkan kolom \"data\" (atau \"nilai\") berisi angka indikator. "
                                                    "Tambahkan kolom itu ke berkas lalu ganti berkasnya."));
    if ((ki < 0 && f.kodeIndikator.isEmpty()) || (kp < 0 && f.kodePemda.isEmpty()))
        return Error::validation({}, QStringLiteral("Untuk SIPD isi kode indikator dan kode pemda pada keterangan berkas (atau "
                                                    "sediakan kolom kodeindikator dan kodepemda)."));
    QJsonArray rows;
    QHash<QString, int> seen; // SIPD keeps one value per (indikator, pemda, tahun): a repeat would overwrite
    for (const QStringList &r : t.rows) {
        auto cell = [&](int i, const QString &fallback) {
            return i >= 0 && !r.value(i).trimmed().isEmpty() ? r.value(i).trimmed() : fallback;
        };
        const QString tahun = cell(th, f.period);
        bool ok = false;
        const int year = tahun.toInt(&ok);
        const QString value = r.value(data).trimmed();
        bool num = false;
        const double v = value.toDouble(&num);
        const QString key = cell(ki, f.kodeIndikator) + QLatin1Char('|') + cell(kp, f.kodePemda) + QLatin1Char('|') + tahun;
        if (seen.contains(key))
            return Error::validation(
                {}, QStringLiteral("Baris %1 dan %2 memakai kode indikator, kode pemda dan tahun yang sama; SIPD hanya menyimpan "
                                   "satu nilai untuk tiap kombinasi. "
                                   "Tambahkan kolom tahun/kodeindikator yang membedakan, atau pisahkan berkasnya.")
                        .arg(seen.value(key) + 2)
                        .arg(rows.size() + 2));
        seen.insert(key, int(rows.size()));
        rows.append(QJsonObject{{"kodeindikator", cell(ki, f.kodeIndikator)},
                                {"kodepemda", cell(kp, f.kodePemda)},
                                {"tahun", ok ? QJsonValue(year) : QJsonValue(tahun)},
                                {"data", num ? QJsonValue(v) : QJsonValue(value)}});
    }
    return rows;
}
} // namespace

QJsonObject SipdTarget::pushedFields(const DataFile &f, const SatuDataConfig &c) const
{
    return QJsonObject{{"url", c.sipdUrl},
                       {"sha256", f.sha256},
                       {"period", f.period},
                       {"kodeindikator", f.kodeIndikator},
                       {"kodepemda", f.kodePemda}};
}

TargetResult SipdTarget::push(PushContext &context, const DataFile &file, const Table &table, TargetState &,
                              QByteArray *answer) const
{
    SipdClient client(context.config, context.pacer, context.nam);
    const QString T = satudata::Sipd;
    auto rows = sipdRows(file, table);
    if (!rows.ok())
        return satudata::failedResult(T, satudata::Validation, rows.error().message);
    TargetResult r;
    r.target = T;
    constexpr int Chunk = 10000; // SIPD takes at most 10,000 rows a push
    for (int start = 0; start < rows->size(); start += Chunk) {
        QJsonArray part;
        for (int i = start; i < qMin<int>(start + Chunk, rows->size()); ++i)
            part.append(rows->at(i));
        UpstreamCall c = client.pushDssd(part);
        *answer = c.answer;
        if (!c.ok) {
            TargetResult f = satudata::callFailure(T, c);
            f.rowsOk = r.rowsOk;
            return f;
        }
        const QJsonObject env = c.result.toObject();
        for (const QJsonValue &l : env.value(QLatin1String("log")).toArray()) {
            QJsonObject entry = l.toObject();
            entry.insert(QStringLiteral("row"), entry.value(QLatin1String("row")).toInt() + start);
            (entry.value(QLatin1String("status")).toString() == QLatin1String("OK") ? r.rowsOk : r.rowsError)++;
            r.log.append(entry);
        }
    }
    if (r.rowsError == 0) {
        r.status = QStringLiteral("ok");
        r.message = QStringLiteral("%1 baris diterima SIPD e-walidata.").arg(r.rowsOk);
    } else {
        r.status = QStringLiteral("failed");
        r.failureClass = satudata::Validation;
        r.message = r.rowsOk ? QStringLiteral("SIPD menolak %1 dari %2 baris; %3 baris tersimpan. Lihat log per baris.")
                                   .arg(r.rowsError)
                                   .arg(r.rowsError + r.rowsOk)
                                   .arg(r.rowsOk)
                             : QStringLiteral("SIPD menolak semua %1 baris. Lihat log per baris.").arg(r.rowsError);
        r.hint = satudata::failureHint(satudata::Validation);
    }
    return r;
}

} // namespace tu
