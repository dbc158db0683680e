#pragma once
#include <QTextListFormat>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextEdit;
class QToolButton;

namespace tu::ui {

// The editor of a rich-text content field (news and announcement bodies): formatted text, never
// HTML tags, with a toolbar reachable by Tab and the usual shortcuts (Ctrl+B, Ctrl+I, Ctrl+U).
// What it gives back is the allow-listed HTML of core's richtext::toHtml, which the service's
// sanitiser keeps as it is.
//
// Text whose tables, images or quotes the editor could not write back (richtext::needsSource) is
// not put into it: a notice says so, the text is shown read-only and kept exactly as stored, and
// "Sunting sebagai HTML" opens its HTML for editing.
class RichTextEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RichTextEditor(QWidget *parent = nullptr);

    // Shows stored content without emitting changed().
    void setStoredHtml(const QString &stored);
    // The content to store.
    QString storedHtml() const;
    // The name screen readers give the text (the field's label).
    void setFieldName(const QString &name);

    // True when the text is kept as HTML (see above).
    bool isSourceMode() const { return m_sourceMode; }
    void editAsHtml();

    // Formatting of the selection or the text at the cursor, as the toolbar applies it.
    void setBold(bool on);
    void setItalic(bool on);
    void setUnderline(bool on);
    void setHeading(int level); // 0: paragraph, 2: Judul, 3: Subjudul
    void toggleList(QTextListFormat::Style style);
    void clearFormat();
    // Links the selection (or the word at the cursor) to `url`; "" removes the link. False, with
    // nothing changed, for anything but http, https and mailto.
    bool setLink(const QString &url);
    // Asks for the address (prefilled with the link at the cursor) and applies it.
    void editLink();

    QTextEdit *textEdit() const { return m_text; }
    QPlainTextEdit *sourceEdit() const { return m_source; }
    QLabel *notice() const { return m_notice; }
    QPushButton *editAsHtmlButton() const { return m_editAsHtml; }
    QSize sizeHint() const override;

signals:
    void changed();

private:
    QToolButton *addButton(const QString &objectName, const QString &icon, const QString &name, const QString &keys);
    void updateButtons();

    QStackedWidget *m_stack;
    QTextEdit *m_text;
    QPlainTextEdit *m_source;
    QLabel *m_notice;
    QPushButton *m_editAsHtml;
    QWidget *m_toolbar;
    QToolButton *m_bold = nullptr, *m_italic = nullptr, *m_underline = nullptr;
    QString m_stored;
    bool m_sourceMode = false;
    bool m_sourceEditing = false;
};

} // namespace tu::ui
