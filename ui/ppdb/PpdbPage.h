#pragma once
#include "auth/Actor.h"

#include <QPageSize>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabBar;
class QTableView;
class QTimer;

namespace tu {
class Core;
}

namespace tu::ui {

class LiveList;
class MessageBanner;
class Pager;
class PpdbTableModel;

// PPDB registrations for staff: status tabs with counts, search as you type, paging, the detail
// dialog with the status workflow, walk-in registration, and the Excel export on a worker thread.
// The list is live (LiveList): read on a worker, and registrations arriving through the web
// appear within seconds, the selected one staying selected.
class PpdbPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;
    PpdbPage(Core &core, const Actor &actor, QWidget *parent = nullptr);
    // Reads the current tab, search and page on a worker; the answer lands later.
    void reload();
    LiveList *live() const { return m_live; }
    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    // The detail dialog for the registration in `row` (modal).
    void openDetail(int row);
    void openWalkIn();
    // Writes every registration of the current tab and search to `path` (.xlsx) on a worker
    // thread, with a progress dialog; the banner reports the result.
    void exportTo(const QString &path);
    bool isExporting() const { return m_exporting; }
    // The current tab and search as a printed list (A4 or F4): the title says which status,
    // so the "Diterima" tab prints the announcement of accepted applicants. The rows are read
    // on a worker, then the print preview opens.
    void printList(const QPageSize &size);
    // The title printed above the list of the current tab.
    QString listTitle() const;
    int currentPage() const;

private:
    QString statusFilter() const;
    void exportAsk();
    void updateActions();
    void selectRegistration(const QString &id);
    Core &m_core;
    Actor m_actor;
    PpdbTableModel *m_model;
    MessageBanner *m_banner;
    QTabBar *m_tabs;
    QLineEdit *m_search;
    QTimer *m_debounce;
    QTableView *m_table;
    QPushButton *m_detail, *m_walkIn, *m_export, *m_printList;
    Pager *m_pager = nullptr;
    LiveList *m_live = nullptr;
    bool m_exporting = false;
};

} // namespace tu::ui
