#include "FormErrors.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tu::ui {

QLabel *FormErrors::addField(const QString &field, QWidget *input)
{
    auto *label = plainLabel();
    label->setProperty("role", QStringLiteral("fieldError"));
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->hide();
    m_fields.insert(field, Field{input, label});
    m_order << field;
    return label;
}

QWidget *FormErrors::withError(const QString &field, QWidget *input)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(4);
    v->addWidget(input);
    v->addWidget(addField(field, input));
    return box;
}

void FormErrors::clear()
{
    if (m_banner)
        m_banner->clear();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        setFieldError(it.key(), QString());
}

void FormErrors::setFieldError(const QString &field, const QString &text)
{
    const auto it = m_fields.constFind(field);
    if (it == m_fields.constEnd())
        return;
    it->label->setText(text);
    it->label->setVisible(!text.isEmpty());
    if (it->input) {
        it->input->setProperty("invalid", !text.isEmpty());
        theme::repolish(it->input);
    }
}

void FormErrors::show(const Error &error)
{
    clear();
    QStringList unplaced; // a field the form has no input for still reaches the user
    for (auto it = error.fields.begin(); it != error.fields.end(); ++it) {
        if (m_fields.contains(it.key()))
            setFieldError(it.key(), it.value());
        else
            unplaced << it.value();
    }
    QString general = error.message;
    if (!unplaced.isEmpty())
        general += QLatin1Char('\n') + unplaced.join(QLatin1Char('\n'));
    if (m_banner && !general.isEmpty())
        m_banner->showError(general);
    fitWindow();
    for (const QString &name : m_order) { // focus the first bad input
        const Field &f = m_fields[name];
        if (!f.label->text().isEmpty() && f.input) {
            f.input->setFocus();
            break;
        }
    }
}

void FormErrors::fitWindow()
{
    if (!m_window)
        return;
    // Grow (never shrink below what the user sized) so wrapped messages get their height.
    const QSize before = m_window->size();
    m_window->adjustSize();
    m_window->resize(m_window->width() < before.width() ? before.width() : m_window->width(),
                     qMax(m_window->height(), m_window->sizeHint().height()));
}

QLabel *formLabel(const QString &text, QWidget *buddy)
{
    auto *l = plainLabel(text);
    l->setBuddy(buddy);
    // Qt finds a buddy's label only among the input's siblings, and FormErrors wraps the input
    // in a row of its own: name the input after its label, so a screen reader reads
    // "Nama lengkap, edit text" instead of "edit text".
    if (buddy && buddy->accessibleName().isEmpty()) {
        QString name = text;
        name.remove(QLatin1Char('&'));
        if (name.endsWith(QLatin1Char('*'))) // "required" marker
            name.chop(1);
        buddy->setAccessibleName(name.trimmed());
    }
    l->setContentsMargins(0, 7, 0, 0);
    l->setProperty("look", QStringLiteral("formLabel"));
    return l;
}

QString FormErrors::fieldError(const QString &field) const
{
    const auto it = m_fields.constFind(field);
    return it == m_fields.constEnd() ? QString() : it->label->text();
}

QLabel *FormErrors::label(const QString &field) const
{
    const auto it = m_fields.constFind(field);
    return it == m_fields.constEnd() ? nullptr : it->label;
}

} // namespace tu::ui
