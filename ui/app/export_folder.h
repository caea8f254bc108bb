#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace xmw::ui {

// Where save dialogs for exports (figures, CSV, NetCDF) open: the folder of the last file exported,
// kept across sessions, else the home folder. The animation dialog keeps its own (videos).
[[nodiscard]] QString exportFolder();
// `fileName` in that folder: a save dialog's starting path.
[[nodiscard]] QString exportPath(const QString &fileName);
// After a file was written there.
void rememberExportFolder(const QString &writtenFile);
// A save dialog in that folder for `fileName`; `write` writes the file chosen and returns an error
// (shown in a warning) or nothing (the folder is remembered).
void exportThroughDialog(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
                         const std::function<QString(const QString &)> &write);

} // namespace xmw::ui
