// Satu Data files: CSV and XLSX parsed and refused with clear messages on upload, metadata rules,
// admin-only verification recorded with who and when, changes take verification back, delete
// only before the first sync. On both databases.
#include "CoreSuite.h"
#include "ContentFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <xlsxwriter.h>
#include <zip.h>

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
// A zip written entry by entry with libzip, for the hostile workbooks a spreadsheet program
// never writes.
QByteArray rawZip(const QList<QPair<QByteArray, QByteArray>> &entries)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("raw.xlsx")).toUtf8();
    int error = 0;
    zip_t *z = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!z)
        return {};
    for (const auto &e : entries) {
        zip_source_t *src = zip_source_buffer(z, e.second.constData(), zip_uint64_t(e.second.size()), 0);
        zip_file_add(z, e.first.constData(), src, ZIP_FL_OVERWRITE);
    }
    zip_close(z); // reads the buffers, which live in `entries` until here
    QFile f(QString::fromUtf8(path));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QByteArray sheetXml(const QByteArray &prolog, const QList<QList<QByteArray>> &rows)
{
    QByteArray x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog + "<worksheet><sheetData>";
    for (int r = 0; r < rows.size(); ++r) {
        x += "<row r=\"" + QByteArray::number(r + 1) + "\">";
        for (const QByteArray &cell : rows[r])
            x += cell.startsWith("<") ? cell : "<c t=\"inlineStr\"><is><t>" + cell + "</t></is></c>";
        x += "</row>";
    }
    return x + "</sheetData></worksheet>";
}

// `levels` entities, each ten of the one before: 3 levels are 3,000 characters, 10 are 3e10.
QByteArray laughs(int levels)
{
    QByteArray dtd = "<!DOCTYPE worksheet [\n<!ENTITY l0 \"lol\">\n";
    for (int i = 1; i <= levels; ++i) {
        dtd += "<!ENTITY l" + QByteArray::number(i) + " \"";
        for (int k = 0; k < 10; ++k)
            dtd += "&l" + QByteArray::number(i - 1) + ";";
        dtd += "\">\n";
    }
    return dtd + "]>\n";
}

// Rewrites the uncompressed size of the (only) entry in its local header and the central
// directory: the header then claims `size` bytes whatever the data inflates to.
QByteArray withDeclaredSize(QByteArray zip, quint32 size)
{
    auto put = [&](qsizetype at) {
        for (int i = 0; i < 4; ++i)
            zip[at + i] = char((size >> (8 * i)) & 0xff);
    };
    put(22); // local file header
    const qsizetype central = zip.indexOf(QByteArray("PK\x01\x02", 4));
    if (central > 0)
        put(central + 24);
    return zip;
}
} // namespace

