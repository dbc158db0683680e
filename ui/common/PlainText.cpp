#include "PlainText.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTextDocument>

namespace tu::ui {

namespace {
constexpr char RichOnPurpose[] = "tuRichOnPurpose";
}

QLabel *plainLabel(QWidget *parent)
{
    return plainLabel(QString(), parent);
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setText(text);
    return l;
}

QLabel *richLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    markRichText(l);
    return l;
}

void markRichText(QLabel *label)
{
    label->setTextFormat(Qt::RichText);
    label->setProperty(RichOnPurpose, true);
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    // convertFromPlainText escapes <, > and & and turns line breaks into <br>; its <p> wrapper
    // makes QToolTip take the result as rich text, so the escapes are rendered, not shown.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

void makePlain(QMessageBox *box)
{
    box->setTextFormat(Qt::PlainText);
    for (QLabel *l : box->findChildren<QLabel *>())
        if (l->pixmap().isNull())
            l->setTextFormat(Qt::PlainText);
}

void plainLabelText(QProgressDialog *dialog, const QString &text)
{
    QLabel *label = plainLabel(text, dialog);
    dialog->setLabel(label); // takes ownership
}

QString chartText(const QString &text)
{
    return text.toHtmlEscaped();
}

QString notificationText(const QString &text)
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return text;
#else
    return text.toHtmlEscaped();
#endif
}

QList<QLabel *> plainTextViolations(QWidget *root)
{
    QList<QLabel *> labels = root->findChildren<QLabel *>();
    if (auto *self = qobject_cast<QLabel *>(root))
        labels.prepend(self);
    QList<QLabel *> bad;
    for (QLabel *l : labels) {
        if (l->textFormat() == Qt::PlainText || l->property(RichOnPurpose).toBool())
            continue;
        if (l->text().isEmpty() && !l->pixmap().isNull())
            continue;
        bad << l;
    }
    return bad;
}

void setBuiltHtml(QTextDocument &document, const QString &html)
{
    document.setHtml(html);
}

} // namespace tu::ui
