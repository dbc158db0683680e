#include "Html.h"

#include <QHash>
#include <algorithm>
#include <QList>
#include <QRegularExpression>
#include <QSet>

// Neither Qt nor a Debian library gives us this: QTextDocument::setHtml accepts and re-emits
// far more than the allow-list (style attributes, any URL), libxml2's HTML parser builds a tree
// but removes nothing, and the sanitising libraries (bleach, DOMPurify, sanitize-html) are
// Python or JavaScript. A small tokenizer that only ever writes what it recognised is enough.

namespace tu::html {

namespace {

struct Attr {
    QString name, value; // value with entities decoded
};

struct Token {
    enum Kind { Text, Start, End } kind = Text;
    QString name; // tags: lower case
    QList<Attr> attrs;
    QString text; // Text: entities decoded
};

const QSet<QString> &allowedTags()
{
    static const QSet<QString> s{"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote",
                                 "a", "img", "table", "thead", "tbody", "tr", "th", "td"};
    return s;
}
const QSet<QString> &voidTags()
{
    static const QSet<QString> s{"br", "img"};
    return s;
}
// Browsers read these elements' content as raw text: the tokenizer skips it unparsed.
const QSet<QString> &rawTextTags()
{
    static const QSet<QString> s{"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};
    return s;
}
// Dropped with everything inside (besides the raw-text ones above).
const QSet<QString> &dropWithContent()
{
    static const QSet<QString> s{"svg", "math", "object", "template", "select"};
    return s;
}
const QSet<QString> &blockTags()
{
    static const QSet<QString> s{"p", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div",
                                 "table", "tr", "td", "th", "section", "article", "header", "footer", "hr"};
    return s;
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\f');
}
bool isAsciiAlpha(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}
bool isAsciiAlnum(QChar c) { return isAsciiAlpha(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')); }
int hexValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

void appendCodePoint(QString &out, uint cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    // Control characters would only be refused later as "not allowed": they carry nothing.
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F))
        return;
    const char32_t c = cp;
    out += QString::fromUcs4(&c, 1);
}

QString decodeEntities(QStringView s)
{
    static const QHash<QString, QString> named{
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", QString(QChar(0xA0))},
        {"copy", QStringLiteral("©")}, {"reg", QStringLiteral("®")}, {"hellip", QStringLiteral("…")}, {"mdash", QStringLiteral("—")},
        {"ndash", QStringLiteral("–")}, {"lsquo", QStringLiteral("‘")}, {"rsquo", QStringLiteral("’")}, {"ldquo", QStringLiteral("“")},
        {"rdquo", QStringLiteral("”")}, {"bull", QStringLiteral("•")}, {"middot", QStringLiteral("·")}, {"deg", QStringLiteral("°")},
        {"times", QStringLiteral("×")}, {"divide", QStringLiteral("÷")}, {"euro", QStringLiteral("€")}, {"laquo", QStringLiteral("«")},
        {"raquo", QStringLiteral("»")}};
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] != QLatin1Char('&')) {
            out += s[i];
            continue;
        }
        if (i + 1 < n && s[i + 1] == QLatin1Char('#')) {
            qsizetype j = i + 2;
            const bool hex = j < n && (s[j] == QLatin1Char('x') || s[j] == QLatin1Char('X'));
            if (hex)
                ++j;
            const qsizetype start = j;
            uint cp = 0;
            for (; j < n; ++j) {
                const int d = hex ? hexValue(s[j]) : (s[j] >= QLatin1Char('0') && s[j] <= QLatin1Char('9') ? s[j].unicode() - '0' : -1);
                if (d < 0)
                    break;
                cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + uint(d);
            }
            if (j == start) {
                out += QLatin1Char('&');
                continue;
            }
            if (j < n && s[j] == QLatin1Char(';'))
                ++j;
            appendCodePoint(out, cp);
            i = j - 1;
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && j - i <= 10 && isAsciiAlnum(s[j]))
            ++j;
        if (j < n && j > i + 1 && s[j] == QLatin1Char(';')) {
            const auto it = named.constFind(s.mid(i + 1, j - i - 1).toString());
            if (it != named.constEnd()) {
                out += it.value();
                i = j;
                continue;
            }
        }
        out += QLatin1Char('&');
    }
    return out;
}

