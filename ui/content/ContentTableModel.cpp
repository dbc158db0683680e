#include "ContentTableModel.h"
#include "common/Theme.h"
#include "common/SchoolTime.h"
#include "content/ContentText.h"
#include "common/PlainText.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace tu::ui {


QString contentFormatDate(const QString &ymd)
{
    const QDate d = QDate::fromString(ymd, QStringLiteral("yyyy-MM-dd"));
    return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMM yyyy")) : ymd;
}

ContentTableModel::ContentTableModel(const ContentType &type, QObject *parent)
    : ListTableModel(parent), m_type(type), m_zone(QTimeZone(QByteArrayLiteral("Asia/Jakarta")))
{
    m_columns << type.field(type.titleKey);
    bool dated = false;
    for (const ContentField &f : type.fields) {
        if (m_columns.size() >= 4)
            break;
        if (f.key == type.titleKey || f.kind == FieldKind::LongText || f.kind == FieldKind::Image || f.kind == FieldKind::Digits)
            continue;
        m_columns << &f;
        dated = dated || f.kind == FieldKind::Date || f.kind == FieldKind::DateTime;
    }
    if (!dated) // a list with dates of its own needs no last-change column
        m_columns << nullptr;
}

void ContentTableModel::setItems(const QJsonArray &items)
{
    QList<QJsonObject> fresh;
    for (const QJsonValue &v : items)
        fresh << v.toObject();
    syncRows(m_items, fresh, [](const QJsonObject &o) { return o.value(QLatin1String("id")).toString(); },
             [](const QJsonObject &a, const QJsonObject &b) { return a == b; });
}

void ContentTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    refreshAll();
}

QJsonObject ContentTableModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row) : QJsonObject();
}

int ContentTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).value(QLatin1String("id")).toString() == id)
            return i;
    return -1;
}

bool ContentTableModel::isApproved(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 || m_items.at(row).value(QLatin1String("approved")).toBool(true);
}

const ContentField *ContentTableModel::fieldAt(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column) : nullptr;
}

int ContentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ContentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString ContentTableModel::display(const ContentField *field, const QJsonObject &item) const
{
    if (!field)
        return SchoolTime(m_zone).format(item.value(QLatin1String("updatedAt")).toString());
    const QJsonValue v = item.value(field->key);
    if (v.isNull() || v.isUndefined() || v.toString().isEmpty())
        return field->kind == FieldKind::DateTime || field->kind == FieldKind::Date ? QStringLiteral("—") : QString();
    switch (field->kind) {
    case FieldKind::Choice: return contentOptionText(v.toString());
    case FieldKind::Date: return contentFormatDate(v.toString());
    case FieldKind::DateTime: return SchoolTime(m_zone).format(v.toString());
    default: return v.toString();
    }
}

QVariant ContentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject &item = m_items.at(index.row());
    const ContentField *field = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0 && !item.value(QLatin1String("approved")).toBool(true))
            return display(field, item) + tr(" · menunggu persetujuan");
        return display(field, item);
    case Qt::ToolTipRole:
        if (index.column() == 0)
            return plainToolTip(display(field, item));
        break;
    case Qt::ForegroundRole: {
        if (field && field->kind == FieldKind::Choice) {
            const QString v = item.value(field->key).toString();
            if (v == QLatin1String("published") || v == QLatin1String("low"))
                return QBrush(theme::Success);
            if (v == QLatin1String("draft"))
                return QBrush(theme::Warning);
            if (v == QLatin1String("high") || v == QLatin1String("ujian"))
                return QBrush(theme::Danger);
        }
        if (!field || field->kind == FieldKind::Date || field->kind == FieldKind::DateTime)
            return QBrush(theme::TextSoft);
        break;
    }
    case Qt::FontRole:
        if (index.column() == 0 || (field && field->kind == FieldKind::Choice)) {
            QFont f;
            f.setWeight(index.column() == 0 ? QFont::Medium : QFont::DemiBold);
            return f;
        }
        break;
    case IdRole:
        return item.value(QLatin1String("id")).toString();
    }
    return {};
}

QVariant ContentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return {};
    const ContentField *f = m_columns.at(section);
    return f ? contentFieldText(*f) : tr("Diperbarui");
}

} // namespace tu::ui
