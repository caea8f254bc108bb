#include "ui/app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace xmw::ui {

QLocale installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);

    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("xmw"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(translator);
    return locale;
}

} // namespace xmw::ui
