#pragma once
// Rich text of public content (news and announcement bodies): HTML reduced on save to an
// allow-list, so what the web frontend renders can carry no script.
//
//   kept:     p br strong b em i u ul ol li h2 h3 h4 blockquote table thead tbody tr th td
//             a[href: http, https, mailto; rel="noopener noreferrer nofollow" always set]
//             img[src: http, https, /api/media/..., data:image/png|jpeg|webp;base64; alt width height]
//             th/td[colspan rowspan]
//   dropped:  every other attribute (on*, style, class, ...), every other tag with its text
//             kept, and script, style, iframe, object, embed, template, noscript, textarea,
//             title, svg, math with everything inside them.
//
// The tokenizer is tolerant the way browsers are: a tag left open at the end ("<b") is
// dropped, "<" not followed by a letter is text, comments vanish, entities are decoded and
// everything is written back escaped, elements are closed in order. The output is stable:
// sanitising it again gives the same text.

#include <QString>

namespace tu::html {

QString sanitize(const QString &html);
// The text a reader sees: tags removed (block ends become spaces), entities decoded, script
// and style content gone, whitespace collapsed.
QString toPlainText(const QString &html);
// Text as the sanitiser writes it: & < > escaped, and quotes too inside an attribute.
QString escaped(const QString &text, bool attribute = false);
// An href the sanitiser keeps: http, https or mailto (after dropping control characters).
bool isAllowedLink(const QString &url);

} // namespace tu::html
