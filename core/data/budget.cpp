#include "core/data/budget.h"

#include "core/data/cell_area.h"
#include "core/data/data_error.h"
#include "core/data/units.h"
#include "core/json.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

namespace xmw::data {

namespace {

constexpr double kMilligramsToTeragrams = 1e-15;
constexpr double kSquareMetresPerMkm2 = 1e12;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Even-odd rule in the longitude-latitude plane (GeoJSON's edges are straight there).
bool insideRing(const BudgetRegion::Ring &ring, double lat, double lon)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto &a = ring[i], &b = ring[j];
        if ((a.lat > lat) != (b.lat > lat) && lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}

bool insidePolygon(const BudgetRegion::Polygon &polygon, double lat, double lon)
{
    if (polygon.empty() || !insideRing(polygon.front(), lat, lon))
        return false;
    for (std::size_t hole = 1; hole < polygon.size(); ++hole)
        if (insideRing(polygon[hole], lat, lon))
            return false;
    return true;
}

BudgetRegion::Ring readRing(const std::filesystem::path &file, const Json &ring, const std::string &where)
{
    if (!ring.is_array() || ring.size() < 4)
        throw DataError(file, where + ": a linear ring needs at least four positions");
    BudgetRegion::Ring points;
    for (const Json &position : ring) {
        if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number())
            throw DataError(file, where + ": a position must be [longitude, latitude]");
        const double lon = position[0].get<double>(), lat = position[1].get<double>();
        if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90.0 || lat > 90.0 || std::abs(lon) > 540.0)
            throw DataError(file, where + ": position [" + position[0].dump() + ", " + position[1].dump() + "] is not on the globe");
        points.push_back({lat, lon});
    }
    if (points.front().lat != points.back().lat || points.front().lon != points.back().lon)
        throw DataError(file, where + ": the ring is not closed (its last position must repeat its first)");
    return points;
}

BudgetRegion::Polygon readPolygon(const std::filesystem::path &file, const Json &coordinates, const std::string &where)
{
    if (!coordinates.is_array() || coordinates.empty())
        throw DataError(file, where + ": a Polygon's coordinates must be a list of rings");
    BudgetRegion::Polygon polygon;
    for (const Json &ring : coordinates)
        polygon.push_back(readRing(file, ring, where));
    return polygon;
}

std::vector<BudgetRegion::Polygon> readGeometry(const std::filesystem::path &file, const Json &geometry, const std::string &where)
{
    if (!geometry.is_object() || !geometry.contains("type") || !geometry["type"].is_string())
        throw DataError(file, where + ": not a GeoJSON geometry (no \"type\")");
    const std::string type = geometry["type"].get<std::string>();
    const Json coordinates = geometry.value("coordinates", Json());
    if (type == "Polygon")
        return {readPolygon(file, coordinates, where)};
    if (type == "MultiPolygon") {
        if (!coordinates.is_array() || coordinates.empty())
            throw DataError(file, where + ": a MultiPolygon's coordinates must be a list of polygons");
        std::vector<BudgetRegion::Polygon> polygons;
        for (const Json &polygon : coordinates)
            polygons.push_back(readPolygon(file, polygon, where));
        return polygons;
    }
    throw DataError(file, where + ": a " + type + " is not a region; budgets need a Polygon or MultiPolygon");
}

// A member's text, or empty where it is missing or no string (value() would throw on a number).
std::string textMember(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

BudgetRegion regionOfFeature(const std::filesystem::path &file, const Json &feature, const std::string &fallbackName)
{
    if (textMember(feature, "type") != "Feature")
        throw DataError(file, fallbackName + ": not a GeoJSON Feature");
    BudgetRegion region;
    region.kind = BudgetRegion::Kind::Polygons;
    region.name = fallbackName;
    if (const auto properties = feature.find("properties"); properties != feature.end() && properties->is_object())
        if (const auto name = properties->find("name"); name != properties->end() && name->is_string() && !name->get<std::string>().empty())
            region.name = name->get<std::string>();
    region.polygons = readGeometry(file, feature.value("geometry", Json()), region.name);
    return region;
}

// Summed over a region in one period.
struct Tally {
    double milligrams = 0; // with a map
    double weightedFlux = 0, weightedDays = 0; // Σ flux·days·A·w and Σ days·A·w
    double wetlandArea = 0; // m², summed over months
    int months = 0;
    std::size_t cells = 0;
    bool climatology = false;

    void add(const Tally &o)
    {
        milligrams += o.milligrams;
        weightedFlux += o.weightedFlux;
        weightedDays += o.weightedDays;
        wetlandArea += o.wetlandArea;
        months += o.months;
        climatology = climatology || o.climatology;
    }
};

// One source's month: each cell's flux summed over its days with a value (mg CH4 m-2), and how many.
struct CellMonth {
    std::vector<double> integral;
    std::vector<int> days;
    void reset(std::size_t cells)
    {
        integral.assign(cells, 0.0);
        days.assign(cells, 0);
    }
};

// An upscaled run's file, read one day's field at a time.
struct RunFile {
    std::unique_ptr<GridVariableFile> file;
    double toMg = 1.0;
    std::map<int, int> stepOfDay; // Date::key() → time step
    std::set<int> years;
};

RunFile openRun(const std::filesystem::path &path, const Grid &grid)
{
    RunFile run;
    run.file = std::make_unique<GridVariableFile>(path, "CH4_prediction");
    if (run.file->layout() != GridVariableFile::Layout::TimeLatLon)
        throw DataError(path, "CH4_prediction is not a (time, lat, lon) field: not a file written by xmw upscale");
    if (!run.file->grid().sameAs(grid))
        throw DataError(path,
                        "its grid (" + std::to_string(run.file->grid().rows) + " × " + std::to_string(run.file->grid().cols) +
                            ") is not the dataset's (" + std::to_string(grid.rows) + " × " + std::to_string(grid.cols) + ")");
    const auto unit = units::parseFlux(run.file->units());
    if (!unit)
        throw DataError(path, "CH4_prediction's units '" + run.file->units() + "' are not a methane flux this tool converts");
    run.toMg = units::convert(1.0, *unit, units::Flux::MgPerSquareMetrePerDay);
    const auto &dates = run.file->dates();
    for (std::size_t step = 0; step < dates.size(); ++step) {
        run.stepOfDay[dates[step].key()] = int(step);
        run.years.insert(dates[step].year);
    }
    return run;
}

} // namespace

bool BudgetRegion::contains(double lat, double lon) const
{
    switch (kind) {
    case Kind::Globe: return true;
    case Kind::Box: {
        if (lat < south || lat > north)
            return false;
        const double l = geo::wrapLongitude(lon), w = geo::wrapLongitude(west), e = east >= 180.0 ? 180.0 : geo::wrapLongitude(east);
        return w <= e ? (l >= w && l <= e) : (l >= w || l <= e);
    }
    case Kind::Polygons:
        for (const Polygon &polygon : polygons)
            for (const double shift : {0.0, -360.0, 360.0})
                if (insidePolygon(polygon, lat, lon + shift))
                    return true;
        return false;
    }
    return false;
}

BudgetRegion BudgetRegion::globe() { return {"Globe", Kind::Globe, -90, 90, -180, 180, {}}; }

BudgetRegion BudgetRegion::band(std::string name, double south, double north)
{
    return {std::move(name), Kind::Box, south, north, -180, 180, {}};
}

BudgetRegion BudgetRegion::box(double south, double north, double west, double east)
{
    if (!(south >= -90 && north <= 90 && south < north))
        throw std::invalid_argument("the box's south and north must lie within −90…90 with south < north");
    if (!(std::abs(west) <= 180 && std::abs(east) <= 180 && west != east))
        throw std::invalid_argument("the box's west and east must lie within −180…180 and differ (west > east crosses the antimeridian)");
    const auto degrees = [](double value, char positive, char negative) {
        std::ostringstream text;
        text << std::abs(value) << "°" << (value >= 0 ? positive : negative);
        return text.str();
    };
    const std::string name =
        "Box " + degrees(south, 'N', 'S') + "–" + degrees(north, 'N', 'S') + ", " + degrees(west, 'E', 'W') + "–" + degrees(east, 'E', 'W');
    return {name, Kind::Box, south, north, west, east, {}};
}

std::vector<BudgetRegion> gcpRegions()
{
    return {BudgetRegion::globe(), BudgetRegion::band("90°S–30°S", -90, -30), BudgetRegion::band("30°S–30°N", -30, 30),
            BudgetRegion::band("30°N–60°N", 30, 60), BudgetRegion::band("60°N–90°N", 60, 90)};
}

std::vector<BudgetRegion> readGeoJsonRegions(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw DataError(file, "cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    Json json;
    try {
        json = Json::parse(text.str());
    } catch (const Json::exception &e) { // a syntax error, or a number out of range (found by fuzz_geojson)
        throw DataError(file, std::string("is not JSON: ") + e.what());
    }
    if (!json.is_object() || !json.contains("type") || !json["type"].is_string())
        throw DataError(file, "is not GeoJSON (no \"type\" member)");
    const std::string stem = file.stem().string();
    const std::string type = json["type"].get<std::string>();
    std::vector<BudgetRegion> regions;
    if (type == "FeatureCollection") {
        const Json features = json.value("features", Json());
        if (!features.is_array() || features.empty())
            throw DataError(file, "the FeatureCollection has no features");
        for (std::size_t i = 0; i < features.size(); ++i)
            regions.push_back(regionOfFeature(file, features[i], stem + " " + std::to_string(i + 1)));
    } else if (type == "Feature") {
        regions.push_back(regionOfFeature(file, json, stem));
    } else {
        BudgetRegion region;
        region.kind = BudgetRegion::Kind::Polygons;
        region.name = stem;
        region.polygons = readGeometry(file, json, stem);
        regions.push_back(std::move(region));
    }
    return regions;
}

YearSpread yearSpread(const std::vector<double> &values)
{
    YearSpread s;
    double sum = 0;
    int n = 0;
    for (const double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    if (n == 0)
        return s;
    s.mean = sum / n;
    if (n > 1) {
        double squares = 0;
        for (const double v : values)
            if (std::isfinite(v))
                squares += (v - s.mean) * (v - s.mean);
        s.sd = std::sqrt(squares / (n - 1));
    }
    return s;
}

BudgetSource BudgetSource::temMdm() { return {Kind::TemMdm, {}, "TEM-MDM"}; }
BudgetSource BudgetSource::run(const std::filesystem::path &file) { return {Kind::Run, file, file.stem().string()}; }
BudgetSource BudgetSource::runMinusTemMdm(const std::filesystem::path &file)
{
    return {Kind::RunMinusTemMdm, file, file.stem().string() + " − TEM-MDM"};
}

BudgetCalculator::BudgetCalculator(const GridDataset &dataset, const WetlandAreaMap *wetland, std::vector<BudgetRegion> regions)
    : dataset_(dataset)
    , wetland_(wetland)
    , regions_(std::move(regions))
{
    if (regions_.empty())
        regions_ = gcpRegions();
}

std::vector<BudgetRow> BudgetCalculator::compute(const std::vector<BudgetSource> &sources, int firstYear, int lastYear, bool monthly,
                                                 Feedback &feedback, std::vector<ZonalBand> *zonal) const
{
    const Grid &grid = dataset_.grid();
    const std::size_t cells = grid.cellCount();
    const std::vector<double> areas = rowAreas(grid);

    // Which cells each region sums, found once.
    std::vector<std::vector<std::uint32_t>> regionCells(regions_.size());
    for (std::size_t r = 0; r < regions_.size(); ++r)
        for (int row = 0; row < grid.rows; ++row)
            for (int col = 0; col < grid.cols; ++col)
                if (regions_[r].contains(grid.lat(row), geo::wrapLongitude(grid.lon(col))))
                    regionCells[r].push_back(std::uint32_t(std::size_t(row) * std::size_t(grid.cols) + std::size_t(col)));

    const auto emission = dataset_.findVariable(layout::kEmission);
    const auto datasetYears = dataset_.years();
    const std::set<int> temYears(datasetYears.begin(), datasetYears.end());
    double temToMg = 1.0;
    bool needTem = false;
    std::map<std::filesystem::path, RunFile> runs;
    std::vector<std::set<int>> yearsOf(sources.size());
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const BudgetSource &source = sources[s];
        if (source.kind != BudgetSource::Kind::Run) {
            if (!emission)
                throw DataError(dataset_.path(), "has no CH4_emission, so it has no TEM-MDM budget");
            const auto unit = units::parseFlux(emission->units);
            if (!unit)
                throw DataError(dataset_.path(),
                                "CH4_emission's units '" + emission->units + "' are not a methane flux this tool converts");
            temToMg = units::convert(1.0, *unit, units::Flux::MgPerSquareMetrePerDay);
            needTem = true;
        }
        std::set<int> years;
        if (source.kind == BudgetSource::Kind::TemMdm) {
            years = temYears;
        } else {
            auto it = runs.find(source.file);
            if (it == runs.end())
                it = runs.emplace(source.file, openRun(source.file, grid)).first;
            for (const int y : it->second.years)
                if (source.kind == BudgetSource::Kind::Run || temYears.count(y))
                    years.insert(y);
        }
        for (const int y : years)
            if (y >= firstYear && y <= lastYear)
                yearsOf[s].insert(y);
        if (yearsOf[s].empty())
            throw DataError(source.kind == BudgetSource::Kind::TemMdm ? dataset_.path() : source.file,
                            source.name + " has no year within " + std::to_string(firstYear) + "–" + std::to_string(lastYear));
    }

    // [source][region][year] → the year's tally and its months'.
    struct YearTallies {
        Tally year;
        std::array<Tally, 12> months;
    };
    std::vector<std::vector<std::map<int, YearTallies>>> tallies(sources.size(), std::vector<std::map<int, YearTallies>>(regions_.size()));

    std::set<int> allYears;
    for (const auto &years : yearsOf)
        allYears.insert(years.begin(), years.end());
    std::vector<float> temBlock;
    std::map<std::filesystem::path, std::vector<std::vector<float>>> runMonths; // per run: each day's field
    std::vector<CellMonth> cellMonths(sources.size());
    std::vector<std::vector<char>> seen(sources.size());
    // Zonal bands: grid rows grouped to at least 1°, each with Σ F·A·w, Σ days·A·w and the mass.
    const int rowsPerBand = std::max(1, int(std::ceil(1.0 / grid.dLat - 1e-9)));
    const int bandCount = (grid.rows + rowsPerBand - 1) / rowsPerBand;
    std::vector<std::vector<Tally>> zonalTallies(sources.size(), std::vector<Tally>(std::size_t(bandCount)));
    std::size_t step = 0;
    const std::size_t steps = allYears.size() * 12;
    for (const int year : allYears) {
        for (auto &s : seen)
            s.assign(cells, 0);
        for (int month = 1; month <= 12; ++month) {
            if (feedback.isCanceled())
                throw Canceled();
            feedback.setProgress(double(step++) / double(steps), std::to_string(year));
            const int days = daysInMonth(year, month) - (month == 2 && daysInMonth(year, 2) == 29 ? 1 : 0); // 29 February left out
            const bool temThisYear = needTem && temYears.count(year);
            if (temThisYear) {
                if (dataset_.hasMonthBlocks()) {
                    temBlock = dataset_.monthBlock(layout::kEmission, year, month);
                } else {
                    temBlock.assign(cells * 31, std::numeric_limits<float>::quiet_NaN());
                    for (int d = 0; d < days; ++d) {
                        const auto field = dataset_.dayField(layout::kEmission, {year, month, d + 1});
                        for (std::size_t c = 0; c < cells; ++c)
                            temBlock[c * 31 + std::size_t(d)] = field[c];
                    }
                }
            }
            runMonths.clear();
            for (auto &[path, run] : runs) {
                if (!run.years.count(year))
                    continue;
                auto &fields = runMonths[path];
                for (int d = 0; d < days; ++d) {
                    const auto it = run.stepOfDay.find(Date{year, month, d + 1}.key());
                    fields.push_back(it == run.stepOfDay.end() ? std::vector<float>(cells, std::numeric_limits<float>::quiet_NaN())
                                                               : run.file->readField(0, it->second));
                }
            }
            std::vector<float> wetland;
            bool climatology = false;
            if (wetland_) {
                wetland = wetland_->fraction(year, month);
                climatology = !wetland_->hasMonth(year, month);
            }

            for (std::size_t s = 0; s < sources.size(); ++s) {
                if (!yearsOf[s].count(year))
                    continue;
                const BudgetSource &source = sources[s];
                CellMonth &cm = cellMonths[s];
                cm.reset(cells);
                if (source.kind == BudgetSource::Kind::TemMdm) {
                    for (std::size_t c = 0; c < cells; ++c)
                        for (int d = 0; d < days; ++d)
                            if (const float v = temBlock[c * 31 + std::size_t(d)]; std::isfinite(v)) {
                                cm.integral[c] += double(v) * temToMg;
                                ++cm.days[c];
                            }
                } else {
                    const auto &fields = runMonths.at(source.file);
                    const double toMg = runs.at(source.file).toMg;
                    const bool difference = source.kind == BudgetSource::Kind::RunMinusTemMdm;
                    for (int d = 0; d < days; ++d) {
                        const auto &field = fields[std::size_t(d)];
                        for (std::size_t c = 0; c < cells; ++c) {
                            const float v = field[c];
                            if (!std::isfinite(v))
                                continue;
                            double value = double(v) * toMg;
                            if (difference) {
                                const float tem = temBlock[c * 31 + std::size_t(d)];
                                if (!std::isfinite(tem))
                                    continue;
                                value -= double(tem) * temToMg;
                            }
                            cm.integral[c] += value;
                            ++cm.days[c];
                        }
                    }
                }
                if (zonal)
                    for (std::size_t c = 0; c < cells; ++c) {
                        if (cm.days[c] == 0)
                            continue;
                        const std::size_t row = c / std::size_t(grid.cols);
                        const double weight = areas[row] * (wetland_ ? double(wetland[c]) : 1.0);
                        Tally &band = zonalTallies[s][row / std::size_t(rowsPerBand)];
                        band.milligrams += cm.integral[c] * weight;
                        band.weightedFlux += cm.integral[c] * weight;
                        band.weightedDays += double(cm.days[c]) * weight;
                    }
                for (std::size_t r = 0; r < regions_.size(); ++r) {
                    Tally t;
                    t.months = 1;
                    t.climatology = climatology;
                    for (const std::uint32_t c : regionCells[r]) {
                        if (cm.days[c] == 0)
                            continue;
                        seen[s][c] = 1;
                        ++t.cells;
                        const double area = areas[c / std::size_t(grid.cols)];
                        const double fraction = wetland_ ? double(wetland[c]) : 1.0;
                        t.milligrams += cm.integral[c] * area * fraction;
                        t.weightedFlux += cm.integral[c] * area * fraction;
                        t.weightedDays += double(cm.days[c]) * area * fraction;
                        t.wetlandArea += area * fraction;
                    }
                    auto &entry = tallies[s][r][year];
                    entry.months[std::size_t(month - 1)] = t;
                    entry.year.add(t);
                }
            }
        }
        for (std::size_t s = 0; s < sources.size(); ++s)
            if (yearsOf[s].count(year))
                for (std::size_t r = 0; r < regions_.size(); ++r) {
                    std::size_t count = 0;
                    for (const std::uint32_t c : regionCells[r])
                        count += std::size_t(seen[s][c]);
                    tallies[s][r][year].year.cells = count;
                }
    }
    feedback.setProgress(1.0, "done");

    if (zonal) {
        zonal->clear();
        for (std::size_t s = 0; s < sources.size(); ++s)
            for (int b = 0; b < bandCount; ++b) {
                const Tally &t = zonalTallies[s][std::size_t(b)];
                const int lastRow = std::min(grid.rows, (b + 1) * rowsPerBand) - 1;
                ZonalBand band;
                band.sourceIndex = s;
                band.south = std::max(-90.0, grid.lat(b * rowsPerBand) - grid.dLat / 2);
                band.north = std::min(90.0, grid.lat(lastRow) + grid.dLat / 2);
                band.meanFlux = t.weightedDays > 0 ? t.weightedFlux / t.weightedDays : kNaN;
                band.teragramsPerYear = wetland_ ? t.milligrams * kMilligramsToTeragrams / double(yearsOf[s].size()) : kNaN;
                zonal->push_back(band);
            }
    }

    std::vector<BudgetRow> rows;
    const auto rowOf = [&](std::size_t s, std::size_t r, int year, int month, const Tally &t) {
        BudgetRow row;
        row.source = sources[s].name;
        row.region = regions_[r].name;
        row.sourceIndex = s;
        row.regionIndex = r;
        row.year = year;
        row.month = month;
        row.teragrams = wetland_ ? t.milligrams * kMilligramsToTeragrams : kNaN;
        row.meanFlux = t.weightedDays > 0 ? t.weightedFlux / t.weightedDays : kNaN;
        row.wetlandAreaMkm2 = wetland_ && t.months > 0 ? t.wetlandArea / t.months / kSquareMetresPerMkm2 : kNaN;
        row.cells = t.cells;
        row.wetlandFromClimatology = t.climatology;
        return row;
    };
    for (std::size_t s = 0; s < sources.size(); ++s)
        for (std::size_t r = 0; r < regions_.size(); ++r)
            for (const auto &[year, entry] : tallies[s][r]) {
                rows.push_back(rowOf(s, r, year, 0, entry.year));
                if (monthly)
                    for (int m = 1; m <= 12; ++m)
                        rows.push_back(rowOf(s, r, year, m, entry.months[std::size_t(m - 1)]));
            }
    return rows;
}

} // namespace xmw::data
