// PPDB page, detail and walk-in dialogs and the proof PDF, driven through the real widgets
// (offscreen).
#include "common/FormErrors.h"
#include "ModelTesters.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbPage.h"
#include "ppdb/PpdbTableModel.h"
#include "ppdb/PpdbWalkInDialog.h"
#include "ppdb/ProofOfRegistration.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QComboBox>
#include <QMenu>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

using namespace tu;

class TestUiPpdb : public QObject
{
    Q_OBJECT
    Actor admin{QString(), QStringLiteral("admin"), Role::Admin, QString(), false};

    static void openRegistration(test::TestCore &tc)
    {
        const QDate today = tc->ppdb().today();
        auto y = tc->tahunAjaran().store(Actor::system(QStringLiteral("t")),
                                         {{"tahun_ajaran", "2026/2027"},
                                          {"periode_awal_pendaftaran", today.addDays(-10).toString(Qt::ISODate)},
                                          {"periode_akhir_pendaftaran", today.addDays(30).toString(Qt::ISODate)},
                                          {"sts_aktif", 1}});
        QVERIFY2(y.ok(), y.ok() ? "" : qPrintable(y.error().message));
    }
    static QJsonObject applicant(const QString &nisn, const QString &name, const QString &school = QStringLiteral("SD Negeri 1 Depok"))
    {
        return {{"nisn", nisn}, {"fullName", name}, {"birthPlace", "Sleman"},
                {"birthDate", QDate::currentDate().addYears(-12).addDays(-40).toString(Qt::ISODate)},
                {"gender", "L"}, {"religion", "Islam"}, {"address", "Jl. Kaliurang km 5"}, {"province", "DI Yogyakarta"},
                {"city", "Sleman"}, {"district", "Depok"}, {"postalCode", "55281"}, {"fatherName", "Bapak " + name},
                {"fatherPhone", "081234567890"}, {"motherName", "Ibu " + name}, {"motherPhone", "081234567890"},
                {"previousSchool", school}, {"email", "a@b.id"}, {"phone", "081234567890"}};
    }
    static Registration submit(test::TestCore &tc, const QString &nisn, const QString &name)
    {
        auto r = tc->ppdb().submit(Actor::system(QStringLiteral("t")), applicant(nisn, name));
        if (!r.ok())
            qWarning() << r.error().message << r.error().fields;
        return r.ok() ? r.value() : Registration{};
    }
    static int rows(ui::PpdbPage &page) { return page.table()->model()->rowCount(); }
    static QString statusOf(test::TestCore &tc, const QString &id) { return tc->ppdb().detail(id)->registration.status; }

private slots:
    void listsWithTabCountsAndSearch()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        submit(tc, "0012345672", "Budi Santoso");
        submit(tc, "0012345673", "Citra Lestari");
        QVERIFY(tc->ppdb().changeStatus(admin, a.id, "verified", QString()).ok());

        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.resize(1100, 700);
        page.show();
        QCOMPARE(rows(page), 3);
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("statusTabs"));
        QVERIFY2(tabs->tabText(0).contains(QLatin1String("3")), qPrintable(tabs->tabText(0)));
        QVERIFY2(tabs->tabText(1).endsWith(QLatin1String("2")), qPrintable(tabs->tabText(1)));
        QVERIFY2(tabs->tabText(2).endsWith(QLatin1String("1")), qPrintable(tabs->tabText(2)));
        QVERIFY(tabs->tabText(3).endsWith(QLatin1String("0")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("dari 3")));
        tabs->setCurrentIndex(2);
        QCOMPARE(rows(page), 1);
        QCOMPARE(page.table()->model()->index(0, 2).data().toString(), QStringLiteral("Andi Kurniawan"));
        tabs->setCurrentIndex(0);

        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("search")), QStringLiteral("budi"));
        QTRY_COMPARE(rows(page), 1);
        QCOMPARE(page.table()->model()->index(0, 2).data().toString(), QStringLiteral("Budi Santoso"));
        // Counts stay over the whole year.
        QVERIFY(tabs->tabText(0).endsWith(QLatin1String("3")));
    }

    void pagesOfFifty()
    {
        test::TestCore tc;
        openRegistration(tc);
        for (int i = 0; i < 52; ++i)
            QVERIFY(!submit(tc, QStringLiteral("00%1").arg(11000000 + i), QStringLiteral("Calon Siswa %1").arg(i)).id.isEmpty());
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.show();
        auto *range = page.findChild<QLabel *>(QStringLiteral("countLabel"));
        auto *prev = page.findChild<QPushButton *>(QStringLiteral("prevPage"));
        auto *next = page.findChild<QPushButton *>(QStringLiteral("nextPage"));
        QCOMPARE(rows(page), 50);
        QCOMPARE(range->text(), QStringLiteral("1–50 dari 52"));
        QVERIFY(!prev->isEnabled());
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(rows(page), 2);
        QCOMPARE(range->text(), QStringLiteral("51–52 dari 52"));
        QVERIFY(prev->isEnabled());
        QVERIFY(!next->isEnabled());
        QTest::mouseClick(prev, Qt::LeftButton);
        QCOMPARE(page.currentPage(), 1);
        QCOMPARE(rows(page), 50);
    }

    void verifyThroughTheDetailDialog()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.show();
        page.table()->selectRow(0);

        bool verifyEnabled = false, acceptEnabledBefore = true, acceptEnabledAfter = false;
        bool done = false;
        QTimer driver;
        connect(&driver, &QTimer::timeout, &page, [&] {
            if (auto *status = page.findChild<ui::PpdbStatusDialog *>(); status && status->isVisible()) {
                QTest::keyClicks(status->noteEdit(), QStringLiteral("Berkas lengkap"));
                QTest::mouseClick(status->saveButton(), Qt::LeftButton);
                return;
            }
            for (auto *d : page.findChildren<ui::PpdbDetailDialog *>()) {
                if (!d->isVisible())
                    continue;
                auto *verify = d->findChild<QPushButton *>(QStringLiteral("verify"));
                auto *accept = d->findChild<QPushButton *>(QStringLiteral("accept"));
                if (!done && d->registration().status == QLatin1String("pending")) {
                    verifyEnabled = verify->isEnabled();
                    acceptEnabledBefore = accept->isEnabled();
                    done = true;
                    QTimer::singleShot(0, verify, [verify] { QTest::mouseClick(verify, Qt::LeftButton); });
                } else if (d->registration().status == QLatin1String("verified")) {
                    acceptEnabledAfter = accept->isEnabled();
                    d->accept();
                }
            }
        });
        driver.start(20);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("openDetail")), Qt::LeftButton);
        driver.stop();
        QVERIFY(verifyEnabled);
        QVERIFY(!acceptEnabledBefore);
        QVERIFY(acceptEnabledAfter);
        QCOMPARE(statusOf(tc, a.id), QStringLiteral("verified"));
        QCOMPARE(tc->ppdb().detail(a.id)->registration.note, QStringLiteral("Berkas lengkap"));
        QCOMPARE(page.table()->model()->index(0, 4).data().toString(), QStringLiteral("Terverifikasi"));
    }

    void rejectWithoutANoteShowsTheServiceError()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbDetailDialog detail(*tc, admin, a.id);
        detail.show();
        QString noteError;
        bool visible = false;
        QTimer::singleShot(0, &detail, [&] {
            auto *status = test::openDialog<ui::PpdbStatusDialog>(&detail);
            if (!status)
                return;
            QTest::mouseClick(status->saveButton(), Qt::LeftButton);
            noteError = status->errors().fieldError(QStringLiteral("note"));
            visible = status->errors().label(QStringLiteral("note"))->isVisible();
            status->reject();
        });
        QTest::mouseClick(detail.findChild<QPushButton *>(QStringLiteral("reject")), Qt::LeftButton);
        QCOMPARE(noteError, QStringLiteral("Tuliskan alasan penolakan agar calon siswa tahu apa yang harus diperbaiki."));
        QVERIFY(visible);
        QCOMPARE(statusOf(tc, a.id), QStringLiteral("pending"));
        QVERIFY(!detail.changed());
    }

    // Nothing that looks like an answer is pre-filled; skipping the choices is refused under
    // the fields; typed data survives as a draft and closing with changes asks first.
    void walkInStartsEmptyKeepsADraftAndAsksBeforeDropping()
    {
        test::TestCore tc;
        openRegistration(tc);
        QVERIFY(!ui::PpdbWalkInDialog::pendingDraft(*tc));
        {
            ui::PpdbWalkInDialog d(*tc, admin);
            d.show();
            QCOMPARE(d.genderCombo()->currentData().toString(), QString());
            QCOMPARE(d.religionCombo()->currentData().toString(), QString());
            QCOMPARE(d.birthDateEdit()->text(), QStringLiteral("— pilih —"));
            QCOMPARE(d.input().value(QLatin1String("birthDate")).toString(), QString());
            QVERIFY(!d.hasUnsavedChanges());
            const QJsonObject good = applicant(QStringLiteral("0099887766"), QStringLiteral("Dewi Anggraini"));
            for (auto it = good.begin(); it != good.end(); ++it)
                if (QLineEdit *e = d.lineEdit(it.key()))
                    QTest::keyClicks(e, it.value().toString());
            QTest::mouseClick(d.saveButton(), Qt::LeftButton);
            for (const char *field : {"gender", "religion", "birthDate"})
                QVERIFY2(!d.errors().fieldError(QLatin1String(field)).isEmpty(), field);
            QCOMPARE(tc->ppdb().list({}).value().total, 0);
            // The draft is on disk a moment after typing.
            QTRY_VERIFY(ui::PpdbWalkInDialog::pendingDraft(*tc).has_value());
            QCOMPARE(ui::PpdbWalkInDialog::pendingDraft(*tc)->value(QLatin1String("fullName")).toString(), QStringLiteral("Dewi Anggraini"));

            // Esc with changes: "Batal" keeps the form open with what was typed.
            QTimer::singleShot(0, [] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                    box->findChild<QPushButton *>(QStringLiteral("unsavedCancel"))->click();
            });
            QTest::keyClick(&d, Qt::Key_Escape);
            QVERIFY(d.isVisible());
            QCOMPARE(d.lineEdit(QStringLiteral("fullName"))->text(), QStringLiteral("Dewi Anggraini"));
        } // destroyed as by a crash: the draft stays

        // Offered back: a new form takes it up.
        auto draft = ui::PpdbWalkInDialog::pendingDraft(*tc);
        QVERIFY(draft.has_value());
        ui::PpdbWalkInDialog again(*tc, admin);
        again.loadDraft(*draft);
        again.show();
        QCOMPARE(again.lineEdit(QStringLiteral("nisn"))->text(), QStringLiteral("0099887766"));
        QVERIFY(again.hasUnsavedChanges());
        // "Buang perubahan": closed, and the draft is gone.
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->findChild<QPushButton *>(QStringLiteral("unsavedDiscard"))->click();
        });
        again.reject();
        QVERIFY(!again.isVisible());
        QVERIFY(!ui::PpdbWalkInDialog::pendingDraft(*tc));
    }

    void walkInShowsFieldErrorsThenCreates()
    {
        test::TestCore tc;
        openRegistration(tc);
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.show();
        QString nisnError;
        bool nisnVisible = false;
        int storedAfterBad = -1;
        bool accepted = false;
        QTimer::singleShot(0, &page, [&] {
            auto *d = test::openDialog<ui::PpdbWalkInDialog>(&page);
            if (!d)
                return;
            const QJsonObject good = applicant(QStringLiteral("0099887766"), QStringLiteral("Dewi Anggraini"));
            for (auto it = good.begin(); it != good.end(); ++it)
                if (QLineEdit *e = d->lineEdit(it.key()))
                    QTest::keyClicks(e, it.value().toString());
            d->birthDateEdit()->setDate(QDate::fromString(good.value("birthDate").toString(), Qt::ISODate));
            d->genderCombo()->setCurrentIndex(d->genderCombo()->findData(QStringLiteral("P")));
            d->religionCombo()->setCurrentIndex(1);
            d->lineEdit(QStringLiteral("nisn"))->setText(QStringLiteral("12345"));
            QTest::mouseClick(d->saveButton(), Qt::LeftButton);
            nisnError = d->errors().fieldError(QStringLiteral("nisn"));
            nisnVisible = d->errors().label(QStringLiteral("nisn"))->isVisible();
            storedAfterBad = int(tc->ppdb().list({}).value().total);
            d->lineEdit(QStringLiteral("nisn"))->setText(QStringLiteral("0099887766"));
            QTest::mouseClick(d->saveButton(), Qt::LeftButton);
            accepted = d->result() == QDialog::Accepted;
            if (!accepted) {
                qWarning() << d->banner()->text();
                d->reject();
            }
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("walkIn")), Qt::LeftButton);
        QCOMPARE(nisnError, QStringLiteral("NISN harus tepat 10 angka."));
        QVERIFY(nisnVisible);
        QCOMPARE(storedAfterBad, 0);
        QVERIFY(accepted);
        auto list = tc->ppdb().list({});
        QCOMPARE(list->total, 1);
        const Registration r = list->items.first();
        QCOMPARE(r.source, QStringLiteral("walkin"));
        QCOMPARE(r.gender, QStringLiteral("P"));
        QCOMPARE(r.fullName, QStringLiteral("Dewi Anggraini"));
        QCOMPARE(rows(page), 1);
        QVERIFY2(page.banner()->text().contains(r.number), qPrintable(page.banner()->text()));
    }

    void proofOfRegistrationIsAPdf()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bukti.pdf"));
        const Status s = ui::ProofOfRegistration::writePdf(a, QStringLiteral("SMP Negeri 2 Sleman"), QStringLiteral("2026/2027"), path);
        QVERIFY(s.ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 1024);
        QCOMPARE(f.read(4), QByteArray("%PDF"));
    }

    // "Cetak" goes through the system print preview, on A4 and on F4/folio; the printed page
    // is the proof card (here printed to a PDF file as a PDF printer would).
    void printsThroughAPreviewOnA4AndF4()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbDetailDialog detail(*tc, admin, a.id);
        detail.show();
        auto *print = detail.findChild<QPushButton *>(QStringLiteral("printProof"));
        QVERIFY(print && print->menu());
        QStringList entries;
        for (QAction *act : print->menu()->actions())
            entries << act->text();
        QCOMPARE(entries, QStringList({QStringLiteral("Cetak di kertas A4…"), QStringLiteral("Cetak di kertas F4 / Folio…"),
                                       QStringLiteral("Simpan sebagai PDF…")}));
        QTemporaryDir dir;
        const QList<std::pair<QPageSize, QSizeF>> sizes{{QPageSize(QPageSize::A4), QSizeF(210, 297)},
                                                        {ui::ProofOfRegistration::folio(), QSizeF(215, 330)}};
        for (const auto &[pageSize, mm] : sizes) {
            QPrinter printer(QPrinter::HighResolution);
            printer.setOutputFormat(QPrinter::PdfFormat);
            const QString path = dir.filePath(QStringLiteral("cetak-%1.pdf").arg(mm.height()));
            printer.setOutputFileName(path);
            printer.setPageSize(pageSize);
            std::unique_ptr<QPrintPreviewDialog> preview(detail.makePrintPreview(&printer));
            preview->show();
            QVERIFY(QTest::qWaitForWindowExposed(preview.get()));
            auto *widget = preview->findChild<QPrintPreviewWidget *>();
            QVERIFY(widget);
            widget->updatePreview();
            QTRY_COMPARE(widget->pageCount(), 1);
            QCOMPARE(printer.pageLayout().pageSize().size(QPageSize::Millimeter).toSize(), mm.toSize());
            preview->close();
            // What the preview's "Cetak" sends to the printer.
            QVERIFY(ui::ProofOfRegistration::print(&printer, a, QStringLiteral("SMP Negeri 2 Sleman"), QStringLiteral("2026/2027"),
                                                   QTimeZone(QByteArrayLiteral("Asia/Jakarta"))));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.size() > 1024);
            QCOMPARE(f.read(4), QByteArray("%PDF"));
        }
    }

    void exportWritesAnXlsx()
    {
        test::TestCore tc;
        openRegistration(tc);
        submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ppdb.xlsx"));
        page.exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isExporting(), 10000);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(page.banner()->text()));
        QCOMPARE(f.read(2), QByteArray("PK"));
        QVERIFY(page.banner()->text().contains(QStringLiteral("diekspor")));
    }
};

QTEST_MAIN(TestUiPpdb)
#include "tst_ui_ppdb.moc"
