// The content HTML sanitiser and plain-text extraction (content/Html): attack payloads, the
// allow-list, unclosed tags, entity tricks, and stability of the sanitised form.
#include "content/ContentService.h"
#include "content/Html.h"

#include <QTest>

using namespace tu;

class TestHtml : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stored");
        const QString rel = QStringLiteral(" rel=\"noopener noreferrer nofollow\"");
        QTest::newRow("script") << "<script>alert(1)</script><p>ok</p>" << "<p>ok</p>";
        QTest::newRow("script, no end") << "<p>a</p><script>alert(1)" << "<p>a</p>";
        QTest::newRow("img onerror") << "<img src=x onerror=alert(1)>" << "";
        QTest::newRow("img onerror, good src") << "<img src=\"https://a.id/c.png\" onerror=\"alert(1)\" alt=foto>" << "<img src=\"https://a.id/c.png\" alt=\"foto\">";
        QTest::newRow("img alt breaking out") << "<img src=\"/api/media/m1\" alt=\"&quot; onerror=&quot;alert(1)\">"
                                              << "<img src=\"/api/media/m1\" alt=\"&quot; onerror=&quot;alert(1)\">";
        QTest::newRow("img data png") << "<img src=\"data:image/png;base64,iVBORw0KGgo=\">" << "<img src=\"data:image/png;base64,iVBORw0KGgo=\">";
        QTest::newRow("img data svg") << "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">" << "";
        QTest::newRow("a javascript") << "<a href=\"javascript:alert(1)\">klik</a>" << "<a" + rel + ">klik</a>";
        QTest::newRow("a javascript, entity and tab") << "<a href=\" JaVa&#x09;ScRiPt&colon;alert(1)\">x</a>" << "<a" + rel + ">x</a>";
        QTest::newRow("a javascript, numeric entities") << "<a href=&#106;&#97;vascript:alert(1)>x</a>" << "<a" + rel + ">x</a>";
        QTest::newRow("a data") << "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>" << "<a" + rel + ">x</a>";
        QTest::newRow("a https, target, onclick") << "<a href=\"https://sekolah.sch.id/?a=1&b=2\" target=_blank onclick=x>t</a>"
                                                  << "<a href=\"https://sekolah.sch.id/?a=1&amp;b=2\"" + rel + ">t</a>";
        QTest::newRow("a mailto, own rel replaced") << "<a rel=opener href=mailto:tu@sekolah.sch.id>surat</a>" << "<a href=\"mailto:tu@sekolah.sch.id\"" + rel + ">surat</a>";
        QTest::newRow("svg onload") << "<svg onload=alert(1)><circle r=1></circle>gambar</svg>teks" << "teks";
        QTest::newRow("svg self-closing") << "<svg/onload=alert(1)>" << "";
        QTest::newRow("unclosed b at end") << "aman <b" << "aman ";
        QTest::newRow("unclosed b with handler") << "aman <b onmouseover=alert(1) lanjut" << "aman ";
        QTest::newRow("unclosed element closed") << "<b>tebal<i>miring" << "<b>tebal<i>miring</i></b>";
        QTest::newRow("stray end tags") << "</p></div>teks</b>" << "teks";
        QTest::newRow("scr<script>ipt") << "<scr<script>ipt>alert(1)</script>" << "ipt&gt;alert(1)";
        QTest::newRow("entities stay text") << "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &copy; &#60;b&#62;"
                                            << "&lt;script&gt;alert(1)&lt;/script&gt; &amp; © &lt;b&gt;";
        QTest::newRow("unknown entity") << "a &bogus; b & c" << "a &amp;bogus; b &amp; c";
        QTest::newRow("style and class") << "<p style=\"color:red\" class=x>A</p><style>p{}</style>" << "<p>A</p>";
        QTest::newRow("iframe, object, embed, form") << "<iframe src=https://x.id></iframe><object data=x>isi objek</object><embed src=x>"
                                                        "<form action=https://x.id><input value=1>isi form</form>"
                                                     << "isi form";
        QTest::newRow("comment") << "<!-- <script>alert(1)</script> -->ok" << "ok";
        QTest::newRow("unknown tag keeps text") << "<div><span>teks</span></div><marquee>lari</marquee>" << "tekslari";
        QTest::newRow("less-than as text") << "1 < 2 dan 3 > 2, <3" << "1 &lt; 2 dan 3 &gt; 2, &lt;3";
        QTest::newRow("allowed set") << "<h2>J</h2><h3>a</h3><h4>b</h4><blockquote>q</blockquote><ul><li>1</li></ul><ol><li>2</li></ol>"
                                        "<p><strong>s</strong><em>e</em><u>u</u><br/></p>"
                                     << "<h2>J</h2><h3>a</h3><h4>b</h4><blockquote>q</blockquote><ul><li>1</li></ul><ol><li>2</li></ol>"
                                        "<p><strong>s</strong><em>e</em><u>u</u><br></p>";
        QTest::newRow("table") << "<table border=1><thead><tr><th colspan=2 onclick=x>H</th></tr></thead><tbody><tr><td rowspan=\"3\" width=9>d</td></tr></tbody></table>"
                               << "<table><thead><tr><th colspan=\"2\">H</th></tr></thead><tbody><tr><td rowspan=\"3\">d</td></tr></tbody></table>";
        QTest::newRow("h1 and h5 are not kept") << "<h1>A</h1><h5>B</h5>" << "AB";
    }
    void sanitize()
    {
        QFETCH(QString, input);
        QFETCH(QString, stored);
        QCOMPARE(html::sanitize(input), stored);
        QCOMPARE(html::sanitize(stored), stored); // stable: saving again changes nothing
    }

    void excerptIsPlainText_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("excerpt");
        QTest::newRow("tags and entities") << "<p>Juara <b>1</b> &amp; 2&nbsp;lomba</p>" << QStringLiteral("Juara 1 & 2\u00a0lomba").simplified();
        QTest::newRow("unclosed tag") << "<p>Halo</p><b" << "Halo";
        QTest::newRow("unclosed tag with handler") << "Halo <img src=x onerror=alert(1) lanjut" << "Halo";
        QTest::newRow("script content gone") << "<script>alert(1)</script><style>p{}</style>Isi" << "Isi";
        QTest::newRow("greater-than inside attribute") << "<a title=\"x>y\">tautan</a>" << "tautan";
        QTest::newRow("blocks separate words") << "<p>satu</p><p>dua</p><br>tiga" << "satu dua tiga";
        QTest::newRow("less-than text") << "nilai < 70 remedial" << "nilai < 70 remedial";
    }
    void excerptIsPlainText()
    {
        QFETCH(QString, content);
        QFETCH(QString, excerpt);
        QCOMPARE(ContentService::excerptOf(content), excerpt);
        QCOMPARE(html::toPlainText(html::sanitize(content)), excerpt);
    }

    void hugeAndDeepInputs()
    {
        QString deep;
        for (int i = 0; i < 5000; ++i)
            deep += QStringLiteral("<b>");
        const QString out = html::sanitize(deep + QStringLiteral("x"));
        QVERIFY(out.count(QStringLiteral("<b>")) <= 64);
        QCOMPARE(out.count(QStringLiteral("<b>")), out.count(QStringLiteral("</b>")));
        QCOMPARE(html::sanitize(QString(100000, QLatin1Char('<'))), QString(100000, QLatin1Char('<')).replace(QLatin1Char('<'), QStringLiteral("&lt;")));
        QCOMPARE(html::sanitize(QStringLiteral("&#1114112;&#0;&#xD800;&#99999999999999;a")), QStringLiteral("\uFFFD\uFFFD\uFFFD\uFFFDa"));
    }
};

QTEST_GUILESS_MAIN(TestHtml)
#include "tst_html.moc"
