#pragma once
#include <QEvent>
#include <QObject>
#include <QWidget>
#include <functional>

namespace tu::ui {

// Reloads a page when `signal` fires while the page is visible; a hidden page reloads when it
// is next shown instead. At the end of a sync every page reloading at once would hold the GUI
// thread in one piece (charts, models) while the user watches another page.
class ReloadWhenShown : public QObject
{
public:
    template<typename Sender, typename Signal>
    ReloadWhenShown(QWidget *page, const Sender *sender, Signal signal, std::function<void()> reload)
        : QObject(page), m_page(page), m_reload(std::move(reload))
    {
        connect(sender, signal, this, [this] {
            if (m_page->isVisible())
                m_reload();
            else
                m_stale = true;
        }, Qt::QueuedConnection);
        page->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_page && event->type() == QEvent::Show && m_stale) {
            m_stale = false;
            m_reload();
        }
        return false;
    }

private:
    QWidget *m_page;
    std::function<void()> m_reload;
    bool m_stale = false;
};

} // namespace tu::ui
