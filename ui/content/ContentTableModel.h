#pragma once
#include "content/ContentTypes.h"

#include "common/ListTableModel.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace tu::ui {

// One page of content items of one type, with columns from its descriptor: the title or name,
// up to three short fields (choices, dates, short texts such as category or subject) and, when
// none of them is a date, the time of the last change; times in the school's zone.
class ContentTableModel : public ListTableModel
{
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole;
    ContentTableModel(const ContentType &type, QObject *parent = nullptr);
    void setItems(const QJsonArray &items);
    void setTimeZone(const QTimeZone &zone);
    QJsonObject itemAt(int row) const;
    int rowOf(const QString &id) const;
    // False while the listed item waits for approval (OSIS edits); true when not listed.
    bool isApproved(const QString &id) const;
    // The field shown in `column`, nullptr for the last-change column.
    const ContentField *fieldAt(int column) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString display(const ContentField *field, const QJsonObject &item) const;
    const ContentType &m_type;
    QList<const ContentField *> m_columns; // nullptr = updatedAt
    QList<QJsonObject> m_items;
    QTimeZone m_zone;
};

// A date "2026-05-03": "3 Mei 2026" (times go through SchoolTime).
QString contentFormatDate(const QString &ymd);

} // namespace tu::ui
