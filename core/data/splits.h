#pragma once

#include "core/data/sample_builder.h"
#include "core/data/site_catalog.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace xmw::data {

enum class SplitKind { Temporal, Spatial };
enum class SampleRole : std::int8_t { Train = 0, Test = 1, Unused = 2 };

struct SplitOptions {
    SplitKind kind = SplitKind::Temporal;
    int fold = 0;          // spatial: the fold held out for testing
    int folds = 5;         // spatial: k
    double percent = 100.0; // share of training site-years kept (the data-sparse curve)
    std::uint64_t seed = 0;
    std::vector<std::string> sites; // the towers taking part (training and test); empty: all
};

// Spatial folds of the sites: the benchmark's published fold where a site has one (k = 5 only),
// the others spread over the folds deterministically by seed.
[[nodiscard]] std::map<std::string, int> spatialFolds(const SiteCatalog &catalog, int folds, std::uint64_t seed);

// The role of each tower sample:
//   temporal — per site, years sorted; the first ⌊(n−1)·6/7⌋+1 train, the rest test;
//   spatial  — the sites of `fold` test, all others train;
// towers not in `sites` (when given) are Unused; then `percent` keeps that share of the training
// samples (at least one), seeded; the rest Unused.
[[nodiscard]] std::vector<SampleRole> assignRoles(const SampleSet &towers, const SiteCatalog &catalog,
                                                  const SplitOptions &options);

// The site-years a split tests on: "temporal", "spatial fold 1 of 5" (or, `allFolds`, "spatial, all
// 5 folds"), and ", N towers" when chosen. Runs are comparable only on the same test set.
[[nodiscard]] std::string describeTestSet(const SplitOptions &options, bool allFolds = false);
// The whole split, the share of training data and the seed included (samples files key on it).
[[nodiscard]] std::string describe(const SplitOptions &options);

} // namespace xmw::data
