#pragma once
// The desktop shows text that strangers typed (PPDB applicants, students, OSIS) or that an
// upstream sent (Dapodik, SIAKAD, SPLP, SIPD). Qt guesses "rich text" for anything that looks like
// markup (Qt::AutoText) and then renders it: an <img src="//host/x.png"> in an applicant's name
// would make a Windows desktop open a UNC path and hand the staff member's NTLM hash to that host,
// a <a href> would put a clickable link in a label. So the policy for every widget in ui/:
//
// - every QLabel is created with plainLabel() (Qt::PlainText). A label whose markup is ours
//   (bold static text, a coloured dot) is made with richLabel() instead, and the data it
//   interpolates goes through QString::toHtmlEscaped(); richLabel() is the allow-list.
// - tooltips are always rich-text-detected (QToolTip has no format switch): any tooltip with
//   stored or upstream text in it, on widgets, table items, calendar dates or ToolTipRole, goes
//   through plainToolTip().
// - message boxes go through makePlain() right before they are shown; the progress dialog's
//   label through plainLabelText().
// - chart categories and legend labels through chartText(), tray notifications through
//   notificationText().
// plainTextViolations() finds the labels that break the rule; the UI tests assert it is empty.

#include <QList>
#include <QString>

class QLabel;
class QMessageBox;
class QProgressDialog;
class QWidget;

class QTextDocument;

namespace tu::ui {

// A label that shows `text` literally, whatever it contains.
QLabel *plainLabel(QWidget *parent = nullptr);
QLabel *plainLabel(const QString &text, QWidget *parent = nullptr);

// A label whose HTML is written here. Everything interpolated into it from stored or upstream data
// must be toHtmlEscaped() first. Links stay inert unless the caller opens them on purpose.
QLabel *richLabel(QWidget *parent = nullptr);
// Marks an existing label (or a QLabel subclass) as rich on purpose, same rule as richLabel().
void markRichText(QLabel *label);

// A tooltip that QToolTip renders as exactly `text` (line breaks kept): escaped and wrapped so
// that it is rich text with no markup of its own. Empty stays empty (no tooltip).
QString plainToolTip(const QString &text);

// Every label of the box (text, informative text) as plain text; detailed text is plain already.
// Call after the texts are set: Qt creates the informative label lazily, as Qt::AutoText.
void makePlain(QMessageBox *box);
void plainLabelText(QProgressDialog *dialog, const QString &text);

// Qt Charts draws axis labels and legend entries as HTML (QGraphicsTextItem::setHtml): names from
// stored or upstream data are escaped before they become a category or a legend label.
QString chartText(const QString &text);
// A document whose markup the desktop wrote itself (a printed list), every stored value in it
// passed through toHtmlEscaped(): the same rule as richLabel(), for a QTextDocument.
void setBuiltHtml(QTextDocument &document, const QString &html);

// Tray messages: Windows shows them as plain text, but freedesktop notification servers may read
// <b>, <a> and <img> in the body, so the markup characters are escaped there.
QString notificationText(const QString &text);

// The labels under `root` (itself included) that would render markup: neither Qt::PlainText nor
// made by richLabel()/markRichText(). Labels showing only a pixmap are left out (nothing to read).
QList<QLabel *> plainTextViolations(QWidget *root);

} // namespace tu::ui
