#include "RichTextEditor.h"
#include "common/Icons.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "content/Html.h"
#include "content/RichText.h"

#include <QAction>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace tu::ui {

namespace {

// Pasted HTML goes through the same allow-list as saving: what shows is what will be stored.
class RichTextBox : public QTextEdit
{
public:
    using QTextEdit::QTextEdit;
    QSize sizeHint() const override { return {160, QTextEdit::sizeHint().height()}; }

protected:
    void insertFromMimeData(const QMimeData *source) override
    {
        if (!source->hasHtml()) {
            QTextEdit::insertFromMimeData(source);
            return;
        }
        QTextDocument clean;
        richtext::loadForeign(clean, source->html());
        textCursor().insertFragment(QTextDocumentFragment(&clean));
        ensureCursorVisible();
    }
};

// The text of stored HTML to read (no tags, no images loaded): one line per block.
QString readableText(const QString &stored)
{
    static const QRegularExpression blockEnd(QStringLiteral("<\\s*(/p|/li|/h[1-6]|/tr|/blockquote|br)\\b[^>]*>"),
                                             QRegularExpression::CaseInsensitiveOption);
    QStringList lines;
    for (const QString &part : QString(stored).split(blockEnd))
        if (const QString line = html::toPlainText(part); !line.isEmpty())
            lines << line;
    return lines.join(QLatin1Char('\n'));
}

// Asks for a link's address. Only http, https and mailto are taken: anything else (javascript:,
// file:, a bare word) is answered under the field and the dialog stays.
class LinkDialog : public QDialog
{
public:
    LinkDialog(const QString &current, QWidget *parent) : QDialog(parent)
    {
        setObjectName(QStringLiteral("linkDialog"));
        setWindowTitle(current.isEmpty() ? RichTextEditor::tr("Sisipkan tautan") : RichTextEditor::tr("Ubah tautan"));
        setMinimumWidth(420);
        auto *root = new QVBoxLayout(this);
        root->setContentsMargins(22, 18, 22, 18);
        root->setSpacing(8);
        auto *label = plainLabel(RichTextEditor::tr("Alamat tautan"), this);
        root->addWidget(label);
        m_url = new QLineEdit(current, this);
        m_url->setObjectName(QStringLiteral("linkUrl"));
        m_url->setPlaceholderText(QStringLiteral("https://…"));
        m_url->setAccessibleName(RichTextEditor::tr("Alamat tautan"));
        label->setBuddy(m_url);
        root->addWidget(m_url);
        m_error = plainLabel(this);
        m_error->setObjectName(QStringLiteral("linkError"));
        m_error->setWordWrap(true);
        m_error->setProperty("look", QStringLiteral("inlineError"));
        m_error->hide();
        root->addWidget(m_error);
        auto *buttons = new QHBoxLayout;
        if (!current.isEmpty()) {
            auto *remove = new QPushButton(RichTextEditor::tr("Lepas tautan"), this);
            remove->setObjectName(QStringLiteral("linkRemove"));
            remove->setAutoDefault(false);
            connect(remove, &QPushButton::clicked, this, [this] {
                m_url->clear();
                accept();
            });
            buttons->addWidget(remove);
        }
        buttons->addStretch(1);
        auto *cancel = new QPushButton(RichTextEditor::tr("Batal"), this);
        cancel->setObjectName(QStringLiteral("linkCancel"));
        cancel->setAutoDefault(false);
        connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
        auto *apply = new QPushButton(RichTextEditor::tr("Pasang"), this);
        apply->setObjectName(QStringLiteral("linkApply"));
        theme::setVariant(apply, "primary");
        apply->setDefault(true);
        connect(apply, &QPushButton::clicked, this, [this] {
            if (!html::isAllowedLink(url())) {
                m_error->setText(RichTextEditor::tr("Alamat tautan harus diawali http://, https://, atau mailto:. Periksa lalu coba lagi."));
                m_error->show();
                m_url->setFocus();
                return;
            }
            accept();
        });
        buttons->addWidget(cancel);
        buttons->addWidget(apply);
        root->addLayout(buttons);
    }
    QString url() const { return m_url->text().trimmed(); }

private:
    QLineEdit *m_url;
    QLabel *m_error;
};

} // namespace

