#pragma once
#include "academic/SiakadSyncPlan.h"

#include <QDialog>

class QCheckBox;
class QPushButton;
class QTableWidget;

namespace tu::ui {

// What "Sinkronkan dengan SIAKAD" will do, shown before it does it: the years SIAKAD adds,
// changes and moves to the trash, and in plain words what happens to the active year, its open
// registration period and its applicants. Accepting applies exactly this plan (the sync checks
// SIAKAD's list is still the one shown). When the year with applicants stops being active the
// person must tick an explicit confirmation before "Terapkan" is enabled.
class SiakadSyncPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SiakadSyncPreviewDialog(const SiakadSyncPlan &plan, QWidget *parent = nullptr);

    QPushButton *applyButton() const { return m_apply; }
    QCheckBox *confirmCheck() const { return m_confirm; } // nullptr unless the plan is dangerous
    QTableWidget *changesTable() const { return m_table; }
    // The consequences in words, one sentence per line (also shown in the dialog).
    QStringList consequences() const { return m_consequences; }

private:
    QTableWidget *m_table;
    QPushButton *m_apply;
    QCheckBox *m_confirm = nullptr;
    QStringList m_consequences;
};

} // namespace tu::ui
