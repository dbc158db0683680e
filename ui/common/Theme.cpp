#include "Theme.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QVariant>
#include <QWidget>

namespace tu::ui::theme {

namespace {
const QHash<QString, QColor> &tokens()
{
    static const QHash<QString, QColor> t = [] {
        QHash<QString, QColor> h;
#define TU_THEME_NAME(constant, name, rgb) h.insert(QStringLiteral(#name), constant);
        TU_THEME_TOKENS(TU_THEME_NAME)
#undef TU_THEME_NAME
        return h;
    }();
    return t;
}

const QRegularExpression &tokenPattern()
{
    static const QRegularExpression p(QStringLiteral("@([A-Za-z]+)"));
    return p;
}
} // namespace

QColor token(const QString &name)
{
    return tokens().value(name);
}

QStringList unknownTokens(const QString &sheet)
{
    QStringList unknown;
    for (auto it = tokenPattern().globalMatch(sheet); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!tokens().contains(name) && !unknown.contains(name))
            unknown << name;
    }
    return unknown;
}

QString styleSheet()
{
    QFile f(QStringLiteral(":/theme/tatausaha.qss"));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("theme: the style sheet resource is missing");
        return {};
    }
    const QString sheet = QString::fromUtf8(f.readAll());
    QString out;
    out.reserve(sheet.size());
    qsizetype last = 0;
    for (auto it = tokenPattern().globalMatch(sheet); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(sheet).mid(last, m.capturedStart() - last);
        const QColor c = token(m.captured(1));
        out += c.isValid() ? c.name() : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(sheet).mid(last);
    return out;
}

void apply(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = app.palette();
    p.setColor(QPalette::Window, Canvas);
    p.setColor(QPalette::Base, Surface);
    p.setColor(QPalette::AlternateBase, Subtle);
    p.setColor(QPalette::Text, TextStrong);
    p.setColor(QPalette::WindowText, TextStrong);
    p.setColor(QPalette::ButtonText, TextStrong);
    p.setColor(QPalette::Button, Surface);
    p.setColor(QPalette::Highlight, Primary);
    p.setColor(QPalette::HighlightedText, OnAccent);
    p.setColor(QPalette::PlaceholderText, TextFaint);
    p.setColor(QPalette::Link, Primary);
    app.setPalette(p);
    app.setStyleSheet(styleSheet());
}

void setVariant(QWidget *button, const char *variant)
{
    button->setProperty("variant", QString::fromLatin1(variant));
    repolish(button);
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace tu::ui::theme
