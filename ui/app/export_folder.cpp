#include "ui/app/export_folder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
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

void exportThroughDialog(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
                         const std::function<QString(const QString &)> &write)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, exportPath(fileName), filter);
    if (path.isEmpty())
        return;
    if (const QString error = write(path); !error.isEmpty())
        QMessageBox::warning(parent, title, error);
    else
        rememberExportFolder(path);
}

} // namespace xmw::ui
