#pragma once
// A map with a fixed capacity that forgets its least recently used entry when a new one would
// not fit. For the in-memory stores fed by anonymous clients (rate-limit buckets, failed-login
// counters, captchas): a flood of new keys pushes out the stalest ones, one at a time, instead
// of growing without bound or being wiped all at once (which would hand every client a fresh
// start). Every operation is O(1). Not thread-safe: the owner holds its own mutex.

#include <QHash>
#include <list>
#include <utility>

namespace tu {

template<typename K, typename V>
class LruMap
{
public:
    explicit LruMap(int capacity) : m_capacity(qMax(1, capacity)) {}

    // The entry, or nullptr. `touch` makes it the most recently used.
    V *find(const K &key, bool touch = true)
    {
        const auto it = m_index.constFind(key);
        if (it == m_index.constEnd())
            return nullptr;
        if (touch)
            m_order.splice(m_order.begin(), m_order, it.value());
        return &it.value()->second;
    }

    // The entry for `key`, created from `initial` (and made most recent) if absent; evicts the
    // least recently used entry when full.
    V &findOrInsert(const K &key, const V &initial, bool touch = true)
    {
        if (V *v = find(key, touch))
            return *v;
        while (m_index.size() >= m_capacity)
            evictOldest();
        m_order.emplace_front(key, initial);
        m_index.insert(key, m_order.begin());
        return m_order.front().second;
    }

    bool remove(const K &key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return false;
        m_order.erase(it.value());
        m_index.erase(it);
        return true;
    }

    // The least recently used entry (nullptr when empty), to drop expired entries from the old end.
    const std::pair<K, V> *oldest() const { return m_order.empty() ? nullptr : &m_order.back(); }
    void evictOldest()
    {
        if (m_order.empty())
            return;
        m_index.remove(m_order.back().first);
        m_order.pop_back();
    }

    int size() const { return int(m_index.size()); }
    int capacity() const { return m_capacity; }
    void clear()
    {
        m_index.clear();
        m_order.clear();
    }

private:
    int m_capacity;
    std::list<std::pair<K, V>> m_order; // most recent first
    QHash<K, typename std::list<std::pair<K, V>>::iterator> m_index;
};

} // namespace tu
