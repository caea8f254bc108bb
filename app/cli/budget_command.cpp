// xmw budget: wetland methane budgets (Tg CH4 per year) of TEM-MDM and of upscaled runs.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/progress.h"
#include "core/data/budget.h"
#include "core/data/csv_writer.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/wetland_area.h"
#include "core/json.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

namespace xmw::cli {

namespace {

constexpr const char *kFluxUnit = "mg CH4 m-2 d-1";
constexpr const char *kCalendarNote = "365-day years: 29 February is left out, as in the benchmark's samples and the upscaled runs";

data::BudgetRegion parseBox(const std::string &text)
{
    double v[4];
    char extra = 0;
    if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &v[0], &v[1], &v[2], &v[3], &extra) != 4)
        throw UsageError("--region expects SOUTH,NORTH,WEST,EAST in degrees, got '" + text + "'");
    try {
        return data::BudgetRegion::box(v[0], v[1], v[2], v[3]);
    } catch (const std::invalid_argument &e) {
        throw UsageError("--region " + text + ": " + e.what());
    }
}

// The wetland map given, else the one beside the dataset.
std::optional<std::filesystem::path> wetlandMapFile(const Args &args, const std::filesystem::path &root)
{
    if (const auto file = args.option("wetland-area"))
        return std::filesystem::path(*file);
    return data::wetlandMapBeside(root, "name one with --wetland-area FILE");
}

std::string number(double value, const char *format)
{
    if (!std::isfinite(value))
        return "";
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// Characters, not bytes: "−", "°" and "…" are several bytes of UTF-8.
std::size_t charCount(const std::string &text)
{
    std::size_t chars = 0;
    for (const unsigned char c : text)
        chars += (c & 0xC0) != 0x80;
    return chars;
}

std::string padded(const std::string &text, std::size_t width, bool right)
{
    const std::size_t chars = charCount(text);
    const std::string fill(width > chars ? width - chars : 0, ' ');
    return right ? fill + text : text + fill;
}

void printTable(const std::vector<data::BudgetRow> &rows, bool totals, bool monthly)
{
    std::size_t sourceWidth = 6, regionWidth = 6;
    for (const auto &row : rows) {
        sourceWidth = std::max(sourceWidth, charCount(row.source));
        regionWidth = std::max(regionWidth, charCount(row.region));
    }
    const auto line = [&](const std::string &source, const std::string &region, const std::string &period, const std::string &tg,
                          const std::string &flux, const std::string &area, const std::string &cells) {
        std::string text =
            padded(source, sourceWidth, false) + "  " + padded(region, regionWidth, false) + "  " + padded(period, 12, false);
        if (totals)
            text += "  " + padded(tg, 15, true);
        text += "  " + padded(flux, 17, true);
        if (totals)
            text += "  " + padded(area, 12, true);
        text += "  " + padded(cells, 7, true);
        std::printf("%s\n", text.c_str());
    };
    line("source", "region", monthly ? "year-month" : "year", "Tg CH4", std::string("flux ") + "mg m-2 d-1", "wetland Mkm²", "cells");
    bool anyClimatology = false;
    for (std::size_t i = 0; i < rows.size();) {
        // One source and region: its years, then their mean ± sd.
        std::size_t end = i;
        std::vector<double> tg, flux;
        while (end < rows.size() && rows[end].sourceIndex == rows[i].sourceIndex && rows[end].regionIndex == rows[i].regionIndex) {
            const auto &row = rows[end];
            std::string period = std::to_string(row.year);
            if (row.month > 0)
                period += "-" + std::string(row.month < 10 ? "0" : "") + std::to_string(row.month);
            else {
                tg.push_back(row.teragrams);
                flux.push_back(row.meanFlux);
            }
            if (row.wetlandFromClimatology && totals) {
                period += " *";
                anyClimatology = true;
            }
            line(row.source, row.region, period, number(row.teragrams, "%.3f"), number(row.meanFlux, "%.4f"),
                 number(row.wetlandAreaMkm2, "%.4f"), std::to_string(row.cells));
            ++end;
        }
        if (tg.size() > 1) {
            const data::YearSpread t = data::yearSpread(tg), f = data::yearSpread(flux);
            line(rows[i].source, rows[i].region, "mean ± sd", number(t.mean, "%.3f") + number(t.sd, " ± %.3f"),
                 number(f.mean, "%.4f") + number(f.sd, " ± %.4f"), "", "");
        }
        i = end;
    }
    if (anyClimatology)
        std::printf("* some months' wetland area is the map's monthly climatology: the map has no data for them\n");
}

} // namespace

