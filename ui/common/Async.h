#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <type_traits>

namespace tu::ui {

// Runs `work` on the global thread pool (services there open their own database connection) and
// hands its result to `done` on the thread of `context`, unless `context` is gone by then. For
// anything slow enough to freeze a window: bcrypt in login and password changes, above all.
// `pool`: another pool than the global one (list reads, which must not queue behind slow work).
template<typename Work, typename Done>
void runAsync(QObject *context, Work work, Done done, QThreadPool *pool = nullptr)
{
    using R = std::invoke_result_t<Work>;
    // Result<T> has no default constructor, which QFuture needs; a shared_ptr has one.
    using Boxed = std::shared_ptr<R>;
    auto *watcher = new QFutureWatcher<Boxed>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        const Boxed result = watcher->result();
        watcher->deleteLater();
        done(*result);
    });
    auto run = [work = std::move(work)]() mutable { return std::make_shared<R>(work()); };
    watcher->setFuture(pool ? QtConcurrent::run(pool, std::move(run)) : QtConcurrent::run(std::move(run)));
}

} // namespace tu::ui
