#pragma once
#include "Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

class QLabel;
class QWidget;

namespace tu::ui {

class MessageBanner;

// Shows a service Error on a form exactly as the service words it: the general message in the
// banner on top, each per-field message in a small red label under its input (which gets a red
// border). Field names are the service's (`username`, `password`, …).
class FormErrors
{
public:
    // `window`: the dialog to grow when messages appear (wrapped labels need the room).
    explicit FormErrors(MessageBanner *banner, QWidget *window = nullptr) : m_banner(banner), m_window(window) {}

    // Creates the hidden error label for `field`; the caller puts it under `input` (see
    // withError()).
    QLabel *addField(const QString &field, QWidget *input);
    // input and its error label stacked, for one row of a QFormLayout.
    QWidget *withError(const QString &field, QWidget *input);

    void clear();
    void show(const Error &error);
    void setFieldError(const QString &field, const QString &text);
    QString fieldError(const QString &field) const;
    QLabel *label(const QString &field) const;

private:
    struct Field { QWidget *input; QLabel *label; };
    void fitWindow();
    MessageBanner *m_banner;
    QWidget *m_window;
    QHash<QString, Field> m_fields;
    QStringList m_order; // form order, for focusing the first bad input
};

// A QFormLayout label that lines up with the text of a single-line input beside it, also when
// an error label under the input makes the row taller.
QLabel *formLabel(const QString &text, QWidget *buddy = nullptr);

} // namespace tu::ui
