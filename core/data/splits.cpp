#include "core/data/splits.h"

#include "core/data/benchmark_sites.h"
#include "core/data/data_error.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <stdexcept>

namespace xmw::data {

namespace {

// The years in which a tower has a row, 29 February aside (the reference drops that day first).
std::vector<int> yearsWithRows(const SiteSeries &series)
{
    std::vector<int> years;
    for (const Date &d : series.dates)
        if (!isLeapDay(d) && (years.empty() || years.back() != d.year))
            years.push_back(d.year);
    return years;
}

} // namespace

std::map<std::string, int> spatialFolds(const SiteCatalog &catalog, int folds, std::uint64_t seed, Recipe recipe)
{
    if (folds < 2)
        throw std::invalid_argument("spatial splits need at least 2 folds");
    if (recipe == Recipe::XMethaneWet && folds != 5)
        throw std::invalid_argument("the x-methanewet recipe has the benchmark's 5 published folds, not " + std::to_string(folds) +
                                    "; use --recipe extended for other fold counts");
    std::map<std::string, int> result;
    std::vector<std::string> unassigned;
    for (const Site &site : catalog.sites()) {
        if (folds == 5 && site.info.spatialFold)
            result[site.info.id] = *site.info.spatialFold;
        else
            unassigned.push_back(site.info.id);
    }
    if (recipe == Recipe::XMethaneWet)
        return result;
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
        for (std::size_t i = 0; i < towers.size(); ++i) {
            const Site *site = options.recipe == Recipe::XMethaneWet ? catalog.find(towers.sites[i]) : nullptr;
            if (site && !yearsOf.count(towers.sites[i]))
                yearsOf[towers.sites[i]] = yearsWithRows(site->series);
            else if (!site)
                yearsOf[towers.sites[i]].push_back(towers.years[i]);
        }
        for (auto &[site, years] : yearsOf) {
            std::sort(years.begin(), years.end());
            years.erase(std::unique(years.begin(), years.end()), years.end());
        }
        for (std::size_t i = 0; i < towers.size(); ++i) {
            const auto &years = yearsOf[towers.sites[i]];
            const std::size_t trainCount = (years.size() - 1) * 6 / 7 + 1;
            const auto rank = std::size_t(std::lower_bound(years.begin(), years.end(), towers.years[i]) - years.begin());
            roles[i] = rank < trainCount ? SampleRole::Train : SampleRole::Test;
        }
    } else {
        if (options.fold < 0 || options.fold >= options.folds)
            throw std::invalid_argument("fold " + std::to_string(options.fold) + " is not in 0…" + std::to_string(options.folds - 1));
        const auto folds = spatialFolds(catalog, options.folds, options.seed, options.recipe);
        for (std::size_t i = 0; i < towers.size(); ++i) {
            const auto fold = folds.find(towers.sites[i]);
            roles[i] = fold == folds.end() ? SampleRole::Unused : fold->second == options.fold ? SampleRole::Test : SampleRole::Train;
        }
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

std::optional<TowerChoiceProblem> checkTowerChoice(const SiteCatalog &catalog, const SplitOptions &options, bool allFolds)
{
    if (options.sites.empty())
        return std::nullopt;
    if (options.kind == SplitKind::Temporal) {
        // Temporal testing takes each tower's later years: a tower with one year only trains.
        for (const auto &id : options.sites)
            if (const Site *site = catalog.find(canonicalSiteId(id)); site && site->series.years().size() >= 2)
                return std::nullopt;
        return TowerChoiceProblem{TowerChoiceProblem::Kind::NoLaterYear};
    }
    const auto folds = spatialFolds(catalog, options.folds, options.seed, options.recipe);
    std::set<int> covered;
    for (const auto &id : options.sites)
        if (const auto found = folds.find(canonicalSiteId(id)); found != folds.end())
            covered.insert(found->second);
    for (int fold = 0; fold < options.folds; ++fold) {
        if (!allFolds && fold != options.fold)
            continue;
        if (!covered.contains(fold))
            return TowerChoiceProblem{TowerChoiceProblem::Kind::NoneInTestFold, fold};
        if (covered.size() < 2)
            return TowerChoiceProblem{TowerChoiceProblem::Kind::AllInTestFold, fold};
    }
    return std::nullopt;
}

std::string TowerChoiceProblem::describe() const
{
    switch (kind) {
    case Kind::NoLaterYear: return "none of the chosen towers has two years of data: temporal testing needs a later year to test on";
    case Kind::NoneInTestFold:
        return "none of the chosen towers is in spatial fold " + std::to_string(fold) + ", so nothing would be tested";
    case Kind::AllInTestFold:
        return "all the chosen towers are in spatial fold " + std::to_string(fold) + ": none would be left to train on";
    }
    return {};
}

std::string describeTestSet(const SplitOptions &options, bool allFolds)
{
    std::string text = options.kind == SplitKind::Temporal ? "temporal"
        : allFolds                                         ? "spatial, all " + std::to_string(options.folds) + " folds"
                   : "spatial fold " + std::to_string(options.fold) + " of " + std::to_string(options.folds);
    if (!options.sites.empty())
        text += ", " + std::to_string(options.sites.size()) + (options.sites.size() == 1 ? " tower" : " towers");
    if (options.recipe != Recipe::XMethaneWet)
        text += " (" + recipeName(options.recipe) + ")";
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

std::string temHoldoutName(TemHoldout holdout)
{
    return holdout == TemHoldout::Years ? "years" : holdout == TemHoldout::Cells ? "cells" : "none";
}

std::optional<TemHoldout> parseTemHoldout(const std::string &name)
{
    for (const TemHoldout h : {TemHoldout::None, TemHoldout::Years, TemHoldout::Cells})
        if (name == temHoldoutName(h))
            return h;
    return std::nullopt;
}

std::vector<SampleRole> assignTemRoles(const SampleSet &cells, TemHoldout holdout, int fold, std::uint64_t seed)
{
    std::vector<SampleRole> roles(cells.size(), SampleRole::Train);
    if (holdout == TemHoldout::Years) {
        std::vector<int> years(cells.years.begin(), cells.years.end());
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        if (years.size() < 2)
            return roles;
        const int lastTrain = years[(years.size() + 1) / 2 - 1]; // 40 years: 20 and 20
        for (std::size_t i = 0; i < cells.size(); ++i)
            roles[i] = cells.years[i] > lastTrain ? SampleRole::Test : SampleRole::Train;
    } else if (holdout == TemHoldout::Cells) {
        if (fold < 0 || fold >= kTemFolds)
            throw std::invalid_argument("the TEM-MDM fold must be in 0…" + std::to_string(kTemFolds - 1));
        std::vector<std::pair<int, int>> distinct;
        for (std::size_t i = 0; i < cells.size(); ++i)
            distinct.emplace_back(cells.rows[i], cells.cols[i]);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        std::mt19937_64 rng(seed + 2); // apart from the streams that pick cells and tower subsets
        std::shuffle(distinct.begin(), distinct.end(), rng);
        std::map<std::pair<int, int>, int> foldOf;
        for (std::size_t k = 0; k < distinct.size(); ++k)
            foldOf[distinct[k]] = int(k % std::size_t(kTemFolds));
        for (std::size_t i = 0; i < cells.size(); ++i)
            roles[i] = foldOf.at({cells.rows[i], cells.cols[i]}) == fold ? SampleRole::Test : SampleRole::Train;
    }
    return roles;
}

std::string describeTemTestSet(const SampleSet &cells, const std::vector<SampleRole> &roles, TemHoldout holdout, int fold)
{
    std::set<int> trainYears, testYears;
    for (std::size_t i = 0; i < cells.size(); ++i)
        (roles[i] == SampleRole::Test ? testYears : trainYears).insert(cells.years[i]);
    if (testYears.empty())
        return {};
    const auto span = [](const std::set<int> &years) {
        return std::to_string(*years.begin()) + (years.size() > 1 ? "–" + std::to_string(*years.rbegin()) : "");
    };
    if (holdout == TemHoldout::Years)
        return "TEM-MDM " + span(testYears) + " (trained on " + span(trainYears) + ")";
    return "TEM-MDM cells of fold " + std::to_string(fold) + " of " + std::to_string(kTemFolds) + ", " + span(testYears);
}

} // namespace xmw::data
