#pragma once
#include "auth/Actor.h"
#include "common/LeaveGuard.h"

#include <QList>
#include <QWidget>

class QTabWidget;

namespace tu {
class Core;
}

namespace tu::ui {

class ContentTab;
class StudentWorksTab;

// Konten: one tab per content type the signed-in role may edit (osis: Berita, Pengumuman and
// Ekstrakurikuler), plus Karya Siswa for admin and kesiswaan (a student sees their own works).
// Ctrl+N new item, Ctrl+S save, Ctrl+F search in the current tab.
class ContentPage : public QWidget, public LeaveGuard
{
    Q_OBJECT
public:
    ContentPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // The tab of content type `name` (news, calendar, …), nullptr when this role has none.
    ContentTab *contentTab(const QString &name) const;
    StudentWorksTab *worksTab() const { return m_works; }
    // Shows the tab of content type `name` (or "works").
    bool showTab(const QString &name);
    // Unsaved edits in a content tab: shows that tab and asks (Simpan / Buang / Batal).
    bool canLeave() override;

private:
    QTabWidget *m_tabs;
    QList<ContentTab *> m_contentTabs;
    StudentWorksTab *m_works = nullptr;
    int m_shownTab = 0;
    bool m_switching = false;
};

} // namespace tu::ui
