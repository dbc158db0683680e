// Not a ctest test: figures for the desktop's Dapodik pages (QT_QPA_PLATFORM=offscreen).
//   1. Filter latency of the PTK table over 100,000 rows: from the last keystroke of a search
//      (typed key by key into the real search box) to the model holding the filtered first page.
//   2. The GUI thread's longest stall during a global sync against the simulator, with the
//      Sinkronisasi, Data Dapodik and Dasbor pages open: a 5 ms QTimer on the GUI thread records
//      the largest gap between its ticks.
//   ui_bench_dapodik [ptk-rows=100000] [sim kecamatan=17] [sekolah/kec=10] [ptk/sekolah=30]
#include "dapodik/DapodikDataPage.h"
#include "dapodik/DapodikListModel.h"
#include "DapodikUiFixtures.h"
#include "dashboard/DashboardPage.h"
#include "dapodik/DapodikSyncPage.h"
#include "common/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <algorithm>
#include <ctime>

using namespace tu;

namespace {
// CPU time of the calling thread: a long gap with little CPU in it was spent waiting (a lock,
// or the machine's other threads), not working.
qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

// Types `text` into the search box key by key (as fast as the event loop allows) and returns ms
// from the last key to the model holding that filter's rows.
qint64 typeAndWait(ui::DapodikDataPage &page, ui::DapodikListModel *m, const QString &text)
{
    page.searchEdit()->clear();
    (void)QTest::qWaitFor([&] { return !m->isLoading(); }, 20000);
    QElapsedTimer t;
    for (const QChar c : text) {
        QTest::keyClick(page.searchEdit(), c.toLatin1());
        t.start();
    }
    (void)QTest::qWaitFor([&] { return !m->isLoading() && m->filter().q == text.trimmed(); }, 20000);
    return t.elapsed();
}

qint64 pasteAndWait(ui::DapodikDataPage &page, ui::DapodikListModel *m, const QString &text)
{
    page.searchEdit()->clear();
    (void)QTest::qWaitFor([&] { return !m->isLoading(); }, 20000);
    QElapsedTimer t;
    t.start();
    page.searchEdit()->setText(text);
    (void)QTest::qWaitFor([&] { return !m->isLoading() && m->filter().q == text.trimmed(); }, 20000);
    return t.elapsed();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ui::theme::apply(app);
    const QStringList args = app.arguments();
    const qint64 rows = args.value(1, QStringLiteral("100000")).toLongLong();

    // 1. Filter latency
    {
        test::TestCore tc;
        QElapsedTimer setup;
        setup.start();
        if (auto s = test::insertBulkDapodik(*tc, 17, rows); !s.ok()) {
            qCritical() << s.error().message;
            return 1;
        }
        printf("setup: %lld PTK rows inserted in one transaction in %lld ms\n", rows, setup.elapsed());
        ui::DapodikDataPage page(*tc, admin);
        page.resize(1280, 800);
        page.show();
        page.showTab(ui::DapodikDataPage::PtkTab);
        ui::DapodikListModel *m = page.ptkModel();
        (void)QTest::qWaitFor([&] { return m->total() > 0 && !m->isLoading(); }, 20000);
        printf("first page of %lld active PTK: %lld ms after the tab opened\n", m->total(), m->lastLatencyMs());

        printf("\nfilter latency over %lld PTK (ms, last key -> filtered rows in the model; median of 5):\n", rows);
        printf("  %-22s %8s %8s %8s %8s\n", "query", "typed", "pasted", "matches", "model");
        const QStringList queries{QStringLiteral("Guru 4242"), QStringLiteral("Santoso"), QStringLiteral("Guru 9"),
                                  QStringLiteral("340400000001234"), QStringLiteral("tidak ada"), QStringLiteral("a")};
        for (const QString &q : queries) {
            QList<qint64> typed, pasted;
            for (int i = 0; i < 5; ++i) {
                typed << typeAndWait(page, m, q);
                pasted << pasteAndWait(page, m, q);
            }
            std::sort(typed.begin(), typed.end());
            std::sort(pasted.begin(), pasted.end());
            printf("  %-22s %8lld %8lld %8lld %8lld\n", qPrintable(QLatin1Char('"') + q + QLatin1Char('"')), typed[2], pasted[2], m->total(),
                   m->lastLatencyMs());
        }
        // The same queries straight on the repository (no widgets), for comparison.
        printf("\nrepository ptkList alone (ms, median of 5):\n");
        for (const QString &q : queries) {
            QList<qint64> t;
            for (int i = 0; i < 5; ++i) {
                DapodikListFilter f;
                f.q = q;
                f.page.limit = ui::DapodikListModel::PageSize;
                QElapsedTimer e;
                e.start();
                (void)tc->dapodik().ptkList(f);
                t << e.elapsed();
            }
            std::sort(t.begin(), t.end());
            printf("  %-22s %8lld\n", qPrintable(QLatin1Char('"') + q + QLatin1Char('"')), t[2]);
        }
    }

    // 2. GUI stall during a sync
    {
        const QString kec = args.value(2, QStringLiteral("17"));
        const QString spk = args.value(3, QStringLiteral("10"));
        const QString pps = args.value(4, QStringLiteral("30"));
        test::TestCore tc;
        test::UpstreamSim sim({"--kecamatan", kec, "--sekolah-per-kecamatan", spk, "--ptk-per-sekolah", pps, "--latency-ms", "5"});
        if (!sim.ok() || !test::pointAtSim(*tc, sim).ok()) {
            qCritical() << "simulator did not start";
            return 1;
        }
        QTabWidget window;
        window.resize(1280, 800);
        auto *sync = new ui::DapodikSyncPage(*tc, admin);
        auto *data = new ui::DapodikDataPage(*tc, admin);
        auto *dash = new ui::DashboardPage(*tc, admin);
        window.addTab(sync, QStringLiteral("Sinkronisasi"));
        window.addTab(data, QStringLiteral("Data"));
        window.addTab(dash, QStringLiteral("Dasbor"));
        window.show();
        (void)QTest::qWaitForWindowExposed(&window);
        QTest::qWait(300);

        QElapsedTimer clock;
        QList<qint64> gaps;
        qint64 last = -1, worst = 0, worstAt = 0, clickAt = 0, endAt = 0, lastCpu = 0, worstCpu = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            const qint64 cpu = threadCpuUs();
            if (last >= 0) {
                gaps << now - last;
                if (now - last > worst) {
                    worst = now - last;
                    worstAt = last;
                    worstCpu = cpu - lastCpu;
                }
            }
            last = now;
            lastCpu = cpu;
        });
        int repaints = 0;
        QObject::connect(sync->overallBar(), &QProgressBar::valueChanged, [&] { ++repaints; });
        clock.start();
        ticker.start();
        QTest::qWait(100);
        clickAt = clock.elapsed();
        QTest::mouseClick(sync->globalButton(), Qt::LeftButton);
        const qint64 clickTook = clock.elapsed() - clickAt;
        QElapsedTimer job;
        job.start();
        // While the job runs, the user also types in the PTK search now and then.
        data->showTab(ui::DapodikDataPage::PtkTab);
        int typed = 0;
        while (tc->dapodik().jobs().isRunning() && job.elapsed() < 600000) {
            QTest::qWait(250);
            if (++typed % 4 == 0)
                data->searchEdit()->setText(QStringLiteral("a").repeated((typed / 4) % 3 + 1));
        }
        endAt = clock.elapsed();
        QTest::qWait(500); // the final progress, the reloads after jobFinished
        ticker.stop();
        std::sort(gaps.begin(), gaps.end());
        const qint64 ptk = tc->dapodik().ptkList({})->total;
        printf("\nGUI thread during a global sync (%s kecamatan x %s sekolah x %s PTK = %lld PTK, sim latency 5 ms, %lld ms):\n",
               qPrintable(kec), qPrintable(spk), qPrintable(pps), ptk, job.elapsed());
        if (!gaps.isEmpty())
            printf("  5 ms timer: %lld ticks, median gap %lld ms, p99 %lld ms, longest stall %lld ms\n", qint64(gaps.size()),
                   gaps[gaps.size() / 2], gaps[qMin<qsizetype>(gaps.size() - 1, gaps.size() * 99 / 100)], gaps.last());
        printf("  overall bar value changes: %d\n", repaints);
        printf("  GUI thread CPU time within the longest stall: %lld ms (the rest it was not running: waiting or preempted)\n", worstCpu / 1000);
        printf("  the longest stall began %lld ms after the click (job seen ending at +%lld ms); the click itself (startGlobal "
               "on the GUI thread) took %lld ms\n", worstAt - clickAt, endAt - clickAt, clickTook);
    }
    return 0;
}
