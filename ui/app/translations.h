#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace xmw::ui {

// Installs the explorer's translation (and Qt's own, where the system has it) for `language`,
// e.g. "de" or "zh_CN"; empty follows the system locale. Returns the locale now in use; English,
// the source language, needs no translation file.
QLocale installTranslations(QCoreApplication &app, const QString &language);

} // namespace xmw::ui
