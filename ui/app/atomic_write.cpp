#include "ui/app/atomic_write.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace xmw::ui {

QString writeAtomically(const QString &path, const std::function<bool(const QString &)> &write)
{
    const QFileInfo target(path);
    // Keep the suffix: writers choose the format from it.
    QTemporaryFile temporary(target.absolutePath() + QStringLiteral("/.xmw-export-XXXXXX.") + target.suffix());
    if (!temporary.open())
        return QCoreApplication::translate("Export", "%1: cannot write in this folder (%2)").arg(path, temporary.errorString());
    const QString temporaryPath = temporary.fileName();
    temporary.close();
    if (!write(temporaryPath))
        return QCoreApplication::translate("Export", "%1: writing failed").arg(path);
    QFile::remove(path);
    if (!QFile::rename(temporaryPath, path))
        return QCoreApplication::translate("Export", "%1: cannot replace the file").arg(path);
    temporary.setAutoRemove(false);
    return {};
}

} // namespace xmw::ui
