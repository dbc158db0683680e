#include "MainWindow.h"
#include "shell/ApiStatusLabel.h"
#include "common/SchoolTime.h"
#include "common/ViewState.h"
#include "common/ScreenFit.h"
#include "audit/AuditPage.h"
#include "dapodik/DapodikDataPage.h"
#include "dashboard/DashboardPage.h"
#include "common/Icons.h"
#include "common/LeaveGuard.h"
#include "content/ContentPage.h"
#include "shell/LoginDialog.h"
#include "shell/PlaceholderPage.h"
#include "common/PlainText.h"
#include "users/RoleText.h"
#include "satudata/SatuDataPage.h"
#include "settings/SettingsPage.h"
#include "dapodik/DapodikSyncPage.h"
#include "common/Theme.h"
#include "users/UsersPage.h"
#include "app/Core.h"
#include "sync/JobRunner.h"
#include "dapodik/DapodikService.h"
#include "satudata/SatuDataSync.h"
#include "api/ApiServerHost.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTimeZone>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
constexpr int PageRole = Qt::UserRole;

QString initials(const QString &name)
{
    QString out;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out += part.at(0).toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}
} // namespace

MainWindow::MainWindow(Core &core, const Session &session, ApiServerHost *api, QWidget *parent)
    : QMainWindow(parent), m_core(core), m_session(session), m_actor(session.actor()), m_api(api)
{
    m_actor.ip = LoginDialog::clientIp();
    setObjectName(QStringLiteral("mainWindow"));
    // Small enough for 1024×768 at 125 % scaling; pages scroll what does not fit.
    setMinimumSize(760, 480);
    m_startMaximized = restoreWindow(this, QStringLiteral("mainWindow"), QSize(1280, 800));

    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(buildSidebar());
    auto *right = new QWidget(central);
    right->setObjectName(QStringLiteral("content"));
    auto *column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(buildHeader());
    m_stack = new QStackedWidget(right);
    column->addWidget(m_stack, 1);
    row->addWidget(right, 1);
    setCentralWidget(central);

    buildPages();
    buildMenus();

    m_apiStatus = new ApiStatusLabel(api, this);
    statusBar()->addWidget(m_apiStatus, 1);
    auto *db = plainLabel(tr("Database: %1").arg(core.db().config().displayUrl()), this);
    db->setContentsMargins(12, 2, 16, 2);
    db->setObjectName(QStringLiteral("databaseLabel"));
    statusBar()->addPermanentWidget(db);
    statusBar()->setSizeGripEnabled(false);

    refreshSchool();
    for (int i = 0; i < m_sidebar->count(); ++i) // open the first area this role may use
        if (!m_sidebar->item(i)->isHidden()) {
            m_sidebar->setCurrentRow(i);
            break;
        }
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildSidebar()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("sidebarPanel"));
    panel->setAttribute(Qt::WA_StyledBackground);
    panel->setFixedWidth(236);
    auto *v = new QVBoxLayout(panel);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);

    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(20, 20, 20, 22);
    brand->setSpacing(12);
    auto *logo = plainLabel(panel);
    logo->setFixedSize(38, 38);
    logo->setAlignment(Qt::AlignCenter);
    logo->setProperty("look", QStringLiteral("logoSmall"));
    logo->setPixmap(icons::pixmap(QStringLiteral("logo"), theme::OnAccent, 22, devicePixelRatioF()));
    brand->addWidget(logo);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    auto *title = plainLabel(QStringLiteral("TataUsaha"), panel);
    title->setObjectName(QStringLiteral("brandTitle"));
    auto *subtitle = plainLabel(tr("Administrasi sekolah"), panel);
    subtitle->setObjectName(QStringLiteral("brandSubtitle"));
    names->addWidget(title);
    names->addWidget(subtitle);
    brand->addLayout(names, 1);
    v->addLayout(brand);

    auto *section = plainLabel(tr("MENU"), panel);
    section->setObjectName(QStringLiteral("sidebarSection"));
    v->addWidget(section);
    v->addSpacing(6);

    m_sidebar = new QListWidget(panel);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setFocusPolicy(Qt::StrongFocus);
    int shortcut = 0;
    for (const PageInfo &info : allPages()) {
        auto *item = new QListWidgetItem(icons::icon(info.icon, theme::SidebarText, theme::OnAccent), info.title, m_sidebar);
        item->setData(PageRole, static_cast<int>(info.page));
        const QString keys = pageShortcut(shortcut++);
        item->setToolTip(keys.isEmpty() ? info.description : QStringLiteral("%1 (%2)").arg(info.description, keys));
        item->setHidden(!mayOpen(m_session.user.role, info.page));
    }
    v->addWidget(m_sidebar, 1);

    auto *footer = plainLabel(tr("Versi %1").arg(Core::version()), panel);
    footer->setObjectName(QStringLiteral("sidebarFooter"));
    v->addWidget(footer);

    // The page being left is asked first (LeaveGuard); staying puts the sidebar back on it.
    connect(m_sidebar, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item, QListWidgetItem *previous) {
        if (!item || m_switchingBack)
            return;
        bool leave = true;
        if (previous) {
            m_asking = true;
            leave = mayLeave(previous);
            m_asking = false;
        }
        if (leave)
            m_stack->setCurrentWidget(m_pages.value(static_cast<Page>(item->data(PageRole).toInt()))->parentWidget()->parentWidget());
        selectShownPage();
        if (!leave) // a click selects its row after this handler: put it back after that too
            QTimer::singleShot(0, this, [this] {
                if (!m_asking)
                    selectShownPage();
            });
    });
    return panel;
}