RichTextEditor::RichTextEditor(QWidget *parent) : QWidget(parent)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(0);
    m_stack = new QStackedWidget(this);
    root->addWidget(m_stack);

    // The rich view: toolbar over the text.
    auto *rich = new QWidget(m_stack);
    auto *rv = new QVBoxLayout(rich);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->setSpacing(4);
    m_toolbar = new QWidget(rich);
    m_toolbar->setObjectName(QStringLiteral("richToolbar"));
    auto *bar = new QHBoxLayout(m_toolbar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    rv->addWidget(m_toolbar);
    m_text = new RichTextBox(rich);
    m_text->setObjectName(QStringLiteral("richText"));
    m_text->setAcceptRichText(true);
    m_text->setTabChangesFocus(true);
    m_text->setMinimumWidth(160);
    rv->addWidget(m_text, 1);
    m_stack->addWidget(rich);

    m_bold = addButton(QStringLiteral("formatBold"), QStringLiteral("format-bold"), tr("Tebal"), QStringLiteral("Ctrl+B"));
    m_italic = addButton(QStringLiteral("formatItalic"), QStringLiteral("format-italic"), tr("Miring"), QStringLiteral("Ctrl+I"));
    m_underline = addButton(QStringLiteral("formatUnderline"), QStringLiteral("format-underline"), tr("Garis bawah"), QStringLiteral("Ctrl+U"));
    for (QToolButton *b : {m_bold, m_italic, m_underline})
        b->defaultAction()->setCheckable(true);
    connect(m_bold->defaultAction(), &QAction::triggered, this, &RichTextEditor::setBold);
    connect(m_italic->defaultAction(), &QAction::triggered, this, &RichTextEditor::setItalic);
    connect(m_underline->defaultAction(), &QAction::triggered, this, &RichTextEditor::setUnderline);

    QToolButton *heading = addButton(QStringLiteral("formatHeading"), QStringLiteral("format-heading"), tr("Judul"), QString());
    auto *levels = new QMenu(heading);
    connect(levels->addAction(tr("Paragraf biasa")), &QAction::triggered, this, [this] { setHeading(0); });
    connect(levels->addAction(tr("Judul")), &QAction::triggered, this, [this] { setHeading(2); });
    connect(levels->addAction(tr("Subjudul")), &QAction::triggered, this, [this] { setHeading(3); });
    heading->setMenu(levels);
    heading->setPopupMode(QToolButton::InstantPopup);
    heading->defaultAction()->setMenu(levels);

    connect(addButton(QStringLiteral("formatBullets"), QStringLiteral("list-bullet"), tr("Daftar berpoin"), QString())->defaultAction(),
            &QAction::triggered, this, [this] { toggleList(QTextListFormat::ListDisc); });
    connect(addButton(QStringLiteral("formatNumbers"), QStringLiteral("list-number"), tr("Daftar bernomor"), QString())->defaultAction(),
            &QAction::triggered, this, [this] { toggleList(QTextListFormat::ListDecimal); });
    connect(addButton(QStringLiteral("formatLink"), QStringLiteral("link"), tr("Tautan"), QStringLiteral("Ctrl+K"))->defaultAction(),
            &QAction::triggered, this, &RichTextEditor::editLink);
    connect(addButton(QStringLiteral("formatClear"), QStringLiteral("format-clear"), tr("Hapus format"), QString())->defaultAction(),
            &QAction::triggered, this, &RichTextEditor::clearFormat);
    bar->addStretch(1);

    // The HTML view, for text the rich view could not keep whole.
    auto *source = new QWidget(m_stack);
    auto *sv = new QVBoxLayout(source);
    sv->setContentsMargins(0, 0, 0, 0);
    sv->setSpacing(6);
    m_notice = plainLabel(source);
    m_notice->setObjectName(QStringLiteral("richNotice"));
    m_notice->setWordWrap(true);
    sv->addWidget(m_notice);
    m_editAsHtml = new QPushButton(tr("Sunting sebagai HTML"), source);
    m_editAsHtml->setObjectName(QStringLiteral("editAsHtml"));
    m_editAsHtml->setAutoDefault(false);
    connect(m_editAsHtml, &QPushButton::clicked, this, &RichTextEditor::editAsHtml);
    auto *row = new QHBoxLayout;
    row->addWidget(m_editAsHtml);
    row->addStretch(1);
    sv->addLayout(row);
    m_source = new QPlainTextEdit(source);
    m_source->setObjectName(QStringLiteral("htmlSource"));
    m_source->setTabChangesFocus(true);
    m_source->setMinimumWidth(160);
    sv->addWidget(m_source, 1);
    m_stack->addWidget(source);

    connect(m_text, &QTextEdit::textChanged, this, &RichTextEditor::changed);
    connect(m_source, &QPlainTextEdit::textChanged, this, [this] {
        if (m_sourceEditing)
            emit changed();
    });
    connect(m_text, &QTextEdit::currentCharFormatChanged, this, &RichTextEditor::updateButtons);
    setFocusProxy(m_text);
}

