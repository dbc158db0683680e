#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "content/ContentTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;

namespace tu {
class Core;
}

namespace tu::ui {

class ImagePicker;
class MessageBanner;

// The form for one item of any content type, built from its descriptor (ContentTypes): a line
// for Text and Digits, a box for LongText, a list for Choice, date and date-time inputs (in the
// school's time zone), an image picker for Image. Optional dates get a check box that says
// whether they are set. Rich-text fields (Markup::Html: news and announcement bodies) get a
// RichTextEditor, which shows formatting instead of tags. The service's per-field messages
// appear under the inputs.
class ContentEditor : public QWidget
{
    Q_OBJECT
public:
    ContentEditor(Core &core, const Actor &actor, const ContentType &type, MessageBanner *banner, QWidget *parent = nullptr);

    const ContentType &type() const { return m_type; }
    // An empty form for a new item (defaults: first option, today, now).
    void clear();
    // Fills the form from an item as ContentService::get returns it.
    void setItem(const QJsonObject &item);
    QString itemId() const { return m_id; }
    bool isNew() const { return m_id.isEmpty(); }
    // The input for ContentService::create/update: every field, dates as ISO with the school's
    // offset, images as media ids ("" for none).
    QJsonObject values() const;

    FormErrors &errors() { return m_errors; }
    QWidget *input(const QString &key) const { return m_inputs.value(key); }
    QCheckBox *enabledBox(const QString &key) const { return m_setBoxes.value(key); }
    ImagePicker *imagePicker(const QString &key) const;
    bool isBusy() const; // an image is uploading
    // True when the form has a main text that should take the height there is.
    bool grows() const;
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

signals:
    void edited();
    void busyChanged(bool busy);

private:
    void setValue(const ContentField &field, const QJsonValue &value);
    Core &m_core;
    Actor m_actor;
    const ContentType &m_type;
    FormErrors m_errors;
    QTimeZone m_zone;
    QString m_id;
    QHash<QString, QWidget *> m_inputs;
    QHash<QString, QCheckBox *> m_setBoxes; // optional Date/DateTime fields
};

} // namespace tu::ui
