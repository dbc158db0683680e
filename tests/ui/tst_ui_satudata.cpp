// Satu Data page against the real simulator (offscreen, real widgets): the file table shows an
// uploaded, verified CSV with who verified it; Enter on the row opens the Sync dialog, whose
// two targets both come back "ok" and whose result cards say so; Sync semua berkas follows the
// run's progress to 100 and ends with the summary; a synced file cannot be deleted; an operator
// cannot press Verifikasi; a conflict with the portal is shown side by side and resolved in
// favour of the portal; the upload dialog shows the service's messages under the fields and a
// file never sent is deleted after the confirmation; the
// schedule saved from the form reads back from the service, and a schedule without targets is
// refused under that field.
#include "common/FormErrors.h"
#include "common/MessageBanner.h"
#include "ModelTesters.h"
#include "satudata/SatuDataDialogs.h"
#include "satudata/SatuDataFileModel.h"
#include "satudata/SatuDataPage.h"
#include "TestSupport.h"
#include "UiTestUtil.h"
#include "satudata/SatuDataSync.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QTimeEdit>
#include <QTimeZone>

using namespace tu;

class TestUiSatuData : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    std::unique_ptr<test::UpstreamSim> sim;
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};
    Actor op{QString(), QStringLiteral("operator"), Role::Operator, QString(), false};

    SatuDataSync &sync() { return tc->core->satuDataSync(); }

    // Values one per year for SIPD (`tahun`, `data`), a small table for SPLP.
    static QByteArray csv()
    {
        return "kelas,tahun,data\nVII,2023,96\nVIII,2024,94\nIX,2025,98\n";
    }
    Result<DataFile> upload(const QString &title, bool verify)
    {
        QBuffer b;
        b.setData(csv());
        b.open(QIODevice::ReadOnly);
        auto f = tc->core->dataFiles().upload(op, b, QStringLiteral("siswa.csv"),
                                              {{"title", title}, {"description", "Rekap jumlah siswa per tingkat"}, {"period", "2025"},
                                               {"unit", "orang"}, {"tags", "siswa, kelas"}, {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}});
        if (!f.ok() || !verify)
            return f;
        return tc->core->dataFiles().setVerified(admin, f->id, true);
    }
    static QString cell(QTableView *t, int row, int col) { return t->model()->index(row, col).data().toString(); }
    static bool loaded(ui::SatuDataPage &page) { return page.model()->loadCount() > 0 && !page.isLoading(); }
    int rowOf(ui::SatuDataPage &page, const QString &title)
    {
        for (int r = 0; r < page.model()->rowCount(); ++r)
            if (cell(page.table(), r, ui::SatuDataFileModel::Title) == title)
                return r;
        return -1;
    }

