#include "ui/map/prediction_layer.h"

#include "core/version.h"

#include <QCoreApplication>

namespace xmw::ui {

QString PredictionLayer::title() const
{
    return QCoreApplication::translate("PredictionLayer", "%1 %2 (%3), %4")
        .arg(QString::fromStdString(learn::modelName(run.config.model.kind)), QString::fromStdString(learn::methodName(run.config.method)),
             QString::fromStdString(run.name))
        .arg(year ? year->year : 0);
}

QString writePredictionNetcdf(const PredictionLayer &layer, const QString &path)
{
    if (!layer.year)
        return QCoreApplication::translate("PredictionLayer", "There is no prediction to write.");
    try {
        learn::writeUpscaledNetcdf(path.toStdString(), *layer.year, layer.run,
                                   learn::utcNow() + ": X-MethaneWet Explorer " + kVersion + ", upscaled from " +
                                       layer.runPath.toStdString());
        return {};
    } catch (const std::exception &error) {
        return QString::fromStdString(error.what());
    }
}

} // namespace xmw::ui