class TestDataFiles : public test::CoreSuite
{
    Q_OBJECT
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
        const QByteArray bytes = xlsx({{"kelas", "laki-laki", "perempuan"}, {"VII", "48", "48"}, {"VIII", "45", "49"}, {"IX", "", "50"},
                                       {"R&D <lab> \"A\" & 'B'", "1", "2"}});
        auto d = upload(bytes, meta, QStringLiteral("siswa.xlsx"));
        TU_VERIFY_OK(d);
        QCOMPARE(d->format, QStringLiteral("xlsx"));
        QCOMPARE(d->columns, (QStringList{"kelas", "laki-laki", "perempuan"}));
        QCOMPARE(d->rowCount, 4);
        auto t = svc().table(d->id);
        QCOMPARE(t->rows.at(2), (QStringList{"IX", "", "50"}));
        QCOMPARE(t->rows.at(3).at(0), QStringLiteral("R&D <lab> \"A\" & 'B'")); // escaped characters are not entities to refuse
        QCOMPARE(t->rows.at(0).at(0), QStringLiteral("VII"));
    }

    // Entities declared in an internal DTD (billion laughs): refused at the DTD, before any
    // expansion, in the sheet and in the shared strings, by the service with nothing stored.
    void xlsxWithDtdIsRefused()
    {
        const QList<QList<QByteArray>> rows{{"judul"}, {"&l3;"}};
        const QByteArray small = rawZip({{"xl/worksheets/sheet1.xml", sheetXml(laughs(3), rows)}});
        auto r = upload(small, meta, QStringLiteral("tawa.xlsx"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(QStringLiteral("file")).contains(QStringLiteral("DTD")), qPrintable(r.error().message));
        QCOMPARE(count(), 0);

        QElapsedTimer clock;
        clock.start();
        const QByteArray bomb = rawZip({{"xl/worksheets/sheet1.xml", sheetXml(laughs(10), rows)}});
        QVERIFY(bomb.size() < 2000);
        auto b = tablefile::parse(bomb);
        QVERIFY(!b.ok());
        QVERIFY(b.error().message.contains(QStringLiteral("DTD")));
        const QByteArray sharedBomb = "<?xml version=\"1.0\"?>" + laughs(10) + "<sst><si><t>&l10;</t></si></sst>";
        auto s = tablefile::parse(rawZip({{"xl/sharedStrings.xml", sharedBomb},
                                          {"xl/worksheets/sheet1.xml", sheetXml({}, {{"judul"}, {"<c t=\"s\"><v>0</v></c>"}})}}));
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("DTD")));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    // An entry inflating far beyond the cap: whether its header tells the truth or claims a
    // few hundred bytes, reading stops at the cap.
    void xlsxZipBombIsRefused_data()
    {
        QTest::addColumn<bool>("lyingHeader");
        QTest::newRow("honest header") << false;
        QTest::newRow("header claims 300 bytes") << true;
    }
    void xlsxZipBombIsRefused()
    {
        QFETCH(bool, lyingHeader);
        QByteArray sheet = sheetXml({}, {{"judul"}, {"1"}});
        sheet.insert(sheet.indexOf("</sheetData>"), QByteArray(int(tablefile::MaxEntryBytes + 4 * 1024 * 1024), ' '));
        QByteArray zip = rawZip({{"xl/worksheets/sheet1.xml", sheet}});
        sheet.clear();
        QVERIFY(zip.size() < 1024 * 1024);
        if (lyingHeader)
            zip = withDeclaredSize(zip, 300);
        auto r = upload(zip, meta, QStringLiteral("bom.xlsx"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(QStringLiteral("file")).contains(QStringLiteral("terlalu besar")), qPrintable(r.error().fields.value(QStringLiteral("file"))));
        QCOMPARE(count(), 0);
    }

    void xlsxLimits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("hint");
        const QByteArray sheet = sheetXml({}, {{"judul"}, {"1"}});
        QList<QPair<QByteArray, QByteArray>> many{{"xl/worksheets/sheet1.xml", sheet}};
        for (int i = 0; i <= tablefile::MaxZipEntries; ++i)
            many.append({"xl/media/gambar" + QByteArray::number(i) + ".bin", "x"});
        QTest::newRow("too many entries") << rawZip(many) << "terlalu banyak bagian";
        const QByteArray longCell(tablefile::MaxCellChars + 1, 'a');
        QTest::newRow("inline cell over 32767") << rawZip({{"xl/worksheets/sheet1.xml", sheetXml({}, {{"judul"}, {longCell}})}}) << "32767";
        QTest::newRow("number cell over 32767")
            << rawZip({{"xl/worksheets/sheet1.xml", sheetXml({}, {{"judul"}, {"<c><v>" + QByteArray(40000, '7') + "</v></c>"}})}}) << "32767";
        QTest::newRow("shared string over 32767")
            << rawZip({{"xl/sharedStrings.xml", "<sst><si><t>" + longCell + "</t></si></sst>"},
                       {"xl/worksheets/sheet1.xml", sheetXml({}, {{"judul"}, {"<c t=\"s\"><v>0</v></c>"}})}})
            << "32767";
        QByteArray sst = "<sst>";
        for (int i = 0; i <= tablefile::MaxSharedStrings; ++i)
            sst += "<si><t>s</t></si>";
        sst += "</sst>";
        QTest::newRow("too many shared strings")
            << rawZip({{"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", sheetXml({}, {{"judul"}, {"<c t=\"s\"><v>0</v></c>"}})}})
            << "terlalu banyak teks";
        // One 30,000-character shared string used in 600 cells: 18 million characters once filled in.
        QByteArray wide = "<c t=\"s\"><v>0</v></c>";
        QList<QList<QByteArray>> rows{{"a", "b", "c"}};
        for (int r = 0; r < 200; ++r)
            rows.append({wide, wide, wide});
        QTest::newRow("total characters")
            << rawZip({{"xl/sharedStrings.xml", "<sst><si><t>" + QByteArray(30000, 'x') + "</t></si></sst>"},
                       {"xl/worksheets/sheet1.xml", sheetXml({}, rows)}})
            << "terlalu banyak";
        QTest::newRow("csv cell over 32767") << QByteArray("judul\n" + longCell + "\n") << "32767";
    }
    void xlsxLimits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, hint);
        QVERIFY(!bytes.isEmpty());
        auto r = upload(bytes, meta, QStringLiteral("batas.xlsx"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(QStringLiteral("file")).contains(hint), qPrintable(r.error().fields.value(QStringLiteral("file"))));
        QCOMPARE(count(), 0);
    }

    // The table is parsed once, on upload: with the stored original gone, the page's preview
    // and the sync's table still come from what was stored then.
    void readsDoNotParseTheUploadAgain()
    {
        const QByteArray bytes = xlsx({{"kelas", "jumlah"}, {"VII", "96"}, {"VIII", "94"}});
        auto d = upload(bytes, meta, QStringLiteral("siswa.xlsx"));
        TU_VERIFY_OK(d);
        const QString stored = tc->database.dataDir() + QStringLiteral("/uploads/satudata/") + d->storedName;
        QVERIFY(QFile::exists(stored));
        QVERIFY(QFile::remove(stored));
        auto t = svc().table(d->id);
        TU_VERIFY_OK(t);
        QCOMPARE(t->columns, (QStringList{"kelas", "jumlah"}));
        QCOMPARE(t->rows, (QList<QStringList>{{"VII", "96"}, {"VIII", "94"}}));
        QCOMPARE(t->format, QStringLiteral("xlsx"));
        auto p = svc().preview(d->id);
        TU_VERIFY_OK(p);
        QCOMPARE(p->size(), 2);
        QCOMPARE(p->at(1).at(0), QStringLiteral("VIII"));
        // Replacing stores the new table; deleting the file deletes its table too.
        QBuffer b;
        b.setData("kelas,jumlah\nIX,50\n");
        b.open(QIODevice::ReadOnly);
        TU_VERIFY_OK(svc().replace(op, d->id, b, QStringLiteral("baru.csv")));
        QCOMPARE(svc().table(d->id)->rows, (QList<QStringList>{{"IX", "50"}}));
        TU_VERIFY_OK(svc().remove(op, d->id));
        auto left = tc->core->db().exec(QStringLiteral("SELECT COUNT(*) FROM satudata_file_tables"));
        TU_VERIFY_OK(left);
        QVERIFY(left.value().next());
        QCOMPARE(left.value().value(0).toInt(), 0);
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