QWidget *MainWindow::buildHeader()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("headerBar"));
    bar->setAttribute(Qt::WA_StyledBackground);
    bar->setFixedHeight(72);
    auto *h = new QHBoxLayout(bar);
    h->setContentsMargins(28, 0, 20, 0);
    h->setSpacing(12);

    auto *school = new QVBoxLayout;
    school->setSpacing(2);
    m_schoolName = plainLabel(bar);
    m_schoolName->setObjectName(QStringLiteral("schoolName"));
    m_today = plainLabel(bar);
    m_today->setObjectName(QStringLiteral("headerSubtitle"));
    school->addStretch(1);
    school->addWidget(m_schoolName);
    school->addWidget(m_today);
    school->addStretch(1);
    h->addLayout(school, 1);

    const User &u = m_session.user;
    auto *avatar = plainLabel(initials(u.name), bar);
    avatar->setObjectName(QStringLiteral("avatar"));
    avatar->setFixedSize(36, 36);
    avatar->setAlignment(Qt::AlignCenter);
    h->addWidget(avatar);
    auto *who = new QVBoxLayout;
    who->setSpacing(0);
    auto *name = plainLabel(u.name, bar);
    name->setObjectName(QStringLiteral("userName"));
    auto *role = plainLabel(QStringLiteral("%1 · %2").arg(roleText(u.role), u.username), bar);
    role->setObjectName(QStringLiteral("userRole"));
    who->addStretch(1);
    who->addWidget(name);
    who->addWidget(role);
    who->addStretch(1);
    h->addLayout(who);
    h->addSpacing(10);

    auto *logout = new QPushButton(icons::icon(QStringLiteral("logout"), theme::TextSoft), tr("Keluar"), bar);
    logout->setObjectName(QStringLiteral("logoutButton"));
    logout->setToolTip(tr("Keluar dari akun ini (Ctrl+Shift+L)"));
    logout->setAutoDefault(false);
    connect(logout, &QPushButton::clicked, this, &MainWindow::logout);
    h->addWidget(logout);
    return bar;
}

void MainWindow::buildPages()
{
    const Role role = m_session.user.role;
    const PageContext context{m_core, m_actor, m_api, m_local, m_stack};
    for (const PageInfo &info : allPages()) {
        QWidget *page = nullptr;
        if (!mayOpen(role, info.page))
            page = new QWidget(m_stack); // never shown: the sidebar hides the entry
        else if (info.create)
            page = info.create(context);
        else
            page = new PlaceholderPage(info, m_stack);
        m_pages.insert(info.page, page);
        // A page wider or taller than a small screen scrolls inside the window instead of
        // making the window larger than the screen.
        m_stack->addWidget(scrollingBody(page, m_stack));
    }
    if (SettingsPage *settings = settingsPage())
        connect(settings, &SettingsPage::settingsSaved, this, [this] {
            refreshSchool();
            if (UsersPage *users = usersPage())
                users->reload(); // the time zone may have changed
            if (AuditPage *audit = auditPage())
                audit->reload();
        });
}

