#include "PpdbTableModel.h"
#include "common/Theme.h"

#include <QCoreApplication>
#include "common/SchoolTime.h"
#include "common/PlainText.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace tu::ui {

namespace {
QIcon statusDot(const QColor &color)
{
    QIcon icon;
    for (int dpr : {1, 2}) {
        QPixmap pm(QSize(16, 16) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(4, 4, 8, 8));
        p.end();
        icon.addPixmap(pm, QIcon::Normal);
        icon.addPixmap(pm, QIcon::Selected);
    }
    return icon;
}
} // namespace

QString ppdbStatusText(const QString &status)
{
    // The words come from core (also used by the exports); translated in context "PpdbStatus".
    const char *source = registrationStatusSource(status);
    return source ? QCoreApplication::translate("PpdbStatus", source) : status;
}

QColor ppdbStatusColor(const QString &status)
{
    if (status == QLatin1String("verified"))
        return theme::Primary;
    if (status == QLatin1String("accepted"))
        return theme::Success;
    if (status == QLatin1String("rejected"))
        return theme::Danger;
    return theme::Warning; // pending: amber
}


PpdbTableModel::PpdbTableModel(QObject *parent)
    : ListTableModel(parent), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
}

void PpdbTableModel::setRegistrations(const QList<Registration> &rows)
{
    syncRows(m_rows, rows, [](const Registration &r) { return r.id; },
             [](const Registration &a, const Registration &b) { return a.toJson() == b.toJson(); });
}

int PpdbTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void PpdbTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    refreshAll();
}

const Registration *PpdbTableModel::registrationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int PpdbTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PpdbTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PpdbTableModel::data(const QModelIndex &index, int role) const
{
    const Registration *r = registrationAt(index.row());
    if (!r)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Number: return r->number;
        case Nisn: return r->nisn;
        case Name: return r->fullName;
        case School: return r->previousSchool;
        case Status: return ppdbStatusText(r->status);
        case Submitted: return SchoolTime(m_zone).format(r->submittedAt);
        }
        break;
    case Qt::ToolTipRole:
        if (col == Status && !r->note.isEmpty())
            return plainToolTip(r->note);
        break;
    case Qt::DecorationRole:
        if (col == Status)
            return statusDot(ppdbStatusColor(r->status));
        break;
    case Qt::ForegroundRole:
        if (col == Status)
            return QBrush(ppdbStatusColor(r->status));
        if (col == Submitted || col == Nisn)
            return QBrush(theme::TextSoft);
        break;
    case Qt::FontRole:
        if (col == Number || col == Status) {
            QFont f;
            f.setWeight(QFont::DemiBold);
            return f;
        }
        break;
    case Qt::UserRole:
        return r->id;
    }
    return {};
}

QVariant PpdbTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Nomor");
    case Nisn: return tr("NISN");
    case Name: return tr("Nama lengkap");
    case School: return tr("Sekolah asal");
    case Status: return tr("Status");
    case Submitted: return tr("Waktu daftar");
    }
    return {};
}

} // namespace tu::ui
