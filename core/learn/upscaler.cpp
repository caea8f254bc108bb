#include "core/learn/upscaler.h"

#include "core/learn/model_io.h"

#include "core/data/atomic_file.h"
#include "core/data/calendar.h"
#include "core/data/data_error.h"
#include "core/data/hdf5_lock.h"
#include "core/data/netcdf_file.h"
#include "core/data/sample_builder.h"
#include "core/learn/predictor.h"
#include "core/version.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unistd.h>

namespace xmw::learn {

namespace {
constexpr int kDays = data::kSequenceDays;
constexpr float kFill = 1.0e20f;
} // namespace

std::vector<float> UpscaledYear::field(int dayOfYear, bool difference) const
{
    return meanField(dayOfYear, dayOfYear, difference);
}

std::vector<float> UpscaledYear::meanField(int first, int last, bool difference) const
{
    first = std::clamp(first, 0, kDays - 1);
    last = std::clamp(last, first, kDays - 1);
    std::vector<float> out(grid.cellCount(), std::numeric_limits<float>::quiet_NaN());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        double sum = 0;
        int count = 0;
        for (int day = first; day <= last; ++day) {
            const std::size_t i = c * kDays + std::size_t(day);
            const float v = difference ? values[i] - simulated[i] : values[i];
            if (std::isfinite(v)) {
                sum += v;
                ++count;
            }
        }
        if (count > 0)
            out[cells[c]] = float(sum / count);
    }
    return out;
}

Upscaler::Upscaler(const data::Dataset &dataset, const RunRecord &run, std::string device)
    : dataset_(dataset)
    , run_(run)
    , device_(std::move(device))
{
    if (!dataset_.grid())
        throw data::DataError(dataset_.root(), "upscaling needs a TEM-MDM folder");
}

