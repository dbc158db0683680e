// Renders the desktop app's main screens to PNG files for a visual check, on the offscreen
// platform with a throwaway database of sample users:
//   QT_QPA_PLATFORM=offscreen ui_screenshot OUTPUT_DIR
#include "FirstRunDialog.h"
#include "Language.h"
#include "MainWindow.h"
#include "PpdbDetailDialog.h"
#include "PpdbPage.h"
#include "PpdbWalkInDialog.h"
#include "ProofOfRegistration.h"
#include "SettingsDialog.h"
#include "SettingsPage.h"
#include "TestSupport.h"
#include "TahunAjaranPage.h"
#include "Theme.h"
#include "UiTestUtil.h"
#include "UserDialog.h"
#include "UsersPage.h"
#include "http/ApiServerHost.h"

#include <QBuffer>
#include <QComboBox>
#include <QPainter>
#include <QPdfWriter>
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

// ~30 PPDB applicants for the open 2027/2028 year, a few verified, accepted or rejected, the
// first with a photo and a scanned ijazah.
void seedPpdb(TestCore &core)
{
    const Actor system = Actor::system(QStringLiteral("screenshot"));
    core->ppdb().setToday([] { return QDate(2026, 12, 1); });
    const char *names[] = {"Aditya Pratama", "Bunga Citra Lestari", "Cahyo Nugroho", "Dewi Anggraini", "Eko Saputra",
                           "Fitri Handayani", "Galih Permana", "Hana Safitri", "Ilham Maulana", "Jihan Aulia",
                           "Kevin Setiawan", "Laras Wulandari", "Muhammad Rizky", "Nabila Putri", "Oki Firmansyah",
                           "Putri Ayu Ningsih", "Qori Ramadhani", "Rafi Hidayat", "Salsabila Zahra", "Teguh Wibowo",
                           "Umi Kalsum", "Vino Alamsyah", "Wulan Sari", "Yoga Prasetyo", "Zahra Amelia",
                           "Bayu Firmansyah", "Citra Kirana", "Dimas Aryo", "Elsa Maharani", "Fajar Nugraha"};
    const char *schools[] = {"SD Negeri 1 Depok", "SD Muhammadiyah Condongcatur", "SD Negeri Caturtunggal 3",
                             "MI Al-Huda Sleman", "SD Kanisius Kalasan", "SD Negeri Ngaglik 2"};
    const char *religions[] = {"Islam", "Islam", "Islam", "Kristen", "Katolik", "Islam", "Hindu"};
    QList<Registration> regs;
    for (int i = 0; i < 30; ++i) {
        const QString name = QString::fromLatin1(names[i]);
        const QJsonObject in{{"nisn", QStringLiteral("01%1").arg(23456780 + i * 37, 8, 10, QLatin1Char('0'))}, {"fullName", name},
                             {"birthPlace", i % 3 ? "Sleman" : "Yogyakarta"},
                             {"birthDate", QDate(2014, 1 + i % 12, 1 + (i * 7) % 28).toString(Qt::ISODate)},
                             {"gender", i % 2 ? "P" : "L"}, {"religion", religions[i % 7]},
                             {"address", QStringLiteral("Jl. Kaliurang km %1 No. %2, RT 0%3/RW 1%3").arg(5 + i % 9).arg(10 + i).arg(1 + i % 8)},
                             {"province", "DI Yogyakarta"}, {"city", "Sleman"}, {"district", i % 2 ? "Depok" : "Ngaglik"},
                             {"postalCode", "55281"}, {"fatherName", "Bapak " + name.section(QLatin1Char(' '), -1)},
                             {"fatherPhone", "081234567890"}, {"motherName", "Ibu " + name.section(QLatin1Char(' '), -1)},
                             {"motherPhone", "081298765432"}, {"previousSchool", schools[i % 6]},
                             {"email", QStringLiteral("ortu.%1@gmail.com").arg(name.section(QLatin1Char(' '), 0, 0).toLower())},
                             {"phone", "085712345678"}};
        auto r = core->ppdb().submit(system, in, i % 5 == 4 ? QStringLiteral("walkin") : QStringLiteral("online"));
        if (!r.ok()) {
            qWarning() << "ppdb seed:" << r.error().message << r.error().fields;
            continue;
        }
        regs << r.value();
    }
    for (int i = 0; i < regs.size(); ++i) {
        const QString id = regs[i].id;
        if (i % 4 == 1 || i % 4 == 2 || i == 0)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("verified"), QStringLiteral("Berkas lengkap."));
        if (i % 4 == 2 && i < 20)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("accepted"), QString());
        if (i == 7 || i == 19)
            (void)core->ppdb().changeStatus(system, id, QStringLiteral("rejected"),
                                            QStringLiteral("Scan ijazah tidak terbaca. Unggah ulang dengan resolusi lebih tinggi."));
    }
    if (regs.isEmpty())
        return;
    // Photo: a plain portrait placeholder.
    QImage photo(300, 400, QImage::Format_RGB32);
    photo.fill(QColor(0x1d, 0x4e, 0xd8));
    {
        QPainter p(&photo);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf5, 0xd0, 0xa9));
        p.drawEllipse(QRectF(95, 70, 110, 130));
        p.setBrush(QColor(0xf8, 0xfa, 0xfc));
        p.drawRoundedRect(QRectF(45, 230, 210, 200), 90, 90);
        p.setBrush(QColor(0x33, 0x41, 0x55));
        p.drawChord(QRectF(90, 55, 120, 90), 0, 180 * 16);
    }
    QBuffer png;
    png.open(QIODevice::ReadWrite);
    photo.save(&png, "PNG");
    png.seek(0);
    (void)core->ppdb().upload(system, regs[0].id, QStringLiteral("photo"), png, QStringLiteral("pas-foto.png"));
    QBuffer pdf;
    pdf.open(QIODevice::ReadWrite);
    {
        QPdfWriter w(&pdf);
        QPainter p(&w);
        p.drawText(QPointF(200, 200), QStringLiteral("IJAZAH"));
    }
    pdf.seek(0);
    (void)core->ppdb().upload(system, regs[0].id, QStringLiteral("ijazah"), pdf, QStringLiteral("ijazah-sd.pdf"));
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
    seedPpdb(core);
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

    window.showPage(ui::Page::Ppdb);
    if (auto *ppdb = window.findChild<ui::PpdbPage *>()) {
        ppdb->reload();
        ppdb->table()->selectRow(2);
        save(&window, QStringLiteral("ppdb.png"));
        const QString first = ppdb->table()->model()->index(0, 0).data(Qt::UserRole).toString();
        auto all = core->ppdb().all({});
        QString withDocs;
        for (const Registration &r : all.value())
            if (r.fullName == QLatin1String("Aditya Pratama"))
                withDocs = r.id;
        ui::PpdbDetailDialog detail(*core, session->actor(), withDocs.isEmpty() ? first : withDocs, &window);
        detail.show();
        save(&detail, QStringLiteral("ppdb-detail.png"));
        detail.printProof(outDir + QStringLiteral("/ppdb-proof.pdf"));
        detail.close();
        ui::PpdbWalkInDialog walkIn(*core, session->actor(), &window);
        walkIn.show();
        QTest::keyClicks(walkIn.lineEdit(QStringLiteral("nisn")), QStringLiteral("12345"));
        QTest::keyClicks(walkIn.lineEdit(QStringLiteral("fullName")), QStringLiteral("Rina Oktaviani"));
        QTest::mouseClick(walkIn.saveButton(), Qt::LeftButton);
        save(&walkIn, QStringLiteral("ppdb-walkin-errors.png"));
        walkIn.reject();
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
