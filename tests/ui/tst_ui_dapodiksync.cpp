// Sinkronisasi page against the real simulator (offscreen, real widgets): the global button runs
// a job whose progress the bars follow to 100 without going back, the log and the last-sync
// label and history follow, Batal ends a slow job cancelled, a kecamatan selection syncs only
// those, a second start while running shows the service's CONFLICT message, one PTK by NIK.
#include "DapodikFixtures.h"
#include "common/MessageBanner.h"
#include "common/SchoolTime.h"
#include "dapodik/DapodikSyncPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThreadPool>

using namespace tu;

class TestUiSinkronisasi : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    std::unique_ptr<test::UpstreamSim> sim;
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

    JobRunner &manager() { return tc->core->dapodik().jobs(); }
    void startSim(const QStringList &args)
    {
        sim = std::make_unique<test::UpstreamSim>(args);
        QVERIFY(sim->ok());
        QVERIFY(test::pointAtSim(*tc->core, *sim).ok());
    }
    static bool idle(ui::DapodikSyncPage &page) { return !page.cancelButton()->isVisible() && !page.isReloading(); }
    static QString cell(QTableView *t, int row, int col) { return t->model()->index(row, col).data().toString(); }

private slots:
    void init()
    {
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
    }
    void cleanup()
    {
        if (tc && tc->core) {
            (void)manager().cancel();
            manager().waitForIdle(15000);
        }
        QThreadPool::globalInstance()->waitForDone(); // reads the pages started still use the core
        sim.reset();
        tc.reset();
    }

    void remainingTimeIsEstimatedFromTheRate()
    {
        QCOMPARE(ui::syncRemainingText(60000, 50), QStringLiteral("Sisa ± 1 menit"));
        QCOMPARE(ui::syncRemainingText(10000, 50), QStringLiteral("Sisa ± 10 detik"));
        QCOMPARE(ui::syncRemainingText(30000, 10), QStringLiteral("Sisa ± 5 menit"));
        QVERIFY(ui::syncRemainingText(500, 1).isEmpty());   // too early to say
        QVERIFY(ui::syncRemainingText(60000, 100).isEmpty());
        QCOMPARE(ui::syncElapsedText(65000), QStringLiteral("1:05"));
        QCOMPARE(ui::syncElapsedText(3723000), QStringLiteral("1:02:03"));
    }

    void globalSyncFollowsTheJob()
    {
        startSim({"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4", "--latency-ms", "40"});
        ui::DapodikSyncPage page(*tc->core, admin);
        page.resize(1100, 760);
        page.show();
        QTRY_VERIFY(!page.isReloading());
        QCOMPARE(page.lastSyncLabel()->text(), QStringLiteral("Belum pernah"));
        QCOMPARE(page.historyTable()->model()->rowCount(), 0);
        QVERIFY(!page.cancelButton()->isVisible());

        QList<int> values;
        connect(page.overallBar(), &QProgressBar::valueChanged, this, [&](int v) { values << v; });
        QTest::mouseClick(page.globalButton(), Qt::LeftButton);
        QVERIFY2(page.banner()->text().isEmpty(), qPrintable(page.banner()->text()));
        QVERIFY(page.cancelButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!manager().isRunning() && idle(page), 30000);

        QVERIFY(!values.isEmpty());
        for (int i = 1; i < values.size(); ++i)
            QVERIFY2(values[i] >= values[i - 1], qPrintable(QStringLiteral("%1 after %2").arg(values[i]).arg(values[i - 1])));
        QCOMPARE(values.last(), 100);
        QVERIFY2(values.size() >= 2, "the bar moved in steps, not in one jump");
        QCOMPARE(page.overallBar()->value(), 100);
        QCOMPARE(page.kecamatanBar()->value(), 100);
        const QString log = page.log()->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("📦 Wilayah: Gamping")), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("SELESAI")));
        QVERIFY(page.timeLabel()->text().startsWith(QStringLiteral("Selesai dalam")));
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Success);

        const QString value = tc->core->dapodik().lastGlobalSync()->value(QLatin1String("value")).toString();
        QVERIFY(QDateTime::fromString(value, Qt::ISODateWithMs).isValid());
        QCOMPARE(page.lastSyncLabel()->text(), ui::SchoolTime::of(*tc->core).format(value));
        QCOMPARE(page.historyTable()->model()->rowCount(), 1);
        QCOMPARE(cell(page.historyTable(), 0, 1), QStringLiteral("Global"));
        QCOMPARE(cell(page.historyTable(), 0, 2), QStringLiteral("Berhasil"));
        QVERIFY2(cell(page.historyTable(), 0, 3).contains(QStringLiteral("36 PTK")), qPrintable(cell(page.historyTable(), 0, 3)));
        // The kecamatan list for the per-kecamatan sync now holds the three.
        QCOMPARE(page.kecamatanList()->count(), 3);
    }

    void cancelEndsASlowSync()
    {
        startSim({"--kecamatan", "6", "--sekolah-per-kecamatan", "4", "--ptk-per-sekolah", "4", "--latency-ms", "250"});
        ui::DapodikSyncPage page(*tc->core, admin);
        page.show();
        QTest::mouseClick(page.globalButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.overallBar()->value() >= 5, 15000);
        QVERIFY(manager().isRunning());
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QCOMPARE(page.cancelButton()->text(), QStringLiteral("Membatalkan…"));
        QVERIFY(!page.cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!manager().isRunning() && idle(page), 30000);
        QVERIFY(manager().current().cancelled);
        QCOMPARE(page.cancelButton()->text(), QStringLiteral("Batal"));
        QVERIFY2(page.banner()->text().startsWith(QStringLiteral("Dibatalkan")), qPrintable(page.banner()->text()));
        QVERIFY(page.log()->toPlainText().contains(QStringLiteral("⏹ Dibatalkan")));
        QCOMPARE(cell(page.historyTable(), 0, 2), QStringLiteral("Dibatalkan"));
        QVERIFY(page.timeLabel()->text().startsWith(QStringLiteral("Dihentikan setelah")));
        QCOMPARE(page.lastSyncLabel()->text(), QStringLiteral("Dibatalkan")); // LAST_GLOBAL_SYNC is "ERROR: Dibatalkan…"
    }

    void secondStartWhileRunningShowsConflict()
    {
        startSim({"--kecamatan", "6", "--sekolah-per-kecamatan", "4", "--ptk-per-sekolah", "4", "--latency-ms", "250"});
        ui::DapodikSyncPage page(*tc->core, admin);
        page.show();
        QTest::mouseClick(page.globalButton(), Qt::LeftButton);
        QVERIFY(manager().isRunning());
        QTest::mouseClick(page.globalButton(), Qt::LeftButton);
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Error);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("sedang berjalan")), qPrintable(page.banner()->text()));
        QVERIFY(page.cancelButton()->isVisible()); // the running job is still shown
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!manager().isRunning() && idle(page), 30000);
    }

    void selectedKecamatanOnly()
    {
        startSim({"--kecamatan", "3", "--sekolah-per-kecamatan", "3", "--ptk-per-sekolah", "4"});
        TU_VERIFY_OK(tc->core->dapodik().startGlobal(admin));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        ui::DapodikSyncPage page(*tc->core, admin);
        page.show();
        QTRY_COMPARE(page.kecamatanList()->count(), 3);
        QVERIFY(!page.kecamatanButton()->isEnabled()); // nothing ticked yet
        QCOMPARE(page.kecamatanList()->item(0)->data(Qt::UserRole).toString(), QStringLiteral("34.04.01"));
        page.kecamatanList()->item(0)->setCheckState(Qt::Checked);
        page.kecamatanList()->item(2)->setCheckState(Qt::Checked);
        QVERIFY(page.kecamatanButton()->isEnabled());
        QVERIFY2(page.kecamatanButton()->text().contains(QStringLiteral("2 kecamatan")), qPrintable(page.kecamatanButton()->text()));
        QTest::mouseClick(page.kecamatanButton(), Qt::LeftButton);
        QVERIFY2(page.banner()->text().isEmpty(), qPrintable(page.banner()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!manager().isRunning() && idle(page), 30000);
        const QString log = page.log()->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("📦 Wilayah: Gamping")), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("📦 Wilayah: Moyudan")));
        QVERIFY2(!log.contains(QStringLiteral("Godean")), qPrintable(log));
        qint64 total = 0;
        const auto logs = tc->core->dapodik().syncLogs({}, &total);
        QCOMPARE(logs->first().kind, QStringLiteral("kecamatan"));
        QCOMPARE(logs->first().params, QStringLiteral("34.04.01,34.04.03"));
        QCOMPARE(logs->first().counts.kecamatan, 2);
        QCOMPARE(cell(page.historyTable(), 0, 1), QStringLiteral("Kecamatan"));
        // Ticks stay after the job.
        QCOMPARE(page.kecamatanList()->item(0)->checkState(), Qt::Checked);
        QCOMPARE(page.kecamatanList()->item(1)->checkState(), Qt::Unchecked);
    }

    void singlePtkByNik()
    {
        startSim({"--kecamatan", "2", "--sekolah-per-kecamatan", "2", "--ptk-per-sekolah", "3"});
        TU_VERIFY_OK(tc->core->dapodik().startGlobal(admin));
        QVERIFY(test::waitForJob(*tc->core).error.isEmpty());
        DapodikListFilter f;
        const auto first = tc->core->dapodik().ptkList(f)->items.first();
        ui::DapodikSyncPage page(*tc->core, admin);
        page.show();
        QTest::keyClicks(page.nikEdit(), QStringLiteral("12345"));
        QTest::keyClicks(page.npsnEdit(), first.value(QLatin1String("npsn")).toString());
        QTest::mouseClick(page.ptkButton(), Qt::LeftButton);
        QTRY_COMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Error);
        QTRY_VERIFY(page.ptkButton()->isEnabled());
        QVERIFY2(page.banner()->text().contains(QStringLiteral("NIK")), qPrintable(page.banner()->text()));
        page.nikEdit()->clear();
        QTest::keyClicks(page.nikEdit(), first.value(QLatin1String("nik")).toString());
        QTest::mouseClick(page.ptkButton(), Qt::LeftButton);
        QVERIFY(!page.ptkButton()->isEnabled()); // on a worker thread
        QTRY_COMPARE_WITH_TIMEOUT(page.banner()->text(),
                                  QStringLiteral("Sync detail %1 berhasil!").arg(first.value(QLatin1String("nama")).toString()), 10000);
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Success);
        QTRY_VERIFY(idle(page));
        QCOMPARE(cell(page.historyTable(), 0, 1), QStringLiteral("Satu PTK"));
    }
};

QTEST_MAIN(TestUiSinkronisasi)
#include "tst_ui_dapodiksync.moc"
