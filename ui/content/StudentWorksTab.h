#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace tu {
class Core;
}

namespace tu::ui {

class LiveList;
class MessageBanner;
class Pager;
class StudentWorkTableModel;

// Karya Siswa on the Konten page: the works students submitted, filtered by category, featured
// or a search on the title; staff mark works as featured (shown on the school site), open the
// attached file and remove works. A student signed in sees only their own. The list is live
// (LiveList): read on a worker, works submitted through the web appear within seconds.
class StudentWorksTab : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 25;
    StudentWorksTab(Core &core, const Actor &actor, QWidget *parent = nullptr);
    // Reads the current filters and page on a worker; the answer lands later.
    void reload();
    LiveList *live() const { return m_live; }
    // Marks the selected work featured or not (whichever it is not).
    void toggleFeatured();
    void openFile();
    void removeSelected(bool confirm = true);

    // The local path openFile() hands to the desktop; empty when none.
    QString selectedFilePath();

    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    QComboBox *categoryFilter() const { return m_category; }
    QComboBox *featuredFilter() const { return m_featured; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *featureButton() const { return m_feature; }

private:
    void updateActions();
    void showDetail();
    Core &m_core;
    Actor m_actor;
    bool m_staff;
    StudentWorkTableModel *m_model;
    MessageBanner *m_banner;
    QLineEdit *m_search;
    QComboBox *m_category, *m_featured;
    QTimer *m_debounce;
    QTableView *m_table;
    QLabel *m_detail;
    QPushButton *m_feature, *m_open, *m_delete;
    Pager *m_pager = nullptr;
    LiveList *m_live = nullptr;
};

} // namespace tu::ui