QToolButton *RichTextEditor::addButton(const QString &objectName, const QString &icon, const QString &name, const QString &keys)
{
    auto *action = new QAction(icons::icon(icon, theme::TextMuted), name, this);
    action->setToolTip(keys.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, keys));
    if (!keys.isEmpty()) {
        action->setShortcut(QKeySequence(keys));
        action->setShortcutContext(Qt::WidgetShortcut);
        m_text->addAction(action); // the keys work while typing
    }
    auto *button = new QToolButton(m_toolbar);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setAccessibleName(name);
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    static_cast<QHBoxLayout *>(m_toolbar->layout())->addWidget(button);
    return button;
}

QSize RichTextEditor::sizeHint() const
{
    return {160, QWidget::sizeHint().height()};
}

void RichTextEditor::setFieldName(const QString &name)
{
    m_text->setAccessibleName(name);
    m_source->setAccessibleName(name);
}

void RichTextEditor::setStoredHtml(const QString &stored)
{
    m_stored = stored;
    m_sourceMode = richtext::needsSource(stored);
    m_sourceEditing = false;
    QSignalBlocker blockText(m_text);
    QSignalBlocker blockSource(m_source);
    if (m_sourceMode) {
        m_text->clear();
        m_notice->setText(tr("Isi ini memuat tabel, gambar, atau kutipan yang tidak dapat disunting di sini tanpa hilang, "
                             "jadi isinya disimpan apa adanya. Untuk mengubahnya, pilih Sunting sebagai HTML."));
        m_source->setReadOnly(true);
        m_source->setPlainText(readableText(stored));
        m_editAsHtml->show();
        m_stack->setCurrentIndex(1);
        setFocusProxy(m_source);
    } else {
        m_source->clear();
        richtext::load(*m_text->document(), stored);
        m_text->document()->clearUndoRedoStacks();
        m_text->moveCursor(QTextCursor::Start);
        m_stack->setCurrentIndex(0);
        setFocusProxy(m_text);
    }
    updateButtons();
}

void RichTextEditor::editAsHtml()
{
    if (!m_sourceMode || m_sourceEditing)
        return;
    {
        QSignalBlocker block(m_source);
        m_source->setPlainText(m_stored);
    }
    m_sourceEditing = true;
    m_source->setReadOnly(false);
    m_editAsHtml->hide();
    m_notice->setText(tr("HTML isi ini. Tag di luar yang diizinkan (paragraf, judul, daftar, tebal, miring, tautan, tabel, "
                         "gambar) dibuang saat disimpan."));
    m_source->setFocus();
}

QString RichTextEditor::storedHtml() const
{
    if (m_sourceMode)
        return m_sourceEditing ? m_source->toPlainText() : m_stored;
    return richtext::toHtml(*m_text->document());
}

namespace {
void mergeOnWordOrSelection(QTextEdit *edit, const QTextCharFormat &format)
{
    QTextCursor c = edit->textCursor();
    if (!c.hasSelection())
        c.select(QTextCursor::WordUnderCursor);
    c.mergeCharFormat(format);
    edit->mergeCurrentCharFormat(format);
}
} // namespace

void RichTextEditor::setBold(bool on)
{
    QTextCharFormat f;
    f.setFontWeight(on ? QFont::Bold : QFont::Normal);
    mergeOnWordOrSelection(m_text, f);
}

void RichTextEditor::setItalic(bool on)
{
    QTextCharFormat f;
    f.setFontItalic(on);
    mergeOnWordOrSelection(m_text, f);
}

void RichTextEditor::setUnderline(bool on)
{
    QTextCharFormat f;
    f.setFontUnderline(on);
    mergeOnWordOrSelection(m_text, f);
}

void RichTextEditor::setHeading(int level)
{
    QTextCursor c = m_text->textCursor();
    c.beginEditBlock();
    if (level > 0)
        if (QTextList *list = c.currentList()) // a heading is not a list item
            list->remove(c.block());
    QTextBlockFormat block = c.blockFormat();
    block.setHeadingLevel(level);
    block.setIndent(0);
    c.setBlockFormat(block);
    // The look Qt gives <h2>/<h3> when it reads them: larger and bold.
    QTextCharFormat look;
    look.setProperty(QTextFormat::FontSizeAdjustment, level == 2 ? 2 : level == 3 ? 1 : 0);
    look.setFontWeight(level > 0 ? QFont::Bold : QFont::Normal);
    QTextCursor whole = c;
    whole.movePosition(QTextCursor::StartOfBlock);
    whole.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    whole.mergeCharFormat(look);
    c.mergeBlockCharFormat(look);
    c.endEditBlock();
    m_text->mergeCurrentCharFormat(look);
}

