#pragma once

#include "core/data/grid.h"
#include "core/data/netcdf_file.h"
#include "core/feedback.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace xmw::learn {

// An upscaled map over many years made by independent workers (`xmw upscale --years … --task I
// --tasks N`): the work is cut into parts, each one year or, where there are more workers than
// years, one block of a year's cells. Each part is a CF file of its own, written atomically into
// OUT.parts/, so that a rerun only makes what is missing; `xmw upscale --merge` joins them into OUT.
struct UpscalePart {
    int year = 0;
    int block = 0, blocks = 1; // which contiguous block of the year's cells, of how many

    [[nodiscard]] std::string fileName() const; // "2016.nc", or "2016-cells-2-of-4.nc" (1-based)
    [[nodiscard]] static std::optional<UpscalePart> parse(const std::string &fileName);
    bool operator==(const UpscalePart &) const = default;
};

// The parts of `years` for `tasks` workers; blocks per year: enough that every worker has a part.
[[nodiscard]] std::vector<UpscalePart> planUpscaleParts(const std::vector<int> &years, int tasks);
// The parts worker `task` (0-based) makes: every tasks-th, from its own number on.
[[nodiscard]] std::vector<UpscalePart> partsOfTask(const std::vector<UpscalePart> &plan, int task, int tasks);
[[nodiscard]] std::filesystem::path partsFolder(const std::filesystem::path &out);

// What an upscaled file says besides its fields.
struct UpscaledFileInfo {
    data::Grid grid;
    int firstYear = 0, years = 1; // the time axis: 365 days a year (noleap) from firstYear
    std::string title, source, history, predictionLongName, coverage;
    std::string part; // a part's "task I of N"; empty in a whole file
};

// Defines a CF-1.8 upscaled file (dimensions, coordinates and their bounds, CH4_prediction and
// CH4_emission_TEM_MDM(time, lat, lon), attributes), ends definitions and writes the coordinates.
// Returns the two flux variables' ids {prediction, simulated}.
std::pair<int, int> defineUpscaledFile(data::NetcdfFile &file, const UpscaledFileInfo &info);

constexpr float kUpscaleFill = 1.0e20f;

// Joins the parts of `years` in partsFolder(out) into out (one time axis over all years) and then
// removes the parts. Refuses, naming them, missing parts (and the task that makes each) and parts
// that overlap (two cuts of one year, or two parts with a value in the same cell), parts of other
// runs, grids or coverage. Refuses too when the disk cannot hold the file uncompressed. Written
// under a temporary name and renamed.
void mergeUpscaleParts(const std::filesystem::path &out, const std::vector<int> &years, const std::string &history, Feedback &feedback);

} // namespace xmw::learn
