#include "ui/app/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace xmw::ui {

QStringList availableLanguages()
{
    // English is the source language; the others have a translation compiled in (:/i18n).
    QStringList codes = {QStringLiteral("en")};
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("xmw_*.qm")}, QDir::Files, QDir::Name))
        codes << file.mid(4, file.size() - 7);
    return codes;
}

bool isTranslated(const QString &code)
{
    const QLocale asked(code);
    if (asked.language() == QLocale::C || asked.language() == QLocale::AnyLanguage)
        return false;
    for (const QString &available : availableLanguages()) {
        const QLocale locale(available);
        // "de_AT" uses the German translation; "zh_TW" does not use the simplified Chinese one.
        if (locale.language() == asked.language() &&
            (available.size() == 2 || locale.script() == asked.script() || locale.territory() == asked.territory()))
            return true;
    }
    return false;
}

QLocale installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);

    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("xmw"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(translator);
    return locale;
}

} // namespace xmw::ui