void RichTextEditor::toggleList(QTextListFormat::Style style)
{
    QTextCursor c = m_text->textCursor();
    c.beginEditBlock();
    if (QTextList *list = c.currentList()) {
        if (list->format().style() == style) { // pressed again: back to a paragraph
            list->remove(c.block());
            QTextBlockFormat b = c.blockFormat();
            b.setIndent(0);
            c.setBlockFormat(b);
        } else {
            QTextListFormat f = list->format();
            f.setStyle(style);
            list->setFormat(f);
        }
    } else {
        QTextBlockFormat b = c.blockFormat();
        if (b.headingLevel() > 0) {
            c.endEditBlock();
            setHeading(0);
            c = m_text->textCursor();
            c.beginEditBlock();
        }
        c.createList(style);
    }
    c.endEditBlock();
}

void RichTextEditor::clearFormat()
{
    QTextCursor c = m_text->textCursor();
    c.beginEditBlock();
    QTextCharFormat plain;
    plain.setFontWeight(QFont::Normal);
    plain.setFontItalic(false);
    plain.setFontUnderline(false);
    plain.setAnchor(false);
    plain.setAnchorHref(QString());
    plain.setForeground(m_text->palette().text());
    plain.setProperty(QTextFormat::FontSizeAdjustment, 0);
    if (c.hasSelection())
        c.mergeCharFormat(plain);
    c.endEditBlock();
    m_text->mergeCurrentCharFormat(plain);
    if (QTextList *list = c.currentList()) {
        list->remove(c.block());
        QTextBlockFormat b = c.blockFormat();
        b.setIndent(0);
        c.setBlockFormat(b);
    }
    if (c.blockFormat().headingLevel() > 0)
        setHeading(0);
    updateButtons();
}

bool RichTextEditor::setLink(const QString &url)
{
    const QString href = url.trimmed();
    if (!href.isEmpty() && !html::isAllowedLink(href))
        return false;
    QTextCursor c = m_text->textCursor();
    c.beginEditBlock();
    if (!c.hasSelection()) {
        // Inside a link: the whole link; else the word at the cursor; else the address itself.
        const QTextCharFormat at = c.charFormat();
        if (at.isAnchor() && !at.anchorHref().isEmpty()) {
            QTextBlock b = c.block();
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.contains(c.position()) || f.position() + f.length() == c.position())
                    if (f.charFormat().anchorHref() == at.anchorHref()) {
                        c.setPosition(f.position());
                        c.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
                        break;
                    }
            }
        }
        if (!c.hasSelection())
            c.select(QTextCursor::WordUnderCursor);
        if (!c.hasSelection() && !href.isEmpty()) {
            const int start = c.position();
            c.insertText(href);
            c.setPosition(start, QTextCursor::KeepAnchor);
        }
    }
    QTextCharFormat f;
    f.setAnchor(!href.isEmpty());
    f.setAnchorHref(href);
    f.setFontUnderline(!href.isEmpty());
    f.setForeground(href.isEmpty() ? m_text->palette().text() : m_text->palette().link());
    c.mergeCharFormat(f);
    c.endEditBlock();
    // Typing on after a link does not continue it (with a selection, the format below would
    // apply to it: the cursor goes to its end first).
    c.clearSelection();
    m_text->setTextCursor(c);
    QTextCharFormat after;
    after.setAnchor(false);
    after.setAnchorHref(QString());
    after.setFontUnderline(false);
    after.setForeground(m_text->palette().text());
    m_text->mergeCurrentCharFormat(after);
    return true;
}

void RichTextEditor::editLink()
{
    const QTextCharFormat at = m_text->textCursor().charFormat();
    LinkDialog dialog(at.isAnchor() ? at.anchorHref() : QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        setLink(dialog.url());
    m_text->setFocus();
}

void RichTextEditor::updateButtons()
{
    const QTextCharFormat f = m_text->currentCharFormat();
    const bool heading = m_text->textCursor().blockFormat().headingLevel() > 0;
    const std::pair<QToolButton *, bool> states[] = {{m_bold, !heading && f.fontWeight() >= QFont::DemiBold},
                                                     {m_italic, f.fontItalic()},
                                                     {m_underline, f.fontUnderline() && !f.isAnchor()}};
    for (const auto &[button, on] : states) {
        QSignalBlocker block(button->defaultAction());
        button->defaultAction()->setChecked(on);
    }
}

} // namespace tu::ui
