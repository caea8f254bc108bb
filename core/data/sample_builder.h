#pragma once

#include "core/data/dataset.h"
#include "core/data/recipe.h"
#include "core/feedback.h"

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
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
// days on which the tower itself measured FCH4 (the not-gap-filled column), so metrics can be given
// on both.
struct SampleSet {
    std::vector<std::string> ids; // "US-Los/2016" or "cell:76,102/2016"
    std::vector<std::string> sites; // tower id, or "" for TEM-MDM cells
    std::vector<int> years, rows, cols;
    std::vector<float> x; // N × 365 × 15
    std::vector<float> y; // N × 365
    std::vector<float> measured; // N × 365: the tower's FCH4 (not gap-filled), else NaN; empty for cells only
    std::string measuredColumn; // SiteCatalog::measuredColumnNote of the towers; "" for cells only
    std::vector<std::string> skipped; // "US-Los/2014: only 180 of 365 days" and the like

    [[nodiscard]] std::size_t size() const { return ids.size(); }
    void append(const SampleSet &other, std::size_t index);
};

// Per-feature mean and standard deviation, over TEM-MDM samples.
struct Normalisation {
    std::array<float, kFeatureCount> mean{}, stddev{};
    [[nodiscard]] static Normalisation of(const SampleSet &samples);
};

// Builds samples by the benchmark's recipe. The static fields, SOLR and NPP come from the tower's
// grid cell, with the benchmark's wetland code overriding `wetlandtype`; PREC, TAIR and VAPR come
// from the tower (P_F, TA_F, and the vapour pressure from TA_F and VPD_F). The target is FCH4_F with
// its gaps filled from FCH4_F_ANNOPTLM. The recipe decides the rest (docs/benchmark-recipe.md):
//   x-methanewet — WET towers only; the tower's LOCATION_ELEV as clelev; missing NPP is 0; a
//                  site-year with any gap in its 15 inputs (so in the tower's meteorology) is skipped;
//   extended     — every tower; the grid cell's elevation, and its drivers on days the tower lacks.
// Site-years that cannot make a full sample are skipped and listed with the reason.
class SampleBuilder {
public:
    explicit SampleBuilder(const Dataset &dataset);

    [[nodiscard]] SampleSet towerSamples(Feedback &feedback, Recipe recipe,
                                         const std::string &onlySite = {}) const; // onlySite: that tower alone
    // A seeded random `fraction` of the valid (land, non-missing) cells of each year, of the years
    // firstYear…lastYear (0: the dataset's first or last).
    [[nodiscard]] SampleSet gridSamples(double fraction, std::uint64_t seed, Feedback &feedback, int firstYear = 0, int lastYear = 0) const;
    // Land cells (row × cols + col) with every static field: those that can make a sample.
    [[nodiscard]] std::vector<std::size_t> validCells() const;
    // Samples of the given cells (sorted) in one year; `progress` hears the share of months done.
    [[nodiscard]] SampleSet cellSamples(int year, const std::vector<std::size_t> &cells, Feedback &feedback,
                                        const std::function<void(double)> &progress = {}) const;

private:
    // Statics, gases and the target's unit for one cell-year; false (with the reason) when the cell
    // or year cannot make a sample.
    [[nodiscard]] bool fillConstants(int row, int col, int year, float *x, std::string *whyNot) const;
    // The given dynamic features (PREC, SOLR, TAIR, VAPR, NPP by index) of one cell-year from the
    // grid, NaN where missing (towers).
    void gridDrivers(int row, int col, int year, std::initializer_list<int> which, float *x) const;
    [[nodiscard]] float toNmolPerSecond(float emission) const;

    const Dataset &dataset_;
    std::vector<std::vector<float>> statics_; // the 8 static fields, read once
    double emissionScale_ = 1.0; // TEM-MDM CH4_emission unit → nmol CH4 m-2 s-1
};

} // namespace xmw::data
