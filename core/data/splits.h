#pragma once

#include "core/data/recipe.h"
#include "core/data/sample_builder.h"
#include "core/data/site_catalog.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

enum class SplitKind { Temporal, Spatial };
enum class SampleRole : std::int8_t { Train = 0, Test = 1, Unused = 2 };

struct SplitOptions {
    Recipe recipe = Recipe::XMethaneWet;
    SplitKind kind = SplitKind::Temporal;
    int fold = 0; // spatial: the fold held out for testing
    int folds = 5; // spatial: k
    double percent = 100.0; // share of training site-years kept (the data-sparse curve)
    std::uint64_t seed = 0;
    std::vector<std::string> sites; // the towers taking part (training and test); empty: all
};

// Spatial folds of the sites: the benchmark's published fold where a site has one (k = 5 only).
// The extended recipe spreads the others over the folds deterministically by seed; the
// x-methanewet recipe leaves them out (k must be 5).
[[nodiscard]] std::map<std::string, int> spatialFolds(const SiteCatalog &catalog, int folds, std::uint64_t seed, Recipe recipe);

// The role of each tower sample:
//   temporal — per site, years sorted; the first ⌊(n−1)·6/7⌋+1 train, the rest test. The
//              x-methanewet recipe counts every year in which the tower has a row (the catalog's;
//              partial and skipped years too), the extended one the site's samples;
//   spatial  — the sites of `fold` test, the others with a fold train, the rest are Unused;
// towers not in `sites` (when given) are Unused; then `percent` keeps that share of the training
// samples (at least one), seeded; the rest Unused.
[[nodiscard]] std::vector<SampleRole> assignRoles(const SampleSet &towers, const SiteCatalog &catalog, const SplitOptions &options);

// Whether the towers chosen in `options.sites` can make the split at all, from the catalog alone
// (before any sample is built): a temporal split needs a tower with two years, a spatial one a
// chosen tower in each tested fold and another outside it. Nothing when no towers are chosen or
// all is well. The training job checks its samples again: a tower's years may all have gaps.
struct TowerChoiceProblem {
    enum class Kind { NoLaterYear, NoneInTestFold, AllInTestFold } kind;
    int fold = 0;
    [[nodiscard]] std::string describe() const;
};
[[nodiscard]] std::optional<TowerChoiceProblem> checkTowerChoice(const SiteCatalog &catalog, const SplitOptions &options, bool allFolds);

// TEM-MDM samples held out to test a pretrained model on the simulation itself, as the benchmark
// evaluates its base model: the later half of the sampled years (1979–1998 train, 1999–2018 test on
// the full record), or one of 5 seeded folds of grid cells (a cell's every year in one fold).
enum class TemHoldout { None, Years, Cells };
[[nodiscard]] std::string temHoldoutName(TemHoldout holdout); // "none", "years", "cells"
[[nodiscard]] std::optional<TemHoldout> parseTemHoldout(const std::string &name);
inline constexpr int kTemFolds = 5;
// Train or Test for each cell sample (all Train with None, or with a single year).
[[nodiscard]] std::vector<SampleRole> assignTemRoles(const SampleSet &cells, TemHoldout holdout, int fold, std::uint64_t seed);
// "TEM-MDM 2016 (held out after 2015)", "TEM-MDM cells of fold 2 of 5"; "" when nothing is held out.
[[nodiscard]] std::string describeTemTestSet(const SampleSet &cells, const std::vector<SampleRole> &roles, TemHoldout holdout, int fold);

// The site-years a split tests on: "temporal", "spatial fold 1 of 5" (or, `allFolds`, "spatial, all
// 5 folds"), ", N towers" when chosen, and " (extended)" under our recipe. Runs are comparable only
// on the same test set.
[[nodiscard]] std::string describeTestSet(const SplitOptions &options, bool allFolds = false);
// The whole split, the share of training data and the seed included (samples files key on it).
[[nodiscard]] std::string describe(const SplitOptions &options);

} // namespace xmw::data
