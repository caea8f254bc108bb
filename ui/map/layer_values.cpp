#include "ui/map/layer_values.h"

#include "core/data/dataset.h"
#include "core/data/units.h"
#include "core/feedback.h"

#include <QCoreApplication>

#include <stdexcept>

namespace xmw::ui {

namespace {

// The prediction layer's values for the day, month or year (29 February shows the 28th: the
// benchmark's years have 365 days).
std::vector<float> predictionValues(const learn::UpscaledYear &year, bool difference, data::Date date, data::Period period)
{
    if (period == data::Period::Year)
        return year.meanField(0, data::kSequenceDays - 1, difference);
    if (period == data::Period::Month)
        return year.meanField(data::sequenceDayShowing({year.year, date.month, 1}),
                              data::sequenceDayShowing({year.year, date.month, data::daysInMonth(year.year, date.month)}), difference);
    return year.field(data::sequenceDayShowing({year.year, date.month, date.day}), difference);
}

} // namespace

LayerValues readLayerValues(const MapLayerRef &layer, data::Date date, data::Period period, const MapStyle &style)
{
    LayerValues out;
    out.style = style;
    if (layer.prediction) {
        const learn::UpscaledYear &year = *layer.prediction->year;
        out.variable = layer.difference ? QCoreApplication::translate("FieldRequester", "prediction − TEM-MDM")
                                        : QCoreApplication::translate("FieldRequester", "prediction");
        out.units = QStringLiteral("nmol m-2 s-1");
        out.grid = year.grid;
        out.values = predictionValues(year, layer.difference, date, period);
        if (layer.difference) {
            // A difference reads right only centred on zero; a log scale cannot show it.
            out.style.palette = Palette::Diverging;
            out.style.logarithmic = false;
        }
    } else {
        if (!layer.dataset || !layer.dataset->grid())
            throw std::runtime_error("this dataset has no TEM-MDM grids");
        const data::GridDataset &grid = *layer.dataset->grid();
        const auto &variable = grid.variable(layer.variable.toStdString());
        Feedback unattended;
        out.variable = layer.variable;
        out.units = QString::fromStdString(variable.units);
        out.cadence = variable.cadence;
        out.grid = grid.grid();
        out.values = data::periodMean(grid, variable.name, date, period, unattended);
    }
    // A methane flux is shown in the window's unit, whatever unit its file has.
    if (const auto unit = data::units::parseFlux(out.units.toStdString())) {
        if (*unit != style.fluxUnit)
            for (float &v : out.values)
                v = float(data::units::convert(v, *unit, style.fluxUnit));
        out.units = QString::fromStdString(data::units::symbol(style.fluxUnit));
    }
    return out;
}

} // namespace xmw::ui
