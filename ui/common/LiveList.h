#pragma once
#include "app/ChangeStamps.h"
#include "Result.h"
#include "common/Async.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QProgressBar;
class QThreadPool;
class QTimer;
class QWidget;

namespace tu::ui {

// Keeps a list page current without freezing it. The page's reload() hands its service call to
// load(): the call runs on a worker (runAsync), and only the answer of the newest load reaches
// the page, on the GUI thread. While the page is visible and its window active, a light check
// (the list's ChangeStamp: a count and the newest change time) runs on a worker every few
// seconds and reloads when the list changed anywhere: the web API, another desktop, a sync.
// The page reloads when it is shown again, and a check runs when its window is activated.
// Pair it with a model built on ListTableModel so a reload keeps the selection and the scroll.
class LiveList : public QObject
{
    Q_OBJECT
public:
    using StampRead = std::function<Result<ChangeStamp>()>;
    static constexpr int DefaultPollMs = 3000;

    // `stamp` runs on a worker thread; `reload` is the page's reload, which calls load().
    LiveList(QWidget *page, StampRead stamp, std::function<void()> reload);

    template<typename Read, typename Apply>
    void load(Read read, Apply apply)
    {
        const quint64 generation = ++m_generation;
        startBusy();
        runAsync(this, [stamp = m_stamp, read = std::move(read), probe = s_workerProbe]() mutable {
            if (probe)
                probe();
            // The stamp first: a change landing during the read moves it again, so the next
            // check reloads instead of believing the list current.
            auto s = stamp();
            return Stamped<std::invoke_result_t<Read>>{std::move(s), read()};
        }, [this, generation, apply = std::move(apply)](const auto &answer) mutable {
            if (generation != m_generation)
                return; // a newer load is on its way and wins
            finished(answer.stamp.ok() ? std::optional<ChangeStamp>(answer.stamp.value()) : std::nullopt);
            apply(answer.value);
            runAfterLoad();
            emit loaded();
        }, pool());
    }

    void reload() { m_reload(); }
    // reload(), then `then` once its answer is applied: selecting the record a dialog saved.
    void reloadThen(std::function<void()> then);
    bool isLoading() const { return m_loading; }
    // Checks the stamp now (on a worker) and reloads if the list changed.
    void check();

    int pollInterval() const;
    void setPollInterval(int ms);
    // Tests: the interval of every LiveList made afterwards (0: back to DefaultPollMs), and a
    // callback run on the worker thread before every read.
    static void setDefaultPollInterval(int ms);
    static void setWorkerProbe(std::function<void()> probe);
    // The pool list reads run on: their own, so a read never waits behind a slow job (an
    // export, a sync step) on the global pool.
    static QThreadPool *pool();

    // The thin bar that runs while a load takes longer than a blink; the page places it.
    QWidget *busyBar() const;

signals:
    void loaded(); // an answer was applied
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    template<typename T>
    struct Stamped {
        Result<ChangeStamp> stamp;
        T value;
    };
    void startBusy();
    void finished(std::optional<ChangeStamp> stamp);
    bool watching() const;
    void compareStamp();
    void runAfterLoad();

    QWidget *m_page;
    StampRead m_stamp;
    std::function<void()> m_reload;
    QTimer *m_poll;
    QTimer *m_busyDelay;
    QProgressBar *m_busyBar;
    QPointer<QWidget> m_window;
    QElapsedTimer m_sinceLoad;
    std::optional<ChangeStamp> m_known;
    QList<std::function<void()>> m_afterLoad;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_checking = false;

    static int s_defaultPollMs;
    static std::function<void()> s_workerProbe;
};

} // namespace tu::ui