UsersPage *MainWindow::usersPage() const { return qobject_cast<UsersPage *>(m_pages.value(Page::Users)); }
SettingsPage *MainWindow::settingsPage() const { return qobject_cast<SettingsPage *>(m_pages.value(Page::Settings)); }
ContentPage *MainWindow::contentPage() const { return qobject_cast<ContentPage *>(m_pages.value(Page::Content)); }
AuditPage *MainWindow::auditPage() const { return qobject_cast<AuditPage *>(m_pages.value(Page::Audit)); }
DapodikSyncPage *MainWindow::dapodikSyncPage() const { return qobject_cast<DapodikSyncPage *>(m_pages.value(Page::DapodikSync)); }
DapodikDataPage *MainWindow::dapodikDataPage() const { return qobject_cast<DapodikDataPage *>(m_pages.value(Page::DapodikData)); }
DashboardPage *MainWindow::dashboardPage() const { return qobject_cast<DashboardPage *>(m_pages.value(Page::Dashboard)); }
SatuDataPage *MainWindow::satuDataPage() const { return qobject_cast<SatuDataPage *>(m_pages.value(Page::SatuData)); }

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Berkas"));
    if (SettingsPage *settingsPage = this->settingsPage()) {
        QAction *settings = file->addAction(icons::icon(QStringLiteral("pengaturan"), theme::TextMuted), tr("&Pengaturan…"));
        settings->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
        connect(settings, &QAction::triggered, this, [this, settingsPage] {
            showPage(Page::Settings);
            settingsPage->openDialog();
        });
        file->addSeparator();
    }
    QAction *logout = file->addAction(icons::icon(QStringLiteral("logout"), theme::TextMuted), tr("&Keluar akun"));
    logout->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    connect(logout, &QAction::triggered, this, &MainWindow::logout);
    QAction *quit = file->addAction(tr("&Tutup aplikasi"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q"))); // QKeySequence::Quit is empty on Windows
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *go = menuBar()->addMenu(tr("B&uka"));
    int n = 0;
    for (const PageInfo &info : allPages()) {
        QAction *a = go->addAction(icons::icon(info.icon, theme::TextMuted), info.title);
        a->setObjectName(QStringLiteral("page%1").arg(n + 1));
        a->setShortcut(QKeySequence(pageShortcut(n++)));
        a->setVisible(isPageAvailable(info.page));
        a->setEnabled(isPageAvailable(info.page));
        const Page page = info.page;
        connect(a, &QAction::triggered, this, [this, page] { showPage(page); });
    }

    QMenu *help = menuBar()->addMenu(tr("Ban&tuan"));
    connect(help->addAction(tr("&Tentang TataUsaha")), &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showPage(Page page)
{
    if (!isPageAvailable(page))
        return;
    for (int i = 0; i < m_sidebar->count(); ++i)
        if (m_sidebar->item(i)->data(PageRole).toInt() == static_cast<int>(page))
            m_sidebar->setCurrentRow(i);
}

Page MainWindow::currentPage() const
{
    const QListWidgetItem *item = m_sidebar->currentItem();
    return item ? static_cast<Page>(item->data(PageRole).toInt()) : Page::Ppdb;
}

bool MainWindow::isPageAvailable(Page page) const
{
    return mayOpen(m_session.user.role, page);
}

QWidget *MainWindow::pageWidget(Page page) const
{
    return m_pages.value(page);
}

void MainWindow::refreshSchool()
{
    const QString school = m_core.settings().value(QStringLiteral("school_name"));
    m_schoolName->setText(school);
    setWindowTitle(tr("%1 — TataUsaha").arg(school));
    // Today in the school's time zone, which may differ from this computer's.
    m_today->setText(QLocale().toString(SchoolTime::of(m_core).today(), QStringLiteral("dddd, d MMMM yyyy")));
}

void MainWindow::selectShownPage()
{
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QWidget *page = m_pages.value(static_cast<Page>(m_sidebar->item(i)->data(PageRole).toInt()));
        if (page && page->parentWidget()->parentWidget() == m_stack->currentWidget()) {
            if (m_sidebar->currentRow() != i) {
                m_switchingBack = true;
                m_sidebar->setCurrentRow(i);
                m_switchingBack = false;
            }
            return;
        }
    }
}

bool MainWindow::mayLeave(QListWidgetItem *pageItem)
{
    auto *guard = dynamic_cast<LeaveGuard *>(m_pages.value(static_cast<Page>(pageItem->data(PageRole).toInt())));
    return !guard || guard->canLeave();
}

bool MainWindow::pagesMayClose()
{
    // The page on screen first: only it can hold edits, since leaving a page asks.
    if (QListWidgetItem *current = m_sidebar->currentItem(); current && !mayLeave(current))
        return false;
    for (QWidget *page : std::as_const(m_pages))
        if (auto *guard = dynamic_cast<LeaveGuard *>(page); guard && !guard->canLeave())
            return false;
    return true;
}

void MainWindow::logout()
{
    if (!pagesMayClose())
        return;
    (void)m_core.auth().logout(m_session, LoginDialog::clientIp()); // best effort: the window closes regardless
    emit logoutRequested();
}

void MainWindow::showRestored()
{
    if (m_startMaximized)
        showMaximized();
    else
        show();
}

bool MainWindow::syncRunning() const
{
    return m_core.dapodik().jobs().isRunning() || m_core.satuDataSync().isRunning();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved edits are never dropped by closing: the page asks (Simpan / Buang / Batal).
    if (!m_closeWhenIdle && !pagesMayClose()) {
        event->ignore();
        return;
    }
    // A sync is never cancelled silently by quitting: ask whether to stop it or to wait.
    if (syncRunning() && !m_closeWhenIdle) {
        QMessageBox box(QMessageBox::Question, tr("Sinkronisasi masih berjalan"),
                        tr("Sinkronisasi masih berjalan. Hentikan sekarang (data yang sudah masuk tetap tersimpan), "
                           "atau tunggu sampai selesai lalu tutup aplikasi?"),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("quitDuringSync"));
        makePlain(&box);
        QPushButton *stop = box.addButton(tr("Hentikan lalu tutup"), QMessageBox::DestructiveRole);
        QPushButton *wait = box.addButton(tr("Tunggu, lalu tutup"), QMessageBox::AcceptRole);
        QPushButton *stay = box.addButton(tr("Batal"), QMessageBox::RejectRole);
        stop->setObjectName(QStringLiteral("stopAndQuit"));
        wait->setObjectName(QStringLiteral("waitAndQuit"));
        stay->setObjectName(QStringLiteral("keepOpen"));
        box.setDefaultButton(wait);
        box.setEscapeButton(stay);
        box.exec();
        if (box.clickedButton() == stop) {
            (void)m_core.dapodik().cancel(m_actor);
            m_core.satuDataSync().cancel();
            m_core.dapodik().jobs().waitForIdle(30000);
            m_core.satuDataSync().waitForIdle(30000);
        } else if (box.clickedButton() == wait) {
            m_closeWhenIdle = true;
            statusBar()->showMessage(tr("Aplikasi ditutup setelah sinkronisasi selesai."));
            auto closeLater = [this] {
                if (!syncRunning())
                    close();
            };
            connect(&m_core.dapodik().jobs(), &JobRunner::finished, this, closeLater, Qt::QueuedConnection);
            connect(&m_core.satuDataSync().jobs(), &JobRunner::finished, this, closeLater, Qt::QueuedConnection);
            event->ignore();
            return;
        } else {
            event->ignore();
            return;
        }
    }
    if (syncRunning()) { // still waiting for the job to end
        event->ignore();
        return;
    }
    saveWindow(this, QStringLiteral("mainWindow"));
    QMainWindow::closeEvent(event);
    emit windowClosed();
}

void MainWindow::showAbout()
{
    QMessageBox box(QMessageBox::Information, tr("Tentang TataUsaha"),
                    tr("<b>TataUsaha %1</b><br>Administrasi tata usaha SMP: PPDB, tahun ajaran, konten sekolah, "
                       "pengguna, serta pertukaran data dengan Dapodik, SPLP Satu Data Indonesia, dan SIPD.")
                        .arg(Core::version()),
                    QMessageBox::NoButton, this);
    box.addButton(tr("Tutup"), QMessageBox::AcceptRole);
    box.exec();
}

} // namespace tu::ui
