#include "ContentEditor.h"
#include "common/SchoolTime.h"
#include "content/ContentText.h"
#include "content/ImagePicker.h"
#include "content/RichTextEditor.h"
#include "app/Core.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
// Asks for less width than QPlainTextEdit's 256 px so that a narrow form keeps it beside its
// label; the text wraps.
class TextBox : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;
    QSize sizeHint() const override { return {160, QPlainTextEdit::sizeHint().height()}; }
};

const QString DateFormat = QStringLiteral("dd/MM/yyyy");
const QString DateTimeFormat = QStringLiteral("dd/MM/yyyy HH:mm");
}

ContentEditor::ContentEditor(Core &core, const Actor &actor, const ContentType &type, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor), m_type(type), m_errors(banner), m_zone(core.settings().schoolZone())
{
    setObjectName(QStringLiteral("contentEditor"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow form puts wide inputs under their label

    for (const ContentField &field : type.fields) {
        QWidget *input = nullptr;
        QWidget *row = nullptr; // what goes beside the label when it is more than the input
        QString label = contentFieldText(field);
        if (field.required)
            label += QStringLiteral(" *");
        switch (field.kind) {
        case FieldKind::Text:
        case FieldKind::Digits: {
            auto *e = new QLineEdit(this);
            e->setMaxLength(field.maxLength);
            e->setPlaceholderText(contentPlaceholderText(field));
            if (field.kind == FieldKind::Digits)
                e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,%1}").arg(field.digits)), e));
            connect(e, &QLineEdit::textEdited, this, &ContentEditor::edited);
            input = e;
            break;
        }
        case FieldKind::LongText: {
            if (field.markup == Markup::Html) { // formatted text, never tags
                auto *r = new RichTextEditor(this);
                r->setFieldName(contentFieldText(field));
                r->setMinimumHeight(190);
                r->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
                connect(r, &RichTextEditor::changed, this, &ContentEditor::edited);
                input = r;
                break;
            }
            auto *e = new TextBox(this);
            e->setTabChangesFocus(true);
            e->setMinimumWidth(160);
            // The main text takes the room there is; shorter texts stay at a few lines.
            const bool body = field.maxLength > 5000;
            if (body) {
                e->setMinimumHeight(150);
                e->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
            } else {
                e->setFixedHeight(field.maxLength > 1000 ? 100 : 84);
            }
            if (m_type.name == QLatin1String("news") && field.key == QLatin1String("excerpt"))
                e->setPlaceholderText(tr("Kosongkan: diambil otomatis dari awal isi berita."));
            connect(e, &QPlainTextEdit::textChanged, this, &ContentEditor::edited);
            input = e;
            break;
        }
        case FieldKind::Choice: {
            auto *c = new QComboBox(this);
            for (const QString &o : field.options)
                c->addItem(contentOptionText(o), o);
            connect(c, &QComboBox::activated, this, &ContentEditor::edited);
            input = c;
            break;
        }
        case FieldKind::Date:
        case FieldKind::DateTime: {
            QDateTimeEdit *e = field.kind == FieldKind::Date ? new QDateEdit(this) : new QDateTimeEdit(this);
            e->setCalendarPopup(true);
            e->setTimeSpec(Qt::UTC); // a plain wall-clock time; the school's zone is applied on reading
            e->setDisplayFormat(field.kind == FieldKind::Date ? DateFormat : DateTimeFormat);
            e->setMinimumWidth(field.kind == FieldKind::Date ? 140 : 170);
            connect(e, &QDateTimeEdit::dateTimeChanged, this, &ContentEditor::edited);
            input = e;
            if (!field.required) {
                auto *box = new QWidget(this);
                auto *h = new QHBoxLayout(box);
                h->setContentsMargins(0, 0, 0, 0);
                h->setSpacing(10);
                auto *set = new QCheckBox(field.key == QLatin1String("publishedAt") ? tr("Atur waktu") : tr("Isi"), box);
                set->setObjectName(field.key + QStringLiteral("Set"));
                h->addWidget(set);
                h->addWidget(e, 1);
                if (field.key == QLatin1String("publishedAt"))
                    set->setToolTip(tr("Tanpa waktu terbit, berita yang diterbitkan tampil saat itu juga."));
                connect(set, &QCheckBox::toggled, e, &QWidget::setEnabled);
                connect(set, &QCheckBox::toggled, this, &ContentEditor::edited);
                e->setEnabled(false);
                m_setBoxes.insert(field.key, set);
                row = box;
            }
            break;
        }
        case FieldKind::Image: {
            auto *p = new ImagePicker(core, actor, this);
            connect(p, &ImagePicker::changed, this, [this, key = field.key] {
                m_errors.setFieldError(key, QString());
                emit edited();
            });
            connect(p, &ImagePicker::failed, this, [this, key = field.key](const QString &message) { m_errors.setFieldError(key, message); });
            connect(p, &ImagePicker::busyChanged, this, &ContentEditor::busyChanged);
            input = p;
            break;
        }
        }
        input->setObjectName(field.key + QStringLiteral("Field")); // not the bare key: "content" is a theme name
        m_inputs.insert(field.key, input);
        // The input (or its row with the check box) and its error label, stacked; FormErrors
        // marks the input itself.
        auto *stack = new QWidget(this);
        auto *v = new QVBoxLayout(stack);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(4);
        v->addWidget(row ? row : input);
        v->addWidget(m_errors.addField(field.key, input));
        form->addRow(formLabel(label, input), stack);
    }
    clear();
}

bool ContentEditor::grows() const
{
    for (const ContentField &f : m_type.fields)
        if (f.kind == FieldKind::LongText && f.maxLength > 5000)
            return true;
    return false;
}

ImagePicker *ContentEditor::imagePicker(const QString &key) const
{
    return qobject_cast<ImagePicker *>(m_inputs.value(key));
}

bool ContentEditor::isBusy() const
{
    for (QWidget *w : m_inputs)
        if (auto *p = qobject_cast<ImagePicker *>(w); p && p->isBusy())
            return true;
    return false;
}

void ContentEditor::clear()
{
    m_id.clear();
    m_errors.clear();
    for (const ContentField &field : m_type.fields)
        setValue(field, QJsonValue::Null);
}

void ContentEditor::setItem(const QJsonObject &item)
{
    m_id = item.value(QLatin1String("id")).toString();
    m_errors.clear();
    for (const ContentField &field : m_type.fields) {
        if (field.kind == FieldKind::Image)
            setValue(field, item.value(field.key + QStringLiteral("Id")));
        else
            setValue(field, item.value(field.key));
    }
    // A news item without its own summary comes with one made from its text; keep that automatic
    // rather than storing it as typed on the next save.
    if (m_type.name == QLatin1String("news")) {
        const QString excerpt = item.value(QLatin1String("excerpt")).toString();
        if (!excerpt.isEmpty() && excerpt == ContentService::excerptOf(item.value(QLatin1String("content")).toString()))
            if (auto *e = qobject_cast<QPlainTextEdit *>(m_inputs.value(QStringLiteral("excerpt")))) {
                QSignalBlocker block(e);
                e->clear();
            }
    }
}

void ContentEditor::setValue(const ContentField &field, const QJsonValue &value)
{
    QWidget *w = m_inputs.value(field.key);
    const QString v = value.toString();
    QSignalBlocker block(w);
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Digits:
        static_cast<QLineEdit *>(w)->setText(v);
        static_cast<QLineEdit *>(w)->setCursorPosition(0); // show the beginning of a long title
        break;
    case FieldKind::LongText:
        if (auto *r = qobject_cast<RichTextEditor *>(w))
            r->setStoredHtml(v);
        else
            static_cast<QPlainTextEdit *>(w)->setPlainText(v);
        break;
    case FieldKind::Choice: {
        auto *c = static_cast<QComboBox *>(w);
        const int i = c->findData(v);
        c->setCurrentIndex(i >= 0 ? i : 0);
        break;
    }
    case FieldKind::Date:
    case FieldKind::DateTime: {
        auto *e = static_cast<QDateTimeEdit *>(w);
        const QDateTime nowHere = SchoolTime(m_zone).now();
        QDateTime shown(nowHere.date(), field.kind == FieldKind::Date ? QTime(0, 0) : QTime(nowHere.time().hour(), 0), Qt::UTC);
        if (field.kind == FieldKind::Date) {
            const QDate d = QDate::fromString(v, QStringLiteral("yyyy-MM-dd"));
            if (d.isValid())
                shown.setDate(d);
        } else {
            const QDateTime t = QDateTime::fromString(v, Qt::ISODateWithMs);
            if (t.isValid()) {
                const QDateTime local = SchoolTime(m_zone).at(t);
                shown = QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()), Qt::UTC);
            }
        }
        e->setDateTime(shown);
        if (QCheckBox *set = m_setBoxes.value(field.key)) {
            QSignalBlocker blockSet(set);
            set->setChecked(!v.isEmpty());
            e->setEnabled(!v.isEmpty());
        }
        break;
    }
    case FieldKind::Image:
        static_cast<ImagePicker *>(w)->setMedia(v);
        break;
    }
}

