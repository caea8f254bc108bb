#include "core/data/splits.h"

#include "core/data/benchmark_sites.h"
#include "core/data/data_error.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <stdexcept>

namespace xmw::data {

std::map<std::string, int> spatialFolds(const SiteCatalog &catalog, int folds, std::uint64_t seed)
{
    if (folds < 2)
        throw std::invalid_argument("spatial splits need at least 2 folds");
    std::map<std::string, int> result;
    std::vector<std::string> unassigned;
    for (const Site &site : catalog.sites()) {
        if (folds == 5 && site.info.spatialFold)
            result[site.info.id] = *site.info.spatialFold;
        else
            unassigned.push_back(site.info.id);
    }
    std::sort(unassigned.begin(), unassigned.end());
    std::mt19937_64 rng(seed);
    std::shuffle(unassigned.begin(), unassigned.end(), rng);
    // Fill the smallest folds first, so the published folds stay balanced.
    std::vector<int> sizes(std::size_t(folds), 0);
    for (const auto &[id, fold] : result)
        ++sizes[std::size_t(fold)];
    for (const std::string &id : unassigned) {
        const int fold = int(std::min_element(sizes.begin(), sizes.end()) - sizes.begin());
        result[id] = fold;
        ++sizes[std::size_t(fold)];
    }
    return result;
}

std::vector<SampleRole> assignRoles(const SampleSet &towers, const SiteCatalog &catalog, const SplitOptions &options)
{
    std::vector<SampleRole> roles(towers.size(), SampleRole::Train);
    if (options.kind == SplitKind::Temporal) {
        std::map<std::string, std::vector<int>> yearsOf;
        for (std::size_t i = 0; i < towers.size(); ++i)
            yearsOf[towers.sites[i]].push_back(towers.years[i]);
        for (auto &[site, years] : yearsOf)
            std::sort(years.begin(), years.end());
        for (std::size_t i = 0; i < towers.size(); ++i) {
            const auto &years = yearsOf[towers.sites[i]];
            const std::size_t trainCount = (years.size() - 1) * 6 / 7 + 1;
            const auto rank = std::size_t(std::lower_bound(years.begin(), years.end(), towers.years[i]) - years.begin());
            roles[i] = rank < trainCount ? SampleRole::Train : SampleRole::Test;
        }
    } else {
        if (options.fold < 0 || options.fold >= options.folds)
            throw std::invalid_argument("fold " + std::to_string(options.fold) + " is not in 0…" + std::to_string(options.folds - 1));
        const auto folds = spatialFolds(catalog, options.folds, options.seed);
        for (std::size_t i = 0; i < towers.size(); ++i)
            roles[i] = folds.at(towers.sites[i]) == options.fold ? SampleRole::Test : SampleRole::Train;
    }
    if (!options.sites.empty()) {
        // Ids as people write them ("US.Los", "us-Los") name the same tower as the samples' "US-Los".
        std::set<std::string> chosen;
        for (const std::string &id : options.sites)
            chosen.insert(canonicalSiteId(id));
        for (std::size_t i = 0; i < towers.size(); ++i)
            if (!chosen.count(towers.sites[i]))
                roles[i] = SampleRole::Unused;
    }

    if (options.percent < 100.0) {
        if (options.percent <= 0.0)
            throw std::invalid_argument("percent must be in (0, 100]");
        std::vector<std::size_t> train;
        for (std::size_t i = 0; i < roles.size(); ++i)
            if (roles[i] == SampleRole::Train)
                train.push_back(i);
        std::mt19937_64 rng(options.seed + 1);
        std::shuffle(train.begin(), train.end(), rng);
        const std::size_t keep = std::max<std::size_t>(1, std::size_t(std::lround(double(train.size()) * options.percent / 100.0)));
        for (std::size_t k = keep; k < train.size(); ++k)
            roles[train[k]] = SampleRole::Unused;
    }
    return roles;
}

std::string describeTestSet(const SplitOptions &options, bool allFolds)
{
    std::string text = options.kind == SplitKind::Temporal ? "temporal"
                       : allFolds ? "spatial, all " + std::to_string(options.folds) + " folds"
                                  : "spatial fold " + std::to_string(options.fold) + " of " + std::to_string(options.folds);
    if (!options.sites.empty())
        text += ", " + std::to_string(options.sites.size()) + (options.sites.size() == 1 ? " tower" : " towers");
    return text;
}

std::string describe(const SplitOptions &options)
{
    std::string text = describeTestSet(options);
    if (options.percent < 100.0) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, ", %g %% of training site-years", options.percent);
        text += buffer;
    }
    return text + ", seed " + std::to_string(options.seed);
}

} // namespace xmw::data
