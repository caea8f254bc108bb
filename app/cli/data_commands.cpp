// xmw make-demo, info, sites, series, samples: the data layer from the command line.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/progress.h"
#include "app/cli/split_option.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/data/output_lock.h"
#include "core/data/sample_builder.h"
#include "core/data/sample_file.h"
#include "core/data/splits.h"
#include "core/data/units.h"
#include "core/data/wetland_types.h"
#include "core/json.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <unistd.h>

namespace xmw::cli {

namespace {

const char *cadenceName(data::Cadence cadence)
{
    switch (cadence) {
    case data::Cadence::Static: return "static";
    case data::Cadence::Daily: return "daily";
    case data::Cadence::Monthly: return "monthly";
    }
    return "";
}

// The name of a benchmark wetland-type code, or null where no source names it.
Json wetlandTypeName(const std::optional<int> &code)
{
    const std::string_view name = code ? data::wetland_types::name(*code) : std::string_view();
    return name.empty() ? Json(nullptr) : Json(std::string(name));
}

std::string requireOne(const Args &args, const char *what)
{
    if (args.positional().size() != 1)
        throw UsageError(std::string("expects one ") + what);
    return args.positional().front();
}

} // namespace

int makeDemo(const Arguments &raw)
{
    const Args args(raw, {"out", "resolution", "years", "seed"}, {"no-towers"});
    if (!args.positional().empty())
        throw UsageError("unexpected argument '" + args.positional().front() + "'");
    const auto out = args.option("out");
    if (!out)
        throw UsageError("--out DIR is required");
    data::DemoOptions options;
    options.resolution = args.number("resolution", options.resolution);
    if (const auto years = args.yearRange("years"))
        std::tie(options.firstYear, options.lastYear) = *years;
    options.seed = std::uint64_t(args.integer("seed", int(options.seed), 0, std::numeric_limits<int>::max()));
    options.towers = !args.flag("no-towers");

    Feedback feedback = ProgressBar::feedback();
    const auto start = std::chrono::steady_clock::now();
    const auto summary = data::makeDemoDataset(*out, options, feedback);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %d×%d grid (%g°), %d years, %d towers, %.1f MB in %.1f s\n", out->c_str(), summary.rows, summary.cols,
                options.resolution, summary.years, summary.sites, double(summary.bytes) / 1e6, seconds);
    return 0;
}

int info(const Arguments &raw)
{
    const Args args(raw, {}, {"json"});
    const data::Dataset dataset = data::Dataset::open(requireOne(args, "dataset folder"));
    Json json;
    json["path"] = dataset.root().string();
    if (const auto &grid = dataset.grid()) {
        const auto &g = grid->grid();
        json["grid"] = {{"rows", g.rows}, {"cols", g.cols}, {"resolution", g.dLat}, {"lat0", g.lat0}, {"lon0", g.lon0}};
        json["years"] = grid->years();
        json["variables"] = Json::array();
        for (const auto &v : grid->variables()) {
            Json shape = {g.rows, g.cols};
            if (v.cadence == data::Cadence::Daily)
                shape.insert(shape.end(), {12, 31});
            else if (v.cadence == data::Cadence::Monthly)
                shape.push_back(12);
            json["variables"].push_back(
                {{"name", v.name}, {"cadence", cadenceName(v.cadence)}, {"units", v.units}, {"long_name", v.longName}, {"shape", shape}});
        }
    } else {
        json["grid"] = nullptr;
    }
    json["sites"] = dataset.sites() ? dataset.sites()->sites().size() : 0;

    if (args.flag("json")) {
        std::printf("%s\n", toJsonText(json).c_str());
        return 0;
    }
    std::printf("Dataset   %s\n", dataset.root().c_str());
    if (const auto &grid = dataset.grid()) {
        const auto &g = grid->grid();
        const auto &years = grid->years();
        std::printf("Grid      %d × %d, %g° (row 0 at %g°, column 0 at %g°)\n", g.rows, g.cols, g.dLat, g.lat0, g.lon0);
        if (!years.empty())
            std::printf("Years     %d–%d (%zu)\n", years.front(), years.back(), years.size());
        std::printf("Variables\n");
        for (const auto &v : grid->variables())
            std::printf("  %-22s %-8s %-18s %s\n", v.name.c_str(), cadenceName(v.cadence), v.units.c_str(), v.longName.c_str());
    } else {
        std::printf("Grid      none (no TEM-MDM folder)\n");
    }
    if (const auto &sites = dataset.sites())
        std::printf("Towers    %zu sites, %zu daily rows\n", sites->sites().size(), sites->rowCount());
    else
        std::printf("Towers    none (no FLUXNET-CH4 folder)\n");
    return 0;
}