UpscaledYear Upscaler::run(int year, Feedback &feedback, std::size_t chunk) const
{
    prepareRuntime();
    const auto start = std::chrono::steady_clock::now();
    const auto &years = dataset_.grid()->years();
    if (std::find(years.begin(), years.end(), year) == years.end())
        throw data::DataError(dataset_.root(), "no TEM-MDM data for " + std::to_string(year) + " (it has " +
                                                   std::to_string(years.front()) + "–" + std::to_string(years.back()) + ")");
    const data::SampleBuilder builder(dataset_);
    const Predictor predictor(run_, device_);
    const std::vector<std::size_t> valid = builder.validCells();
    UpscaledYear out;
    out.year = year;
    out.grid = dataset_.grid()->grid();
    for (std::size_t first = 0; first < valid.size(); first += chunk) {
        const std::vector<std::size_t> cells(valid.begin() + std::ptrdiff_t(first),
                                             valid.begin() + std::ptrdiff_t(std::min(valid.size(), first + chunk)));
        const double done = double(first) / double(valid.size()), share = double(cells.size()) / double(valid.size());
        const data::SampleSet samples = builder.cellSamples(year, cells, feedback, [&](double f) {
            feedback.setProgress(done + share * 0.5 * f, "upscaling " + std::to_string(year));
        });
        if (feedback.isCanceled())
            throw Canceled();
        const std::vector<float> predicted = predictor.predict(samples.x, samples.size());
        const int cols = out.grid.cols;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto day = [&](const std::vector<float> &v) { return v.begin() + std::ptrdiff_t(i * kDays); };
            if (coverage_ == Coverage::Simulated
                && std::any_of(day(samples.y), day(samples.y) + kDays, [](float v) { return std::isnan(v); })) {
                ++out.unsimulatedCells;
                continue;
            }
            out.cells.push_back(std::size_t(samples.rows[i]) * std::size_t(cols) + std::size_t(samples.cols[i]));
            out.values.insert(out.values.end(), day(predicted), day(predicted) + kDays);
            out.simulated.insert(out.simulated.end(), day(samples.y), day(samples.y) + kDays);
        }
        feedback.setProgress(done + share, "upscaling " + std::to_string(year));
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

void writeUpscaledNetcdf(const std::filesystem::path &path, const UpscaledYear &year, const RunRecord &run,
                         const std::string &history)
{
    const auto lock = data::hdf5Lock();
    data::writeFileAtomically(path, [&](const std::filesystem::path &partial) {
        data::NetcdfFile file = data::NetcdfFile::createInMemory(path);
        const data::Grid &g = year.grid;
        const int time = file.addDimension("time", kDays);
        const int lat = file.addDimension("lat", std::size_t(g.rows));
        const int lon = file.addDimension("lon", std::size_t(g.cols));
        const int nv = file.addDimension("nv", 2);
        const int timeVar = file.addVariable("time", std::span(&time, 1), {}, 0, true);
        const int latVar = file.addVariable("lat", std::span(&lat, 1), {}, 0, true);
        const int lonVar = file.addVariable("lon", std::span(&lon, 1), {}, 0, true);
        const int timeBoundsDims[2] = {time, nv}, latBoundsDims[2] = {lat, nv}, lonBoundsDims[2] = {lon, nv};
        const int timeBounds = file.addVariable("time_bnds", timeBoundsDims, {}, 0, true);
        const int latBounds = file.addVariable("lat_bnds", latBoundsDims, {}, 0, true);
        const int lonBounds = file.addVariable("lon_bnds", lonBoundsDims, {}, 0, true);
        file.setAttribute(timeVar, "units", "days since " + std::to_string(year.year) + "-01-01 00:00:00");
        file.setAttribute(timeVar, "calendar", "noleap");
        file.setAttribute(timeVar, "standard_name", "time");
        file.setAttribute(timeVar, "long_name", "time (start of the day)");
        file.setAttribute(timeVar, "axis", "T");
        file.setAttribute(timeVar, "bounds", "time_bnds");
        // Grid coordinates are cell centres; the bounds say which area each value stands for.
        file.setAttribute(latVar, "units", "degrees_north");
        file.setAttribute(latVar, "standard_name", "latitude");
        file.setAttribute(latVar, "long_name", "latitude of the cell centre");
        file.setAttribute(latVar, "axis", "Y");
        file.setAttribute(latVar, "bounds", "lat_bnds");
        file.setAttribute(lonVar, "units", "degrees_east");
        file.setAttribute(lonVar, "standard_name", "longitude");
        file.setAttribute(lonVar, "long_name", "longitude of the cell centre");
        file.setAttribute(lonVar, "axis", "X");
        file.setAttribute(lonVar, "bounds", "lon_bnds");
        const int dims[3] = {time, lat, lon};
        const std::size_t chunks[3] = {1, std::size_t(g.rows), std::size_t(g.cols)};
        const auto describeFlux = [&](int varid, const std::string &longName, const std::string &comment) {
            file.setAttribute(varid, "units", "nmol m-2 s-1");
            file.setAttribute(varid, "standard_name", "surface_upward_mole_flux_of_methane");
            file.setAttribute(varid, "long_name", longName);
            file.setAttribute(varid, "cell_methods", "time: mean");
            file.setAttribute(varid, "_FillValue", kFill, true);
            file.setAttribute(varid, "comment", comment);
        };
        const int prediction = file.addVariable("CH4_prediction", dims, chunks, 4);
        describeFlux(prediction,
                     "daily wetland CH4 emission predicted by " + modelName(run.config.model.kind) + " (" + methodName(run.config.method) + ")",
                     "nmol CH4 m-2 s-1, the daily mean; cells without a prediction (ocean, missing inputs) are filled");
        const int simulated = file.addVariable("CH4_emission_TEM_MDM", dims, chunks, 4);
        describeFlux(simulated, "daily wetland CH4 emission simulated by TEM-MDM",
                     "TEM-MDM's CH4_emission on the same cells, converted to nmol CH4 m-2 s-1 (the daily mean)");
        file.setAttribute(data::NetcdfFile::kGlobal, "Conventions", "CF-1.8");
        file.setAttribute(data::NetcdfFile::kGlobal, "title", "X-MethaneWet upscaled CH4 prediction, " + std::to_string(year.year));
        file.setAttribute(data::NetcdfFile::kGlobal, "source", std::string("xmw ") + kVersion + ", run '" + run.name + "' (" +
                                                                   run.config.toJson() + ")");
        file.setAttribute(data::NetcdfFile::kGlobal, "history", history);
        file.setAttribute(data::NetcdfFile::kGlobal, "calendar_note", "365-day sequences: 29 February is not predicted");
        file.endDefinitions();

        std::vector<double> coordinate(static_cast<std::size_t>(kDays)), bounds(2 * std::size_t(kDays));
        for (int d = 0; d < kDays; ++d) {
            coordinate[std::size_t(d)] = d;
            bounds[2 * std::size_t(d)] = d;
            bounds[2 * std::size_t(d) + 1] = d + 1;
        }
        std::size_t start1[1] = {0}, count1[1] = {std::size_t(kDays)};
        std::size_t start2[2] = {0, 0}, count2[2] = {std::size_t(kDays), 2};
        file.write(timeVar, start1, count1, coordinate.data());
        file.write(timeBounds, start2, count2, bounds.data());
        const auto writeAxis = [&](int varid, int boundsVarid, int n, double first, double step) {
            coordinate.resize(std::size_t(n));
            bounds.resize(2 * std::size_t(n));
            for (int i = 0; i < n; ++i) {
                coordinate[std::size_t(i)] = first + i * step;
                bounds[2 * std::size_t(i)] = first + (i - 0.5) * step;
                bounds[2 * std::size_t(i) + 1] = first + (i + 0.5) * step;
            }
            count1[0] = count2[0] = std::size_t(n);
            file.write(varid, start1, count1, coordinate.data());
            file.write(boundsVarid, start2, count2, bounds.data());
        };
        writeAxis(latVar, latBounds, g.rows, g.lat(0), g.dLat);
        writeAxis(lonVar, lonBounds, g.cols, g.lon(0), g.dLon);

        for (int day = 0; day < kDays; ++day)
            for (const int which : {prediction, simulated}) {
                std::vector<float> field(g.cellCount(), kFill);
                const std::vector<float> &source = which == prediction ? year.values : year.simulated;
                for (std::size_t c = 0; c < year.cells.size(); ++c) {
                    const float v = source[c * kDays + std::size_t(day)];
                    if (std::isfinite(v))
                        field[year.cells[c]] = v;
                }
                const std::size_t start[3] = {std::size_t(day), 0, 0};
                const std::size_t count[3] = {1, std::size_t(g.rows), std::size_t(g.cols)};
                file.write(which, start, count, field.data());
            }
        file.closeInto(partial);
    });
}

} // namespace xmw::learn
