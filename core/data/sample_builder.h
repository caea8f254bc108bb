#pragma once

#include "core/data/dataset.h"
#include "core/feedback.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace xmw::data {

// The benchmark's inputs, in its order: 8 static fields, atmospheric CH4 and CO2, 4 daily drivers,
// and monthly NPP repeated daily.
constexpr int kFeatureCount = 15;
struct Feature {
    const char *name;
    const char *unit;
};
[[nodiscard]] const std::array<Feature, kFeatureCount> &features();

// N samples of 365 days × 15 features, and 365 daily targets in nmol CH4 m-2 s-1 (NaN where the
// target is missing). One sample is one site-year or one cell-year; 29 February is dropped.
// A tower's target is gap-filled (the benchmark's, see SampleBuilder); `measured` keeps apart the
// days on which the tower itself measured FCH4, so metrics can be given on both.
struct SampleSet {
    std::vector<std::string> ids;   // "US-Los/2016" or "cell:76,102/2016"
    std::vector<std::string> sites; // tower id, or "" for TEM-MDM cells
    std::vector<int> years, rows, cols;
    std::vector<float> x;           // N × 365 × 15
    std::vector<float> y;           // N × 365
    std::vector<float> measured;    // N × 365: FCH4_F where measured, else NaN; empty for cells only
    std::vector<std::string> skipped; // "US-Los/2014: only 180 of 365 days" and the like

    [[nodiscard]] std::size_t size() const { return ids.size(); }
    void append(const SampleSet &other, std::size_t index);
};

// Per-feature mean and standard deviation, over TEM-MDM samples.
struct Normalisation {
    std::array<float, kFeatureCount> mean{}, stddev{};
    [[nodiscard]] static Normalisation of(const SampleSet &samples);
};

// Builds samples by the benchmark's recipe. For towers, the dynamic inputs come from the tower
// where it measures them (P_F → PREC, TA_F → TAIR, vapour pressure from TA_F and VPD_F) and from
// the tower's grid cell where it does not; SOLR and NPP always come from the cell, as do the static
// fields, with the benchmark's wetland code overriding `wetlandtype`. The tower target is FCH4_F
// with its gaps filled from FCH4_F_ANNOPTLM. Site-years that cannot make a full sample are skipped
// and listed with the reason.
class SampleBuilder {
public:
    explicit SampleBuilder(const Dataset &dataset);

    [[nodiscard]] SampleSet towerSamples(Feedback &feedback, const std::string &onlySite = {}) const; // onlySite: that tower alone
    // A seeded random `fraction` of the valid (land, non-missing) cells of each year.
    [[nodiscard]] SampleSet gridSamples(double fraction, std::uint64_t seed, Feedback &feedback) const;
    // Land cells (row × cols + col) with every static field: those that can make a sample.
    [[nodiscard]] std::vector<std::size_t> validCells() const;
    // Samples of the given cells (sorted) in one year; `progress` hears the share of months done.
    [[nodiscard]] SampleSet cellSamples(int year, const std::vector<std::size_t> &cells, Feedback &feedback,
                                        const std::function<void(double)> &progress = {}) const;

private:
    // Statics, gases and the target's unit for one cell-year; false (with the reason) when the cell
    // or year cannot make a sample.
    [[nodiscard]] bool fillConstants(int row, int col, int year, float *x, std::string *whyNot) const;
    // Everything from the grid, one cell at a time (towers).
    [[nodiscard]] bool cellYear(int row, int col, int year, float *x, float *y, std::string *whyNot) const;
    [[nodiscard]] float toNmolPerSecond(float emission) const;

    const Dataset &dataset_;
    std::vector<std::vector<float>> statics_; // the 8 static fields, read once
    double emissionScale_ = 1.0;              // TEM-MDM CH4_emission unit → nmol CH4 m-2 s-1
};

} // namespace xmw::data