int sites(const Arguments &raw)
{
    const Args args(raw, {}, {"json"});
    const data::Dataset dataset = data::Dataset::open(requireOne(args, "dataset folder"));
    if (!dataset.sites())
        throw data::DataError(dataset.root(), "no FLUXNET-CH4 folder");
    Json json = Json::array();
    const auto optional = [](const std::optional<int> &v) { return v ? Json(*v) : Json(nullptr); };
    for (const auto &site : dataset.sites()->sites()) {
        const auto &info = site.info;
        const auto years = site.series.years();
        json.push_back({{"id", info.id},
                        {"name", info.name},
                        {"lat", info.lat},
                        {"lon", info.lon},
                        {"igbp", info.igbp},
                        {"years", {years.front(), years.back()}},
                        {"days", site.series.dates.size()},
                        {"fch4_days", site.series.measuredDays()},
                        {"fch4_mean", site.series.measuredMean()},
                        {"fch4_unit", site.series.measured.unit},
                        {"fch4_column", site.series.measured.name},
                        {"wetland_type", optional(info.wetlandType)},
                        {"wetland_type_name", wetlandTypeName(info.wetlandType)},
                        {"climate_type", optional(info.climateType)},
                        {"spatial_fold", optional(info.spatialFold)},
                        {"source", info.source.filename().string()}});
    }
    if (args.flag("json")) {
        std::printf("%s\n", toJsonText(json).c_str());
        return 0;
    }
    std::printf("%-8s %8s %9s  %-9s %6s %9s %12s  %-36s %s\n", "site", "lat", "lon", "years", "days", "FCH4 days", "mean FCH4",
                "wetland type", "source");
    std::vector<std::string> allSites;
    bool anyInferred = false;
    for (const auto &site : dataset.sites()->sites()) {
        const auto years = site.series.years();
        const auto &type = site.info.wetlandType;
        std::string typeText = type ? std::to_string(*type) + " " + std::string(data::wetland_types::name(*type)) : "-";
        if (type && data::wetland_types::isInferred(*type)) {
            typeText += " †";
            anyInferred = true;
        }
        std::size_t chars = 0; // the dagger is three bytes of UTF-8
        for (const unsigned char c : typeText)
            chars += (c & 0xC0) != 0x80;
        typeText += std::string(chars < 36 ? 36 - chars : 0, ' ');
        std::printf("%-8s %8.3f %9.3f  %d-%d %6zu %9d%s %11.2f  %s %s\n", site.info.id.c_str(), site.info.lat, site.info.lon, years.front(),
                    years.back(), site.series.dates.size(), site.series.measuredDays(), site.series.measuredFallsBack() ? "*" : " ",
                    site.series.measuredMean(), typeText.c_str(), site.info.source.filename().c_str());
        allSites.push_back(site.info.id);
    }
    if (anyInferred)
        std::printf(
            "† inferred, not stated by the source of the names (KGML-CH4/wetland_methane_ML; the explorer's About the Data says why)\n");
    std::printf("Measured days: the FCH4 column (not gap-filled), in nmol CH4 m-2 s-1\n");
    const std::string note = dataset.sites()->measuredColumnNote(allSites);
    if (note != data::SiteSeries::kMeasuredColumn)
        std::printf("* no FCH4 column in the file: these count the days of FCH4_F, which is partly gap-filled\n");
    return 0;
}

