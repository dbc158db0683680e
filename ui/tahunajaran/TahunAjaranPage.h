#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QCheckBox;
class QProgressBar;
class QPushButton;
class QTabBar;
class QTableView;

namespace tu {
class Core;
struct TahunAjaran;
}

namespace tu::ui {

class LiveList;
class MessageBanner;
class TahunAjaranTableModel;

// Tahun Ajaran master: live/trash tabs, active-only filter, create/edit dialog, activate,
// trash with confirmation and "Urungkan", restore, and "Sinkronkan dengan SIAKAD": a preview
// of what will change (worked out on a worker thread), applied only when confirmed. The list is
// live (LiveList): read on a worker, following changes made elsewhere (another desktop, the API,
// a SIAKAD sync) with the selection kept by id.
class TahunAjaranPage : public QWidget
{
    Q_OBJECT
public:
    TahunAjaranPage(Core &core, const Actor &actor, QWidget *parent = nullptr);
    // Reads the current tab on a worker; the answer lands later.
    void reload();
    LiveList *live() const { return m_live; }
    QTableView *table() const { return m_table; }
    bool isSyncing() const { return m_syncing; }

private:
    const TahunAjaran *selected() const;
    void openDialog(bool edit);
    void activate();
    void trashOrRestore();
    void syncWithSiakad();
    void applySiakadSync(const QString &fingerprint);
    void finishSync();
    void updateActions();

    Core &m_core;
    Actor m_actor;
    TahunAjaranTableModel *m_model;
    MessageBanner *m_banner;
    QTabBar *m_tabs;
    QCheckBox *m_onlyActive;
    QTableView *m_table;
    QPushButton *m_add, *m_edit, *m_activate, *m_trash, *m_sync;
    QProgressBar *m_busy;
    LiveList *m_live;
    bool m_syncing = false;
};

} // namespace tu::ui
