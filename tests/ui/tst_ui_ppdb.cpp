// PPDB page, detail and walk-in dialogs and the proof PDF, driven through the real widgets
// (offscreen).
#include "common/FormErrors.h"
#include "ModelTesters.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbPage.h"
#include "ppdb/PpdbTableModel.h"
#include "ppdb/PpdbWalkInDialog.h"
#include "ppdb/ProofOfRegistration.h"
#include "ppdb/RegistrationListPrint.h"
#include "common/SchoolTime.h"
#include <QApplication>
#include <QTextDocument>
#include "common/LiveList.h"
#include "common/PrintPreview.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QComboBox>
#include <QMenu>
#include <QMessageBox>
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
#include <QMutex>
#include <QScrollBar>
#include <QSignalSpy>
#include <QThread>
#include <QScopeGuard>
#include <QTimer>
#include <QToolButton>

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
    // As the public web form sends it: an anonymous applicant through the service.
    static Registration submitFromWeb(test::TestCore &tc, const QString &nisn, const QString &name)
    {
        const Actor web{QString(), QString(), Role::Siswa, QStringLiteral("203.0.113.7"), false};
        auto r = tc->ppdb().submit(web, applicant(nisn, name));
        if (!r.ok())
            qWarning() << r.error().message << r.error().fields;
        return r.ok() ? r.value() : Registration{};
    }
    static QString selectedId(ui::PpdbPage &page)
    {
        const auto rows = page.table()->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
    }
    static int rowOfId(ui::PpdbPage &page, const QString &id)
    {
        QAbstractItemModel *m = page.table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(Qt::UserRole).toString() == id)
                return r;
        return -1;
    }
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
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 3);
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("statusTabs"));
        QVERIFY2(tabs->tabText(0).contains(QLatin1String("3")), qPrintable(tabs->tabText(0)));
        QVERIFY2(tabs->tabText(1).endsWith(QLatin1String("2")), qPrintable(tabs->tabText(1)));
        QVERIFY2(tabs->tabText(2).endsWith(QLatin1String("1")), qPrintable(tabs->tabText(2)));
        QVERIFY(tabs->tabText(3).endsWith(QLatin1String("0")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("dari 3")));
        tabs->setCurrentIndex(2);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 1);
        QCOMPARE(page.table()->model()->index(0, 2).data().toString(), QStringLiteral("Andi Kurniawan"));
        tabs->setCurrentIndex(0);
        QVERIFY(test::waitLoaded(&page));

        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("search")), QStringLiteral("budi"));
        QTRY_COMPARE(rows(page), 1);
        QTRY_COMPARE(page.table()->model()->index(0, 2).data().toString(), QStringLiteral("Budi Santoso"));
        // Counts stay over the whole year.
        QVERIFY(tabs->tabText(0).endsWith(QLatin1String("3")));
    }

    // A registration arriving through the web shows up by itself while the page is open; the
    // selected registration stays selected (by id, though its row moved), the scroll position
    // stays, and the model is never reset.
    void webRegistrationAppearsWithoutUserAction()
    {
        ui::LiveList::setDefaultPollInterval(40);
        const auto restore = qScopeGuard([] { ui::LiveList::setDefaultPollInterval(0); });
        test::TestCore tc;
        openRegistration(tc);
        QList<Registration> earlier;
        for (int i = 0; i < 30; ++i)
            earlier << submit(tc, QStringLiteral("00%1").arg(12000000 + i), QStringLiteral("Calon Siswa %1").arg(i));
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.resize(1100, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 30);
        QCOMPARE(page.live()->pollInterval(), 40);

        const QString picked = earlier.at(10).id;
        page.table()->selectRow(rowOfId(page, picked));
        page.table()->verticalScrollBar()->setValue(5);
        const int scroll = page.table()->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        int resets = 0;
        connect(page.table()->model(), &QAbstractItemModel::modelAboutToBeReset, &page, [&resets] { ++resets; });

        const Registration fromWeb = submitFromWeb(tc, "0099887766", "Dewi Anggraini");
        QVERIFY(!fromWeb.id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 31, 2000);
        QVERIFY(rowOfId(page, fromWeb.id) >= 0);
        QCOMPARE(selectedId(page), picked);
        QCOMPARE(page.table()->verticalScrollBar()->value(), scroll);
        QCOMPARE(resets, 0);
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("statusTabs"));
        QVERIFY2(tabs->tabText(0).endsWith(QLatin1String("31")), qPrintable(tabs->tabText(0)));

        // A status changed elsewhere (another desktop) shows too, in place.
        QVERIFY(tc->ppdb().changeStatus(admin, picked, "verified", QString()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->model()->index(rowOfId(page, picked), ui::PpdbTableModel::Status).data().toString(),
                                  QStringLiteral("Terverifikasi"), 2000);
        QCOMPARE(selectedId(page), picked);
        QCOMPARE(resets, 0);

        // Nothing changed: the checks read nothing more and touch nothing.
        int loads = 0;
        connect(page.live(), &ui::LiveList::loaded, &page, [&loads] { ++loads; });
        QTest::qWait(300);
        QCOMPARE(loads, 0);
        QCOMPARE(resets, 0);
    }

    // Leaving the page and coming back reloads it, even without polling.
    void shownAgainReloads()
    {
        test::TestCore tc;
        openRegistration(tc);
        submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbPage page(*tc, admin);
        page.show();
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 1);
        page.live()->setPollInterval(3600 * 1000);
        page.hide();
        submitFromWeb(tc, "0012345672", "Budi Santoso");
        QTest::qWait(1100); // a page shown right after its last load does not read again
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 2, 2000);
    }

    // F5 and the Muat ulang button read again on demand; a reload that finds nothing new
    // leaves the selection and the model alone.
    void f5AndTheButtonReload()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::PpdbTableModel>(&page), 1);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(test::waitLoaded(&page));
        page.live()->setPollInterval(3600 * 1000); // only on demand here
        page.table()->selectRow(0);
        page.table()->setFocus();
        int resets = 0;
        connect(page.table()->model(), &QAbstractItemModel::modelAboutToBeReset, &page, [&resets] { ++resets; });

        submitFromWeb(tc, "0012345672", "Budi Santoso");
        QTest::qWait(100);
        QCOMPARE(rows(page), 1); // no poll
        QTest::keyClick(page.table(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 2, 2000);
        QCOMPARE(selectedId(page), a.id);

        auto *button = page.findChild<QPushButton *>(QStringLiteral("reloadList"));
        QVERIFY(button);
        QCOMPARE(button->accessibleName(), QStringLiteral("Muat ulang"));
        QVERIFY(!button->icon().isNull());
        QVERIFY(button->toolTip().contains(QLatin1String("F5")));
        submitFromWeb(tc, "0012345673", "Citra Lestari");
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(rows(page), 3, 2000);
        QCOMPARE(selectedId(page), a.id);

        QSignalSpy loaded(page.live(), &ui::LiveList::loaded);
        QTest::keyClick(page.table(), Qt::Key_F5);
        QVERIFY(loaded.wait(2000));
        QCOMPARE(rows(page), 3);
        QCOMPARE(selectedId(page), a.id);
        QCOMPARE(resets, 0);
    }

    // The list is read on a worker thread: reload() returns at once, busy, and the answer lands
    // later on the GUI thread; a newer reload's answer wins over an older one.
    void readsOffTheGuiThread()
    {
        test::TestCore tc;
        openRegistration(tc);
        submit(tc, "0012345671", "Andi Kurniawan");
        submit(tc, "0012345672", "Budi Santoso");
        QList<QThread *> readers;
        QMutex lock;
        ui::LiveList::setWorkerProbe([&] {
            QMutexLocker l(&lock);
            readers << QThread::currentThread();
        });
        const auto restore = qScopeGuard([] { ui::LiveList::setWorkerProbe({}); });
        ui::PpdbPage page(*tc, admin);
        QVERIFY(page.live()->isLoading());
        QCOMPARE(rows(page), 0); // not read yet: the constructor did not wait for the database
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 2);
        {
            QMutexLocker l(&lock);
            QVERIFY(!readers.isEmpty());
            for (QThread *t : std::as_const(readers))
                QVERIFY(t != QCoreApplication::instance()->thread());
        }

        // Two reloads in a row: only the newest one's answer is applied.
        QSignalSpy loaded(page.live(), &ui::LiveList::loaded);
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("statusTabs"));
        page.reload();
        tabs->setCurrentIndex(3); // Diterima: nobody
        QVERIFY(test::waitLoaded(&page));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(rows(page), 0);
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
        QVERIFY(test::waitLoaded(&page));
        auto *range = page.findChild<QLabel *>(QStringLiteral("countLabel"));
        auto *prev = page.findChild<QPushButton *>(QStringLiteral("prevPage"));
        auto *next = page.findChild<QPushButton *>(QStringLiteral("nextPage"));
        QCOMPARE(rows(page), 50);
        QCOMPARE(range->text(), QStringLiteral("1–50 dari 52"));
        QVERIFY(!prev->isEnabled());
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(rows(page), 2);
        QCOMPARE(range->text(), QStringLiteral("51–52 dari 52"));
        QVERIFY(prev->isEnabled());
        QVERIFY(!next->isEnabled());
        QTest::mouseClick(prev, Qt::LeftButton);
        QVERIFY(test::waitLoaded(&page));
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
        QVERIFY(test::waitLoaded(&page));
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
        QTRY_COMPARE(page.table()->model()->index(0, 4).data().toString(), QStringLiteral("Terverifikasi"));
        QCOMPARE(page.table()->selectionModel()->selectedRows().size(), 1); // still on it
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
        QTRY_COMPARE(rows(page), 1);
        QVERIFY2(page.banner()->text().contains(r.number), qPrintable(page.banner()->text()));
    }

    // Keyboard only, as the AT-SPI end-to-end test does it: Ctrl+N opens the walk-in form with
    // the focus in NISN (not on the unnamed scroll area), digits typed into the empty birth date
    // give that date, and Enter on a row of the named table opens its detail.
    void keyboardOnlyWalkInAndDetail()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        ui::PpdbPage page(*tc, admin);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));

        QString firstFocus, afterTab, typedDate;
        bool handled = false;
        // A button's shortcut clicks it after a short animation, so the form opens later: a
        // timer looks for it (and keeps running inside the form's own event loop).
        QTimer driver;
        connect(&driver, &QTimer::timeout, &page, [&] {
            auto *d = page.findChild<ui::PpdbWalkInDialog *>();
            if (handled || !d || !d->isActiveWindow())
                return;
            handled = true;
            if (QWidget *f = d->focusWidget()) {
                firstFocus = f->accessibleName();
                QTest::keyClick(f, Qt::Key_Tab);
                afterTab = d->focusWidget() ? d->focusWidget()->accessibleName() : QString();
            }
            d->birthDateEdit()->setFocus();
            QTest::keyClicks(d->birthDateEdit(), QStringLiteral("15032014"));
            typedDate = d->input().value(QLatin1String("birthDate")).toString();
            QTimer::singleShot(0, d, [d] { // unsaved changes: reject() asks first
                if (auto *ask = test::openDialog<QMessageBox>(d))
                    test::clickButton(ask, QStringLiteral("Buang perubahan"));
            });
            d->reject();
        });
        driver.start(20);
        page.table()->setFocus(); // anywhere on the page
        QTest::keyClick(page.table(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(handled);
        driver.stop();
        QCOMPARE(firstFocus, QStringLiteral("NISN"));
        QCOMPARE(afterTab, QStringLiteral("Nama lengkap"));
        QCOMPARE(typedDate, QStringLiteral("2014-03-15"));

        QString detailName;
        QTimer::singleShot(0, &page, [&] {
            if (auto *d = test::openDialog<ui::PpdbDetailDialog>(&page)) {
                detailName = d->windowTitle();
                for (QLabel *l : d->findChildren<QLabel *>())
                    if (l->text() == a.fullName)
                        detailName = l->text();
                d->accept();
            }
        });
        QTRY_COMPARE(rows(page), 1); // the list reads on a worker
        page.table()->setFocus();
        page.table()->setCurrentIndex(page.table()->model()->index(0, 0));
        QTest::keyClick(page.table(), Qt::Key_Return);
        QCOMPARE(detailName, a.fullName);
        QCOMPARE(page.table()->accessibleName(), QStringLiteral("Daftar pendaftaran")); // what a screen reader says
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

    // The applicant list prints through the preview too; on the "Diterima" tab it is the
    // announcement of accepted applicants. Stored text stays text on the page.
    void applicantListPrintsThroughAPreview()
    {
        test::TestCore tc;
        openRegistration(tc);
        const Registration a = submit(tc, "0012345671", "Andi Kurniawan");
        const Registration b = submit(tc, "0012345672", "<b>Budi</b> & Co");
        QVERIFY(tc->ppdb().changeStatus(admin, a.id, "verified", QString()).ok());
        QVERIFY(tc->ppdb().changeStatus(admin, a.id, "accepted", QString()).ok());

        const ui::SchoolTime time(QTimeZone(QByteArrayLiteral("Asia/Jakarta")));
        Registration accepted = a;
        accepted.status = QStringLiteral("accepted");
        const QString html = ui::registrationListHtml({accepted, b}, QStringLiteral("SMP <Negeri> 2"), QStringLiteral("Daftar"), time);
        QTextDocument doc;
        doc.setHtml(html);
        const QString text = doc.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("<b>Budi</b> & Co")), qPrintable(text)); // shown as typed, not as markup
        QVERIFY(text.contains(QStringLiteral("SMP <Negeri> 2")));
        QVERIFY(text.contains(a.number) && text.contains(QStringLiteral("Diterima")) && text.contains(QStringLiteral("2 pendaftar")));
        QVERIFY(!html.contains(QStringLiteral("<b>Budi")));

        ui::PpdbPage page(*tc, admin);
        page.resize(1100, 700);
        page.show();
        QVERIFY(test::waitLoaded(&page));
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("statusTabs"));
        tabs->setCurrentIndex(3); // Diterima
        QVERIFY2(page.listTitle().startsWith(QStringLiteral("Pengumuman")), qPrintable(page.listTitle()));
        auto *button = page.findChild<QPushButton *>(QStringLiteral("printList"));
        QVERIFY(button && button->menu() && button->menu()->actions().size() == 2);
        int pages = -1;
        QString title;
        QTimer poll;
        connect(&poll, &QTimer::timeout, &page, [&] {
            auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            if (!preview || preview->objectName() != QLatin1String("listPreview"))
                return;
            auto *widget = preview->findChild<QPrintPreviewWidget *>();
            widget->updatePreview();
            pages = widget->pageCount();
            title = preview->windowTitle();
            preview->close();
        });
        poll.start(50);
        page.printList(ui::folioPageSize());
        QTRY_VERIFY(pages >= 0);
        QCOMPARE(pages, 1);
        QVERIFY2(title.contains(QStringLiteral("Pengumuman")), qPrintable(title));
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
        // With mnemonics: a keyboard user picks an entry of the open menu by its letter.
        QCOMPARE(entries, QStringList({QStringLiteral("Cetak di kertas &A4…"), QStringLiteral("Cetak di kertas &F4 / Folio…"),
                                       QStringLiteral("Simpan sebagai &PDF…")}));
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
            // Keyboard users reach the toolbar with Tab and print with Ctrl+P.
            QAction *printAction = nullptr;
            for (QAction *act : preview->findChildren<QAction *>())
                if (act->text() == QCoreApplication::translate("QPrintPreviewDialog", "Print"))
                    printAction = act;
            QVERIFY(printAction);
            QCOMPARE(printAction->shortcut(), QKeySequence(QKeySequence::Print));
            for (QToolButton *b : preview->findChildren<QToolButton *>())
                QVERIFY2(b->focusPolicy() & Qt::TabFocus, qPrintable(b->text()));
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