int series(const Arguments &raw)
{
    const Args args(raw, {"site", "cell", "var", "years"}, {"csv"});
    const data::Dataset dataset = data::Dataset::open(requireOne(args, "dataset folder"));
    if (!args.flag("csv"))
        throw UsageError("only --csv output is available");
    const auto site = args.option("site");
    const auto cell = args.option("cell");
    if (bool(site) == bool(cell))
        throw UsageError("give exactly one of --site ID and --cell LAT,LON");

    if (site) {
        if (!dataset.sites())
            throw data::DataError(dataset.root(), "no FLUXNET-CH4 folder");
        const data::Site *found = dataset.sites()->find(*site);
        if (!found) {
            std::vector<std::string> ids;
            for (const auto &known : dataset.sites()->sites())
                ids.push_back(known.info.id);
            throw UsageError("no site '" + *site + "' in this dataset" + didYouMean(*site, ids));
        }
        const auto &s = found->series;
        const auto years = args.yearRange("years");
        const auto siteYears = s.years();
        if (years && (siteYears.empty() || years->second < siteYears.front() || years->first > siteYears.back()))
            throw UsageError("tower " + found->info.id + " has rows in " + std::to_string(siteYears.front()) + "–" +
                             std::to_string(siteYears.back()) + " only, not in --years " + *args.option("years"));
        std::vector<const data::Series *> columns = {&s.fch4F, &s.fch4Filled, &s.airTemperature, &s.vpd, &s.precipitation, &s.shortwave};
        if (!s.measuredFallsBack())
            columns.insert(columns.begin(), &s.measured);
        if (const auto wanted = args.option("var")) {
            const auto it = std::find_if(columns.begin(), columns.end(), [&](const data::Series *c) { return c->name == *wanted; });
            if (it == columns.end()) {
                std::vector<std::string> names;
                for (const auto *c : columns)
                    names.push_back(c->name);
                std::string list;
                for (std::size_t i = 0; i < names.size(); ++i)
                    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
                throw UsageError("tower " + found->info.id + " has " + list + ", not '" + *wanted + "'" + didYouMean(*wanted, names));
            }
            columns = {*it};
        }
        std::printf("date");
        for (const auto *c : columns)
            std::printf(",%s [%s]", c->name.c_str(), c->unit.c_str());
        std::printf("\n");
        for (std::size_t i = 0; i < s.dates.size(); ++i) {
            if (years && (s.dates[i].year < years->first || s.dates[i].year > years->second))
                continue;
            std::printf("%s", data::toIsoString(s.dates[i]).c_str());
            for (const auto *c : columns)
                std::isnan(c->values[i]) ? std::printf(",") : std::printf(",%.6g", c->values[i]);
            std::printf("\n");
        }
        return 0;
    }

    if (!dataset.grid())
        throw data::DataError(dataset.root(), "no TEM-MDM folder");
    const auto &grid = *dataset.grid();
    double lat = 0, lon = 0;
    char extra = 0;
    if (std::sscanf(cell->c_str(), "%lf,%lf%c", &lat, &lon, &extra) != 2 || std::abs(lat) > 90 || std::abs(lon) > 180)
        throw UsageError("--cell expects LAT,LON in degrees, e.g. 61.8,24.2; got '" + *cell + "'");
    const std::string name = args.option("var").value_or(data::layout::kEmission);
    if (!grid.findVariable(name)) {
        std::vector<std::string> names;
        for (const auto &v : grid.variables())
            names.push_back(v.name);
        throw UsageError("no variable '" + name + "' in this dataset's TEM-MDM" + didYouMean(name, names));
    }
    const auto &variable = grid.variable(name);
    const auto years = args.yearRange("years").value_or(std::pair(grid.years().front(), grid.years().back()));
    if (years.first < grid.years().front() || years.second > grid.years().back())
        throw UsageError("the dataset's TEM-MDM years are " + std::to_string(grid.years().front()) + "–" +
                         std::to_string(grid.years().back()) + ", not " + *args.option("years"));
    const int row = grid.grid().row(lat), col = grid.grid().col(lon);
    const auto values = grid.cellSeries(name, row, col, years.first, years.second);
    if (std::all_of(values.begin(), values.end(), [](float v) { return std::isnan(v); }))
        throw data::DataError(dataset.root(),
                              "the cell at " + *cell + " (row " + std::to_string(row) + ", column " + std::to_string(col) + ") has no " +
                                  name + " value in these years: ocean, or outside the simulated land");
    std::printf("date,%s [%s]\n", name.c_str(), variable.units.c_str());
    std::size_t i = 0;
    for (int y = years.first; y <= years.second; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= data::daysInMonth(y, m); ++d, ++i) {
                std::printf("%s", data::toIsoString({y, m, d}).c_str());
                std::isnan(values[i]) ? std::printf(",\n") : std::printf(",%.6g\n", values[i]);
            }
    std::fprintf(stderr, "cell row %d, column %d (%.2f°, %.2f°)\n", row, col, grid.grid().lat(row), grid.grid().lon(col));
    return 0;
}

