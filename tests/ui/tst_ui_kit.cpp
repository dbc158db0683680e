// The shared UI kit: the pager every paged list uses, the school-time formatter every timestamp
// goes through, and the Dapodik sync log stamped in school time. The process runs with TZ=UTC and
// the school in Asia/Jakarta (UTC+7), so a stamp in this computer's clock would be 7 hours off.
// And the table model behind every live list, which follows a fresh answer row by row.
#include "common/JobProgressPanel.h"
#include "common/ListTableModel.h"
#include "common/Pager.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"
#include "common/PageParts.h"
#include "common/ViewState.h"
#include "dapodik/DapodikSyncPage.h"
#include "TestSupport.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <time.h>

using namespace tu;

namespace {
// Rows "id:text"; the id is what a record keeps, the text what may change.
class Rows : public ui::ListTableModel
{
public:
    using ListTableModel::ListTableModel;
    void set(const QStringList &rows)
    {
        syncRows(m_rows, rows, [](const QString &r) { return r.section(QLatin1Char(':'), 0, 0); },
                 [](const QString &a, const QString &b) { return a == b; });
    }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !index.isValid())
            return {};
        return m_rows.at(index.row()).section(QLatin1Char(':'), index.column(), index.column());
    }
    QStringList m_rows;
};
} // namespace

