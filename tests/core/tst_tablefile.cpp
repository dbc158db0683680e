// The Satu Data table reader on its own (core/satudata/TableFile): cases the fuzz targets found
// (tests/fuzz), each as a small input. Upload rules with storage are in tst_datafiles.
#include "satudata/TableFile.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <zip.h>

using namespace tu;

class TestTableFile : public QObject
{
    Q_OBJECT

    // An XLSX holding only the parts the reader needs (stored, not compressed).
    static QByteArray xlsx(const QByteArray &sheetXml, const QByteArray &sharedStringsXml = {})
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("t.xlsx")).toLocal8Bit();
        int err = 0;
        zip_t *z = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        if (!z)
            return {};
        auto add = [z](const char *name, const QByteArray &content) {
            zip_source_t *s = zip_source_buffer(z, content.constData(), zip_uint64_t(content.size()), 0);
            zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
        };
        add("xl/worksheets/sheet1.xml", sheetXml);
        if (!sharedStringsXml.isEmpty())
            add("xl/sharedStrings.xml", sharedStringsXml);
        if (zip_close(z) != 0)
            return {};
        QFile f(QString::fromLocal8Bit(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QByteArray sheet(const QByteArray &rows)
    {
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
               + "</sheetData></worksheet>";
    }

private slots:
    void xlsxCellReferences()
    {
        const QByteArray header = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>)";
        auto ok = tablefile::parseXlsx(xlsx(sheet(header + R"(<row r="2"><c r="a2"><v>1</v></c><c r="B2"><v>2</v></c></row>)")));
        TU_VERIFY_OK(ok);
        QCOMPARE(ok->rows.first(), (QStringList{"1", "2"}));
    }
    void xlsxLongColumnLettersAreOutOfRange()
    {
        // Fuzzing (UBSan): "MWLQKWX" is column 2^32 + 2, which overflowed int and wrapped to
        // column B, so this cell was read as the second column instead of being refused.
        const QByteArray header = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>)";
        for (const QByteArray ref : {"MWLQKWX2", "ZZZZZZZZZZZZ2", "\xC3\x89" "2"}) {
            auto t = tablefile::parseXlsx(xlsx(sheet(header + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"" + ref + "\"><v>2</v></c></row>")));
            QVERIFY2(!t.ok(), ref.constData());
            QCOMPARE(t.error().code, ErrorCode::Validation);
            QVERIFY2(t.error().message.contains(QStringLiteral("di luar batas kolom")), qPrintable(t.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestTableFile)
#include "tst_tablefile.moc"
