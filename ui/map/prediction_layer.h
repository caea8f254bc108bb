#pragma once

#include "core/learn/run_file.h"
#include "core/learn/upscaler.h"

#include <QString>

#include <memory>

namespace xmw::ui {

// A run applied to every valid cell of one year (learn::Upscaler): the map shows it as a
// "prediction" layer and as a "prediction − TEM-MDM" layer.
struct PredictionLayer {
    QString runPath;
    learn::RunRecord run; // configuration and labels; no weights
    std::shared_ptr<const learn::UpscaledYear> year;

    // "lstm finetune (my run), 2016", for menus and captions.
    [[nodiscard]] QString title() const;
};
using PredictionLayerPtr = std::shared_ptr<const PredictionLayer>;

// Writes the layer as CF NetCDF (see learn::writeUpscaledNetcdf); empty or the problem.
QString writePredictionNetcdf(const PredictionLayer &layer, const QString &path);

} // namespace xmw::ui
