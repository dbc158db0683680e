// Dasbor (offscreen, real widgets): after a sync against the simulator the charts hold the
// analytics — PTK per kecamatan, status kepegawaian and gender adding up to every PTK — and
// the PPDB chart the applicants per status; the page reloads by itself when a job finishes.
#include "DapodikUiFixtures.h"
#include "dashboard/DashboardPage.h"

#include <QAbstractBarSeries>
#include <algorithm>
#include <QBarSet>
#include <QBarCategoryAxis>
#include <QChart>
#include <QLabel>
#include <QPieSeries>

using namespace tu;

class TestUiDashboard : public QObject
{
    Q_OBJECT
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

    static qreal barSum(QChart *c, QStringList *categories = nullptr)
    {
        if (!c || c->series().isEmpty())
            return -1;
        auto *s = qobject_cast<QAbstractBarSeries *>(c->series().first());
        if (!s || s->barSets().isEmpty())
            return -1;
        if (categories) // horizontal bars: the categories on the vertical axis, the first on top
            if (auto *axis = qobject_cast<QBarCategoryAxis *>(c->axes(Qt::Vertical).value(0))) {
                *categories = axis->categories();
                std::reverse(categories->begin(), categories->end());
            }
        return s->barSets().first()->sum();
    }
    static qreal pieSum(QChart *c)
    {
        if (!c || c->series().isEmpty())
            return -1;
        auto *s = qobject_cast<QPieSeries *>(c->series().first());
        return s ? s->sum() : -1;
    }

private slots:
    void chartsFollowTheSync()
    {
        test::TestCore tc;
        // PPDB: three applicants, one verified.
        const QDate today = tc->ppdb().today();
        TU_VERIFY_OK(tc->tahunAjaran().store(Actor::system(QStringLiteral("t")),
                                             {{"tahun_ajaran", "2026/2027"},
                                              {"periode_awal_pendaftaran", today.addDays(-10).toString(Qt::ISODate)},
                                              {"periode_akhir_pendaftaran", today.addDays(30).toString(Qt::ISODate)},
                                              {"sts_aktif", 1}}));
        QString firstId;
        for (int i = 0; i < 3; ++i) {
            auto r = tc->ppdb().submit(Actor::system(QStringLiteral("t")),
                                       {{"nisn", QStringLiteral("001234567%1").arg(i)}, {"fullName", QStringLiteral("Anak %1").arg(QChar(u'A' + i))},
                                        {"birthPlace", "Sleman"}, {"birthDate", today.addYears(-12).toString(Qt::ISODate)},
                                        {"gender", "L"}, {"religion", "Islam"}, {"address", "Jl. Kaliurang km 5"}, {"province", "DI Yogyakarta"},
                                        {"city", "Sleman"}, {"district", "Depok"}, {"postalCode", "55281"}, {"fatherName", "Bapak"},
                                        {"fatherPhone", "081234567890"}, {"motherName", "Ibu"}, {"motherPhone", "081234567890"},
                                        {"previousSchool", "SD Negeri 1 Depok"}, {"email", "a@b.id"}, {"phone", "081234567890"}});
            TU_VERIFY_OK(r);
            if (i == 0)
                firstId = r->id;
        }
        TU_VERIFY_OK(tc->ppdb().changeStatus(admin, firstId, QStringLiteral("verified"), QString()));

        test::PoolDrain drain;
        ui::DashboardPage page(*tc, admin);
        page.resize(1200, 760);
        page.show();
        QTRY_VERIFY(page.loadCount() >= 1 && !page.isLoading());
        QCOMPARE(page.totalLabel(QStringLiteral("ptk"))->text(), QStringLiteral("0"));
        QCOMPARE(page.totalLabel(QStringLiteral("ppdb"))->text(), QStringLiteral("3"));
        QCOMPARE(barSum(page.chart(ui::DashboardPage::PpdbStatus)), 3.0);
        const int before = page.loadCount();

        // A sync: the page reloads by itself when the job finishes.
        test::UpstreamSim sim({"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4"});
        QVERIFY(sim.ok());
        QVERIFY(test::pointAtSim(*tc, sim).ok());
        TU_VERIFY_OK(tc->dapodik().startGlobal(admin));
        QVERIFY(test::waitForJob(*tc).error.isEmpty());
        QTRY_VERIFY(page.loadCount() > before && !page.isLoading());

        QStringList kecamatan;
        QCOMPARE(barSum(page.chart(ui::DashboardPage::PtkPerKecamatan), &kecamatan), 36.0);
        QCOMPARE(kecamatan, (QStringList{"Gamping", "Godean", "Moyudan"}));
        QCOMPARE(pieSum(page.chart(ui::DashboardPage::StatusKepegawaian)), 36.0);
        QCOMPARE(pieSum(page.chart(ui::DashboardPage::JenisKelamin)), 36.0);
        auto *gender = qobject_cast<QPieSeries *>(page.chart(ui::DashboardPage::JenisKelamin)->series().first());
        QStringList genders;
        for (QPieSlice *s : gender->slices())
            genders << s->label().section(QStringLiteral("  "), 0, 0);
        QVERIFY2(genders.contains(QStringLiteral("Laki-laki")) && genders.contains(QStringLiteral("Perempuan")), qPrintable(genders.join(',')));
        QStringList statuses;
        QCOMPARE(barSum(page.chart(ui::DashboardPage::PpdbStatus), &statuses), 3.0);
        QCOMPARE(statuses, (QStringList{"Menunggu", "Terverifikasi", "Diterima", "Ditolak"}));
        auto *ppdb = qobject_cast<QAbstractBarSeries *>(page.chart(ui::DashboardPage::PpdbStatus)->series().first());
        QCOMPARE(ppdb->barSets().first()->at(3), 2.0); // Menunggu (bottom-up order)
        QCOMPARE(ppdb->barSets().first()->at(2), 1.0); // Terverifikasi
        QCOMPARE(page.totalLabel(QStringLiteral("ptk"))->text(), QStringLiteral("36"));
        QCOMPARE(page.totalLabel(QStringLiteral("sekolah"))->text(), QStringLiteral("9"));
        QCOMPARE(page.totalLabel(QStringLiteral("kecamatan"))->text(), QStringLiteral("3"));

        // Hidden while a sync ends: nothing is redrawn then (the GUI thread stays free for the
        // page being watched); the charts catch up when the page is shown again.
        page.hide();
        const int hiddenLoads = page.loadCount();
        TU_VERIFY_OK(tc->dapodik().startGlobal(admin));
        QVERIFY(test::waitForJob(*tc).error.isEmpty());
        QTest::qWait(50);
        QCOMPARE(page.loadCount(), hiddenLoads);
        page.show();
        QTRY_VERIFY(page.loadCount() > hiddenLoads && !page.isLoading());
    }
};

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
