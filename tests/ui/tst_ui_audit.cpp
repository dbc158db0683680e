// Log Audit page: entries of real mutations, the area, user and date filters, paging and the
// before/after detail, driven through the real widgets (offscreen).
#include "audit/AuditPage.h"
#include "audit/AuditTableModel.h"
#include "content/ContentEditor.h"
#include "content/ContentTab.h"
#include "content/ContentPage.h"
#include "shell/MainWindow.h"
#include "ModelTesters.h"
#include "common/PlainText.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableView>

using namespace tu;

class TestUiAudit : public QObject
{
    Q_OBJECT

    static Actor adminOf(test::TestCore &tc)
    {
        const auto users = tc->users().list(Actor::system(QStringLiteral("t")));
        for (const User &u : users.value())
            if (u.username == QLatin1String("admin"))
                return Actor{u.id, u.username, u.role, QString(), false};
        return {};
    }
    static QStringList column(QTableView *t, int col)
    {
        QStringList out;
        for (int r = 0; r < t->model()->rowCount(); ++r)
            out << t->model()->index(r, col).data().toString();
        return out;
    }
    static int rowWhere(QTableView *t, int col, const QString &text)
    {
        for (int r = 0; r < t->model()->rowCount(); ++r)
            if (t->model()->index(r, col).data().toString() == text)
                return r;
        return -1;
    }

private slots:
    void listsMutationsFiltersAndShowsDetail()
    {
        test::TestCore tc;
        const Actor admin = adminOf(tc);
        QVERIFY(!admin.userId.isEmpty());
        const User k = tc.createUser(QStringLiteral("rina.kesiswaan"), Role::Kesiswaan);
        const Actor kesiswaan{k.id, k.username, k.role, QStringLiteral("192.168.1.20"), false};
        const ContentType &news = *content::type(QStringLiteral("news"));
        auto created = tc->content().create(admin, news, {{"title", "Lomba Kebersihan Kelas"}, {"category", "Kegiatan"}, {"status", "draft"},
                                                          {"content", "Setiap kelas bersiap."}});
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message + QStringLiteral(" ") + QStringList(created.error().fields.values()).join(QLatin1Char(';'))));
        QVERIFY(tc->content().update(kesiswaan, news, created->value("id").toString(), {{"title", "Lomba Kebersihan Antar Kelas"}}).ok());
        UserInput in;
        in.username = QStringLiteral("dimas.osis");
        in.name = QStringLiteral("Dimas Pratama");
        in.role = roleName(Role::Osis);
        in.password = QStringLiteral("Password-123");
        QVERIFY(tc->users().create(admin, in).ok());

        ui::AuditPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::AuditTableModel>(&page), 1);
        page.resize(1200, 800);
        page.show();
        QVERIFY(test::waitLoaded(&page));
        QTableView *t = page.table();
        // Newest first: the user, the update, the creation (plus the accounts made by the system).
        QVERIFY(t->model()->rowCount() >= 3);
        QCOMPARE(t->model()->index(0, 3).data().toString(), QStringLiteral("Tambah"));
        QCOMPARE(t->model()->index(0, 2).data().toString(), QStringLiteral("Pengguna & sesi"));
        QCOMPARE(t->model()->index(1, 3).data().toString(), QStringLiteral("Ubah"));
        QCOMPARE(t->model()->index(1, 1).data().toString(), QStringLiteral("rina.kesiswaan"));
        QCOMPARE(t->model()->index(1, 2).data().toString(), QStringLiteral("Konten sekolah"));
        QVERIFY(t->model()->index(1, 4).data().toString().startsWith(QStringLiteral("Berita · ")));
        QCOMPARE(t->model()->index(1, 4).data(Qt::ToolTipRole).toString(), ui::plainToolTip(created->value("id").toString())); // escaped: ids can come from outside
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("dari")));

        // Area filter.
        QComboBox *area = page.areaFilter();
        area->setCurrentIndex(area->findData(QStringLiteral("content")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(t->model()->rowCount(), 2);
        QCOMPARE(column(t, 2), (QStringList{"Konten sekolah", "Konten sekolah"}));
        QCOMPARE(column(t, 3), (QStringList{"Ubah", "Tambah"}));
        area->setCurrentIndex(area->findData(QStringLiteral("ppdb")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(t->model()->rowCount(), 0);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("Tidak ada")));
        area->setCurrentIndex(area->findData(QStringLiteral("content")));
        QVERIFY(test::waitLoaded(&page));

        // Detail: before and after of the update, side by side.
        t->selectRow(0);
        QVERIFY(page.beforeView()->toPlainText().contains(QStringLiteral("\"title\": \"Lomba Kebersihan Kelas\"")));
        QVERIFY(page.afterView()->toPlainText().contains(QStringLiteral("\"title\": \"Lomba Kebersihan Antar Kelas\"")));
        QVERIFY(page.beforeView()->toPlainText().contains(QLatin1Char('\n'))); // pretty-printed
        QVERIFY(page.detailTitle()->text().contains(created->value("id").toString()));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("hint")) != nullptr);
        QVERIFY2(page.findChildren<QLabel *>().size() > 0, "");
        const QPoint b = page.beforeView()->mapTo(&page, QPoint(0, 0)), a = page.afterView()->mapTo(&page, QPoint(0, 0));
        QCOMPARE(a.y(), b.y());
        QVERIFY(a.x() > b.x() + page.beforeView()->width() / 2);
        bool listsChange = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            listsChange = listsChange || l->text().contains(QStringLiteral("Berubah: title"));
        QVERIFY(listsChange);
        t->selectRow(1); // the creation: nothing before
        QVERIFY(page.beforeView()->toPlainText().isEmpty());
        QVERIFY(page.afterView()->toPlainText().contains(QStringLiteral("Lomba Kebersihan Kelas")));

        // User filter.
        area->setCurrentIndex(0);
        QComboBox *user = page.userFilter();
        QTRY_VERIFY(user->findData(k.id) > 0); // the accounts are read on a worker too
        const int ki = user->findData(k.id);
        user->setCurrentIndex(ki);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(t->model()->rowCount(), 1);
        QCOMPARE(column(t, 1), QStringList{"rina.kesiswaan"});
        user->setCurrentIndex(0);

        // Date range in the school's calendar: a month ago excludes today's entries.
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(tc->settings().schoolZone()).date();
        page.fromEdit()->setDate(today.addDays(-40));
        page.toEdit()->setDate(today.addDays(-30));
        QVERIFY(!page.fromEdit()->isEnabled());
        page.rangeBox()->setChecked(true);
        QVERIFY(page.fromEdit()->isEnabled());
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(t->model()->rowCount(), 0);
        page.toEdit()->setDate(today);
        QVERIFY(test::waitLoaded(&page));
        QVERIFY(t->model()->rowCount() >= 3);
        // A reversed range: the service's message, no rows.
        page.fromEdit()->setDate(today.addDays(1));
        page.toEdit()->setDate(today.addDays(-1));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(t->model()->rowCount(), 0);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("Tanggal akhir tidak boleh sebelum tanggal awal.")), qPrintable(page.banner()->text()));
    }

    void pagesOfFifty()
    {
        test::TestCore tc;
        const Actor admin = adminOf(tc);
        const ContentType &cal = *content::type(QStringLiteral("calendar"));
        for (int i = 0; i < 55; ++i)
            QVERIFY(tc->content().create(admin, cal, {{"title", QStringLiteral("Agenda %1").arg(i)}, {"category", "kegiatan"},
                                                      {"startDate", "2026-08-01"}, {"endDate", "2026-08-01"}}).ok());
        ui::AuditPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::AuditTableModel>(&page), 1);
        page.show();
        page.areaFilter()->setCurrentIndex(page.areaFilter()->findData(QStringLiteral("content")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(page.table()->model()->rowCount(), 50);
        auto *next = page.findChild<QPushButton *>(QStringLiteral("nextPage"));
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(page.currentPage(), 2);
        QCOMPARE(page.table()->model()->rowCount(), 5);
        QVERIFY(!next->isEnabled());
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("countLabel"))->text(), QStringLiteral("51–55 dari 55"));
    }

    void onlyAdminsAndItFollowsOtherPages()
    {
        test::TestCore tc;
        const Actor admin = adminOf(tc);
        // Not for other roles.
        const User k = tc.createUser(QStringLiteral("rina.kesiswaan"), Role::Kesiswaan);
        QVERIFY(!ui::mayOpen(Role::Kesiswaan, ui::Page::Audit));
        QVERIFY(!ui::mayOpen(Role::Operator, ui::Page::Audit));
        QVERIFY(ui::mayOpen(Role::Admin, ui::Page::Audit));
        Session ks;
        ks.user = k;
        ui::MainWindow kw(*tc, ks, nullptr);
        QVERIFY(!kw.auditPage());
        QVERIFY(kw.contentPage());

        // A change made on the Konten page shows when the audit page is opened.
        auto session = test::loginThroughDialog(*tc, QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword));
        QVERIFY(session);
        ui::MainWindow w(*tc, *session, nullptr);
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.auditPage() && w.contentPage());
        w.showPage(ui::Page::Content);
        ui::ContentTab *ekskul = w.contentPage()->contentTab(QStringLiteral("extracurricular"));
        w.contentPage()->showTab(QStringLiteral("extracurricular"));
        QTest::keyClicks(qobject_cast<QLineEdit *>(ekskul->editor()->input(QStringLiteral("name"))), QStringLiteral("Paduan Suara"));
        QTest::keyClicks(qobject_cast<QPlainTextEdit *>(ekskul->editor()->input(QStringLiteral("description"))), QStringLiteral("Latihan tiap Jumat."));
        QTest::mouseClick(ekskul->saveButton(), Qt::LeftButton);
        w.showPage(ui::Page::Audit);
        QCOMPARE(w.currentPage(), ui::Page::Audit);
        QTableView *t = w.auditPage()->table();
        QTRY_VERIFY(t->model()->index(0, 4).data().toString().startsWith(QStringLiteral("Ekstrakurikuler")));
        QCOMPARE(t->model()->index(0, 3).data().toString(), QStringLiteral("Tambah"));
        QCOMPARE(t->model()->index(0, 1).data().toString(), QStringLiteral("admin"));
        Q_UNUSED(rowWhere);
    }
};

QTEST_MAIN(TestUiAudit)
#include "tst_ui_audit.moc"
