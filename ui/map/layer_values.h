#pragma once

#include "core/data/calendar.h"
#include "core/data/grid.h"
#include "core/data/period_mean.h"
#include "ui/map/colour_scale.h"
#include "ui/map/prediction_layer.h"

#include <QString>

#include <memory>
#include <vector>

namespace xmw::data {
class Dataset;
}

namespace xmw::ui {

// A map layer: a TEM-MDM variable of a dataset, or an upscaled run's prediction (or its difference
// from TEM-MDM).
struct MapLayerRef {
    std::shared_ptr<const data::Dataset> dataset;
    QString variable;
    PredictionLayerPtr prediction;
    bool difference = false;
};

// One period's values of a layer, as the map shows them.
struct LayerValues {
    QString variable; // the TEM-MDM variable, or "prediction" / "prediction − TEM-MDM"
    QString units; // a methane flux in the style's unit
    data::Cadence cadence = data::Cadence::Daily;
    data::Grid grid;
    std::vector<float> values;
    MapStyle style; // the asked-for style, as this layer can show it (a difference: diverging, linear)
};

// Reads (or, for a month or year, averages) a layer's values for the period holding `date` and
// converts a methane flux to the style's unit. Throws with the problem (no grids, no variable,
// a file that cannot be read). A prediction covers its own year only; 29 February shows the 28th.
[[nodiscard]] LayerValues readLayerValues(const MapLayerRef &layer, data::Date date, data::Period period, const MapStyle &style);

} // namespace xmw::ui
