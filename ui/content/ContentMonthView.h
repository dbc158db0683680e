#pragma once
#include <QJsonArray>
#include <QWidget>

class QCalendarWidget;
class QLabel;
class QListWidget;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// The Kalender tab's month view: a month grid whose days with events are marked in their
// category's colour (the titles in the tooltip), and the list of the picked day's events.
// The month's events are read on a worker; picking an event asks the tab to open it.
class ContentMonthView : public QWidget
{
    Q_OBJECT
public:
    ContentMonthView(Core &core, MessageBanner *banner, QWidget *parent = nullptr);

    QCalendarWidget *calendar() const { return m_calendar; }
    QListWidget *dayEvents() const { return m_dayEvents; }
    // Reads the month shown again (after an edit).
    void reload();

signals:
    void eventActivated(const QString &id);

private:
    void showMonth(const QDate &from, const QDate &to);
    void showDay(const QDate &day);

    Core &m_core;
    MessageBanner *m_banner;
    QCalendarWidget *m_calendar;
    QLabel *m_dayTitle;
    QListWidget *m_dayEvents;
    QJsonArray m_monthEvents;
    quint64 m_generation = 0;
};

} // namespace tu::ui
