// Data Dapodik page (offscreen, real widgets): schools and PTK from a real sync, search as you
// type, the kecamatan filter, inactive rows hidden until the toggle shows them greyed, and a
// 100,000-PTK table that filters in the database and fetches more rows on scrolling.
// (Timings are measured by ui_bench_dapodik, not here.)
#include "dapodik/DapodikDataPage.h"
#include "dapodik/DapodikListModel.h"
#include "DapodikUiFixtures.h"
#include "ModelTesters.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTabBar>
#include <QTableView>

using namespace tu;

class TestUiDapodikData : public QObject
{
    Q_OBJECT
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

    static QStringList column(ui::DapodikListModel *m, int col)
    {
        QStringList out;
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, col).data().toString();
        return out;
    }

private slots:
    void syncedDataSearchAndFilter()
    {
        test::TestCore tc;
        test::UpstreamSim sim({"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4"});
        QVERIFY(sim.ok());
        QVERIFY(test::pointAtSim(*tc, sim).ok());
        TU_VERIFY_OK(tc->dapodik().startGlobal(admin));
        QVERIFY(test::waitForJob(*tc).error.isEmpty());

        test::PoolDrain drain;
        ui::DapodikDataPage page(*tc, admin);
        QCOMPARE(test::attachModelTesters<ui::DapodikListModel>(&page), 2);
        page.resize(1200, 760);
        page.show();
        ui::DapodikListModel *sekolah = page.sekolahModel();
        ui::DapodikListModel *ptk = page.ptkModel();
        QTRY_COMPARE(sekolah->rowCount(), 9);
        QCOMPARE(sekolah->total(), 9);
        QTRY_COMPARE(page.kecamatanFilter()->count(), 4); // Semua + 3
        QVERIFY(column(sekolah, ui::DapodikListModel::SKecamatan).contains(QStringLiteral("Gamping")));

        // Kecamatan filter
        page.kecamatanFilter()->setCurrentIndex(page.kecamatanFilter()->findText(QStringLiteral("Godean")));
        QTRY_COMPARE(sekolah->rowCount(), 3);
        QCOMPARE(column(sekolah, ui::DapodikListModel::SKecamatan), QStringList(3, QStringLiteral("Godean")));

        // PTK tab keeps the kecamatan: 3 schools × 4
        page.tabs()->setCurrentIndex(ui::DapodikDataPage::PtkTab);
        QVERIFY(page.ptkTable()->isVisible());
        QTRY_COMPARE(ptk->rowCount(), 12);
        page.kecamatanFilter()->setCurrentIndex(0);
        QTRY_COMPARE(ptk->rowCount(), 36);

        // Search as you type: part of one PTK's name, typed key by key.
        const QString name = ptk->index(5, ui::DapodikListModel::PNama).data().toString();
        const QString part = name.left(qMin<int>(int(name.size()), 8));
        QTest::keyClicks(page.searchEdit(), part);
        QTRY_VERIFY(!ptk->isLoading() && ptk->filter().q == part);
        QVERIFY(ptk->rowCount() >= 1 && ptk->rowCount() < 36);
        for (const QString &n : column(ptk, ui::DapodikListModel::PNama))
            QVERIFY2(n.contains(part, Qt::CaseInsensitive), qPrintable(n));
        // NIK search
        const QString nik = ptk->index(0, ui::DapodikListModel::PNik).data().toString();
        page.searchEdit()->clear();
        QTest::keyClicks(page.searchEdit(), nik);
        QTRY_VERIFY(!ptk->isLoading() && ptk->filter().q == nik);
        QCOMPARE(ptk->rowCount(), 1);
        QCOMPARE(ptk->index(0, ui::DapodikListModel::PNik).data().toString(), nik);
        page.searchEdit()->clear();
        QTRY_COMPARE(ptk->rowCount(), 36);

        // Inactive: hidden until the toggle, then greyed.
        QVERIFY(tc->db().exec(QStringLiteral("UPDATE dapodik_ptk SET active = 0, inactive_at = '2026-01-02T00:00:00.000Z' WHERE nik = ?"), {nik}).ok());
        page.reload();
        QTRY_COMPARE(ptk->total(), 35);
        QTest::mouseClick(page.inactiveToggle(), Qt::LeftButton);
        QTRY_COMPARE(ptk->total(), 36);
        int greyed = 0;
        for (int r = 0; r < ptk->rowCount(); ++r)
            if (ptk->index(r, ui::DapodikListModel::PAktif).data().toString() == QStringLiteral("Nonaktif")) {
                ++greyed;
                QCOMPARE(ptk->index(r, ui::DapodikListModel::PNik).data().toString(), nik);
                QCOMPARE(ptk->index(r, ui::DapodikListModel::PNama).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0x94, 0xa3, 0xb8));
            }
        QCOMPARE(greyed, 1);
    }

    // Paging under QAbstractItemModelTester. The tester calls fetchMore() after every change, so
    // it pulls page after page until everything is loaded, checking each append's signals; then
    // a search resets the model and clearing it pages again from the start. (Kept apart from the
    // 100,000-row test, which checks that only the pages scrolled to get loaded.)
    void pagingUnderModelTester()
    {
        test::TestCore tc;
        TU_VERIFY_OK(test::insertBulkDapodik(*tc, 2, 350)); // every 50th inactive: 343 active
        test::PoolDrain drain;
        ui::DapodikDataPage page(*tc, admin);
        QCOMPARE(test::attachModelTesters<ui::DapodikListModel>(&page), 2);
        page.resize(1200, 760);
        page.show();
        page.showTab(ui::DapodikDataPage::PtkTab);
        ui::DapodikListModel *ptk = page.ptkModel();
        QTRY_COMPARE_WITH_TIMEOUT(ptk->total(), 343, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ptk->rowCount(), 343, 10000); // four pages, appended one by one
        QVERIFY(!ptk->canFetchMore({}));

        QTest::keyClicks(page.searchEdit(), QStringLiteral("Guru 12"));
        QTRY_VERIFY_WITH_TIMEOUT(!ptk->isLoading() && ptk->filter().q == QStringLiteral("Guru 12"), 10000);
        QVERIFY(ptk->rowCount() >= 1 && ptk->rowCount() < 343);
        page.searchEdit()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(ptk->rowCount(), 343, 10000);
    }

    void hundredThousandPtkFilterInTheDatabase()
    {
        test::TestCore tc;
        TU_VERIFY_OK(test::insertBulkDapodik(*tc, 17, 100000));
        test::PoolDrain drain;
        ui::DapodikDataPage page(*tc, admin);
        page.resize(1200, 760);
        page.show();
        page.showTab(ui::DapodikDataPage::PtkTab);
        ui::DapodikListModel *ptk = page.ptkModel();
        QTRY_COMPARE_WITH_TIMEOUT(ptk->total(), 98000, 10000); // every 50th inactive
        QCOMPARE(ptk->rowCount(), ui::DapodikListModel::PageSize); // one page, not 98,000 rows

        // Scrolling to the end fetches the next page.
        page.ptkTable()->scrollToBottom();
        QTRY_COMPARE(ptk->rowCount(), 2 * ui::DapodikListModel::PageSize);

        // Typing "Guru 4242" key by key: the newest filter wins, the result is exact.
        QTest::keyClicks(page.searchEdit(), QStringLiteral("Guru 4242"));
        QTRY_VERIFY_WITH_TIMEOUT(!ptk->isLoading() && ptk->filter().q == QStringLiteral("Guru 4242"), 10000);
        // 4242, 42420–42429 (42450 would be inactive, but is not in range)
        QCOMPARE(ptk->total(), 11);
        QCOMPARE(ptk->rowCount(), 11);
        for (const QString &n : column(ptk, ui::DapodikListModel::PNama))
            QVERIFY2(n.startsWith(QStringLiteral("Guru 4242")), qPrintable(n));
        QVERIFY(!ptk->canFetchMore({}));

        // Kecamatan filter over the 100k
        QTRY_COMPARE(page.kecamatanFilter()->count(), 18);
        page.searchEdit()->clear();
        page.kecamatanFilter()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(!ptk->isLoading() && ptk->filter().kodeWilayah == QStringLiteral("34.04.01") && ptk->filter().q.isEmpty(), 10000);
        QVERIFY2(ptk->total() > 5000 && ptk->total() < 6500, qPrintable(QString::number(ptk->total())));
    }
};

QTEST_MAIN(TestUiDapodikData)
#include "tst_ui_dapodikdata.moc"
