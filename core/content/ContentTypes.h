#pragma once
// The six kinds of school content (docs/school-api.md) described as data: each type
// names its table, its fields with their validation rules and who may edit it. One generic
// service, repository, route set and desktop editor serve all six from these descriptors, so
// a rule (a length, an option, a label) is written once and both adapters show the same text.

#include "auth/Roles.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tu {

enum class FieldKind {
    Text,     // one line, trimmed, no control characters
    LongText, // several lines, stored verbatim
    Choice,   // one of `options`
    Date,     // Y-m-d
    DateTime, // ISO 8601, stored as UTC with Z
    Image,    // id of an uploaded media image
    Digits,   // exactly `digits` decimal digits (NIP, NUPTK)
};

// How a LongText field treats markup. Everything else is plain text the renderer escapes.
enum class Markup {
    None,  // stored as typed (plain text: the frontend shows it as text)
    Html,  // rich text, sanitised on save to the allow-list in content/Html.h
    Strip, // plain text: tags removed and entities decoded on save (the news excerpt)
};

struct ContentField {
    QString key;    // JSON key (camelCase)
    QString column; // SQL column; a constant from this file, never user input
    QString label;  // Indonesian label for messages and forms
    FieldKind kind = FieldKind::Text;
    bool required = false;
    int maxLength = 200;
    QStringList options;  // Choice
    int digits = 0;       // Digits
    QString placeholder;  // hint for forms
    Markup markup = Markup::None;
};

// What anyone may see of a type through /api/public/<name> (and the school's web portal). All
// SQL here is constant text from this file; `?` placeholders in `visibleWhen` are bound to the
// current time, so drafts and items scheduled for later stay hidden.
struct PublicListing {
    enum class Shape {
        Paged, // /api/public/<name>?page&limit[&<filterKey>]
        Month, // /api/public/<name>?year&month: everything that overlaps one month (the calendar)
    };
    Shape shape = Shape::Paged;
    QString summary;     // OpenAPI summary (Indonesian)
    QString visibleWhen; // extra condition besides approval, e.g. "status = 'published' AND published_at <= ?"
    QString order;       // ORDER BY of the public list (empty: adminOrder)
    QString filterKey;   // the one field a caller may filter on (empty: none); validated as that field
    QStringList keys;    // the list shows only these keys (empty: every public key)
    bool detail = false; // /api/public/<name>/:id serves one whole item
};

struct ContentType {
    QString name;       // URL segment: news, announcements, …
    QString table;
    QString entity;     // audit log entity
    QString label;      // "Berita"
    QString itemLabel;  // "berita" (in messages: "Berita tidak ditemukan.")
    QString titleKey;   // the field that names an item (title or name)
    QList<ContentField> fields;
    QString adminOrder; // ORDER BY for staff lists
    QList<Role> editors;
    PublicListing listing;
    // Items OSIS creates or edits wait for admin or kesiswaan approval before they are public.
    bool needsApproval() const { return editors.contains(Role::Osis); }

    const ContentField *field(const QString &key) const;
    bool hasField(const QString &key) const { return field(key) != nullptr; }
    bool editableBy(Role role) const { return editors.contains(role); }
};

namespace content {
const QList<ContentType> &types();
const ContentType *type(const QString &name);
// News statuses, announcement priorities (low, medium, high) with Indonesian labels.
QString optionLabel(const QString &option);
} // namespace content

} // namespace tu
