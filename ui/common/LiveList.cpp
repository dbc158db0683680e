#include "LiveList.h"

#include <QCoreApplication>
#include <QEvent>
#include <QThreadPool>
#include <QProgressBar>
#include <QTimer>
#include <QWidget>
#include <utility>

namespace tu::ui {

int LiveList::s_defaultPollMs = 0;
std::function<void()> LiveList::s_workerProbe;

namespace {
// A load answered within this shows no busy bar: polling reloads would make it blink.
constexpr int BusyDelayMs = 250;
// A page shown again within this of its last load (the first show after construction) only
// checks the stamp instead of reading the same list twice.
constexpr int FreshMs = 1000;
} // namespace

LiveList::LiveList(QWidget *page, StampRead stamp, std::function<void()> reload)
    : QObject(page), m_page(page), m_stamp(std::move(stamp)), m_reload(std::move(reload)),
      m_poll(new QTimer(this)), m_busyDelay(new QTimer(this)), m_busyBar(new QProgressBar(page))
{
    setObjectName(QStringLiteral("liveList"));
    m_poll->setInterval(s_defaultPollMs > 0 ? s_defaultPollMs : DefaultPollMs);
    connect(m_poll, &QTimer::timeout, this, &LiveList::check);

    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setAccessibleName(tr("Memuat data"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedHeight(3);
    // Keeps its place while hidden, so the table below never jumps.
    QSizePolicy keep = m_busyBar->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busyBar->setSizePolicy(keep);
    m_busyBar->hide();
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(BusyDelayMs);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        if (m_loading)
            m_busyBar->show();
    });

    page->installEventFilter(this);
}

QThreadPool *LiveList::pool()
{
    static QThreadPool *lists = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(4);
        return p;
    }();
    return lists;
}

void LiveList::setDefaultPollInterval(int ms)
{
    s_defaultPollMs = ms;
}

void LiveList::setWorkerProbe(std::function<void()> probe)
{
    s_workerProbe = std::move(probe);
}

QWidget *LiveList::busyBar() const
{
    return m_busyBar;
}

int LiveList::pollInterval() const
{
    return m_poll->interval();
}

void LiveList::setPollInterval(int ms)
{
    m_poll->setInterval(ms > 0 ? ms : DefaultPollMs);
}

void LiveList::startBusy()
{
    if (!m_loading) {
        m_loading = true;
        m_busyDelay->start();
        emit busyChanged(true);
    }
}

void LiveList::finished(std::optional<ChangeStamp> stamp)
{
    m_known = std::move(stamp);
    m_sinceLoad.start();
    m_loading = false;
    m_busyDelay->stop();
    m_busyBar->hide();
    emit busyChanged(false);
}

void LiveList::reloadThen(std::function<void()> then)
{
    m_afterLoad.append(std::move(then));
    m_reload();
}

void LiveList::runAfterLoad()
{
    const auto pending = std::exchange(m_afterLoad, {});
    for (const auto &f : pending)
        f();
}

bool LiveList::watching() const
{
    return m_page->isVisible() && m_page->window()->isActiveWindow();
}

void LiveList::check()
{
    if (watching())
        compareStamp();
}

void LiveList::compareStamp()
{
    if (m_loading || m_checking)
        return;
    m_checking = true;
    const quint64 generation = m_generation;
    runAsync(this, m_stamp, [this, generation](const Result<ChangeStamp> &s) {
        m_checking = false;
        // A load started meanwhile brings its own stamp; a failed check stays quiet (the next
        // one tries again, and a real reload shows the error).
        if (generation != m_generation || m_loading || !s.ok())
            return;
        if (!m_known || *m_known != s.value())
            m_reload();
    }, pool());
}

bool LiveList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_page && event->type() == QEvent::Show) {
        m_poll->start();
        if (m_window != m_page->window()) { // the page may have moved into a window since
            if (m_window && m_window != m_page)
                m_window->removeEventFilter(this);
            m_window = m_page->window();
            if (m_window != m_page)
                m_window->installEventFilter(this);
        }
        if (m_sinceLoad.isValid() && m_sinceLoad.elapsed() <= FreshMs)
            compareStamp(); // just read: reload only if something changed since
        else if (!m_loading)
            m_reload();
    } else if (watched == m_page && event->type() == QEvent::Hide) {
        m_poll->stop();
    }
    if (watched == m_window && event->type() == QEvent::WindowActivate)
        check();
    return false;
}

} // namespace tu::ui
