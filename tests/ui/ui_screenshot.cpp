// Renders the desktop app's main screens to PNG files for a visual check, on the offscreen
// platform with a throwaway database of sample users:
//   QT_QPA_PLATFORM=offscreen ui_screenshot OUTPUT_DIR
#include "FirstRunDialog.h"
#include "Language.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SettingsPage.h"
#include "TestSupport.h"
#include "TahunAjaranPage.h"
#include "Theme.h"
#include "UiTestUtil.h"
#include "UserDialog.h"
#include "UsersPage.h"
#include "http/ApiServerHost.h"

#include <QComboBox>
#include <QDir>
#include <QTableView>

using namespace tu;
using namespace tu::test;

namespace {
QString outDir;

void save(QWidget *w, const QString &name)
{
    QTest::qWait(150); // layouts, style polish and deferred updates settle
    const QString path = outDir + QLatin1Char('/') + name;
    if (!w->grab().save(path))
        qWarning() << "cannot write" << path;
    else
        qInfo().noquote() << "wrote" << path;
}

void seed(TestCore &core)
{
    const Actor system = Actor::system(QStringLiteral("screenshot"));
    (void)core->settings().set(system, {{QStringLiteral("school_name"), QStringLiteral("SMP Negeri 2 Sleman")}});
    for (const auto &[nama, awal, akhir, aktif] : {std::tuple{"2024/2025", "2024-05-01", "2024-06-30", 2},
                                                   std::tuple{"2025/2026", "2025-05-01", "2025-06-30", 2},
                                                   std::tuple{"2026/2027", "2026-05-02", "2026-07-15", 2},
                                                   std::tuple{"2027/2028", "2026-11-01", "2027-01-31", 1}})
        (void)core->tahunAjaran().store(system, {{"tahun_ajaran", nama}, {"periode_awal_pendaftaran", awal},
                                                 {"periode_akhir_pendaftaran", akhir}, {"sts_aktif", aktif}});
    struct Sample { const char *username, *name; Role role; bool active; };
    const Sample samples[] = {
        {"budi.santoso", "Budi Santoso", Role::Operator, true},
        {"sari.dewi", "Sari Dewi Lestari", Role::Ppdb, true},
        {"rina.marlina", "Rina Marlina, S.Pd.", Role::Kesiswaan, true},
        {"dimas.osis", "Dimas Pratama", Role::Osis, true},
        {"ayu.w", "Ayu Wulandari", Role::Siswa, false},
        {"andi.k", "Andi Kurniawan", Role::Operator, true},
    };
    for (const Sample &s : samples) {
        UserInput in;
        in.username = QString::fromLatin1(s.username);
        in.name = QString::fromLatin1(s.name);
        in.role = roleName(s.role);
        in.password = QStringLiteral("Password-123");
        in.active = s.active;
        (void)core->users().create(system, in);
    }
    auto users = core->users().list(system);
    for (const User &u : users.value())
        if (u.username == QLatin1String("admin")) {
            UserInput in;
            in.name = QStringLiteral("Wahyu Hidayat");
            (void)core->users().update(system, u.id, in);
        }
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QDir().mkpath(outDir);
    ui::theme::apply(app);
    ui::installLanguage(argc > 2 ? QString::fromLatin1(argv[2]) : QStringLiteral("id"));

    {
        // A throwaway core: three failures make the captcha appear for this desktop's logins.
        TestCore scratch;
        ui::FirstRunDialog first(*scratch);
        first.show();
        save(&first, QStringLiteral("first-run.png"));
        ui::LoginDialog login(*scratch);
        login.show();
        QTest::keyClicks(login.usernameEdit(), QStringLiteral("admin"));
        save(&login, QStringLiteral("login.png"));
        for (int i = 0; i < 3; ++i) {
            login.passwordEdit()->clear();
            QTest::keyClicks(login.passwordEdit(), QStringLiteral("salah"));
            QTest::mouseClick(login.loginButton(), Qt::LeftButton);
            (void)QTest::qWaitFor([&] { return !login.isBusy(); }, 5000);
        }
        save(&login, QStringLiteral("login-captcha.png"));
    }

    TestCore core;
    seed(core);
    ApiServerHost api(*core);
    api.start(QStringLiteral("127.0.0.1"), 0);

    auto session = loginThroughDialog(*core, QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword));
    if (!session)
        return 1;
    (void)QTest::qWaitFor([&] { return api.isRunning(); }, 5000);

    ui::MainWindow window(*core, *session, &api);
    window.resize(1280, 800);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    save(&window, QStringLiteral("placeholder.png"));

    window.showPage(ui::Page::Pengguna);
    ui::UsersPage *users = window.usersPage();
    QTableView *table = users->table();
    for (int r = 0; r < table->model()->rowCount(); ++r)
        if (table->model()->index(r, 0).data().toString() == QLatin1String("sari.dewi"))
            table->selectRow(r);
    save(&window, QStringLiteral("main-window.png"));

    window.showPage(ui::Page::TahunAjaran);
    if (auto *years = window.findChild<ui::TahunAjaranPage *>()) {
        years->reload();
        if (auto *t = years->findChild<QTableView *>(QStringLiteral("yearsTable")))
            t->selectRow(0);
        save(&window, QStringLiteral("tahun-ajaran.png"));
    }
    window.showPage(ui::Page::Pengguna);

    QTest::mouseClick(users->addButton(), Qt::LeftButton);
    if (auto *dialog = openDialog<ui::UserDialog>(users)) {
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("x"));
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Guru Baru"));
        dialog->roleCombo()->setCurrentIndex(1);
        QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("pendek"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        (void)QTest::qWaitFor([&] { return dialog->saveButton()->isEnabled(); }, 5000);
        save(dialog, QStringLiteral("user-dialog-errors.png"));
        dialog->reject();
    }

    window.showPage(ui::Page::Pengaturan);
    save(&window, QStringLiteral("settings-page.png"));
    window.settingsPage()->openDialog();
    if (auto *dialog = openDialog<ui::SettingsDialog>(window.settingsPage())) {
        save(dialog, QStringLiteral("settings-dialog.png"));
        dialog->reject();
    }
    return 0;
}
