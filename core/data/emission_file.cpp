#include "core/data/emission_file.h"

#include "core/data/atomic_file.h"
#include "core/data/cell_area.h"
#include "core/data/data_error.h"
#include "core/data/grid_variable_file.h"
#include "core/data/netcdf_file.h"
#include "core/data/units.h"
#include "core/version.h"

#include <cmath>
#include <map>
#include <set>

namespace xmw::data {

namespace {

constexpr float kFill = -9999.0f;

} // namespace

std::filesystem::path emissionsFileOf(const std::filesystem::path &upscaled)
{
    std::filesystem::path out = upscaled;
    out.replace_extension(".emissions.nc");
    return out;
}

EmissionsSummary writeEmissionsNetcdf(const std::filesystem::path &upscaled, const WetlandAreaMap &wetland,
                                      const std::filesystem::path &out, const std::string &history, Feedback &feedback)
{
    const GridVariableFile run(upscaled, "CH4_prediction");
    if (run.layout() != GridVariableFile::Layout::TimeLatLon)
        throw DataError(upscaled, "CH4_prediction is not a (time, lat, lon) field: not a file written by xmw upscale");
    const auto unit = units::parseFlux(run.units());
    if (!unit)
        throw DataError(upscaled, "CH4_prediction's units '" + run.units() + "' are not a methane flux this tool converts");
    const double toMg = units::convert(1.0, *unit, units::Flux::MgPerSquareMetrePerDay);
    const Grid &g = run.grid();
    const std::size_t cells = g.cellCount();

    // The run's days by month, in order.
    std::map<std::pair<int, int>, std::vector<int>> days;
    for (std::size_t step = 0; step < run.dates().size(); ++step)
        days[{run.dates()[step].year, run.dates()[step].month}].push_back(int(step));
    if (days.empty())
        throw DataError(upscaled, "CH4_prediction has no days");
    const int firstYear = days.begin()->first.first;

    EmissionsSummary summary;
    summary.months = int(days.size());
    const std::vector<double> areas = rowAreas(g);
    writeFileAtomically(out, [&](const std::filesystem::path &partial) {
        NetcdfFile file = NetcdfFile::create(partial);
        const int timeDim = file.addDimension("time", days.size()), latDim = file.addDimension("lat", std::size_t(g.rows)),
                  lonDim = file.addDimension("lon", std::size_t(g.cols)), nv = file.addDimension("nv", 2);
        const int timeBoundsDims[2] = {timeDim, nv}, latBoundsDims[2] = {latDim, nv}, lonBoundsDims[2] = {lonDim, nv};
        const int timeVar = file.addVariable("time", std::span(&timeDim, 1), {}, 0, true);
        const int timeBounds = file.addVariable("time_bnds", timeBoundsDims, {}, 0, true);
        const int latVar = file.addVariable("lat", std::span(&latDim, 1), {}, 0, true);
        const int latBounds = file.addVariable("lat_bnds", latBoundsDims, {}, 0, true);
        const int lonVar = file.addVariable("lon", std::span(&lonDim, 1), {}, 0, true);
        const int lonBounds = file.addVariable("lon_bnds", lonBoundsDims, {}, 0, true);
        const std::string timeUnits = "days since " + std::to_string(firstYear) + "-01-01 00:00:00";
        file.setAttribute(timeVar, "units", timeUnits);
        file.setAttribute(timeVar, "calendar", "noleap");
        file.setAttribute(timeVar, "standard_name", "time");
        file.setAttribute(timeVar, "bounds", "time_bnds");
        file.setAttribute(latVar, "units", "degrees_north");
        file.setAttribute(latVar, "standard_name", "latitude");
        file.setAttribute(latVar, "bounds", "lat_bnds");
        file.setAttribute(lonVar, "units", "degrees_east");
        file.setAttribute(lonVar, "standard_name", "longitude");
        file.setAttribute(lonVar, "bounds", "lon_bnds");

        const int fieldDims[3] = {timeDim, latDim, lonDim};
        const std::size_t chunks[3] = {1, std::size_t(g.rows), std::size_t(g.cols)};
        const int total = file.addVariable("CH4_emission_total", fieldDims, chunks, 1);
        file.setAttribute(total, "units", "Tg");
        file.setAttribute(total, "long_name", "wetland CH4 emitted by the grid cell in the month (Tg CH4)");
        file.setAttribute(total, "cell_methods", "time: sum area: sum");
        file.setAttribute(total, "_FillValue", kFill, true);
        const int fraction = file.addVariable("wetland_fraction", fieldDims, chunks, 1);
        file.setAttribute(fraction, "units", "1");
        file.setAttribute(fraction, "long_name",
                          "fraction of the grid cell that is wetland, from " + wetland.path().filename().string() + " ('" +
                              wetland.variable() + "'), regridded conservatively");
        file.setAttribute(fraction, "_FillValue", kFill, true);
        const int area = file.addVariable("cell_area", std::span(fieldDims + 1, 2), {}, 0, true);
        file.setAttribute(area, "units", "m2");
        file.setAttribute(area, "standard_name", "cell_area");
        file.setAttribute(area, "comment", "on a sphere of radius 6371007.181 m (the authalic radius of GRS80)");
        const int climatology = file.addVariable("wetland_fraction_is_climatology", std::span(&timeDim, 1));
        file.setAttribute(climatology, "units", "1");
        file.setAttribute(climatology, "long_name",
                          "1 where the wetland map has no data for the month and its monthly climatology is used");
        file.setAttribute(climatology, "flag_values", "0, 1");
        file.setAttribute(total, "ancillary_variables", "wetland_fraction wetland_fraction_is_climatology");
        file.setAttribute(NetcdfFile::kGlobal, "Conventions", "CF-1.8");
        file.setAttribute(NetcdfFile::kGlobal, "title",
                          "Wetland CH4 emissions (Tg per grid cell and month) of " + upscaled.filename().string());
        file.setAttribute(NetcdfFile::kGlobal, "source", std::string("xmw ") + kVersion + " from " + upscaled.filename().string());
        file.setAttribute(NetcdfFile::kGlobal, "history", history);
        file.setAttribute(NetcdfFile::kGlobal, "comment",
                          "mass = CH4_prediction (converted to mg m-2 d-1 at 1.3863 per nmol m-2 s-1) x cell_area x wetland_fraction x 1 "
                          "day, summed over the month's days of the 365-day year (29 February left out); see docs/budget.md");
        file.endDefinitions();

        std::vector<double> latValues(std::size_t(g.rows)), lonValues(std::size_t(g.cols)), latB(latValues.size() * 2),
            lonB(lonValues.size() * 2), areaValues(cells);
        for (int r = 0; r < g.rows; ++r) {
            latValues[std::size_t(r)] = g.lat(r);
            latB[std::size_t(r) * 2] = std::max(-90.0, g.lat(r) - g.dLat / 2);
            latB[std::size_t(r) * 2 + 1] = std::min(90.0, g.lat(r) + g.dLat / 2);
            for (int c = 0; c < g.cols; ++c)
                areaValues[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)] = areas[std::size_t(r)];
        }
        for (int c = 0; c < g.cols; ++c) {
            lonValues[std::size_t(c)] = g.lon(c);
            lonB[std::size_t(c) * 2] = g.lon(c) - g.dLon / 2;
            lonB[std::size_t(c) * 2 + 1] = g.lon(c) + g.dLon / 2;
        }
        const std::size_t zero[2] = {0, 0};
        const std::size_t latCount[2] = {latValues.size(), 2}, lonCount[2] = {lonValues.size(), 2},
                          areaCount[2] = {std::size_t(g.rows), std::size_t(g.cols)};
        file.write(latVar, std::span(zero, 1), std::span(latCount, 1), latValues.data());
        file.write(latBounds, zero, latCount, latB.data());
        file.write(lonVar, std::span(zero, 1), std::span(lonCount, 1), lonValues.data());
        file.write(lonBounds, zero, lonCount, lonB.data());
        file.write(area, zero, areaCount, areaValues.data());

        std::vector<double> mg(cells);
        std::vector<int> counted(cells);
        std::vector<float> field(cells), wetField(cells);
        std::size_t month = 0;
        for (const auto &[key, steps] : days) {
            if (feedback.isCanceled())
                throw Canceled();
            feedback.setProgress(double(month) / double(days.size()), "emissions " + std::to_string(key.first));
            std::fill(mg.begin(), mg.end(), 0.0);
            std::fill(counted.begin(), counted.end(), 0);
            for (const int step : steps) {
                const std::vector<float> values = run.readField(0, step);
                for (std::size_t c = 0; c < cells; ++c)
                    if (std::isfinite(values[c])) {
                        mg[c] += double(values[c]) * toMg;
                        ++counted[c];
                    }
            }
            const std::vector<float> fw = wetland.fraction(key.first, key.second);
            const bool fromClimatology = !wetland.hasMonth(key.first, key.second);
            summary.climatologyMonths += fromClimatology ? 1 : 0;
            for (std::size_t c = 0; c < cells; ++c) {
                if (counted[c] == 0) {
                    field[c] = kFill;
                    wetField[c] = kFill;
                    continue;
                }
                const double tg = mg[c] * areas[c / std::size_t(g.cols)] * double(fw[c]) * 1e-15;
                summary.teragrams += tg;
                field[c] = float(tg);
                wetField[c] = fw[c];
            }
            const std::size_t start[3] = {month, 0, 0}, count[3] = {1, std::size_t(g.rows), std::size_t(g.cols)};
            file.write(total, start, count, field.data());
            file.write(fraction, start, count, wetField.data());
            // Time: the month's middle in days since the first year's 1 January, on the noleap calendar.
            const int length = int(steps.size());
            const int yearOffset = (key.first - firstYear) * 365;
            static constexpr int kMonthStart[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
            const double begin = yearOffset + kMonthStart[key.second - 1], bounds[2] = {begin, begin + length};
            const double middle = begin + length / 2.0;
            const float flag = fromClimatology ? 1.0f : 0.0f;
            const std::size_t one = 1, two[2] = {1, 2}, at[2] = {month, 0};
            file.write(timeVar, std::span(&month, 1), std::span(&one, 1), &middle);
            file.write(timeBounds, at, two, bounds);
            file.write(climatology, std::span(&month, 1), std::span(&one, 1), &flag);
            ++month;
        }
        file.close();
    });
    feedback.setProgress(1.0, "done");
    return summary;
}

} // namespace xmw::data
