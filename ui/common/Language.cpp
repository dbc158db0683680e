#include "Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace tu::ui {

void installLanguage(const QString &language)
{
    if (language == QLatin1String("en")) {
        static QTranslator translator; // lives as long as the application
        if (translator.load(QStringLiteral(":/i18n/tatausaha_en.qm")))
            QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    } else {
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    }
}

} // namespace tu::ui
