#pragma once

#include <QString>

namespace xmw::ui {

// Where save dialogs for exports (figures, CSV, NetCDF) open: the folder of the last file exported,
// kept across sessions, else the home folder. The animation dialog keeps its own (videos).
[[nodiscard]] QString exportFolder();
// `fileName` in that folder: a save dialog's starting path.
[[nodiscard]] QString exportPath(const QString &fileName);
// After a file was written there.
void rememberExportFolder(const QString &writtenFile);

} // namespace xmw::ui