int samples(const Arguments &raw)
{
    const Args args(raw, {"out", "recipe", "split", "fold", "folds", "percent", "tem-fraction", "seed"}, {"force", "verbose"});
    const std::string folder = requireOne(args, "dataset folder");
    const auto out = args.option("out");
    if (!out)
        throw UsageError("--out FILE is required");
    data::SplitOptions split = splitOption(args);
    split.seed = std::uint64_t(args.integer("seed", 0, 0, std::numeric_limits<int>::max()));
    const double temFraction = args.number("tem-fraction", 0.1);
    if (temFraction <= 0 || temFraction > 1)
        throw UsageError("--tem-fraction must be in (0, 1]");

    const auto start = std::chrono::steady_clock::now();
    const data::Dataset dataset = data::Dataset::open(folder);
    if (!dataset.grid() || !dataset.sites())
        throw data::DataError(dataset.root(), "samples need both TEM-MDM/ and FLUXNET-CH4/");
    std::vector<std::filesystem::path> inputs = dataset.grid()->files();
    const auto &towerFiles = dataset.sites()->files();
    inputs.insert(inputs.end(), towerFiles.begin(), towerFiles.end());
    char optionText[64];
    std::snprintf(optionText, sizeof optionText, "; TEM-MDM fraction %g", temFraction);
    const std::string description = data::describe(split) + optionText;
    const std::string key = data::makeInputKey(inputs, description);
    const data::OutputLock lock(*out); // one writer per output
    if (!args.flag("force") && data::readInputKey(*out) == key) {
        std::printf("%s is up to date (%s); --force rebuilds it\n", out->c_str(), description.c_str());
        return 0;
    }

    Feedback feedback = ProgressBar::feedback();
    const data::SampleBuilder builder(dataset);
    data::SampleFile file;
    file.towers = builder.towerSamples(feedback, split.recipe);
    file.tem = builder.gridSamples(temFraction, split.seed, feedback);
    file.normalisation = data::Normalisation::of(file.tem);
    file.roles = data::assignRoles(file.towers, *dataset.sites(), split);
    file.split = description;
    file.inputKey = key;
    data::writeSampleFile(*out, file);

    const auto count = [&](data::SampleRole role) { return std::count(file.roles.begin(), file.roles.end(), role); };
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %zu tower site-years (%ld train, %ld test, %ld unused), %zu TEM-MDM cell-years, in %.1f s\n", out->c_str(),
                file.towers.size(), long(count(data::SampleRole::Train)), long(count(data::SampleRole::Test)),
                long(count(data::SampleRole::Unused)), file.tem.size(), seconds);
    std::printf("recipe: %s (%s)\nsplit: %s\n", data::recipeName(split.recipe).c_str(), data::recipeDescription(split.recipe).c_str(),
                description.c_str());
    const auto &skipped = file.towers.skipped;
    if (!skipped.empty()) {
        std::printf("skipped %zu tower site-years:\n", skipped.size());
        const std::size_t shown = args.flag("verbose") ? skipped.size() : std::min<std::size_t>(skipped.size(), 10);
        for (std::size_t i = 0; i < shown; ++i)
            std::printf("  %s\n", skipped[i].c_str());
        if (shown < skipped.size())
            std::printf("  … and %zu more (--verbose lists them)\n", skipped.size() - shown);
    }
    return 0;
}

} // namespace xmw::cli
