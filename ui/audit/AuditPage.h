#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace tu {
class Core;
}

namespace tu::ui {

class AuditTableModel;
class LiveList;
class MessageBanner;
class Pager;

// Log Audit (admin): who changed what and when, newest first, filtered by user, area and an
// optional date range (days of the school's calendar), paged; the selected entry's record
// before and after the change side by side. The list is live (LiveList): read on a worker, new
// entries appear within seconds while the page is open, the selected entry staying selected.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;
    AuditPage(Core &core, const Actor &actor, QWidget *parent = nullptr);
    // Reads the current filter and page on a worker; the answer lands later.
    void reload();
    // Fills the user filter again (accounts may have been added), read on a worker.
    void reloadUsers();
    LiveList *live() const { return m_live; }

    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    QComboBox *userFilter() const { return m_user; }
    QComboBox *areaFilter() const { return m_area; }
    QCheckBox *rangeBox() const { return m_range; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QPlainTextEdit *beforeView() const { return m_before; }
    QPlainTextEdit *afterView() const { return m_after; }
    QLabel *detailTitle() const { return m_detailTitle; }
    int currentPage() const;

private:
    void showDetail();
    Core &m_core;
    Actor m_actor;
    AuditTableModel *m_model;
    MessageBanner *m_banner;
    QComboBox *m_user, *m_area;
    QCheckBox *m_range;
    QDateEdit *m_from, *m_to;
    QTableView *m_table;
    QLabel *m_detailTitle, *m_changed;
    QPlainTextEdit *m_before, *m_after;
    QPushButton *m_refresh;
    Pager *m_pager;
    LiveList *m_live;
    QString m_detailId; // the entry the detail shows
    bool m_detailShown = false;
    quint64 m_usersGeneration = 0;
};

} // namespace tu::ui
