#include "ui/app/export_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace xmw::ui {

namespace {

const QString kKey = QStringLiteral("export/folder");

} // namespace

QString exportFolder()
{
    const QString folder = QSettings().value(kKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString exportPath(const QString &fileName) { return QDir(exportFolder()).filePath(fileName); }

void rememberExportFolder(const QString &writtenFile) { QSettings().setValue(kKey, QFileInfo(writtenFile).absolutePath()); }

} // namespace xmw::ui
