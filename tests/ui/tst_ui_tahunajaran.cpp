// Tahun Ajaran page driven through its real widgets (offscreen).
#include "ModelTesters.h"
#include "PpdbFixtures.h"
#include "common/MessageBanner.h"
#include "tahunajaran/SiakadSyncPreviewDialog.h"
#include "tahunajaran/TahunAjaranDialog.h"
#include "tahunajaran/TahunAjaranPage.h"
#include "common/LiveList.h"
#include "tahunajaran/TahunAjaranTableModel.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QProgressBar>
#include <QTabBar>
#include <QTableView>
#include <QScopeGuard>
#include <QTableWidget>
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
        QVERIFY(test::waitLoaded(&page));
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
                d->done(QDialog::Rejected);
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addYear")), Qt::LeftButton);
        QVERIFY2(overlapText.contains(QStringLiteral("2024/2025")), qPrintable(overlapText));
        QVERIFY(overlapText.contains(QStringLiteral("bertabrakan")));
        QVERIFY(labelVisible);
        QVERIFY(accepted);
        QTRY_COMPARE(rows(page), 2);
    }

    // Esc, the close button and Batal ask before dropping changes; an untouched form closes at once.
    void dialogAsksBeforeDroppingChanges()
    {
        test::TestCore tc;
        const auto years = [&] { return tc->tahunAjaran().list().value().size(); };
        const qsizetype before = years();
        {
            ui::TahunAjaranDialog d(*tc, admin, std::nullopt);
            d.show();
            bool asked = false;
            test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
            QTest::keyClick(&d, Qt::Key_Escape);
            QVERIFY(!d.isVisible());
            QCOMPARE(d.result(), int(QDialog::Rejected));
            QTest::qWait(20);
            QVERIFY(!asked);
        }
        ui::TahunAjaranDialog d(*tc, admin, std::nullopt);
        d.show();
        auto *nama = d.findChild<QLineEdit *>(QStringLiteral("tahunAjaran"));
        nama->clear();
        QTest::keyClicks(nama, QStringLiteral("2030/2031"));
        d.findChild<QDateEdit *>(QStringLiteral("awal"))->setDate(QDate(2030, 3, 1));
        d.findChild<QDateEdit *>(QStringLiteral("akhir"))->setDate(QDate(2030, 4, 30));
        QVERIFY(d.hasUnsavedChanges());

        bool asked = false;
        test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(&d, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(d.isVisible());
        QCOMPARE(nama->text(), QStringLiteral("2030/2031"));

        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        QVERIFY(test::clickButton(&d, QStringLiteral("Batal")));
        QVERIFY(asked);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(years(), before + 1);

        ui::TahunAjaranDialog other(*tc, admin, std::nullopt);
        other.show();
        other.findChild<QDateEdit *>(QStringLiteral("awal"))->setDate(QDate(2031, 3, 1));
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        other.close();
        QVERIFY(asked);
        QVERIFY(!other.isVisible());
        QCOMPARE(other.result(), int(QDialog::Rejected));
        QCOMPARE(years(), before + 1);
    }

    void trashTabAndRestore()
    {
        test::TestCore tc;
        QVERIFY(tc->tahunAjaran().store(admin, year("2024/2025", "2024-03-01", "2024-03-31")).ok());
        ui::TahunAjaranPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::TahunAjaranTableModel>(&page), 1);
        page.show();
        QVERIFY(test::waitLoaded(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("yearsTable"));
        table->selectRow(0);
        QString question;
        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page)) {
                question = box->text();
                QVERIFY(box->standardButtons() == QMessageBox::NoButton); // no English Yes/No
                box->findChild<QPushButton *>(QStringLiteral("confirmAction"))->click();
            }
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("trashYear")), Qt::LeftButton);
        QVERIFY2(question.contains(QStringLiteral("2024/2025")) && question.contains(QStringLiteral("dipulihkan")), qPrintable(question));
        QTRY_COMPARE(rows(page), 0);
        // "Urungkan" right after brings it back.
        auto *undo = page.findChild<QPushButton *>(QStringLiteral("bannerUndo"));
        QVERIFY(undo && undo->isVisible());
        undo->click();
        QTRY_COMPARE(rows(page), 1);
        QVERIFY(!undo->isVisible());
        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page))
                box->findChild<QPushButton *>(QStringLiteral("confirmAction"))->click();
        });
        table->selectRow(0);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("trashYear")), Qt::LeftButton);
        QTRY_COMPARE(rows(page), 0);
        page.findChild<QTabBar *>(QStringLiteral("tabs"))->setCurrentIndex(1);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 1);
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("trashYear"))->text(), QStringLiteral("Pulihkan"));
    }

    // A year stored elsewhere (SIAKAD's webhook, another desktop) appears by itself; the
    // selected year stays selected; F5 reads again on demand.
    void listFollowsChangesMadeElsewhere()
    {
        ui::LiveList::setDefaultPollInterval(40);
        const auto restore = qScopeGuard([] { ui::LiveList::setDefaultPollInterval(0); });
        test::TestCore tc;
        auto first = tc->tahunAjaran().store(admin, year("2024/2025", "2024-03-01", "2024-03-31"));
        QVERIFY(first.ok());
        ui::TahunAjaranPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::TahunAjaranTableModel>(&page), 1);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 1);
        page.table()->selectRow(0);
        int resets = 0;
        connect(page.table()->model(), &QAbstractItemModel::modelAboutToBeReset, &page, [&resets] { ++resets; });
        QVERIFY(tc->tahunAjaran().store(admin, year("2023/2024", "2023-03-01", "2023-03-31")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 2, 2000);
        const auto selected = page.table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), QStringLiteral("2024/2025"));
        QCOMPARE(resets, 0);

        page.live()->setPollInterval(3600 * 1000);
        QVERIFY(tc->tahunAjaran().store(admin, year("2022/2023", "2022-03-01", "2022-03-31")).ok());
        QTest::qWait(100);
        QCOMPARE(rows(page), 2);
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 3, 2000);
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
        bool busyWhileRunning = false;
        QTimer::singleShot(50, &page, [&] { busyWhileRunning = page.isSyncing() && page.findChild<QProgressBar *>(QStringLiteral("syncBusy"))->isVisible(); });
        // The preview is modal: answer it from a timer, which also runs inside its loop.
        int previewRows = -1;
        QTimer closer;
        connect(&closer, &QTimer::timeout, &page, [&] {
            for (auto *d : page.findChildren<ui::SiakadSyncPreviewDialog *>())
                if (d->isVisible()) {
                    previewRows = d->changesTable()->rowCount();
                    QCOMPARE(rows(page), 0); // nothing applied while the preview shows
                    d->applyButton()->click();
                }
        });
        closer.start(20);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("syncSiakad")), Qt::LeftButton);
        // The window stays responsive: the click returned while SIAKAD is still answering.
        QVERIFY(page.isSyncing());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSyncing(), 10000);
        QVERIFY(busyWhileRunning);
        QCOMPARE(previewRows, 3);
        auto *banner = page.findChild<ui::MessageBanner *>();
        QVERIFY2(banner->text().contains(QStringLiteral("3 ditambahkan")), qPrintable(banner->text()));
        QVERIFY(page.findChildren<QMessageBox *>().isEmpty()); // one notice: the banner
        QTRY_COMPARE(rows(page), 3);
    }

    // Nothing changes until the person confirms; a year with applicants that would stop being
    // active needs a second, explicit confirmation.
    void siakadPreviewChangesNothingUntilConfirmed()
    {
        test::UpstreamSim sim;
        QVERIFY(sim.ok());
        test::TestCore tc;
        QVERIFY(tc->settings().set(admin, {{QStringLiteral("siakad_url"), sim.url()},
                                           {QStringLiteral("siakad_api_key"), QStringLiteral("sim-siakad-key")}}).ok());
        QVERIFY(test::openRegistration(*tc));
        QVERIFY(tc->ppdb().submit(Actor::system(QStringLiteral("t")), test::validRegistration(QStringLiteral("0012345678"))).ok());
        ui::TahunAjaranPage page(*tc, admin);
        page.show();
        QTRY_COMPARE(rows(page), 1);

        // First: look, then cancel.
        QStringList consequences;
        bool applyEnabled = true;
        QTimer closer;
        bool cancelNext = true;
        connect(&closer, &QTimer::timeout, &page, [&] {
            for (auto *d : page.findChildren<ui::SiakadSyncPreviewDialog *>()) {
                if (!d->isVisible())
                    continue;
                consequences = d->consequences();
                applyEnabled = d->applyButton()->isEnabled();
                if (cancelNext) {
                    d->reject();
                } else {
                    QVERIFY(d->confirmCheck());
                    d->confirmCheck()->setChecked(true);
                    QVERIFY(d->applyButton()->isEnabled());
                    d->applyButton()->click();
                }
            }
        });
        closer.start(20);
        const QString localId = tc->tahunAjaran().activeYear().value()->id;
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("syncSiakad")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSyncing(), 10000);
        const QString words = consequences.join(QLatin1Char(' '));
        QVERIFY2(words.contains(QStringLiteral("2026/2027")) && words.contains(QStringLiteral("tempat sampah")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("1 pendaftar")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("tertutup")), qPrintable(words));
        QVERIFY(!applyEnabled); // the second confirmation is not given yet
        QCOMPARE(rows(page), 1);
        QCOMPARE(tc->tahunAjaran().activeYear().value()->id, localId);
        QCOMPARE(sim.stats().value(QLatin1String("pushed")).toObject().value(QLatin1String("siakad")).toArray().size(), 0);

        // Then: confirm twice, applied.
        cancelNext = false;
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("syncSiakad")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSyncing(), 10000);
        QTRY_COMPARE(rows(page), 3);
        QVERIFY(tc->tahunAjaran().activeYear().value()->id != localId); // SIAKAD's own year is active now
        QCOMPARE(tc->tahunAjaran().get(localId)->stsHapus, 2);
    }
};

QTEST_MAIN(TestUiTahunAjaran)
#include "tst_ui_tahunajaran.moc"
