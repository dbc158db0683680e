// Tahun Ajaran page driven through its real widgets (offscreen).
#include "ModelTesters.h"
#include "tahunajaran/TahunAjaranDialog.h"
#include "tahunajaran/TahunAjaranPage.h"
#include "tahunajaran/TahunAjaranTableModel.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QDateEdit>
#include <QLabel>
#include <QProgressBar>
#include <QTabBar>
#include <QTableView>
#include <QTimer>

using namespace tu;

class TestUiTahunAjaran : public QObject
{
    Q_OBJECT
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

    static QJsonObject year(const QString &nama, const QString &awal, const QString &akhir)
    {
        return {{"tahun_ajaran", nama}, {"periode_awal_pendaftaran", awal}, {"periode_akhir_pendaftaran", akhir}, {"sts_aktif", 2}};
    }
    static int rows(ui::TahunAjaranPage &page) { return page.findChild<QTableView *>(QStringLiteral("yearsTable"))->model()->rowCount(); }

private slots:
    void createShowsOverlapUnderTheDateField()
    {
        test::TestCore tc;
        QVERIFY(tc->tahunAjaran().store(admin, year("2024/2025", "2024-03-01", "2024-03-31")).ok());
        ui::TahunAjaranPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::TahunAjaranTableModel>(&page), 1);
        page.resize(1000, 600);
        page.show();
        QCOMPARE(rows(page), 1);

        QString overlapText;
        bool labelVisible = false;
        bool accepted = false;
        QTimer::singleShot(0, &page, [&] {
            auto *d = test::openDialog<ui::TahunAjaranDialog>(&page);
            if (!d)
                return;
            auto *nama = d->findChild<QLineEdit *>(QStringLiteral("tahunAjaran"));
            nama->clear();
            QTest::keyClicks(nama, QStringLiteral("2025/2026"));
            d->findChild<QDateEdit *>(QStringLiteral("awal"))->setDate(QDate(2024, 3, 31)); // touches the last day
            d->findChild<QDateEdit *>(QStringLiteral("akhir"))->setDate(QDate(2024, 4, 30));
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
            QLabel *label = d->errors().label(QStringLiteral("periode_awal_pendaftaran"));
            overlapText = label ? label->text() : QString();
            labelVisible = label && label->isVisible();
            // Fix it: the day after is fine.
            d->findChild<QDateEdit *>(QStringLiteral("awal"))->setDate(QDate(2024, 4, 1));
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
            accepted = d->result() == QDialog::Accepted;
            if (!accepted)
                d->reject();
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addYear")), Qt::LeftButton);
        QVERIFY2(overlapText.contains(QStringLiteral("2024/2025")), qPrintable(overlapText));
        QVERIFY(overlapText.contains(QStringLiteral("bertabrakan")));
        QVERIFY(labelVisible);
        QVERIFY(accepted);
        QCOMPARE(rows(page), 2);
    }

    void trashTabAndRestore()
    {
        test::TestCore tc;
        QVERIFY(tc->tahunAjaran().store(admin, year("2024/2025", "2024-03-01", "2024-03-31")).ok());
        ui::TahunAjaranPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::TahunAjaranTableModel>(&page), 1);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("yearsTable"));
        table->selectRow(0);
        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page))
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("trashYear")), Qt::LeftButton);
        QCOMPARE(rows(page), 0);
        page.findChild<QTabBar *>(QStringLiteral("tabs"))->setCurrentIndex(1);
        QCOMPARE(rows(page), 1);
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("trashYear"))->text(), QStringLiteral("Pulihkan"));
    }

    void syncWithSiakadOnAWorkerThread()
    {
        test::UpstreamSim sim({QStringLiteral("--latency-ms"), QStringLiteral("200")});
        QVERIFY(sim.ok());
        test::TestCore tc;
        QVERIFY(tc->settings().set(admin, {{QStringLiteral("siakad_url"), sim.url()},
                                           {QStringLiteral("siakad_api_key"), QStringLiteral("sim-siakad-key")}}).ok());
        ui::TahunAjaranPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::TahunAjaranTableModel>(&page), 1);
        page.show();
        QString summary;
        bool busyWhileRunning = false;
        QTimer::singleShot(50, &page, [&] { busyWhileRunning = page.isSyncing() && page.findChild<QProgressBar *>(QStringLiteral("syncBusy"))->isVisible(); });
        // The summary box is modal: answer it from a timer, which also runs inside its loop.
        QTimer closer;
        connect(&closer, &QTimer::timeout, &page, [&] {
            for (auto *box : page.findChildren<QMessageBox *>(QStringLiteral("syncSummary")))
                if (box->isVisible()) {
                    summary = box->text();
                    box->accept();
                }
        });
        closer.start(20);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("syncSiakad")), Qt::LeftButton);
        // The window stays responsive: the click returned while SIAKAD is still answering.
        QVERIFY(page.isSyncing());
        QTRY_VERIFY_WITH_TIMEOUT(!summary.isEmpty(), 10000);
        QVERIFY(busyWhileRunning);
        QVERIFY2(summary.contains(QStringLiteral("3 ditambahkan")), qPrintable(summary));
        QTRY_COMPARE(rows(page), 3);
    }
};

QTEST_MAIN(TestUiTahunAjaran)
#include "tst_ui_tahunajaran.moc"
