#include "ContentPage.h"
#include "content/ContentTab.h"
#include "content/ContentText.h"
#include "common/PageHeader.h"
#include "content/StudentWorksTab.h"
#include "app/Core.h"

#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tu::ui {

ContentPage::ContentPage(Core &core, const Actor &actor, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("kontenPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(12);
    page->addWidget(new PageHeader(tr("Konten"), tr("Isi situs sekolah: berita, pengumuman, kalender, guru, fasilitas, "
                                                   "ekstrakurikuler, dan karya siswa."), this));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("contentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    for (const ContentType &type : content::types()) {
        if (!actor.isSystem && !type.editableBy(actor.role))
            continue;
        auto *tab = new ContentTab(core, actor, type, m_tabs);
        m_contentTabs << tab;
        m_tabs->addTab(tab, contentTypeText(type));
    }
    const bool staff = StudentWorkService::isStaff(actor);
    if (staff || actor.role == Role::Siswa) {
        m_works = new StudentWorksTab(core, actor, m_tabs);
        m_tabs->addTab(m_works, staff ? tr("Karya Siswa") : tr("Karya Saya"));
    }
    page->addWidget(m_tabs, 1);
    // Another tab never drops the edits of the one shown: the edited tab comes back while the
    // question is asked, and the switch happens only when it may be left.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_switching)
            return;
        auto *previous = qobject_cast<ContentTab *>(m_tabs->widget(m_shownTab));
        if (previous && index != m_shownTab && previous->isDirty()) {
            m_switching = true;
            m_tabs->setCurrentIndex(m_shownTab);
            const bool leave = previous->canLeave();
            if (leave)
                m_tabs->setCurrentIndex(index);
            m_switching = false;
            if (!leave)
                return;
        }
        m_shownTab = m_tabs->currentIndex();
    });

    auto shortcut = [this](const QKeySequence &keys, auto action) {
        auto *s = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, action);
    };
    shortcut(QKeySequence::New, [this] {
        if (auto *t = qobject_cast<ContentTab *>(m_tabs->currentWidget()))
            t->newItem();
    });
    shortcut(QKeySequence::Save, [this] {
        if (auto *t = qobject_cast<ContentTab *>(m_tabs->currentWidget()))
            (void)t->save();
    });
    // Ctrl+F belongs to each tab's search field (ui/common/PageParts searchField).
    // Each tab's list reloads itself when shown and follows changes while visible (LiveList).
}

ContentTab *ContentPage::contentTab(const QString &name) const
{
    for (ContentTab *t : m_contentTabs)
        if (t->type().name == name)
            return t;
    return nullptr;
}

bool ContentPage::showTab(const QString &name)
{
    QWidget *w = name == QLatin1String("works") ? static_cast<QWidget *>(m_works) : contentTab(name);
    if (!w)
        return false;
    m_tabs->setCurrentWidget(w);
    return m_tabs->currentWidget() == w;
}

bool ContentPage::canLeave()
{
    for (ContentTab *t : m_contentTabs) {
        if (!t->isDirty())
            continue;
        m_switching = true; // show what the question is about
        m_tabs->setCurrentWidget(t);
        m_shownTab = m_tabs->currentIndex();
        m_switching = false;
        if (!t->canLeave())
            return false;
    }
    return true;
}

} // namespace tu::ui
