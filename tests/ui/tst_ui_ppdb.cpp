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
            d->genderCombo()->setCurrentIndex(1);
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
