#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <type_traits>

namespace tu::ui {

// Runs `work` on the global thread pool (services there open their own database connection) and
// hands its result to `done` on the thread of `context`, unless `context` is gone by then. For
// anything slow enough to freeze a window: bcrypt in login and password changes, above all.
template<typename Work, typename Done>
void runAsync(QObject *context, Work work, Done done)
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
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<R>(work()); }));
}

} // namespace tu::ui