QJsonObject ContentEditor::values() const
{
    QJsonObject o;
    for (const ContentField &field : m_type.fields) {
        QWidget *w = m_inputs.value(field.key);
        switch (field.kind) {
        case FieldKind::Text:
        case FieldKind::Digits:
            o.insert(field.key, static_cast<QLineEdit *>(w)->text());
            break;
        case FieldKind::LongText:
            if (auto *r = qobject_cast<RichTextEditor *>(w))
                o.insert(field.key, r->storedHtml());
            else
                o.insert(field.key, static_cast<QPlainTextEdit *>(w)->toPlainText());
            break;
        case FieldKind::Choice:
            o.insert(field.key, static_cast<QComboBox *>(w)->currentData().toString());
            break;
        case FieldKind::Date:
        case FieldKind::DateTime: {
            const QCheckBox *set = m_setBoxes.value(field.key);
            if (set && !set->isChecked()) {
                o.insert(field.key, QString());
                break;
            }
            const QDateTime t = static_cast<QDateTimeEdit *>(w)->dateTime();
            if (field.kind == FieldKind::Date)
                o.insert(field.key, t.date().toString(Qt::ISODate));
            else
                o.insert(field.key, QDateTime(t.date(), t.time(), m_zone).toString(Qt::ISODate));
            break;
        }
        case FieldKind::Image:
            o.insert(field.key, static_cast<ImagePicker *>(w)->mediaId());
            break;
        }
    }
    return o;
}

} // namespace tu::ui
