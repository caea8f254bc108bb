#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace xmw::ui {

// Installs the explorer's translation (and Qt's own, where the system has it) for `language`,
// e.g. "de" or "zh_CN"; empty follows the system locale. Returns the locale now in use; English,
// the source language, needs no translation file.
QLocale installTranslations(QCoreApplication &app, const QString &language);

// The interface languages shipped ("en", "de", "zh_CN"), and whether a code such as "de_AT" has one.
[[nodiscard]] QStringList availableLanguages();
[[nodiscard]] bool isTranslated(const QString &code);

} // namespace xmw::ui