private slots:
    void init()
    {
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
        sim = std::make_unique<test::UpstreamSim>();
        QVERIFY(sim->ok());
        QVERIFY(tc->core->settings().set(Actor::system(QStringLiteral("test")),
                                         {{"splp_api_url", sim->url()}, {"sipd_api_url", sim->url()},
                                          {"external_api_key", "sim-external-key"}, {"upstream_timeout_ms", "3000"},
                                          {"upstream_backoff_ms", "20"}, {"satudata_delay_ms", "0"}}).ok());
    }
    void cleanup()
    {
        if (tc && tc->core) {
            sync().cancel();
            sync().waitForIdle(15000);
        }
        QThreadPool::globalInstance()->waitForDone(); // reads and syncs the pages started still use the core
        QCoreApplication::processEvents();
        sim.reset();
        tc.reset();
    }

    void stateTexts()
    {
        const QTimeZone jakarta(QByteArrayLiteral("Asia/Jakarta"));
        QCOMPARE(ui::SatuDataFileModel::stateText(nullptr, jakarta), QStringLiteral("Belum pernah"));
        TargetState s;
        s.status = QStringLiteral("ok");
        s.lastSyncAt = QStringLiteral("2026-12-02T07:05:00.000Z");
        QCOMPARE(ui::SatuDataFileModel::stateText(&s, jakarta), QStringLiteral("Tersinkron 02/12 14:05"));
        QCOMPARE(ui::SatuDataFileModel::stateLines(&s, jakarta), QStringLiteral("Tersinkron\n02/12 14:05"));
        s.status = QStringLiteral("failed");
        s.failureClass = satudata::Network;
        QCOMPARE(ui::SatuDataFileModel::stateText(&s, jakarta), QStringLiteral("Gagal (%1)").arg(satudata::failureLabel(satudata::Network)));
        s.status = QStringLiteral("conflict");
        QCOMPARE(ui::SatuDataFileModel::stateText(&s, jakarta), QStringLiteral("Konflik"));
        TargetResult partial;
        partial.status = QStringLiteral("failed");
        partial.rowsOk = 5;
        partial.rowsError = 2;
        QCOMPARE(ui::satuDataResultText(partial), QStringLiteral("Sebagian diterima"));
    }

    void syncOneFileFromTheTable()
    {
        auto f = upload(QStringLiteral("Jumlah Siswa per Tingkat"), true);
        TU_VERIFY_OK(f);
        ui::SatuDataPage page(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.resize(1200, 760);
        page.show();
        QTRY_VERIFY(loaded(page));
        QCOMPARE(page.model()->rowCount(), 1);
        QTableView *t = page.table();
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Title), QStringLiteral("Jumlah Siswa per Tingkat"));
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Period), QStringLiteral("2025"));
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Format), QStringLiteral("CSV"));
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Rows), QStringLiteral("3"));
        QVERIFY2(cell(t, 0, ui::SatuDataFileModel::Verified).startsWith(QStringLiteral("admin\n")), qPrintable(cell(t, 0, ui::SatuDataFileModel::Verified)));
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Splp), QStringLiteral("Belum pernah"));
        QCOMPARE(cell(t, 0, ui::SatuDataFileModel::Sipd), QStringLiteral("Belum pernah"));
        QVERIFY(!t->model()->index(0, ui::SatuDataFileModel::Integrasi).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!page.syncButton()->isEnabled()); // nothing selected yet

        // Keyboard: select the row, Enter opens the Sync dialog.
        t->setFocus();
        t->selectRow(0);
        QVERIFY(page.syncButton()->isEnabled());
        QCOMPARE(page.verifyButton()->text(), QStringLiteral("Batalkan verifikasi"));
        QTest::keyClick(t, Qt::Key_Return);
        QPointer<ui::SatuDataSyncDialog> dialog = test::openDialog<ui::SatuDataSyncDialog>(&page);
        QVERIFY(dialog);
        QVERIFY(dialog->splpBox()->isChecked());
        QVERIFY(dialog->sipdBox()->isChecked());
        QTest::mouseClick(dialog->syncButton(), Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->hasResult(), qPrintable(dialog->banner()->text()));
        QCOMPARE(dialog->result().results.size(), 2);
        for (const TargetResult &r : dialog->result().results)
            QVERIFY2(r.status == QLatin1String("ok"), qPrintable(r.target + QLatin1Char(' ') + r.status + QLatin1Char(' ') + r.message));
        QCOMPARE(dialog->statusText(satudata::Splp), QStringLiteral("Berhasil"));
        QCOMPARE(dialog->statusText(satudata::Sipd), QStringLiteral("Berhasil"));
        QVERIFY(dialog->rowLog(satudata::Sipd));
        QCOMPARE(dialog->rowLog(satudata::Sipd)->rowCount(), 3);
        QCOMPARE(dialog->rowLog(satudata::Sipd)->item(0, 1)->text(), QStringLiteral("OK"));
        dialog->reject();
        QTRY_VERIFY(!dialog);

        // The table follows: both targets synced, the log holds both attempts.
        QTRY_VERIFY(loaded(page) && cell(t, 0, ui::SatuDataFileModel::Splp).startsWith(QStringLiteral("Tersinkron\n")));
        QVERIFY(cell(t, 0, ui::SatuDataFileModel::Sipd).startsWith(QStringLiteral("Tersinkron\n")));
        page.showTab(ui::SatuDataPage::LogTab);
        QTRY_VERIFY(!page.isLoading() && page.logTotal() >= 2);
        QCOMPARE(page.logTable()->model()->rowCount(), int(page.logTotal()));
        page.logTable()->selectRow(0);
        QVERIFY(!page.logDetail()->toPlainText().isEmpty());
        page.logTargetFilter()->setCurrentIndex(page.logTargetFilter()->findData(satudata::Sipd));
        QTRY_VERIFY(!page.isLoading() && page.logTable()->model()->rowCount() == 1);
        QCOMPARE(cell(page.logTable(), 0, 2), QStringLiteral("SIPD"));

        // A file already sent cannot be deleted: the service's refusal is shown.
        page.showTab(ui::SatuDataPage::FilesTab);
        t->selectRow(0);
        QTest::mouseClick(page.removeButton(), Qt::LeftButton);
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Error);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("tidak dapat dihapus")), qPrintable(page.banner()->text()));
        QCOMPARE(page.model()->rowCount(), 1);
    }

    void conflictIsResolvedFromTheDialog()
    {
        auto f = upload(QStringLiteral("Data Sarana"), true);
        TU_VERIFY_OK(f);
        auto first = sync().syncFile(admin, f->id, {satudata::Splp});
        TU_VERIFY_OK(first);
        const QString remoteId = sync().states(f->id)->value(satudata::Splp).remoteId;
        // Someone edits the dataset on the portal; the file changes here too.
        sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", "Data Sarana (portal)"}});
        TU_VERIFY_OK(tc->core->dataFiles().updateMeta(op, f->id, {{"title", "Data Sarana 2025"}}));
        TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f->id, true));

        ui::SatuDataPage page(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.show();
        QTRY_VERIFY(loaded(page));
        page.table()->selectRow(0);
        QPointer<ui::SatuDataSyncDialog> dialog = page.openSyncDialog();
        QVERIFY(dialog);
        dialog->sipdBox()->setChecked(false);
        QTest::mouseClick(dialog->syncButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY(dialog->hasResult());
        QCOMPARE(dialog->result().results.size(), 1);
        QCOMPARE(dialog->statusText(satudata::Splp), QStringLiteral("Konflik"));
        QVERIFY(dialog->conflictButton(satudata::Splp));
        QTRY_VERIFY(loaded(page) && cell(page.table(), 0, ui::SatuDataFileModel::Splp) == QStringLiteral("Konflik"));

        QTest::mouseClick(dialog->conflictButton(satudata::Splp), Qt::LeftButton);
        QPointer<ui::SatuDataConflictDialog> conflict = test::openDialog<ui::SatuDataConflictDialog>(dialog);
        QVERIFY(conflict);
        QTRY_VERIFY(!conflict->isBusy() && conflict->table()->rowCount() > 0);
        QCOMPARE(conflict->table()->item(0, 1)->text(), QStringLiteral("Data Sarana 2025"));
        QCOMPARE(conflict->table()->item(0, 2)->text(), QStringLiteral("Data Sarana (portal)"));
        QVERIFY(conflict->table()->item(0, 0)->data(Qt::UserRole).toBool()); // the title differs: marked
        QVERIFY(!conflict->table()->item(2, 0)->data(Qt::UserRole).toBool()); // the tags do not
        QTest::mouseClick(conflict->remoteButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!conflict, 20000);
        QVERIFY(dialog->statusText(satudata::Splp) != QStringLiteral("Konflik"));
        QCOMPARE(tc->core->dataFiles().get(f->id)->title, QStringLiteral("Data Sarana (portal)"));
        dialog->reject();
        QTRY_VERIFY(loaded(page) && cell(page.table(), 0, ui::SatuDataFileModel::Title) == QStringLiteral("Data Sarana (portal)"));
        QVERIFY(cell(page.table(), 0, ui::SatuDataFileModel::Splp).startsWith(QStringLiteral("Tersinkron")));
    }

    void syncAllFollowsTheRun()
    {
        TU_VERIFY_OK(upload(QStringLiteral("Jumlah Siswa per Tingkat"), true));
        TU_VERIFY_OK(upload(QStringLiteral("Jumlah Rombel"), true));
        TU_VERIFY_OK(upload(QStringLiteral("Data Belum Diperiksa"), false));
        ui::SatuDataPage page(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.resize(1200, 760);
        page.show();
        QTRY_VERIFY(loaded(page));
        QCOMPARE(page.model()->rowCount(), 3);
        QVERIFY(!page.runBar()->isVisible());

        QList<int> values;
        connect(page.runBar(), &QProgressBar::valueChanged, this, [&](int v) { values << v; });
        QTest::mouseClick(page.syncAllButton(), Qt::LeftButton);
        QPointer<ui::SatuDataTargetsDialog> dialog = test::openDialog<ui::SatuDataTargetsDialog>(&page);
        QVERIFY(dialog);
        QVERIFY(dialog->splpBox()->isChecked() && dialog->sipdBox()->isChecked());
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QVERIFY(page.isRunning());
        QVERIFY(page.runBar()->isVisible());
        QVERIFY(page.cancelButton()->isVisible());
        QVERIFY(!page.syncAllButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 30000);

        QCOMPARE(page.runBar()->value(), 100);
        QVERIFY(!values.isEmpty());
        for (int i = 1; i < values.size(); ++i)
            QVERIFY2(values[i] >= values[i - 1], qPrintable(QStringLiteral("%1 after %2").arg(values[i]).arg(values[i - 1])));
        const RunSummary &s = page.lastSummary();
        QCOMPARE(s.perTarget.value(satudata::Splp).synced, 2);
        QCOMPARE(s.perTarget.value(satudata::Splp).skipped, 1);
        QCOMPARE(s.perTarget.value(satudata::Sipd).synced, 2);
        QCOMPARE(page.banner()->text(), s.message());
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Success);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("SPLP")), qPrintable(page.banner()->text()));
        QVERIFY(!page.cancelButton()->isVisible());
        QVERIFY(page.syncAllButton()->isEnabled());
        QTRY_VERIFY(loaded(page));
        const int unverified = rowOf(page, QStringLiteral("Data Belum Diperiksa"));
        QVERIFY(unverified >= 0);
        QCOMPARE(cell(page.table(), unverified, ui::SatuDataFileModel::Verified), QStringLiteral("Belum"));
        QCOMPARE(cell(page.table(), unverified, ui::SatuDataFileModel::Splp), QStringLiteral("Belum pernah"));
    }

    void operatorCannotVerify()
    {
        auto f = upload(QStringLiteral("Jumlah Guru"), false);
        TU_VERIFY_OK(f);
        {
            ui::SatuDataPage page(*tc->core, op);
            QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
            page.show();
            QTRY_VERIFY(loaded(page));
            page.table()->selectRow(0);
            QVERIFY(page.syncButton()->isEnabled());
            QVERIFY(page.removeButton()->isEnabled());
            QVERIFY(!page.verifyButton()->isEnabled());
            QTest::mouseClick(page.verifyButton(), Qt::LeftButton);
            QVERIFY(!tc->core->dataFiles().get(f->id)->verified);
        }
        ui::SatuDataPage page(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.show();
        QTRY_VERIFY(loaded(page));
        page.table()->selectRow(0);
        QVERIFY(page.verifyButton()->isEnabled());
        QCOMPARE(page.verifyButton()->text(), QStringLiteral("Verifikasi"));
        QTest::mouseClick(page.verifyButton(), Qt::LeftButton);
        QVERIFY(tc->core->dataFiles().get(f->id)->verified);
        QTRY_VERIFY(loaded(page) && cell(page.table(), 0, ui::SatuDataFileModel::Verified).startsWith(QStringLiteral("admin")));
        QCOMPARE(page.verifyButton()->text(), QStringLiteral("Batalkan verifikasi"));
    }

    void uploadDialogShowsFieldErrors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rombel.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(csv());
        }
        ui::SatuDataPage page(*tc->core, op);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.show();
        QTRY_VERIFY(loaded(page));
        QPointer<ui::SatuDataMetaDialog> dialog = page.uploadPath(path);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->edit(QStringLiteral("title"))->text(), QStringLiteral("rombel"));
        dialog->edit(QStringLiteral("title"))->clear();
        QTest::keyClicks(dialog->edit(QStringLiteral("kodeindikator")), QStringLiteral("satu"));
        QTest::keyClicks(dialog->edit(QStringLiteral("kodepemda")), QStringLiteral("3404"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->errors().fieldError(QStringLiteral("title")).isEmpty());
        QVERIFY(!dialog->errors().fieldError(QStringLiteral("kodeindikator")).isEmpty());
        QVERIFY(dialog->errors().fieldError(QStringLiteral("kodepemda")).isEmpty());

        QTest::keyClicks(dialog->edit(QStringLiteral("title")), QStringLiteral("Jumlah Rombel 2025"));
        dialog->edit(QStringLiteral("kodeindikator"))->clear();
        QTest::keyClicks(dialog->edit(QStringLiteral("kodeindikator")), QStringLiteral("1.01.03"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QTRY_VERIFY(loaded(page) && page.model()->rowCount() == 1);
        QCOMPARE(cell(page.table(), 0, ui::SatuDataFileModel::Title), QStringLiteral("Jumlah Rombel 2025"));
        QCOMPARE(cell(page.table(), 0, ui::SatuDataFileModel::Verified), QStringLiteral("Belum"));
        QCOMPARE(page.banner()->kind(), ui::MessageBanner::Kind::Success);

        // Never sent: deleted after the confirmation.
        page.table()->selectRow(0);
        QTimer::singleShot(0, this, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmRemove")))
                QVERIFY(test::clickButton(box, QStringLiteral("Hapus")));
        });
        QTest::mouseClick(page.removeButton(), Qt::LeftButton);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("dihapus")), qPrintable(page.banner()->text()));
        QTRY_VERIFY(loaded(page) && page.model()->rowCount() == 0);
    }

    void scheduleSavedFromTheForm()
    {
        ui::SatuDataPage page(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&page), 1);
        page.show();
        page.showTab(ui::SatuDataPage::ScheduleTab);
        QTRY_VERIFY(loaded(page));
        QCOMPARE(page.frequencyCombo()->currentData().toString(), QStringLiteral("off"));
        QVERIFY(!page.weekdayCombo()->isEnabled());
        QCOMPARE(page.nextRunLabel()->text(), QStringLiteral("Tidak ada sinkronisasi terjadwal."));

        page.frequencyCombo()->setCurrentIndex(page.frequencyCombo()->findData(QStringLiteral("weekly")));
        QVERIFY(page.weekdayCombo()->isEnabled());
        page.weekdayCombo()->setCurrentIndex(page.weekdayCombo()->findData(3));
        page.timeEdit()->setTime(QTime(6, 30));
        page.scheduleSplp()->setChecked(true);
        page.scheduleSipd()->setChecked(false);
        QTest::mouseClick(page.saveScheduleButton(), Qt::LeftButton);
        auto s = sync().schedule();
        TU_VERIFY_OK(s);
        QCOMPARE(s->frequency, QStringLiteral("weekly"));
        QCOMPARE(s->weekday, 3);
        QCOMPARE(s->time, QStringLiteral("06:30"));
        QCOMPARE(s->targets, QStringList{satudata::Splp});
        QTRY_VERIFY(!page.isLoading() && page.nextRunLabel()->text().startsWith(QStringLiteral("Berikutnya: ")));
        const QDateTime next = sync().nextScheduledRun().toTimeZone(tc->core->settings().schoolZone());
        QCOMPARE(next.date().dayOfWeek(), 3);
        QCOMPARE(next.time(), QTime(6, 30));
        QVERIFY2(page.nextRunLabel()->text().contains(QStringLiteral("06:30")), qPrintable(page.nextRunLabel()->text()));

        // A fresh page reads the same schedule back into the form.
        ui::SatuDataPage again(*tc->core, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::SatuDataFileModel>(&again), 1);
        QTRY_VERIFY(loaded(again));
        QCOMPARE(again.frequencyCombo()->currentData().toString(), QStringLiteral("weekly"));
        QCOMPARE(again.weekdayCombo()->currentData().toInt(), 3);
        QCOMPARE(again.timeEdit()->time(), QTime(6, 30));
        QVERIFY(again.scheduleSplp()->isChecked());
        QVERIFY(!again.scheduleSipd()->isChecked());

        // No target: refused, the message under the targets.
        page.scheduleSplp()->setChecked(false);
        QTest::mouseClick(page.saveScheduleButton(), Qt::LeftButton);
        QVERIFY(!page.scheduleErrors()->fieldError(QStringLiteral("targets")).isEmpty());
        QCOMPARE(sync().schedule()->targets, QStringList{satudata::Splp});
    }
};

QTEST_MAIN(TestUiSatuData)
#include "tst_ui_satudata.moc"
