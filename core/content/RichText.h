#pragma once
// The desktop's rich-text editor and the stored HTML of news and announcement bodies. Qt's own
// QTextDocument::toHtml() writes a whole document with inline styles (<span style=
// "font-weight:700">) that the sanitiser (content/Html.h) would strip, losing the formatting;
// this writes the document back as the small allow-listed HTML the web renders.
//
// Round trip: for HTML made of p, br, strong/b, em/i, u, h2, h3, h4, ul/ol/li and a[href],
// html::sanitize(toHtml(load(h))) == html::sanitize(h) up to b→strong and i→em. Tables,
// images and block quotes have no faithful way back through the editor: needsSource() says so
// and the desktop keeps such text as HTML.

#include <QString>

class QTextDocument;

namespace tu::richtext {

// True when `html` holds what the editor cannot write back (table, img, blockquote).
bool needsSource(const QString &html);
// Fills `doc` with stored content: HTML, or plain text written before the editor was rich
// (its line breaks kept, blank lines starting paragraphs).
void load(QTextDocument &doc, const QString &stored);
// The document as allow-listed HTML: <p>, <h2>/<h3>/<h4>, <ul>/<ol><li>, <strong>, <em>, <u>,
// <a href> (http, https and mailto only; any other link keeps its text), <br>; text escaped.
// Empty paragraphs are left out; an empty document gives "".
QString toHtml(const QTextDocument &doc);
// Fills `doc` with HTML from elsewhere (the clipboard): sanitised, then reduced to what toHtml
// writes, so pasting brings no colours, fonts, images or tables the editor could not save.
void loadForeign(QTextDocument &doc, const QString &html);

} // namespace tu::richtext
