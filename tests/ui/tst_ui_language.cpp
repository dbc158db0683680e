// The English interface: the translation is embedded at build time (lrelease, no lupdate) and
// installLanguage("en") turns the Indonesian source text into English, role labels included.
// The Indonesian interface also turns Qt's own texts (standard buttons, the file and print
// dialogs, context menus) Indonesian; Debian ships no Indonesian Qt translation.
#include "common/Language.h"
#include "shell/MainWindow.h"
#include "TestSupport.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QPrintPreviewDialog>
#include <QTest>

#include <memory>

using namespace tu;
using namespace tu::test;

class TestUiLanguage : public QObject
{
    Q_OBJECT

private slots:
    void translationsAreEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tatausaha_en.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tatausaha_id.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/qtbase_id.qm")));
    }

    void englishInterface()
    {
        ui::installLanguage(QStringLiteral("en"));
        TestCore core;
        auto session = core->auth().login({QStringLiteral("admin"), QString::fromLatin1(TestCore::AdminPassword), {}, {},
                                           QStringLiteral("test")});
        QVERIFY(session.ok());
        ui::MainWindow w(*core, session.value(), nullptr);
        QStringList entries;
        for (int i = 0; i < w.sidebar()->count(); ++i)
            entries << w.sidebar()->item(i)->text();
        QCOMPARE(entries, (QStringList{"Admissions (PPDB)", "Academic Years", "Content", "Synchronisation", "Dapodik Data",
                                       "Dashboard", "Satu Data", "Users", "Settings", "Audit Log"}));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("userRole"))->text().startsWith(QStringLiteral("Admin")));
        QCOMPARE(QCoreApplication::translate("Roles", "Panitia PPDB"), QStringLiteral("Admissions committee"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }

    void qtTexts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("buttons");      // Save, Cancel, Ok, Yes, No of a QMessageBox
        QTest::addColumn<QStringList>("fileDialog");   // accept and cancel buttons, file name, type, look in
        QTest::addColumn<QStringList>("preview");      // some print-preview toolbar actions and the title
        QTest::addColumn<QStringList>("lineEditMenu"); // the line edit's context menu, shortcuts cut off
        QTest::newRow("id") << QStringLiteral("id")
                            << QStringList{"Simpan", "Batal", "OK", "&Ya", "&Tidak"}
                            << QStringList{"&Simpan", "Batal", "&Nama berkas:", "Jenis berkas:", "Lihat di:"}
                            << QStringList{"Halaman berikutnya", "Halaman sebelumnya", "Perbesar", "Perkecil", "Cetak",
                                           "Pengaturan halaman", "Tampilkan halaman berhadapan", "Pratinjau cetak"}
                            << QStringList{"&Urungkan", "Ula&ngi", "&Potong", "&Salin", "&Tempel", "Hapus", "Pilih semua"};
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringList{"Save", "Cancel", "OK", "&Yes", "&No"}
                            << QStringList{"&Save", "Cancel", "File &name:", "Files of type:", "Look in:"}
                            << QStringList{"Next page", "Previous page", "Zoom in", "Zoom out", "Print", "Page setup",
                                           "Show facing pages", "Print Preview"}
                            << QStringList{"&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"};
    }

    void qtTexts()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, buttons);
        QFETCH(QStringList, fileDialog);
        QFETCH(QStringList, preview);
        QFETCH(QStringList, lineEditMenu);
        ui::installLanguage(language);

        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                        QMessageBox::Save | QMessageBox::Cancel | QMessageBox::Ok | QMessageBox::Yes | QMessageBox::No);
        QStringList shown;
        for (auto b : {QMessageBox::Save, QMessageBox::Cancel, QMessageBox::Ok, QMessageBox::Yes, QMessageBox::No})
            shown << box.button(b)->text();
        QCOMPARE(shown, buttons);

        QFileDialog files(nullptr, QStringLiteral("t"), QDir::tempPath());
        files.setOption(QFileDialog::DontUseNativeDialog);
        files.setAcceptMode(QFileDialog::AcceptSave);
        auto *buttonBox = files.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QVERIFY(buttonBox);
        shown = {buttonBox->button(QDialogButtonBox::Save)->text(), buttonBox->button(QDialogButtonBox::Cancel)->text()};
        for (const char *label : {"fileNameLabel", "fileTypeLabel", "lookInLabel"})
            shown << files.findChild<QLabel *>(QLatin1String(label))->text();
        QCOMPARE(shown, fileDialog);

        QPrintPreviewDialog printPreview;
        QStringList actions;
        for (const QAction *a : printPreview.findChildren<QAction *>())
            actions << a->text();
        for (const QString &text : preview.mid(0, preview.size() - 1))
            QVERIFY2(actions.contains(text), qPrintable(text + QLatin1String(" not in ") + actions.join(QLatin1String(", "))));
        QCOMPARE(printPreview.windowTitle(), preview.last());

        QLineEdit edit(QStringLiteral("teks"));
        const std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
        shown.clear();
        for (const QAction *a : menu->actions())
            if (!a->isSeparator())
                shown << a->text().section(QLatin1Char('\t'), 0, 0);
        QCOMPARE(shown, lineEditMenu);
    }
};

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
