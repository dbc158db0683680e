#pragma once
#include "auth/Actor.h"
#include "content/ContentTypes.h"

#include <QJsonArray>
#include <QWidget>

class QCalendarWidget;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;

namespace tu {
class Core;
}

namespace tu::ui {

class ContentEditor;
class ContentMonthView;
class ContentTableModel;
class LiveList;
class MessageBanner;
class Pager;

// One content type on the Konten page: its items (search as you type, a filter on its choice
// field, paging) beside the form generated from its descriptor, with Baru / Simpan / Hapus and,
// for news, Terbitkan / Jadikan draf. The calendar adds a month view whose days with events are
// highlighted; picking a day lists its events. The list is live (LiveList): read on a worker,
// following changes made elsewhere, the selected item staying selected.
class ContentTab : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 25;
    ContentTab(Core &core, const Actor &actor, const ContentType &type, QWidget *parent = nullptr);

    const ContentType &type() const { return m_type; }
    // Reads the current search, filter and page on a worker; the answer lands later.
    void reload();
    LiveList *live() const { return m_live; }
    // An empty form; asks first about unsaved edits (canLeave) and stays when told to.
    void newItem();
    // Unsaved edits in the form: asks Simpan / Buang / Batal. True when the form may show
    // something else: nothing unsaved, saved, or dropped (the form then shows the stored item).
    bool canLeave();
    // Creates or updates the item in the form; false (and the messages under the fields) when
    // the service refused it.
    bool save();
    // Asks first; `confirm` false skips the question (tests, the Delete key already asked).
    void removeCurrent(bool confirm = true);
    // News: publishes (saving pending edits first) or turns the item back into a draft.
    void setPublished(bool published);

    // Selects the item with `id` in the list (when on this page) and opens it in the form.
    void openItem(const QString &id);

    ContentEditor *editor() const { return m_editor; }
    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *filterCombo() const { return m_filter; }
    QCalendarWidget *calendar() const; // calendar only
    QListWidget *dayEvents() const;    // calendar only
    QPushButton *saveButton() const { return m_save; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *publishButton() const { return m_publish; }   // news only
    QPushButton *unpublishButton() const { return m_unpublish; } // news only
    QPushButton *approveButton() const { return m_approve; }     // types OSIS edits, admin/kesiswaan only
    int currentPage() const;
    bool isDirty() const { return m_dirty; }

private:
    void loadSelected();
    void startNew();
    void discardEdits();
    void selectEdited(); // the list's selection back on the item in the form
    void approveCurrent();
    void updateActions();
    void updateTitle();
    QString currentTitle() const;

    Core &m_core;
    Actor m_actor;
    const ContentType &m_type;
    const ContentField *m_filterField = nullptr;
    ContentTableModel *m_model;
    MessageBanner *m_banner;
    QLineEdit *m_search;
    QComboBox *m_filter = nullptr;
    QTimer *m_debounce;
    QTableView *m_table;
    QLabel *m_formTitle;
    ContentEditor *m_editor;
    QPushButton *m_new, *m_save, *m_delete;
    QPushButton *m_publish = nullptr, *m_unpublish = nullptr;
    QPushButton *m_approve = nullptr;
    ContentMonthView *m_month = nullptr; // calendar only
    Pager *m_pager = nullptr;
    LiveList *m_live = nullptr;
    bool m_dirty = false;
    bool m_selecting = false;
};

} // namespace tu::ui
