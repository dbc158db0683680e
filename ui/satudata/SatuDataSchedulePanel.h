#pragma once
// The "Jadwal otomatis" tab of Satu Data: frequency, weekday, time (school time) and targets of
// the automatic run, the next run and who changed it last. What the user is editing is never
// overwritten by a reload until it is saved.

#include "auth/Actor.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimeEdit;

namespace tu {
class Core;
}

namespace tu::ui {

class FormErrors;
class MessageBanner;
struct ScheduleState;

class SatuDataSchedulePanel : public QWidget
{
    Q_OBJECT
public:
    SatuDataSchedulePanel(Core &core, const Actor &actor, QWidget *parent = nullptr);
    ~SatuDataSchedulePanel() override;

    void reload();
    void save();
    bool isLoading() const { return m_loading > 0; }

    QComboBox *frequencyCombo() const { return m_frequency; }
    QComboBox *weekdayCombo() const { return m_weekday; }
    QTimeEdit *timeEdit() const { return m_time; }
    QCheckBox *splpBox() const { return m_splp; }
    QCheckBox *sipdBox() const { return m_sipd; }
    QPushButton *saveButton() const { return m_save; }
    FormErrors *errors() const { return m_errors; }
    QLabel *nextRunLabel() const { return m_nextRun; }

signals:
    void saved(); // the page reloads everything

private:
    QWidget *buildForm(QWidget *box);
    QWidget *buildHelp();
    void updateForm();
    void showSchedule(const ScheduleState &s);

    Core &m_core;
    Actor m_actor;
    QComboBox *m_frequency = nullptr, *m_weekday = nullptr;
    QTimeEdit *m_time = nullptr;
    QCheckBox *m_splp = nullptr, *m_sipd = nullptr;
    QPushButton *m_save = nullptr;
    MessageBanner *m_banner = nullptr;
    FormErrors *m_errors = nullptr;
    QLabel *m_nextRun = nullptr, *m_describe = nullptr;
    int m_loading = 0;
    bool m_dirty = false;
    bool m_filling = false;
};

} // namespace tu::ui
