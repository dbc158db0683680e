// The rich-text editor of news and announcement bodies: formatting survives load → save →
// sanitise unchanged, the clerk never sees a tag, typed angle brackets stay text, only http,
// https and mailto links are taken, and tables or images from the web are never lost.
#include "content/ContentEditor.h"
#include "content/ContentPage.h"
#include "content/ContentTab.h"
#include "content/Html.h"
#include "content/RichText.h"
#include "content/RichTextEditor.h"
#include "TestSupport.h"
#include "UiTestUtil.h"
#include "app/Core.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>

using namespace tu;

class TestUiRichText : public QObject
{
    Q_OBJECT

    // What the service keeps of what the editor gives back after showing `stored`.
    static QString roundTrip(const QString &stored)
    {
        ui::RichTextEditor e;
        e.setStoredHtml(stored);
        return html::sanitize(e.storedHtml());
    }
    static void selectAll(ui::RichTextEditor &e)
    {
        QTextCursor c = e.textEdit()->textCursor();
        c.select(QTextCursor::Document);
        e.textEdit()->setTextCursor(c);
    }

private slots:
    void formattingSurvivesLoadSaveSanitise_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("bold, italic, underline") << "<p><strong>Tebal</strong> dan <em>miring</em> lalu <u>garis</u>.</p>";
        QTest::newRow("nested marks") << "<p><strong><em>keduanya</em></strong> biasa</p>";
        QTest::newRow("headings") << "<h2>Judul</h2><p>Isi.</p><h3>Subjudul</h3><p>Lagi.</p>";
        QTest::newRow("bullets") << "<ul><li>Satu</li><li>Dua <strong>tebal</strong></li></ul>";
        QTest::newRow("numbers") << "<ol><li>Pertama</li><li>Kedua</li></ol><p>Sesudah daftar.</p>";
        QTest::newRow("nested list") << "<ul><li>Induk<ul><li>Anak</li></ul></li><li>Berikut</li></ul>";
        QTest::newRow("link") << "<p>Lihat <a href=\"https://smpn1.sch.id/ppdb?x=1&amp;y=2\">jadwal</a> dan "
                                 "<a href=\"mailto:tu@smpn1.sch.id\">surel</a>.</p>";
        QTest::newRow("line break") << "<p>Baris satu<br>Baris dua</p>";
        QTest::newRow("escaped text") << "<p>5 &lt; 7 &amp; &quot;kutip&quot;</p>";
    }
    void formattingSurvivesLoadSaveSanitise()
    {
        QFETCH(QString, html);
        const QString stored = html::sanitize(html); // as the service keeps it
        QCOMPARE(roundTrip(stored), stored);
        // Saving again changes nothing either.
        QCOMPARE(roundTrip(roundTrip(stored)), stored);
    }

    void theClerkSeesNoTags()
    {
        ui::RichTextEditor e;
        e.setStoredHtml(html::sanitize(QStringLiteral("<h2>Juara</h2><p><strong>Tim</strong> <a href=\"https://a.id/\">menang</a></p>"
                                                      "<ul><li>Satu</li></ul>")));
        QVERIFY(!e.isSourceMode());
        const QString shown = e.textEdit()->toPlainText();
        QVERIFY2(!shown.contains(QLatin1Char('<')) && !shown.contains(QLatin1Char('>')), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Juara")));
        QVERIFY(shown.contains(QStringLiteral("menang")));
        // Text written before the editor was rich keeps its lines.
        e.setStoredHtml(QStringLiteral("Baris satu\nBaris dua\n\nParagraf &amp; lagi"));
        QCOMPARE(e.storedHtml(), QStringLiteral("<p>Baris satu<br>Baris dua</p><p>Paragraf &amp; lagi</p>"));
        // Nothing typed: nothing stored (the required check of the service still applies).
        e.setStoredHtml(QString());
        QCOMPARE(e.storedHtml(), QString());
    }

    void typedTagsAreStoredAsText()
    {
        ui::RichTextEditor e;
        e.show();
        QTest::keyClicks(e.textEdit(), QStringLiteral("<b>x</b> & <script>"));
        const QString out = e.storedHtml();
        QCOMPARE(out, QStringLiteral("<p>&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;</p>"));
        QCOMPARE(html::sanitize(out), out);
        e.setStoredHtml(out);
        QCOMPARE(e.textEdit()->toPlainText(), QStringLiteral("<b>x</b> & <script>"));
    }

    void toolbarAndShortcutsFormat()
    {
        ui::RichTextEditor e;
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        // Every button is reachable by Tab and named for screen readers, with a tooltip.
        const QStringList names{"formatBold", "formatItalic", "formatUnderline", "formatHeading", "formatBullets",
                                "formatNumbers", "formatLink", "formatClear"};
        for (const QString &name : names) {
            auto *b = e.findChild<QToolButton *>(name);
            QVERIFY2(b, qPrintable(name));
            QVERIFY(!b->accessibleName().isEmpty());
            QVERIFY(!b->toolTip().isEmpty());
            QVERIFY(b->focusPolicy() & Qt::TabFocus);
        }
        QCOMPARE(e.findChild<QToolButton *>(QStringLiteral("formatBold"))->toolTip(), QStringLiteral("Tebal (Ctrl+B)"));

        e.textEdit()->setFocus();
        QTest::keyClicks(e.textEdit(), QStringLiteral("Pengumuman"));
        selectAll(e);
        QTest::keyClick(e.textEdit(), Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(e.storedHtml(), QStringLiteral("<p><strong>Pengumuman</strong></p>"));
        QTest::keyClick(e.textEdit(), Qt::Key_I, Qt::ControlModifier);
        QTest::keyClick(e.textEdit(), Qt::Key_U, Qt::ControlModifier);
        QCOMPARE(e.storedHtml(), QStringLiteral("<p><strong><em><u>Pengumuman</u></em></strong></p>"));
        QTest::mouseClick(e.findChild<QToolButton *>(QStringLiteral("formatClear")), Qt::LeftButton);
        QCOMPARE(e.storedHtml(), QStringLiteral("<p>Pengumuman</p>"));

        e.setHeading(2);
        QCOMPARE(e.storedHtml(), QStringLiteral("<h2>Pengumuman</h2>"));
        e.setHeading(3);
        QCOMPARE(e.storedHtml(), QStringLiteral("<h3>Pengumuman</h3>"));
        e.setHeading(0);
        QCOMPARE(e.storedHtml(), QStringLiteral("<p>Pengumuman</p>"));

        QTest::mouseClick(e.findChild<QToolButton *>(QStringLiteral("formatBullets")), Qt::LeftButton);
        QCOMPARE(e.storedHtml(), QStringLiteral("<ul><li>Pengumuman</li></ul>"));
        QTest::mouseClick(e.findChild<QToolButton *>(QStringLiteral("formatNumbers")), Qt::LeftButton);
        QCOMPARE(e.storedHtml(), QStringLiteral("<ol><li>Pengumuman</li></ol>"));
        QTest::mouseClick(e.findChild<QToolButton *>(QStringLiteral("formatNumbers")), Qt::LeftButton);
        QCOMPARE(e.storedHtml(), QStringLiteral("<p>Pengumuman</p>"));
    }

    void onlyWebAndMailLinksAreTaken()
    {
        ui::RichTextEditor e;
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.setStoredHtml(QStringLiteral("<p>Jadwal</p>"));
        selectAll(e);
        QVERIFY(!e.setLink(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!e.setLink(QStringLiteral(" JaVaScRiPt:alert(1)")));
        QVERIFY(!e.setLink(QStringLiteral("file:///etc/passwd")));
        QCOMPARE(e.storedHtml(), QStringLiteral("<p>Jadwal</p>"));

        // Through the dialog, as the clerk does: a javascript: address is answered and not taken.
        QString error;
        bool stayed = false;
        QTimer::singleShot(0, [&] {
            auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(d && d->objectName() == QLatin1String("linkDialog"));
            auto *url = d->findChild<QLineEdit *>(QStringLiteral("linkUrl"));
            QTest::keyClicks(url, QStringLiteral("javascript:alert(document.cookie)"));
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("linkApply")), Qt::LeftButton);
            auto *label = d->findChild<QLabel *>(QStringLiteral("linkError"));
            error = label->isVisible() ? label->text() : QString();
            stayed = d->isVisible() && d->result() != QDialog::Accepted;
            url->clear();
            QTest::keyClicks(url, QStringLiteral("https://smpn1.sch.id/jadwal"));
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("linkApply")), Qt::LeftButton);
        });
        e.findChild<QToolButton *>(QStringLiteral("formatLink"))->click();
        QVERIFY(stayed);
        QVERIFY2(error.contains(QStringLiteral("https://")), qPrintable(error));
        QCOMPARE(e.storedHtml(), QStringLiteral("<p><a href=\"https://smpn1.sch.id/jadwal\">Jadwal</a></p>"));

        // A link that got into the document some other way is written as its text only.
        QTextDocument doc;
        QTextCursor c(&doc);
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorHref(QStringLiteral("javascript:alert(1)"));
        c.insertText(QStringLiteral("klik"), f);
        QCOMPARE(richtext::toHtml(doc), QStringLiteral("<p>klik</p>"));
    }

    void pastedHtmlIsReducedToWhatIsSaved()
    {
        ui::RichTextEditor e;
        e.show();
        auto *mime = new QMimeData;
        mime->setHtml(QStringLiteral("<span style=\"color:red;font-size:30px\"><b>Tebal</b></span><img src=\"https://x.id/a.png\">"
                                     "<script>alert(1)</script><a href=\"javascript:x()\">tautan</a>"));
        QApplication::clipboard()->setMimeData(mime);
        e.textEdit()->setFocus();
        e.textEdit()->paste();
        QCOMPARE(e.storedHtml(), QStringLiteral("<p><strong>Tebal</strong>tautan</p>"));
    }

    void tablesAndImagesAreKeptAsStored()
    {
        const QString stored = html::sanitize(QStringLiteral("<p>Jadwal ujian:</p><table><tr><th>Hari</th><td>Senin</td></tr></table>"
                                                             "<p><img src=\"https://smpn1.sch.id/denah.png\" alt=\"Denah\"></p>"));
        ui::RichTextEditor e;
        e.show();
        e.setStoredHtml(stored);
        QVERIFY(e.isSourceMode());
        QVERIFY(e.notice()->isVisible());
        QVERIFY(e.notice()->text().contains(QStringLiteral("Sunting sebagai HTML")));
        QVERIFY(e.sourceEdit()->isReadOnly());
        QVERIFY(!e.sourceEdit()->toPlainText().contains(QLatin1Char('<'))); // readable, not tags
        QVERIFY(e.sourceEdit()->toPlainText().contains(QStringLiteral("Senin")));
        QCOMPARE(e.storedHtml(), stored); // saving the item's other fields loses nothing

        QSignalSpy changed(&e, &ui::RichTextEditor::changed);
        QTest::mouseClick(e.editAsHtmlButton(), Qt::LeftButton);
        QVERIFY(!e.sourceEdit()->isReadOnly());
        QCOMPARE(e.sourceEdit()->toPlainText(), stored);
        QCOMPARE(changed.count(), 0); // opening the HTML is not an edit
        e.sourceEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(e.sourceEdit(), QStringLiteral("<p>Tambahan</p>"));
        QVERIFY(changed.count() > 0);
        QCOMPARE(e.storedHtml(), stored + QStringLiteral("<p>Tambahan</p>"));
    }

    // End to end through the Konten page: the form shows formatting, saving stores clean HTML.
    void kontenFormStoresCleanHtml()
    {
        test::TestCore tc;
        const Actor admin = [&] {
            for (const User &u : tc->users().list(Actor::system(QStringLiteral("t"))).value())
                if (u.username == QLatin1String("admin"))
                    return Actor{u.id, u.username, u.role, QString(), false};
            return Actor{};
        }();
        const QString body = html::sanitize(QStringLiteral("<h2>Hasil</h2><p><strong>Juara 1</strong> OSN</p><ol><li>Budi</li></ol>"));
        auto created = tc->content().create(admin, *content::type(QStringLiteral("news")),
                                            {{"title", "Juara OSN"}, {"category", "Prestasi"}, {"status", "draft"}, {"content", body}});
        QVERIFY(created.ok());
        const QString id = created->value(QLatin1String("id")).toString();

        ui::ContentPage page(*tc, admin);
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        news->openItem(id);
        auto *editor = qobject_cast<ui::RichTextEditor *>(news->editor()->input(QStringLiteral("content")));
        QVERIFY(editor);
        QVERIFY(!editor->textEdit()->toPlainText().contains(QLatin1Char('<')));
        QVERIFY(!news->isDirty()); // showing is not editing

        editor->textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Sari"));
        QVERIFY(news->isDirty());
        QVERIFY(news->save());
        const QString saved = tc->content().get(*content::type(QStringLiteral("news")), id)->value(QLatin1String("content")).toString();
        QCOMPARE(saved, QStringLiteral("<h2>Hasil</h2><p><strong>Juara 1</strong> OSN</p><ol><li>Budi</li><li>Sari</li></ol>"));
    }
};

QTEST_MAIN(TestUiRichText)
#include "tst_ui_richtext.moc"
