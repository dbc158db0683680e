#include "SatuDataFileModel.h"
#include "common/SchoolTime.h"
#include "common/Async.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QStyle>

namespace tu::ui {

namespace {
const QColor Ok(0x15, 0x80, 0x3d);
const QColor Bad(0xb9, 0x1c, 0x1c);
const QColor Warn(0xb4, 0x53, 0x09);
const QColor Muted(0x94, 0xa3, 0xb8);
const QColor Link(0x1d, 0x4e, 0xd8);

struct Loaded {
    QList<SatuDataRow> rows;
    QString error;
};
} // namespace

SatuDataFileModel::SatuDataFileModel(Core &core, QObject *parent)
    : QAbstractTableModel(parent), m_core(core), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
}

void SatuDataFileModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return;
    m_zone = zone;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void SatuDataFileModel::reload()
{
    ++m_loading;
    const quint64 generation = ++m_generation;
    Core *core = &m_core;
    runAsync(this, [core] {
        Loaded out;
        DataFileFilter every;
        every.page.limit = 0;
        auto files = core->satuDataSync().filesWithStates(every, nullptr);
        if (!files.ok()) {
            out.error = files.error().text();
            return out;
        }
        for (const FileWithStates &f : files.value())
            out.rows.append(SatuDataRow{f.file, f.states});
        return out;
    }, [this, generation](const Loaded &l) {
        --m_loading;
        if (generation != m_generation)
            return; // a newer reload is on its way
        ++m_loadCount;
        m_error = l.error;
        if (!l.error.isEmpty() && l.rows.isEmpty()) {
            emit failed(l.error);
            return;
        }
        beginResetModel();
        m_rows = l.rows;
        endResetModel();
        if (!l.error.isEmpty())
            emit failed(l.error);
        emit loaded();
    });
}

const SatuDataRow *SatuDataFileModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int SatuDataFileModel::rowOf(const QString &fileId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].file.id == fileId)
            return i;
    return -1;
}


QString SatuDataFileModel::stateText(const TargetState *s, const QTimeZone &zone)
{
    if (!s || s->status.isEmpty())
        return tr("Belum pernah");
    if (s->status == QLatin1String("ok")) {
        const QString at = SchoolTime(zone).format(s->lastSyncAt.isEmpty() ? s->lastAttemptAt : s->lastSyncAt, SchoolTime::Short);
        return at.isEmpty() ? tr("Tersinkron") : tr("Tersinkron %1").arg(at);
    }
    if (s->status == QLatin1String("conflict"))
        return tr("Konflik");
    if (s->status == QLatin1String("failed"))
        return s->failureClass.isEmpty() ? tr("Gagal") : tr("Gagal (%1)").arg(satudata::failureLabel(s->failureClass));
    return s->status;
}

QString SatuDataFileModel::stateLines(const TargetState *s, const QTimeZone &zone)
{
    if (s && s->status == QLatin1String("ok")) {
        const QString at = SchoolTime(zone).format(s->lastSyncAt.isEmpty() ? s->lastAttemptAt : s->lastSyncAt, SchoolTime::Short);
        return at.isEmpty() ? tr("Tersinkron") : QStringLiteral("%1\n%2").arg(tr("Tersinkron"), at);
    }
    if (s && s->status == QLatin1String("failed") && !s->failureClass.isEmpty())
        return QStringLiteral("%1\n%2").arg(tr("Gagal"), satudata::failureLabel(s->failureClass));
    return stateText(s, zone);
}

QString SatuDataFileModel::verifiedText(const DataFile &f, const QTimeZone &zone)
{
    if (!f.verified)
        return tr("Belum");
    const QString at = SchoolTime(zone).format(f.verifiedAt, SchoolTime::Short);
    if (f.verifiedBy.isEmpty())
        return at.isEmpty() ? tr("Terverifikasi") : at;
    return at.isEmpty() ? f.verifiedBy : QStringLiteral("%1 · %2").arg(f.verifiedBy, at);
}

int SatuDataFileModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int SatuDataFileModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(ColumnCount); }

QVariant SatuDataFileModel::data(const QModelIndex &index, int role) const
{
    const SatuDataRow *r = rowAt(index.row());
    if (!r)
        return {};
    const DataFile &f = r->file;
    const int col = index.column();
    auto state = [&](const QString &target) -> const TargetState * {
        const auto it = r->states.constFind(target);
        return it == r->states.cend() ? nullptr : &it.value();
    };
    const TargetState *st = col == Splp ? state(satudata::Splp) : col == Sipd ? state(satudata::Sipd) : nullptr;

    if (role == FileIdRole)
        return f.id;
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Title: return f.title;
        case Period: return f.period;
        case Format: return f.format.toUpper();
        case Rows: return QLocale().toString(f.rowCount);
        // Two lines (what, then when or why), so the columns stay narrow and the title wide.
        case Verified: return f.verified ? QStringLiteral("%1\n%2").arg(f.verifiedBy, SchoolTime(m_zone).format(f.verifiedAt, SchoolTime::Short)).trimmed() : tr("Belum");
        case Splp:
        case Sipd: return stateLines(st, m_zone);
        case Integrasi: return tr("Sync");
        }
    }
    if (role == Qt::DecorationRole && col == Integrasi)
        return QApplication::style()->standardIcon(QStyle::SP_BrowserReload);
    if (role == Qt::TextAlignmentRole && col == Rows)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if (col == Verified)
            return f.verified ? Ok : Muted;
        if (col == Splp || col == Sipd) {
            if (!st || st->status.isEmpty())
                return Muted;
            return st->status == QLatin1String("ok") ? Ok : st->status == QLatin1String("conflict") ? Warn : Bad;
        }
        if (col == Integrasi)
            return Link;
    }
    if (role == Qt::FontRole && (col == Title || col == Integrasi || ((col == Splp || col == Sipd) && st && !st->status.isEmpty()))) {
        QFont font;
        font.setWeight(col == Title || col == Integrasi ? QFont::DemiBold : QFont::Medium);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        // Titles, descriptions and the portal's errors are other people's text.
        const QString tip = [&]() -> QString {
            switch (col) {
            case Title: {
                QString text = f.title;
                if (!f.description.isEmpty())
                    text += QLatin1Char('\n') + f.description;
                text += QLatin1Char('\n') + tr("Berkas: %1").arg(f.originalName);
                return text;
            }
            case Verified:
                return f.verified ? tr("Diverifikasi oleh %1, %2").arg(f.verifiedBy, SchoolTime(m_zone).format(f.verifiedAt, SchoolTime::Short))
                                  : tr("Belum diverifikasi admin: tidak ikut dikirim.");
            case Splp:
            case Sipd:
                if (st && st->status == QLatin1String("failed"))
                    return st->error + (st->failureClass.isEmpty() ? QString() : QLatin1Char('\n') + satudata::failureHint(st->failureClass));
                if (st && st->status == QLatin1String("conflict"))
                    return tr("Data di portal diubah sejak kiriman terakhir. Buka Sync untuk memilih versi.");
                if (st && !st->remoteId.isEmpty())
                    return tr("%1\nID di portal: %2").arg(stateText(st, m_zone), st->remoteId);
                return stateText(st, m_zone);
            case Integrasi:
                return tr("Sinkronkan berkas ini (Ctrl+Y atau Enter)");
            }
            return {};
        }();
        return tip.isEmpty() ? QVariant() : QVariant(plainToolTip(tip));
    }
    return {};
}

QVariant SatuDataFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == Rows)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Judul");
    case Period: return tr("Periode");
    case Format: return tr("Format");
    case Rows: return tr("Baris");
    case Verified: return tr("Terverifikasi");
    case Splp: return QStringLiteral("SPLP");
    case Sipd: return QStringLiteral("SIPD");
    case Integrasi: return tr("Integrasi");
    }
    return {};
}

} // namespace tu::ui