QList<Token> tokenize(const QString &in)
{
    QList<Token> out;
    QString text;
    const auto flush = [&] {
        if (!text.isEmpty())
            out.append(Token{Token::Text, {}, {}, decodeEntities(text)});
        text.clear();
    };
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = in[i];
        if (c != QLatin1Char('<')) {
            text += c;
            ++i;
            continue;
        }
        if (QStringView(in).mid(i, 4) == QLatin1String("<!--")) { // comment: gone
            const qsizetype e = in.indexOf(QLatin1String("-->"), i + 4);
            i = e < 0 ? n : e + 3;
            continue;
        }
        if (i + 1 < n && (in[i + 1] == QLatin1Char('!') || in[i + 1] == QLatin1Char('?'))) { // doctype, CDATA, PI: gone
            const qsizetype e = in.indexOf(QLatin1Char('>'), i + 2);
            i = e < 0 ? n : e + 1;
            continue;
        }
        const bool end = i + 1 < n && in[i + 1] == QLatin1Char('/');
        qsizetype k = i + (end ? 2 : 1);
        if (k >= n || !isAsciiAlpha(in[k])) {
            if (end) { // "</>" or "</3": nothing, as in a browser
                const qsizetype e = in.indexOf(QLatin1Char('>'), k);
                i = e < 0 ? n : e + 1;
            } else { // "a < b", "<3": text
                text += c;
                ++i;
            }
            continue;
        }
        const qsizetype nameStart = k;
        while (k < n && !isSpace(in[k]) && in[k] != QLatin1Char('/') && in[k] != QLatin1Char('>'))
            ++k;
        Token t;
        t.kind = end ? Token::End : Token::Start;
        t.name = in.mid(nameStart, k - nameStart).toLower();
        bool closed = false;
        while (k < n) {
            const QChar d = in[k];
            if (isSpace(d) || d == QLatin1Char('/')) {
                ++k;
                continue;
            }
            if (d == QLatin1Char('>')) {
                closed = true;
                ++k;
                break;
            }
            const qsizetype a = k++;
            while (k < n && !isSpace(in[k]) && in[k] != QLatin1Char('/') && in[k] != QLatin1Char('>') && in[k] != QLatin1Char('='))
                ++k;
            const QString attrName = in.mid(a, k - a).toLower();
            while (k < n && isSpace(in[k]))
                ++k;
            QString value;
            if (k < n && in[k] == QLatin1Char('=')) {
                ++k;
                while (k < n && isSpace(in[k]))
                    ++k;
                if (k < n && (in[k] == QLatin1Char('"') || in[k] == QLatin1Char('\''))) {
                    const qsizetype e = in.indexOf(in[k], k + 1);
                    if (e < 0) {
                        k = n;
                        break;
                    }
                    value = in.mid(k + 1, e - k - 1);
                    k = e + 1;
                } else {
                    const qsizetype v = k;
                    while (k < n && !isSpace(in[k]) && in[k] != QLatin1Char('>'))
                        ++k;
                    value = in.mid(v, k - v);
                }
            }
            if (std::none_of(t.attrs.begin(), t.attrs.end(), [&](const Attr &x) { return x.name == attrName; }))
                t.attrs.append({attrName, decodeEntities(value)}); // the first of two equal names wins, as in a browser
        }
        if (!closed) // the input ends inside a tag ("<b", "<img src=x onerror="): browsers drop it
            break;
        flush();
        out.append(t);
        i = k;
        if (!end && rawTextTags().contains(t.name)) {
            // Skip to "</name" ending at a space, '/' or '>' (or to the end): never parsed.
            qsizetype from = i;
            for (;;) {
                const qsizetype e = in.indexOf(QStringLiteral("</") + t.name, from, Qt::CaseInsensitive);
                if (e < 0) {
                    i = n;
                    break;
                }
                const qsizetype after = e + 2 + t.name.size();
                if (after >= n || isSpace(in[after]) || in[after] == QLatin1Char('>') || in[after] == QLatin1Char('/')) {
                    i = e;
                    break;
                }
                from = e + 1;
            }
        }
    }
    flush();
    return out;
}

QString escape(const QString &s, bool attribute)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += attribute ? QLatin1String("&quot;") : QLatin1String("\""); break;
        case '\'': out += attribute ? QLatin1String("&#39;") : QLatin1String("'"); break;
        default: out += c;
        }
    }
    return out;
}

// The URL as a browser would read it for its scheme: control characters and surrounding
// spaces removed (browsers ignore tabs and newlines inside "java\tscript:").
QString cleanUrl(const QString &v)
{
    QString u;
    for (QChar c : v)
        if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
            u += c;
    return u.trimmed();
}

