#include "core/learn/upscaler.h"

#include "core/learn/model_io.h"

#include "core/data/atomic_file.h"
#include "core/data/calendar.h"
#include "core/data/data_error.h"
#include "core/data/hdf5_lock.h"
#include "core/data/netcdf_file.h"
#include "core/data/sample_builder.h"
#include "core/learn/predictor.h"
#include "core/learn/upscale_parts.h"
#include "core/version.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unistd.h>

namespace xmw::learn {

namespace {
constexpr int kDays = data::kSequenceDays;
} // namespace

std::vector<float> UpscaledYear::field(int dayOfYear, bool difference) const { return meanField(dayOfYear, dayOfYear, difference); }

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
        throw data::DataError(dataset_.root(),
                              "no TEM-MDM data for " + std::to_string(year) + " (it has " + std::to_string(years.front()) + "–" +
                                  std::to_string(years.back()) + ")");
    const data::SampleBuilder builder(dataset_);
    const Predictor predictor(run_, device_);
    std::vector<std::size_t> valid = builder.validCells();
    if (blocks_ > 1) { // contiguous blocks: each part reads its own rows of the grid
        const std::size_t n = valid.size(), b = std::size_t(block_), k = std::size_t(blocks_);
        const std::size_t begin = b * (n / k) + std::min(b, n % k), size = n / k + (b < n % k ? 1 : 0);
        valid = std::vector<std::size_t>(valid.begin() + std::ptrdiff_t(begin), valid.begin() + std::ptrdiff_t(begin + size));
    }
    UpscaledYear out;
    out.year = year;
    out.coverage = coverage_ == Coverage::Simulated ? "simulated" : "all-land";
    out.grid = dataset_.grid()->grid();
    for (std::size_t first = 0; first < valid.size(); first += chunk) {
        const std::vector<std::size_t> cells(valid.begin() + std::ptrdiff_t(first),
                                             valid.begin() + std::ptrdiff_t(std::min(valid.size(), first + chunk)));
        const double done = double(first) / double(valid.size()), share = double(cells.size()) / double(valid.size());
        const data::SampleSet samples = builder.cellSamples(
            year, cells, feedback, [&](double f) { feedback.setProgress(done + share * 0.5 * f, "upscaling " + std::to_string(year)); });
        if (feedback.isCanceled())
            throw Canceled();
        const std::vector<float> predicted = predictor.predict(samples.x, samples.size());
        const int cols = out.grid.cols;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto day = [&](const std::vector<float> &v) { return v.begin() + std::ptrdiff_t(i * kDays); };
            if (coverage_ == Coverage::Simulated &&
                std::any_of(day(samples.y), day(samples.y) + kDays, [](float v) { return std::isnan(v); })) {
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

void writeUpscaledNetcdf(const std::filesystem::path &path, const UpscaledYear &year, const RunRecord &run, const std::string &history,
                         const std::string &part)
{
    const auto lock = data::hdf5Lock();
    data::writeFileAtomically(path, [&](const std::filesystem::path &partial) {
        data::NetcdfFile file = data::NetcdfFile::createInMemory(path);
        const data::Grid &g = year.grid;
        UpscaledFileInfo info;
        info.grid = g;
        info.firstYear = year.year;
        info.title = "X-MethaneWet upscaled CH4 prediction, " + std::to_string(year.year);
        info.source = std::string("xmw ") + kVersion + ", run '" + run.name + "' (" + run.config.toJson() + ")";
        info.history = history;
        info.predictionLongName =
            "daily wetland CH4 emission predicted by " + modelName(run.config.model.kind) + " (" + methodName(run.config.method) + ")";
        info.coverage = year.coverage;
        info.part = part;
        const auto [prediction, simulated] = defineUpscaledFile(file, info);
        for (int day = 0; day < kDays; ++day)
            for (const int which : {prediction, simulated}) {
                std::vector<float> field(g.cellCount(), kUpscaleFill);
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
