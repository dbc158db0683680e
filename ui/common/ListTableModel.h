#pragma once
#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <type_traits>
#include <utility>

namespace tu::ui {

// A table model whose rows are records with an id. syncRows() turns the rows into a fresh answer
// with the smallest set of row removals, moves, inserts and dataChanged instead of a reset, so a
// list that reloads every few seconds keeps the selected record selected (whatever row it moved
// to), keeps its scroll position, and repaints nothing when nothing changed.
class ListTableModel : public QAbstractTableModel
{
public:
    explicit ListTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

protected:
    // `key(row)` is the record's id; `same(a, b)` whether two versions of a record look alike.
    template<typename Row, typename Key, typename Same>
    void syncRows(QList<Row> &rows, const QList<Row> &fresh, Key key, Same same)
    {
        using K = std::decay_t<decltype(key(std::declval<const Row &>()))>;
        QSet<K> wanted;
        for (const Row &r : fresh)
            wanted.insert(key(r));
        bool shared = false;
        for (const Row &r : rows)
            shared = shared || wanted.contains(key(r));
        if (!shared || wanted.size() != fresh.size()) {
            // Another page or filter (nothing to keep), or ids that are not unique: start over.
            if (rows.isEmpty() && fresh.isEmpty())
                return;
            beginResetModel();
            rows = fresh;
            endResetModel();
            return;
        }
        const int last = columnCount() - 1;
        for (int i = int(rows.size()) - 1; i >= 0; --i) { // gone: removed in runs, bottom up
            if (wanted.contains(key(rows[i])))
                continue;
            int first = i;
            while (first > 0 && !wanted.contains(key(rows[first - 1])))
                --first;
            beginRemoveRows(QModelIndex(), first, i);
            rows.remove(first, i - first + 1);
            endRemoveRows();
            i = first;
        }
        for (int i = 0; i < fresh.size(); ++i) {
            const K k = key(fresh[i]);
            if (i >= rows.size() || key(rows[i]) != k) {
                int from = -1;
                for (int j = i + 1; j < rows.size() && from < 0; ++j)
                    if (key(rows[j]) == k)
                        from = j;
                if (from < 0) {
                    beginInsertRows(QModelIndex(), i, i);
                    rows.insert(i, fresh[i]);
                    endInsertRows();
                    continue;
                }
                beginMoveRows(QModelIndex(), from, from, QModelIndex(), i);
                rows.move(from, i);
                endMoveRows();
            }
            if (!same(rows[i], fresh[i])) {
                rows[i] = fresh[i];
                emit dataChanged(index(i, 0), index(i, last));
            }
        }
        if (rows.size() > fresh.size()) { // only if the old rows repeated an id
            beginRemoveRows(QModelIndex(), int(fresh.size()), int(rows.size()) - 1);
            rows.remove(fresh.size(), rows.size() - fresh.size());
            endRemoveRows();
        }
    }

    // Every cell again (the time zone changed): no reset, the selection stays.
    void refreshAll()
    {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
};

} // namespace tu::ui