bool linkAllowed(const QString &url)
{
    const QString l = url.toLower();
    return l.startsWith(QLatin1String("http://")) || l.startsWith(QLatin1String("https://")) || l.startsWith(QLatin1String("mailto:"));
}

bool imageAllowed(const QString &url)
{
    static const QRegularExpression dataImage(QStringLiteral("^data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]*$"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString l = url.toLower();
    return l.startsWith(QLatin1String("http://")) || l.startsWith(QLatin1String("https://")) || l.startsWith(QLatin1String("/api/media/"))
        || dataImage.match(url).hasMatch();
}

QString attrValue(const Token &t, const QString &name)
{
    for (const Attr &a : t.attrs)
        if (a.name == name)
            return a.value;
    return {};
}

bool smallNumber(const QString &v)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,4}$"));
    return re.match(v).hasMatch();
}

// The start tag as written back: only the attributes the tag may have, in a fixed order.
// Empty when the tag must go (an image without an allowed source).
QString startTag(const Token &t)
{
    QString attrs;
    const auto add = [&](const char *name, const QString &value) {
        attrs += QLatin1Char(' ') + QLatin1String(name) + QStringLiteral("=\"") + escape(value, true) + QLatin1Char('"');
    };
    if (t.name == QLatin1String("a")) {
        const QString href = cleanUrl(attrValue(t, QStringLiteral("href")));
        if (linkAllowed(href))
            add("href", href);
        add("rel", QStringLiteral("noopener noreferrer nofollow"));
    } else if (t.name == QLatin1String("img")) {
        const QString src = cleanUrl(attrValue(t, QStringLiteral("src")));
        if (!imageAllowed(src))
            return {};
        add("src", src);
        const QString alt = attrValue(t, QStringLiteral("alt"));
        if (!alt.isEmpty())
            add("alt", alt);
        for (const char *dim : {"width", "height"})
            if (const QString v = attrValue(t, QLatin1String(dim)); smallNumber(v))
                add(dim, v);
    } else if (t.name == QLatin1String("td") || t.name == QLatin1String("th")) {
        for (const char *span : {"colspan", "rowspan"})
            if (const QString v = attrValue(t, QLatin1String(span)); smallNumber(v))
                add(span, v);
    }
    return QLatin1Char('<') + t.name + attrs + QLatin1Char('>');
}

constexpr int MaxDepth = 64;

// Calls `visit` for every token outside the dropped-with-content elements.
template<typename Visit>
void walk(const QList<Token> &tokens, Visit visit)
{
    QString skipping;
    int skipDepth = 0;
    for (const Token &t : tokens) {
        if (skipDepth > 0) {
            if (t.name == skipping)
                skipDepth += t.kind == Token::Start ? 1 : t.kind == Token::End ? -1 : 0;
            continue;
        }
        if (t.kind == Token::Start && dropWithContent().contains(t.name)) {
            skipping = t.name;
            skipDepth = 1;
            continue;
        }
        visit(t);
    }
}
} // namespace

QString escaped(const QString &text, bool attribute)
{
    return escape(text, attribute);
}

bool isAllowedLink(const QString &url)
{
    return linkAllowed(cleanUrl(url));
}

QString sanitize(const QString &html)
{
    QString out;
    out.reserve(html.size());
    QStringList open;
    walk(tokenize(html), [&](const Token &t) {
        switch (t.kind) {
        case Token::Text:
            out += escape(t.text, false);
            break;
        case Token::Start: {
            if (!allowedTags().contains(t.name))
                break; // unknown tag: gone, its text stays
            const bool isVoid = voidTags().contains(t.name);
            if (!isVoid && open.size() >= MaxDepth)
                break;
            const QString tag = startTag(t);
            if (tag.isEmpty())
                break;
            out += tag;
            if (!isVoid)
                open << t.name;
            break;
        }
        case Token::End: {
            const qsizetype at = open.lastIndexOf(t.name);
            if (at < 0)
                break; // never opened (or not allowed): nothing to close
            while (open.size() > at)
                out += QStringLiteral("</") + open.takeLast() + QLatin1Char('>');
            break;
        }
        }
    });
    while (!open.isEmpty())
        out += QStringLiteral("</") + open.takeLast() + QLatin1Char('>');
    return out;
}

QString toPlainText(const QString &html)
{
    QString out;
    walk(tokenize(html), [&](const Token &t) {
        if (t.kind == Token::Text)
            out += t.text;
        else if (blockTags().contains(t.name))
            out += QLatin1Char(' ');
    });
    return out.simplified();
}

} // namespace tu::html
