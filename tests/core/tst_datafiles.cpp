// Satu Data files: CSV and XLSX parsed and refused with clear messages on upload, metadata rules,
// admin-only verification recorded with who and when, changes take verification back, delete
// only before the first sync. On both databases.
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>
#include <xlsxwriter.h>

using namespace tu;

namespace {
QByteArray xlsx(const QList<QStringList> &rows)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("t.xlsx")).toUtf8();
    lxw_workbook *wb = workbook_new(path.constData());
    lxw_worksheet *ws = workbook_add_worksheet(wb, nullptr);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size(); ++c) {
            bool num = false;
            const double v = rows[r][c].toDouble(&num);
            if (num)
                worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), v, nullptr);
            else if (!rows[r][c].isEmpty())
                worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c].toUtf8().constData(), nullptr);
        }
    workbook_close(wb);
    QFile f(QString::fromUtf8(path));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
} // namespace

class TestDataFiles : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    Actor admin = test::actorOf(QStringLiteral("a1"), QStringLiteral("admin"), Role::Admin);
    Actor op = test::actorOf(QStringLiteral("o1"), QStringLiteral("operator"), Role::Operator);
    DataFileService &svc() { return tc->core->dataFiles(); }
    const QJsonObject meta{{"title", "Jumlah Siswa per Kelas 2025"}, {"period", "2025"}, {"unit", "orang"}, {"tags", "siswa, kelas"},
                           {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}};
    Result<DataFile> upload(const QByteArray &bytes, const QJsonObject &m, const QString &name = QStringLiteral("data.csv"))
    {
        QBuffer b;
        b.setData(bytes);
        b.open(QIODevice::ReadOnly);
        return svc().upload(op, b, name, m);
    }
    qint64 count()
    {
        qint64 total = 0;
        (void)svc().list({}, &total);
        return total;
    }

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
    }
    void cleanup() { tc.reset(); }

    void filesKeepTheDiskReserve()
    {
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        auto refused = upload(QByteArray("kelas,jumlah\nVII,96\n"), meta);
        QCOMPARE(refused.error().code, ErrorCode::InsufficientStorage);
        QCOMPARE(count(), qint64(0));
    }

    void csvVariants_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("secondCell");
        QTest::newRow("comma") << QByteArray("kelas,jumlah\nVII,96\nVIII,94\n") << 2 << "96";
        QTest::newRow("semicolon, CRLF, BOM") << QByteArray("\xEF\xBB\xBFkelas;jumlah\r\nVII;96\r\nVIII;94\r\n") << 2 << "96";
        QTest::newRow("quotes and newline in a cell") << QByteArray("nama,catatan\n\"Lab, IPA\",\"baris 1\nbaris \"\"2\"\"\"\n") << 1 << "baris 1\nbaris \"2\"";
        QTest::newRow("no final newline, blank lines") << QByteArray("a,b\n\n1,2") << 1 << "2";
    }
    void csvVariants()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, rows);
        QFETCH(QString, secondCell);
        auto t = tablefile::parse(bytes);
        TU_VERIFY_OK(t);
        QCOMPARE(t->rows.size(), rows);
        QCOMPARE(t->rows.first().at(1), secondCell);
        QCOMPARE(t->format, QStringLiteral("csv"));
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("hint");
        QTest::newRow("ragged row") << QByteArray("a,b\n1,2\n3\n") << "Baris 3 berisi 1 kolom";
        QTest::newRow("empty header") << QByteArray("a,,c\n1,2,3\n") << "Judul kolom ke-2 kosong";
        QTest::newRow("duplicate header") << QByteArray("nama,Nama\n1,2\n") << "muncul dua kali";
        QTest::newRow("header only") << QByteArray("a,b\n") << "tanpa data";
        QTest::newRow("latin-1") << QByteArray("nama\nSekolah Swasta \xE9\n") << "bukan UTF-8";
        QTest::newRow("unclosed quote") << QByteArray("a,b\n\"1,2\n") << "tidak ditutup";
        QTest::newRow("not xlsx") << QByteArray("PK\x03\x04garbage", 11) << "XLSX rusak";
        QTest::newRow("empty") << QByteArray() << "kosong";
    }
    void brokenFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, hint);
        auto r = upload(bytes, meta);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(QStringLiteral("file")).contains(hint), qPrintable(r.error().fields.value(QStringLiteral("file"))));
        QCOMPARE(count(), 0);
    }

    void xlsxIsRead()
    {
        const QByteArray bytes = xlsx({{"kelas", "laki-laki", "perempuan"}, {"VII", "48", "48"}, {"VIII", "45", "49"}, {"IX", "", "50"}});
        auto d = upload(bytes, meta, QStringLiteral("siswa.xlsx"));
        TU_VERIFY_OK(d);
        QCOMPARE(d->format, QStringLiteral("xlsx"));
        QCOMPARE(d->columns, (QStringList{"kelas", "laki-laki", "perempuan"}));
        QCOMPARE(d->rowCount, 3);
        auto t = svc().table(d->id);
        QCOMPARE(t->rows.at(2), (QStringList{"IX", "", "50"}));
        QCOMPARE(t->rows.at(0).at(0), QStringLiteral("VII"));
    }

    void metadataRules()
    {
        auto r = upload("a\n1\n", {{"title", ""}, {"period", "25"}, {"kodeindikator", "abc"}, {"kodepemda", "3404"}, {"tags", QString(40, QLatin1Char('x'))}});
        QCOMPARE(r.error().code, ErrorCode::Validation);
        for (const char *k : {"title", "period", "kodeindikator", "tags"})
            QVERIFY2(r.error().fields.contains(QLatin1String(k)), k);
        auto half = upload("a\n1\n", {{"title", "X"}, {"period", "2025"}, {"kodeindikator", "1.01"}});
        QVERIFY(half.error().fields.contains(QStringLiteral("kodepemda")));
        QCOMPARE(count(), 0);
    }

    void verificationLifecycle()
    {
        auto d = upload("kelas,jumlah\nVII,96\n", meta);
        TU_VERIFY_OK(d);
        QVERIFY(!d->verified);
        QCOMPARE(svc().setVerified(op, d->id, true).error().code, ErrorCode::Forbidden);
        auto v = svc().setVerified(admin, d->id, true);
        TU_VERIFY_OK(v);
        QVERIFY(v->verified);
        QCOMPARE(v->verifiedBy, QStringLiteral("admin"));
        QVERIFY(!v->verifiedAt.isEmpty());
        // Unchanged metadata keeps it verified; a change takes it back.
        QVERIFY(svc().updateMeta(op, d->id, {{"title", meta.value(QLatin1String("title"))}})->verified);
        auto changed = svc().updateMeta(op, d->id, {{"unit", "siswa"}});
        QVERIFY(!changed->verified);
        QVERIFY(changed->verifiedBy.isEmpty());
        TU_VERIFY_OK(svc().setVerified(admin, d->id, true));
        QBuffer b;
        b.setData("kelas,jumlah\nVII,97\n");
        b.open(QIODevice::ReadOnly);
        auto replaced = svc().replace(op, d->id, b, QStringLiteral("baru.csv"));
        TU_VERIFY_OK(replaced);
        QVERIFY(!replaced->verified);
        QVERIFY(replaced->sha256 != d->sha256);
        QCOMPARE(svc().table(d->id)->rows.first().at(1), QStringLiteral("97"));
        // Delete: fine before the first sync, refused after.
        QVERIFY(svc().markSynced(d->id).ok());
        QCOMPARE(svc().remove(op, d->id).error().code, ErrorCode::Conflict);
        auto other = upload("a\n1\n", meta);
        QVERIFY(svc().remove(op, other->id).ok());
        QCOMPARE(count(), 1);
        QStringList actions;
        const auto log = tc->core->audit().recent(20, QStringLiteral("satudata_file"));
        for (const AuditEntry &e : log.value())
            actions << e.action;
        QCOMPARE(actions.join(QLatin1Char(' ')), QStringLiteral("delete upload replace verify update update verify upload"));
    }
};

QTEST_GUILESS_MAIN(TestDataFiles)
#include "tst_datafiles.moc"