int budget(const Arguments &raw)
{
    const Args args(raw, {"run", "wetland-area", "wetland-variable", "years", "bands", "region", "geojson"}, {"monthly", "csv", "json"});
    if (args.positional().size() != 1)
        throw UsageError("expects one dataset folder");
    if (args.flag("csv") && args.flag("json"))
        throw UsageError("--csv and --json exclude each other");
    if (args.option("region") && args.option("geojson"))
        throw UsageError("--region and --geojson exclude each other: give one region at a time");
    const std::string bands = args.option("bands").value_or("gcp");
    if (bands != "gcp" && bands != "none")
        throw UsageError("--bands expects gcp or none, got '" + bands + "'");

    const data::Dataset dataset = data::Dataset::open(args.positional().front());
    if (!dataset.grid())
        throw data::DataError(dataset.root(), "has no TEM-MDM grids, so it has no budget");
    const data::GridDataset &grid = *dataset.grid();

    std::vector<data::BudgetRegion> regions = bands == "gcp" ? data::gcpRegions() : std::vector{data::BudgetRegion::globe()};
    if (const auto box = args.option("region"))
        regions.push_back(parseBox(*box));
    if (const auto geojson = args.option("geojson"))
        for (auto &region : data::readGeoJsonRegions(*geojson))
            regions.push_back(std::move(region));

    std::vector<data::BudgetSource> sources = {data::BudgetSource::temMdm()};
    for (const std::string &run : args.values("run")) {
        const std::filesystem::path file(run);
        if (file.extension() == ".h5")
            throw data::DataError(file,
                                  "is a run file; a budget sums an upscaled map: write one with `xmw upscale " + run +
                                      " --years Y1-Y2 --out FILE.nc` and pass FILE.nc");
        sources.push_back(data::BudgetSource::run(file));
        sources.push_back(data::BudgetSource::runMinusTemMdm(file));
    }

    const auto &years = grid.years();
    if (years.empty())
        throw data::DataError(dataset.root(), "has no daily years");
    const auto range = args.yearRange("years").value_or(std::pair(years.front(), years.back()));

    const std::optional<std::filesystem::path> mapFile = wetlandMapFile(args, dataset.root());
    if (args.option("wetland-variable") && !mapFile)
        throw UsageError("--wetland-variable needs a wetland map (--wetland-area FILE)");
    std::unique_ptr<data::WetlandAreaMap> wetland;
    if (mapFile)
        wetland = std::make_unique<data::WetlandAreaMap>(
            *mapFile, args.option("wetland-variable").value_or(data::WetlandAreaMap::kDefaultVariable), grid.grid());

    std::vector<data::BudgetRow> rows;
    {
        Feedback feedback = ProgressBar::feedback();
        rows = data::BudgetCalculator(grid, wetland.get(), regions)
                   .compute(sources, range.first, range.second, args.flag("monthly"), feedback);
    }
    const bool totals = wetland != nullptr;
    const std::string mapNote = totals ? "wetland area from " + mapFile->string() + " ('" + wetland->variable() + "')"
                                       : "no wetland map: mean flux densities per m² of wetland only; totals in Tg need the wetland area "
                                         "(--wetland-area FILE, e.g. WAD2M's Fw)";

    if (args.flag("json")) {
        Json json;
        json["dataset"] = dataset.root().string();
        json["wetland_map"] = totals ? Json(mapFile->string()) : Json(nullptr);
        json["wetland_variable"] = totals ? Json(wetland->variable()) : Json(nullptr);
        json["flux_unit"] = kFluxUnit;
        json["calendar"] = kCalendarNote;
        json["note"] = mapNote;
        json["regions"] = Json::array();
        for (const auto &region : regions)
            json["regions"].push_back(region.name);
        json["rows"] = Json::array();
        for (const auto &row : rows) {
            Json r = {{"source", row.source}, {"region", row.region}, {"year", row.year}, {"month", row.month}};
            if (totals)
                r["tg_ch4"] = row.teragrams;
            r["mean_flux"] = row.meanFlux;
            if (totals) {
                r["wetland_area_mkm2"] = row.wetlandAreaMkm2;
                r["wetland_from_climatology"] = row.wetlandFromClimatology;
            }
            r["cells"] = row.cells;
            json["rows"].push_back(std::move(r));
        }
        std::printf("%s\n", toJsonText(json).c_str());
        return 0;
    }
    if (args.flag("csv")) {
        std::vector<std::string> header = {"source", "region", "year", "month"};
        if (totals)
            header.push_back("tg_ch4");
        header.push_back("mean_flux_mg_ch4_m2_d");
        if (totals) {
            header.push_back("wetland_area_mkm2");
            header.push_back("wetland_from_climatology");
        }
        header.push_back("cells");
        std::printf("%s\n", data::csvRow(header).c_str());
        for (const auto &row : rows) {
            std::vector<std::string> fields = {row.source, row.region, std::to_string(row.year), std::to_string(row.month)};
            if (totals)
                fields.push_back(number(row.teragrams, "%.6g"));
            fields.push_back(number(row.meanFlux, "%.6g"));
            if (totals) {
                fields.push_back(number(row.wetlandAreaMkm2, "%.6g"));
                fields.push_back(row.wetlandFromClimatology ? "1" : "0");
            }
            fields.push_back(std::to_string(row.cells));
            std::printf("%s\n", data::csvRow(fields).c_str());
        }
        return 0;
    }
    std::printf("Wetland CH4 budget of %s, %d–%d: %s\n", dataset.root().string().c_str(), range.first, range.second, mapNote.c_str());
    std::printf("Flux: mean per m² of wetland, %s, %s. Cells: grid cells with a value.\n\n",
                totals ? "weighted by wetland area" : "weighted by cell area", kFluxUnit);
    printTable(rows, totals, args.flag("monthly"));
    std::printf("\n%s.\n", kCalendarNote);
    return 0;
}

} // namespace xmw::cli
