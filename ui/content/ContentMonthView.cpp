#include "ContentMonthView.h"
#include "common/Async.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"
#include "content/ContentTableModel.h"
#include "content/ContentText.h"
#include "app/Core.h"

#include <QCalendarWidget>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QTextCharFormat>
#include <QToolButton>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
// The month grid: a day with events gets a rounded patch in its (first) event's category colour
// under the number. The theme's item rules would hide a plain background role.
class MonthView : public QCalendarWidget
{
public:
    using QCalendarWidget::QCalendarWidget;

protected:
    void paintCell(QPainter *painter, const QRect &rect, QDate date) const override
    {
        const QTextCharFormat f = dateTextFormat(date);
        if (f.background().style() != Qt::NoBrush && date != selectedDate()) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(f.background());
            painter->drawRoundedRect(QRectF(rect).adjusted(2.5, 1.5, -2.5, -1.5), 5, 5);
            painter->restore();
        }
        QCalendarWidget::paintCell(painter, rect, date);
    }
};

QColor categoryColor(const QString &category)
{
    if (category == QLatin1String("ujian"))
        return theme::DangerSoft;
    if (category == QLatin1String("libur"))
        return theme::SuccessSoft;
    if (category == QLatin1String("kegiatan"))
        return theme::WarningSoft;
    return theme::AccentSoft; // akademik
}
} // namespace

ContentMonthView::ContentMonthView(Core &core, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_core(core), m_banner(banner)
{
    auto *body = new QHBoxLayout(this);
    body->setContentsMargins(16, 0, 16, 14);
    body->setSpacing(14);
    m_calendar = new MonthView(this);
    m_calendar->setObjectName(QStringLiteral("monthView"));
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setMinimumSize(280, 210);
    if (auto *prev = m_calendar->findChild<QToolButton *>(QStringLiteral("qt_calendar_prevmonth")))
        prev->setIcon(icons::icon(QStringLiteral("chevron-left"), theme::TextStrong));
    if (auto *next = m_calendar->findChild<QToolButton *>(QStringLiteral("qt_calendar_nextmonth")))
        next->setIcon(icons::icon(QStringLiteral("chevron-right"), theme::TextStrong));
    QTextCharFormat weekday;
    weekday.setForeground(theme::TextMuted);
    weekday.setFontWeight(QFont::DemiBold);
    m_calendar->setHeaderTextFormat(weekday);
    QTextCharFormat weekend;
    weekend.setForeground(theme::Danger);
    m_calendar->setWeekdayTextFormat(Qt::Sunday, weekend);
    QTextCharFormat saturday;
    saturday.setForeground(theme::TextStrong);
    m_calendar->setWeekdayTextFormat(Qt::Saturday, saturday);
    m_calendar->setSelectedDate(SchoolTime::of(core).today());
    body->addWidget(m_calendar, 5);
    auto *dayBox = new QVBoxLayout;
    dayBox->setSpacing(6);
    m_dayTitle = plainLabel(this);
    m_dayTitle->setObjectName(QStringLiteral("dayTitle"));
    m_dayTitle->setWordWrap(true);
    dayBox->addWidget(m_dayTitle);
    m_dayEvents = new QListWidget(this);
    m_dayEvents->setObjectName(QStringLiteral("dayEvents"));
    m_dayEvents->setAccessibleName(tr("Agenda pada hari yang dipilih"));
    m_dayEvents->setWordWrap(true);
    m_dayEvents->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_dayEvents->setResizeMode(QListView::Adjust);
    m_dayEvents->setIconSize(QSize(14, 14));
    dayBox->addWidget(m_dayEvents, 1);
    body->addLayout(dayBox, 4);

    connect(m_calendar, &QCalendarWidget::currentPageChanged, this, [this] { reload(); });
    connect(m_calendar, &QCalendarWidget::selectionChanged, this, [this] { showDay(m_calendar->selectedDate()); });
    auto open = [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit eventActivated(id);
    };
    connect(m_dayEvents, &QListWidget::itemActivated, this, open);
    connect(m_dayEvents, &QListWidget::itemClicked, this, open);
    showDay(m_calendar->selectedDate());
    reload();
}

void ContentMonthView::reload()
{
    const QDate from(m_calendar->yearShown(), m_calendar->monthShown(), 1);
    const QDate to = from.addMonths(1).addDays(-1);
    const quint64 generation = ++m_generation;
    Core *core = &m_core;
    runAsync(this, [core, from, to] { return core->content().events(from, to); },
             [this, generation, from, to](const Result<QJsonArray> &r) {
                 if (generation != m_generation)
                     return; // the person moved on to another month meanwhile
                 m_monthEvents = r.ok() ? r.value() : QJsonArray();
                 if (!r.ok())
                     m_banner->showError(r.error());
                 showMonth(from, to);
             });
}

void ContentMonthView::showMonth(const QDate &from, const QDate &to)
{
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat()); // forget the previous month's marks
    QHash<QDate, QStringList> titles; // several events on one day: all titles in the tip
    for (const QJsonValue &v : std::as_const(m_monthEvents)) {
        const QJsonObject e = v.toObject();
        QDate d = std::max(QDate::fromString(e.value(QLatin1String("startDate")).toString(), Qt::ISODate), from);
        const QDate end = std::min(QDate::fromString(e.value(QLatin1String("endDate")).toString(), Qt::ISODate), to);
        QTextCharFormat fmt;
        fmt.setFontWeight(QFont::Bold);
        fmt.setBackground(categoryColor(e.value(QLatin1String("category")).toString()));
        fmt.setForeground(theme::TextStrong);
        for (; d.isValid() && d <= end; d = d.addDays(1)) {
            QStringList &here = titles[d];
            here << e.value(QLatin1String("title")).toString();
            fmt.setToolTip(plainToolTip(here.join(QLatin1Char('\n'))));
            m_calendar->setDateTextFormat(d, fmt);
        }
    }
    showDay(m_calendar->selectedDate());
}

void ContentMonthView::showDay(const QDate &day)
{
    m_dayEvents->clear();
    m_dayTitle->setText(QLocale().toString(day, QStringLiteral("dddd, d MMMM yyyy")));
    for (const QJsonValue &v : std::as_const(m_monthEvents)) {
        const QJsonObject e = v.toObject();
        const QDate start = QDate::fromString(e.value(QLatin1String("startDate")).toString(), Qt::ISODate);
        const QDate end = QDate::fromString(e.value(QLatin1String("endDate")).toString(), Qt::ISODate);
        if (day < start || day > end)
            continue;
        QString text = e.value(QLatin1String("title")).toString();
        QStringList details{contentOptionText(e.value(QLatin1String("category")).toString())};
        if (start != end)
            details << tr("%1 – %2").arg(contentFormatDate(start.toString(Qt::ISODate)), contentFormatDate(end.toString(Qt::ISODate)));
        if (const QString place = e.value(QLatin1String("location")).toString(); !place.isEmpty())
            details << place;
        auto *item = new QListWidgetItem(text + QLatin1Char('\n') + details.join(QStringLiteral(" · ")), m_dayEvents);
        item->setData(Qt::UserRole, e.value(QLatin1String("id")).toString());
        item->setIcon(icons::icon(QStringLiteral("check"), theme::Primary));
        item->setBackground(QBrush());
    }
    if (m_dayEvents->count() == 0) {
        auto *none = new QListWidgetItem(tr("Tidak ada agenda pada hari ini."), m_dayEvents);
        none->setFlags(Qt::NoItemFlags);
        none->setForeground(theme::TextMuted);
    }
}

} // namespace tu::ui
