#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabBar;
class QTableView;

namespace tu {
class Core;
}

namespace tu::ui {

class DapodikListModel;
class MessageBanner;

// Data Dapodik: the synced schools and PTK, each a table over a database-paged model
// (DapodikListModel) so that 100,000 PTK stay quick: kecamatan filter, search as you type, and
// a switch that shows the records gone upstream (greyed).
class DapodikDataPage : public QWidget
{
    Q_OBJECT
public:
    DapodikDataPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    enum Tab { SekolahTab, PtkTab };
    void showTab(Tab tab);
    // Reloads the kecamatan list and the visible table (after a sync).
    void reload();

    QTabBar *tabs() const { return m_tabs; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *kecamatanFilter() const { return m_kecamatan; }
    QCheckBox *inactiveToggle() const { return m_inactive; }
    DapodikListModel *sekolahModel() const { return m_sekolahModel; }
    DapodikListModel *ptkModel() const { return m_ptkModel; }
    QTableView *sekolahTable() const { return m_sekolahTable; }
    QTableView *ptkTable() const { return m_ptkTable; }
    MessageBanner *banner() const { return m_banner; }

private:
    void applyFilter(bool force = false);
    void loadKecamatan();
    void updateCount();
    DapodikListModel *currentModel() const;

    Core &m_core;
    Actor m_actor;
    MessageBanner *m_banner;
    QTabBar *m_tabs;
    QComboBox *m_kecamatan;
    QLineEdit *m_search;
    QCheckBox *m_inactive;
    QStackedWidget *m_stack;
    DapodikListModel *m_sekolahModel;
    DapodikListModel *m_ptkModel;
    QTableView *m_sekolahTable;
    QTableView *m_ptkTable;
    QLabel *m_count;
};

} // namespace tu::ui
