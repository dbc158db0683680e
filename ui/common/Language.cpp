#include "Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace tu::ui {

void installLanguage(const QString &language)
{
    // Both live as long as the application; a later call switches from one to the other.
    static QTranslator english;     // our Indonesian source text in English
    static QTranslator qtIndonesian; // Qt's own texts (its source is English): buttons, dialogs, menus
    QCoreApplication::removeTranslator(&english);
    QCoreApplication::removeTranslator(&qtIndonesian);
    if (language == QLatin1String("en")) {
        if (english.load(QStringLiteral(":/i18n/tatausaha_en.qm")))
            QCoreApplication::installTranslator(&english);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    } else {
        if (qtIndonesian.load(QStringLiteral(":/i18n/qtbase_id.qm")))
            QCoreApplication::installTranslator(&qtIndonesian);
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    }
}

} // namespace tu::ui
