#pragma once

#include "core/data/dataset.h"
#include "core/data/grid.h"
#include "core/feedback.h"
#include "core/learn/run_file.h"

#include <filesystem>
#include <string>
#include <vector>

namespace xmw::learn {

// A run's prediction for every valid land cell of one year: 365 days (29 February dropped) ×
// the cells, in nmol CH4 m-2 s-1. Kept per cell rather than as full fields: a 0.5° year is
// ~100 MB this way and ~380 MB as fields.
struct UpscaledYear {
    int year = 0;
    data::Grid grid;
    std::vector<std::size_t> cells; // row × cols + col
    std::vector<float> values; // cells × 365
    std::vector<float> simulated; // cells × 365: TEM-MDM CH4_emission in the same unit
    std::size_t unsimulatedCells = 0; // land cells left out because TEM-MDM has no emission there
    std::string coverage; // "simulated" or "all-land" (Coverage)
    double seconds = 0;

    // One day's field (rows × cols, NaN off the predicted cells); `dayOfYear` 0…364. `difference`:
    // the prediction minus TEM-MDM.
    [[nodiscard]] std::vector<float> field(int dayOfYear, bool difference = false) const;
    // The mean over days `first`…`last` (inclusive) of each cell's finite values.
    [[nodiscard]] std::vector<float> meanField(int first, int last, bool difference = false) const;
};

// Which cells an upscaled map covers. TEM-MDM simulates wetland emission where it has a value;
// elsewhere (deserts, ice) a prediction has nothing to be set beside, and the benchmark leaves
// those cells out of its TEM-MDM samples too.
enum class Coverage {
    Simulated, // land cells whose TEM-MDM emission has a value on every day of the year
    AllLand, // every land cell with the model's inputs
};

// Applies a run to every valid cell of a year in chunks, so memory stays bounded whatever the grid.
class Upscaler {
public:
    Upscaler(const data::Dataset &dataset, const RunRecord &run, std::string device = "cpu");

    void setCoverage(Coverage coverage) { coverage_ = coverage; }
    // Only the `block`-th of `blocks` contiguous blocks of the valid cells (a part of a year that
    // several workers share; UpscalePart).
    void setCellBlock(int block, int blocks)
    {
        block_ = block;
        blocks_ = blocks;
    }

    [[nodiscard]] UpscaledYear run(int year, Feedback &feedback, std::size_t chunk = 4096) const;

private:
    const data::Dataset &dataset_;
    const RunRecord &run_;
    std::string device_;
    Coverage coverage_ = Coverage::Simulated;
    int block_ = 0, blocks_ = 1;
};

// CF-1.8 NetCDF-4: CH4_prediction and CH4_emission_TEM_MDM(time, lat, lon) in nmol m-2 s-1, with
// cell-centre lat/lon and their bounds, daily time bounds on a noleap calendar, _FillValue off the
// predicted cells, standard_name, long_name, cell_methods; global Conventions, title, source, history.
// Written under a temporary name and renamed.
// `part`: a part's "task I of N" (UpscalePart), kept as an attribute for the merge's messages.
void writeUpscaledNetcdf(const std::filesystem::path &path, const UpscaledYear &year, const RunRecord &run, const std::string &history,
                         const std::string &part = {});

} // namespace xmw::learn