class TestUiKit : public QObject
{
    Q_OBJECT

private slots:
    // A fresh answer becomes row inserts, removals, moves and changes, never a reset while rows
    // stay: the selection follows its record, wherever it moved.
    void listModelFollowsRecords_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<bool>("keepsSelection");
        QTest::newRow("same") << QStringList{"a:1", "b:2", "c:3"} << QStringList{"a:1", "b:2", "c:3"} << true;
        QTest::newRow("new on top") << QStringList{"a:1", "b:2", "c:3"} << QStringList{"n:0", "a:1", "b:2", "c:3"} << true;
        QTest::newRow("paged: top in, bottom out") << QStringList{"a:1", "b:2", "c:3"} << QStringList{"n:0", "a:1", "b:2"} << true;
        QTest::newRow("changed") << QStringList{"a:1", "b:2", "c:3"} << QStringList{"a:1", "b:20", "c:3"} << true;
        QTest::newRow("reordered") << QStringList{"a:1", "b:2", "c:3", "d:4"} << QStringList{"d:4", "c:3", "b:2", "a:1"} << true;
        QTest::newRow("mixed") << QStringList{"a:1", "b:2", "c:3", "d:4", "e:5"} << QStringList{"e:5", "x:9", "b:22", "d:4", "y:8"} << true;
        QTest::newRow("selected gone") << QStringList{"a:1", "b:2", "c:3"} << QStringList{"a:1", "c:3"} << false;
        QTest::newRow("all new") << QStringList{"a:1", "b:2"} << QStringList{"p:1", "q:2"} << false;
        QTest::newRow("emptied") << QStringList{"a:1", "b:2"} << QStringList{} << false;
    }
    void listModelFollowsRecords()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(bool, keepsSelection);
        Rows model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.set(before);
        QItemSelectionModel selection(&model);
        selection.select(model.index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        int resets = 0;
        connect(&model, &QAbstractItemModel::modelAboutToBeReset, &model, [&resets] { ++resets; });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.set(after);
        QCOMPARE(model.m_rows, after);
        if (keepsSelection) {
            QCOMPARE(resets, 0);
            const auto rows = selection.selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().data().toString(), QStringLiteral("b"));
        } else {
            QVERIFY(selection.selectedRows().isEmpty());
        }
        if (before == after)
            QCOMPARE(changed.size(), 0);
    }

    // Column widths, the sort order and splitters come back the next time the page opens.
    void tablesAndSplittersAreRemembered()
    {
        QStandardItemModel model(3, 3);
        auto build = [&model](QWidget &page) {
            page.setObjectName(QStringLiteral("demoPage"));
            auto *split = new QSplitter(&page);
            split->setObjectName(QStringLiteral("demoSplit"));
            ui::rememberWhenNamed(split);
            auto *table = ui::dataTable(&model, split);
            table->setObjectName(QStringLiteral("things"));
            table->setSortingEnabled(true);
            split->addWidget(table);
            split->addWidget(new QWidget(split));
            split->resize(600, 300);
            return std::make_pair(table, split);
        };
        {
            QWidget page;
            auto [table, split] = build(page);
            QCOMPARE(ui::viewKey(table), QStringLiteral("demoPage/demoSplit/things"));
            QCoreApplication::processEvents(); // the deferred restore runs: nothing stored yet
            table->horizontalHeader()->resizeSection(1, 222);
            table->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder);
            split->setSizes({420, 180});
            emit split->splitterMoved(420, 1); // as a drag reports it
        }
        QWidget page;
        auto [table, split] = build(page);
        QCOMPARE(table->horizontalHeader()->sectionSize(1), table->horizontalHeader()->defaultSectionSize());
        QCoreApplication::processEvents();
        QCOMPARE(table->horizontalHeader()->sectionSize(1), 222);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), 2);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY2(qAbs(split->sizes().first() - 420) <= 5, qPrintable(QString::number(split->sizes().first()))); // not the even split
        // Nameless widgets are not remembered (their key would be ambiguous).
        QTableView nameless;
        QVERIFY(ui::viewKey(&nameless).isEmpty());
    }

    // The one style sheet names only tokens that exist, and the applied sheet holds colours only.
    void themeTokensAreAllDefined()
    {
        QFile f(QStringLiteral(":/theme/tatausaha.qss"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString raw = QString::fromUtf8(f.readAll());
        QVERIFY(raw.contains(QStringLiteral("@primary")));
        QCOMPARE(ui::theme::unknownTokens(raw), QStringList());
        QCOMPARE(ui::theme::unknownTokens(QStringLiteral("a { color: @noSuchToken; }")), QStringList{QStringLiteral("noSuchToken")});
        const QString sheet = ui::theme::styleSheet();
        QVERIFY(!sheet.contains(QLatin1Char('@')));
        QVERIFY(sheet.contains(ui::theme::Primary.name()));
        QCOMPARE(ui::theme::token(QStringLiteral("danger")), ui::theme::Danger);
        QVERIFY(!ui::theme::token(QStringLiteral("noSuchToken")).isValid());
        // Applied: a primary button is drawn in the token's colour.
        ui::theme::apply(*qApp);
        QVERIFY(qApp->styleSheet().contains(ui::theme::Primary.name()));
        qApp->setStyleSheet(QString());
    }

    void pagerCountsAndSteps()
    {
        ui::Pager pager(10);
        QSignalSpy changed(&pager, &ui::Pager::pageChanged);
        pager.showResult(25, 10, QStringLiteral("Kosong"));
        QCOMPARE(pager.rangeLabel()->text(), QStringLiteral("1–10 dari 25"));
        QCOMPARE(pager.pageLabel()->text(), QStringLiteral("Halaman 1 dari 3"));
        QVERIFY(!pager.pageLabel()->isHidden());
        QVERIFY(!pager.previousButton()->isEnabled());
        QVERIFY(pager.nextButton()->isEnabled());

        QTest::mouseClick(pager.nextButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.takeFirst().at(0).toInt(), 2);
        QCOMPARE(pager.page(), 2);
        pager.showResult(25, 10, QStringLiteral("Kosong"));
        QCOMPARE(pager.rangeLabel()->text(), QStringLiteral("11–20 dari 25"));
        QVERIFY(pager.previousButton()->isEnabled());

        QTest::mouseClick(pager.nextButton(), Qt::LeftButton);
        pager.showResult(25, 5, QStringLiteral("Kosong"));
        QCOMPARE(pager.rangeLabel()->text(), QStringLiteral("21–25 dari 25"));
        QCOMPARE(pager.pageLabel()->text(), QStringLiteral("Halaman 3 dari 3"));
        QVERIFY(!pager.nextButton()->isEnabled());
        QTest::mouseClick(pager.nextButton(), Qt::LeftButton); // disabled: nothing happens
        QCOMPARE(pager.page(), 3);

        // The last rows were deleted: page 3 came back empty, the pager moves to the new last page.
        QVERIFY(pager.movedPastEnd(20, 0));
        QCOMPARE(pager.page(), 2);
        QVERIFY(!pager.movedPastEnd(20, 10));

        pager.reset();
        QCOMPARE(pager.page(), 1);
        pager.showResult(0, 0, QStringLiteral("Kosong"));
        QCOMPARE(pager.rangeLabel()->text(), QStringLiteral("Kosong"));
        QVERIFY(pager.pageLabel()->isHidden());
        QVERIFY(!pager.previousButton()->isEnabled());
        QVERIFY(!pager.nextButton()->isEnabled());
        QVERIFY(!pager.previousButton()->accessibleName().isEmpty());
        QVERIFY(ui::plainTextViolations(&pager).isEmpty());
    }

    void schoolTimeIsNotThisComputersClock()
    {
        const QString iso = QStringLiteral("2026-05-03T02:15:09.000Z");
        const ui::SchoolTime jakarta(QTimeZone(QByteArrayLiteral("Asia/Jakarta")));
        const QLocale c = QLocale::c();
        QCOMPARE(jakarta.format(iso, ui::SchoolTime::Medium, c), QStringLiteral("3 May 2026, 09:15"));
        QCOMPARE(jakarta.format(iso, ui::SchoolTime::Short, c), QStringLiteral("03/05 09:15"));
        QCOMPARE(jakarta.format(iso, ui::SchoolTime::Long, c), QStringLiteral("3 May 2026, 09:15:09"));
        QCOMPARE(jakarta.format(iso, ui::SchoolTime::Clock, c), QStringLiteral("09.15.09"));
        // This computer says 02:15 (TZ=UTC); the school says 09:15.
        QCOMPARE(QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime().time().hour(), 2);

        const ui::SchoolTime makassar(QTimeZone(QByteArrayLiteral("Asia/Makassar")));
        QCOMPARE(makassar.format(iso, ui::SchoolTime::Short, c), QStringLiteral("03/05 10:15"));
        // No valid zone: the setting's own default, never the local clock.
        QCOMPARE(ui::SchoolTime(QTimeZone()).format(iso, ui::SchoolTime::Short, c), QStringLiteral("03/05 09:15"));
        QCOMPARE(jakarta.format(QStringLiteral("bukan waktu")), QStringLiteral("bukan waktu"));
        QVERIFY(jakarta.format(QString()).isEmpty());
        QCOMPARE(jakarta.now().timeZone(), QTimeZone(QByteArrayLiteral("Asia/Jakarta")));
    }

    void syncLogIsStampedInSchoolTime()
    {
        test::TestCore tc;
        QCOMPARE(tc->settings().schoolZone().id(), QByteArrayLiteral("Asia/Jakarta"));
        ui::DapodikSyncPage page(*tc.core, Actor{QString(), QStringLiteral("admin"), Role::Admin, QString(), false});
        page.show();
        QTRY_VERIFY(!page.isReloading());

        Progress p = Progress::of(QStringLiteral("🚀 Mulai sinkronisasi global"), 1);
        p.jobId = QStringLiteral("job-kit");
        p.kind = QStringLiteral("global");
        const QDateTime before = QDateTime::currentDateTimeUtc();
        emit tc->dapodik().jobs().progress(p); // as the job's thread would, queued to the page
        QTRY_VERIFY(!page.log()->toPlainText().isEmpty());
        const QDateTime after = QDateTime::currentDateTimeUtc();

        const QString line = page.log()->toPlainText().split(QLatin1Char('\n')).first();
        QVERIFY2(line.endsWith(p.message), qPrintable(line));
        const QString stamp = line.section(QStringLiteral("  "), 0, 0);
        const QTimeZone jakarta(QByteArrayLiteral("Asia/Jakarta"));
        QStringList school;
        for (QDateTime t = before.addSecs(-1); t <= after.addSecs(1); t = t.addSecs(1))
            school << t.toTimeZone(jakarta).toString(QStringLiteral("HH.mm.ss"));
        QVERIFY2(school.contains(stamp), qPrintable(QStringLiteral("%1 not in %2 (local clock %3)")
                                                        .arg(stamp, school.join(QLatin1Char(' ')),
                                                             before.toLocalTime().toString(QStringLiteral("HH.mm.ss")))));
        QVERIFY(page.progressPanel()->isRunning());
        QVERIFY(page.cancelButton()->isVisible());
        QThreadPool::globalInstance()->waitForDone();
    }

    void progressPanelNeverGoesBack()
    {
        ui::JobProgressPanel panel(QStringLiteral("Keseluruhan"));
        QSignalSpy cancel(&panel, &ui::JobProgressPanel::cancelRequested);
        panel.begin(QStringLiteral("Tugas"), QStringLiteral("Memulai…"));
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.cancelButton()->isHidden());
        panel.showProgress(Progress::of(QStringLiteral("a"), 40));
        panel.showProgress(Progress::of(QStringLiteral("b"), 30));
        QCOMPARE(panel.bar()->value(), 40);
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        panel.setCancelling(QStringLiteral("Membatalkan…"));
        QVERIFY(!panel.cancelButton()->isEnabled());
        panel.setMessage(QStringLiteral("pesan lain"));
        QCOMPARE(panel.messageLabel()->text(), QStringLiteral("Membatalkan…"));
        panel.finish(false, true);
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.cancelButton()->isHidden());
        QVERIFY(panel.timeLabel()->text().startsWith(QStringLiteral("Dihentikan setelah")));
        QCOMPARE(panel.bar()->property("state").toString(), QStringLiteral("error"));
        QVERIFY(ui::plainTextViolations(&panel).isEmpty());
    }
};

int main(int argc, char **argv)
{
    // This computer in UTC, the school in Jakarta: before anything reads the local zone.
    qputenv("TZ", "UTC");
    tzset();
    qputenv("TATAUSAHA_TIMEZONE", "Asia/Jakarta");
    QApplication app(argc, argv);
    TestUiKit t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_ui_kit.moc"
