#include "ui/app/atomic_write.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace xmw::ui {

QString writeAtomically(const QString &path, const std::function<bool(QIODevice &)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("Export", "%1: cannot write in this folder (%2)").arg(path, file.errorString());
    if (!write(file)) {
        file.cancelWriting();
        return QCoreApplication::translate("Export", "%1: writing failed").arg(path);
    }
    if (!file.commit())
        return QCoreApplication::translate("Export", "%1: cannot replace the file (%2)").arg(path, file.errorString());
    return {};
}

} // namespace xmw::ui
