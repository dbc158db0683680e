#include "RichText.h"
#include "Html.h"

#include <QFont>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace tu::richtext {

namespace {

struct Run {
    bool bold = false, italic = false, underline = false;
    QString href;
    QString text;
    bool sameLook(const Run &o) const { return bold == o.bold && italic == o.italic && underline == o.underline && href == o.href; }
};

QString escapedText(const QString &text)
{
    QString out = html::escaped(text);
    out.replace(QChar::LineSeparator, QLatin1String("<br>")); // Shift+Enter, and <br> as Qt reads it
    out.remove(QChar::ObjectReplacementCharacter);           // an image or other object: not written
    return out;
}

// The inline content of one block. Headings are bold by their own style: their weight is not
// written as <strong>.
QString inlineHtml(const QTextBlock &block, bool heading)
{
    QList<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (!f.isValid())
            continue;
        const QTextCharFormat cf = f.charFormat();
        if (cf.isImageFormat())
            continue;
        Run r;
        r.bold = !heading && cf.fontWeight() >= QFont::DemiBold;
        r.italic = cf.fontItalic();
        const bool link = cf.isAnchor() && !cf.anchorHref().isEmpty();
        r.underline = cf.fontUnderline() && !link; // Qt underlines links itself
        if (link && html::isAllowedLink(cf.anchorHref()))
            r.href = cf.anchorHref().trimmed();
        r.text = f.text();
        if (!runs.isEmpty() && runs.last().sameLook(r))
            runs.last().text += r.text;
        else
            runs << r;
    }
    QString out;
    for (const Run &r : runs) {
        const QString text = escapedText(r.text);
        if (text.isEmpty())
            continue;
        QString open, close;
        if (!r.href.isEmpty()) {
            open += QStringLiteral("<a href=\"%1\">").arg(html::escaped(r.href, true));
            close.prepend(QLatin1String("</a>"));
        }
        if (r.bold) {
            open += QLatin1String("<strong>");
            close.prepend(QLatin1String("</strong>"));
        }
        if (r.italic) {
            open += QLatin1String("<em>");
            close.prepend(QLatin1String("</em>"));
        }
        if (r.underline) {
            open += QLatin1String("<u>");
            close.prepend(QLatin1String("</u>"));
        }
        out += open + text + close;
    }
    // Only line breaks left (an empty line ending in Shift+Enter): nothing to show.
    if (QString(out).remove(QLatin1String("<br>")).trimmed().isEmpty())
        return {};
    return out;
}

bool ordered(const QTextList *list)
{
    switch (list->format().style()) {
    case QTextListFormat::ListDisc:
    case QTextListFormat::ListCircle:
    case QTextListFormat::ListSquare:
    case QTextListFormat::ListStyleUndefined:
        return false;
    default:
        return true;
    }
}

QString headingTag(int level)
{
    if (level <= 0)
        return QStringLiteral("p");
    return QStringLiteral("h%1").arg(qBound(2, level, 4)); // h1 belongs to the page, h5/h6 are not kept
}

} // namespace

bool needsSource(const QString &html)
{
    static const QRegularExpression re(QStringLiteral("<\\s*(table|img|blockquote)\\b"), QRegularExpression::CaseInsensitiveOption);
    return re.match(html).hasMatch();
}

void load(QTextDocument &doc, const QString &stored)
{
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*[a-zA-Z]"));
    if (stored.contains(tag)) {
        doc.setHtml(stored);
        return;
    }
    // Plain text (entities as the sanitiser escaped them): paragraphs at blank lines, line
    // breaks kept.
    QString text = stored;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    QString htmlText;
    for (const QString &para : text.split(QRegularExpression(QStringLiteral("\\n\\s*\\n")), Qt::SkipEmptyParts))
        htmlText += QLatin1String("<p>") + QString(para).replace(QLatin1Char('\n'), QLatin1String("<br>")) + QLatin1String("</p>");
    doc.setHtml(htmlText);
}

QString toHtml(const QTextDocument &doc)
{
    struct Open {
        QTextList *list;
        bool itemOpen;
    };
    QList<Open> lists;
    QString out;
    const auto closeList = [&] {
        const Open o = lists.takeLast();
        if (o.itemOpen)
            out += QLatin1String("</li>");
        out += ordered(o.list) ? QLatin1String("</ol>") : QLatin1String("</ul>");
    };
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QTextList *list = b.textList();
        const int level = list ? 0 : b.blockFormat().headingLevel();
        const QString inner = inlineHtml(b, level > 0);
        if (inner.isEmpty())
            continue; // an empty line or bullet: spacing is the site's
        if (!list) {
            while (!lists.isEmpty())
                closeList();
            const QString t = headingTag(level);
            out += QLatin1Char('<') + t + QLatin1Char('>') + inner + QLatin1String("</") + t + QLatin1Char('>');
            continue;
        }
        // Leave the lists this item is not in (deeper ones, or siblings at its depth); a list
        // indented further opens inside the item before it.
        const int indent = list->format().indent();
        while (!lists.isEmpty() && lists.last().list != list && lists.last().list->format().indent() >= indent)
            closeList();
        if (!lists.isEmpty() && lists.last().list == list) {
            if (lists.last().itemOpen)
                out += QLatin1String("</li>");
        } else {
            out += ordered(list) ? QLatin1String("<ol>") : QLatin1String("<ul>");
            lists.append({list, false});
        }
        out += QLatin1String("<li>") + inner;
        lists.last().itemOpen = true;
    }
    while (!lists.isEmpty())
        closeList();
    return out;
}

void loadForeign(QTextDocument &doc, const QString &foreign)
{
    QTextDocument raw;
    load(raw, html::sanitize(foreign));
    load(doc, toHtml(raw));
}

} // namespace tu::richtext
