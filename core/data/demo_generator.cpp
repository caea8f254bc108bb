#include "core/data/demo_generator.h"

#include "core/data/benchmark_sites.h"
#include "core/data/calendar.h"
#include "core/data/data_error.h"
#include "core/data/grid.h"
#include "core/data/grid_dataset.h"
#include "core/data/netcdf_file.h"
#include "core/data/units.h"
#include "core/geo/land_mask.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <random>
#include <unistd.h>

namespace xmw::data {

namespace {

constexpr float kFill = -9999.0f; // _FillValue of every demo grid variable
constexpr double kPi = std::numbers::pi;
constexpr double kDeg = kPi / 180.0;

double saturationVapourPressureHPa(double tempC) { return 6.108 * std::exp(17.27 * tempC / (tempC + 237.3)); }

// Daily-mean top-of-atmosphere shortwave (W m-2) from latitude and day of year.
double insolation(double latDeg, int dayOfYear)
{
    const double phi = latDeg * kDeg;
    const double delta = 23.44 * kDeg * std::sin(2.0 * kPi * (284 + dayOfYear) / 365.0);
    const double dr = 1.0 + 0.033 * std::cos(2.0 * kPi * dayOfYear / 365.0);
    const double ws = std::acos(std::clamp(-std::tan(phi) * std::tan(delta), -1.0, 1.0));
    return 1361.0 / kPi * dr * (ws * std::sin(phi) * std::sin(delta) + std::cos(phi) * std::cos(delta) * std::sin(ws));
}

// A smooth random field over the sphere (a few low-order waves), for regional variation.
struct SmoothField {
    std::array<double, 6> a{}, kx{}, ky{}, phase{};
    explicit SmoothField(std::mt19937_64 &rng)
    {
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (std::size_t i = 0; i < a.size(); ++i) {
            a[i] = 0.3 + 0.7 * u(rng);
            kx[i] = 1.0 + std::floor(4.0 * u(rng));
            ky[i] = 1.0 + std::floor(3.0 * u(rng));
            phase[i] = 2.0 * kPi * u(rng);
        }
    }
    // Roughly in [−1, 1].
    double operator()(double lat, double lon) const
    {
        double sum = 0.0, norm = 0.0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            sum += a[i] * std::sin(kx[i] * lon * kDeg + ky[i] * lat * kDeg * 2.0 + phase[i]);
            norm += a[i];
        }
        return sum / norm * 1.6;
    }
};

struct Cell {
    bool land = false;
    double lat = 0.0, lon = 0.0;
    float elevation = 0.0f, wetFraction = 0.0f;
    int wetland = 0, climate = 0;
    double meanTemp = 0.0, amplitude = 0.0, wetness = 0.0;
    // Day-to-day state.
    double tempAnomaly = 0.0, soilTemp = 0.0, rainMemory = 0.0;
};

struct TowerPlan {
    const BenchmarkSite *site = nullptr;
    std::size_t cell = 0;
    std::vector<int> years;
    double scale = 1.0, offset = 0.0, tempOffset = 0.0, rainFactor = 1.0, lightFactor = 1.0;
    bool ownFile = true; // a per-site DD file; otherwise only in the merged file
};

struct DailyRecord {
    Date date;
    float tair, prec, solr, vapr, ch4;
};

class DemoWriter {
public:
    DemoWriter(const std::filesystem::path &root, const DemoOptions &options, Feedback &feedback)
        : root_(root)
        , options_(options)
        , feedback_(feedback)
        , grid_(Grid::global(options.resolution))
        , rng_(options.seed)
        , regional_(rng_)
        , moisture_(rng_)
    {}

    DemoSummary run()
    {
        std::filesystem::create_directories(root_ / layout::kGridFolder);
        buildWorld();
        planTowers();
        writeStatics();
        writeAnnualGases();
        const int years = options_.lastYear - options_.firstYear + 1;
        for (int year = options_.firstYear; year <= options_.lastYear; ++year) {
            writeYear(year);
            feedback_.setProgress(double(year - options_.firstYear + 1) / years * 0.95, "TEM-MDM");
        }
        if (options_.towers)
            writeTowers();
        writeWetlandMap();
        feedback_.setProgress(1.0, "done");
        return {grid_.rows, grid_.cols, years, int(towers_.size()), 0};
    }

private:
    std::filesystem::path gridPath(const std::string &name) const { return root_ / layout::kGridFolder / name; }

    void buildWorld()
    {
        // The mask is rasterised finer than the grid and read at each grid point.
        const int fine = std::max(360, grid_.rows * 2);
        const auto mask = geo::LandMask::rasterize(geo::Coastlines::builtIn(), fine, fine * 2);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        cells_.resize(grid_.cellCount());
        for (int r = 0; r < grid_.rows; ++r)
            for (int c = 0; c < grid_.cols; ++c) {
                Cell &cell = cells_[std::size_t(r) * grid_.cols + c];
                cell.lat = grid_.lat(r);
                cell.lon = grid_.lon(c);
                cell.land = mask.isLand({cell.lat, cell.lon});
            }
        for (const auto &site : benchmarkSites()) // every tower stands on land in its cell
            cells_[std::size_t(grid_.row(site.lat)) * grid_.cols + grid_.col(site.lon)].land = true;

        for (Cell &cell : cells_) {
            if (!cell.land)
                continue;
            const double lat = cell.lat, lon = cell.lon, absLat = std::abs(lat);
            const auto bump = [&](double la, double lo, double width, double height) {
                const double d2 = (lat - la) * (lat - la) + std::pow(geo::wrapLongitude(lon - lo), 2.0);
                return height * std::exp(-d2 / (2.0 * width * width));
            };
            double elevation = 250.0 + 200.0 * (regional_(lat, lon) + 1.0) + bump(33, 88, 7, 4200) + bump(-20, -68, 6, 3200) +
                bump(0, -78, 5, 2500) + bump(42, -110, 8, 1800) + bump(46, 10, 3, 1500) + bump(72, -40, 8, 2200) +
                (lat < -65 ? 2300.0 : 0.0);
            cell.elevation = float(std::max(0.0, elevation));
            cell.wetness = std::clamp(0.5 + 0.5 * moisture_(lat, lon), 0.0, 1.0);
            cell.meanTemp = (lat >= 0 ? 28.0 - 0.53 * absLat : 28.0 - 0.62 * absLat) - 6.5 * cell.elevation / 1000.0;
            cell.amplitude = 2.0 + 0.33 * absLat * (lat >= 0 ? 1.0 : 0.6);

            // Wetlands: boreal peatlands and tropical floodplains, where it is wet enough.
            const double boreal = std::exp(-std::pow(lat - 62.0, 2.0) / (2 * 36.0));
            const double tropical = std::exp(-lat * lat / (2 * 64.0));
            const double temperate = 0.35 * std::exp(-std::pow(absLat - 40.0, 2.0) / (2 * 49.0));
            const double potential = std::max({boreal, tropical, temperate}) * (0.4 + 0.6 * cell.wetness);
            cell.wetFraction = float(std::clamp(potential * (0.6 + 0.5 * u(rng_)), 0.0, 1.0));
            if (cell.wetFraction >= 0.2)
                cell.wetland = boreal >= tropical && boreal >= temperate ? (u(rng_) < 0.6 ? 2 : 1)
                    : tropical >= temperate                              ? 3
                                                                         : (u(rng_) < 0.7 ? 4 : 5);
            cell.climate = absLat < 23.5 ? 1 : absLat < 35 ? (cell.wetness < 0.35 ? 2 : 3) : absLat < 55 ? 3 : absLat < 66 ? 4 : 5;
            cell.soilTemp = cell.meanTemp;
        }
        for (const auto &site : benchmarkSites()) {
            Cell &cell = cells_[std::size_t(grid_.row(site.lat)) * grid_.cols + grid_.col(site.lon)];
            cell.wetland = site.wetlandType.value_or(std::max(cell.wetland, 4));
            cell.wetFraction = std::max(cell.wetFraction, 0.5f);
        }
    }

    void planTowers()
    {
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::normal_distribution<double> n(0.0, 1.0);
        const int span = options_.lastYear - options_.firstYear + 1;
        for (const auto &site : benchmarkSites()) {
            TowerPlan plan;
            plan.site = &site;
            plan.cell = std::size_t(grid_.row(site.lat)) * grid_.cols + grid_.col(site.lon);
            const int length = std::min(span, 2 + int(u(rng_) * (span - 1)));
            const int first = options_.firstYear + int(u(rng_) * (span - length + 1));
            for (int y = first; y < first + length; ++y)
                plan.years.push_back(y);
            if (plan.years.size() > 3 && u(rng_) < 0.3) // a year lost to instrument failure
                plan.years.erase(plan.years.begin() + 1 + int(u(rng_) * double(plan.years.size() - 2)));
            plan.scale = 0.5 + 1.5 * u(rng_);
            plan.offset = 3.0 * n(rng_);
            plan.tempOffset = 1.5 * n(rng_);
            plan.rainFactor = 0.7 + 0.6 * u(rng_);
            plan.lightFactor = 0.85 + 0.25 * u(rng_);
            plan.ownFile = u(rng_) < 0.7;
            towers_.push_back(plan);
        }
        for (std::size_t i = 0; i < towers_.size(); ++i)
            towersAtCell_.emplace(towers_[i].cell, i);
    }

    NetcdfFile createGridFile(const std::string &fileName, const std::string &variable, int extraDims, const std::string &units,
                              const std::string &longName, int *varid) const
    {
        NetcdfFile file = NetcdfFile::create(gridPath(fileName));
        std::vector<int> dims = {file.addDimension("lat", std::size_t(grid_.rows)), file.addDimension("lon", std::size_t(grid_.cols))};
        if (extraDims >= 1)
            dims.push_back(file.addDimension("month", 12));
        if (extraDims >= 2)
            dims.push_back(file.addDimension("day", 31));
        const int latVar = file.addVariable("lat", std::span(dims.data(), 1), {}, 0, true);
        const int lonVar = file.addVariable("lon", std::span(dims.data() + 1, 1), {}, 0, true);
        file.setAttribute(latVar, "units", "degrees_north");
        file.setAttribute(latVar, "standard_name", "latitude");
        file.setAttribute(lonVar, "units", "degrees_east");
        file.setAttribute(lonVar, "standard_name", "longitude");

        // Chunks of 1/12 of the globe per side. A day's field reads every chunk of its day-layer,
        // so fine grids keep chunks one day deep (a 0.5° day: 144 chunks, 1 MB); a cell's year
        // reads one column of chunks, so coarse grids, where chunks are small, go 8 days deep to
        // need fewer of them.
        std::vector<std::size_t> chunks = {std::size_t((grid_.rows + 11) / 12), std::size_t((grid_.cols + 11) / 12)};
        if (extraDims >= 1)
            chunks.push_back(1);
        if (extraDims >= 2)
            chunks.push_back(grid_.rows >= 360 ? 1 : 8);
        *varid = file.addVariable(variable, dims, chunks, 1);
        file.setAttribute(*varid, "units", units);
        file.setAttribute(*varid, "long_name", longName);
        file.setAttribute(*varid, "_FillValue", kFill, true);
        file.setAttribute(NetcdfFile::kGlobal, "title", "X-MethaneWet Explorer synthetic demo data (not TEM-MDM output)");
        file.setAttribute(NetcdfFile::kGlobal, "source", "xmw make-demo, seed " + std::to_string(options_.seed));
        file.endDefinitions();

        std::vector<double> lat(std::size_t(grid_.rows)), lon(std::size_t(grid_.cols));
        for (int r = 0; r < grid_.rows; ++r)
            lat[std::size_t(r)] = grid_.lat(r);
        for (int c = 0; c < grid_.cols; ++c)
            lon[std::size_t(c)] = grid_.lon(c);
        const std::size_t zero = 0, nLat = lat.size(), nLon = lon.size();
        file.write(latVar, std::span(&zero, 1), std::span(&nLat, 1), lat.data());
        file.write(lonVar, std::span(&zero, 1), std::span(&nLon, 1), lon.data());
        return file;
    }

    void writeStatics()
    {
        struct Static {
            const char *name, *units, *longName;
            std::function<float(const Cell &)> value;
        };
        const std::vector<Static> statics = {
            {"clelev", "m", "elevation above sea level", [](const Cell &c) { return c.elevation; }},
            {"clfaotxt", "1", "FAO soil texture class", [](const Cell &c) { return float(1 + int(c.wetness * 2.99)); }},
            {"cltveg", "1", "potential vegetation type",
             [](const Cell &c) { return float(1 + (c.climate * 7 + int(c.wetness * 5)) % 33); }},
            {"phh2o", "pH", "topsoil pH in water",
             [](const Cell &c) { return float(std::clamp(7.6 - 2.8 * c.wetness - 0.01 * std::abs(c.lat), 3.8, 8.5)); }},
            {"topsoil_bulk_density", "kg dm-3", "topsoil bulk density",
             [](const Cell &c) { return float(1.55 - 0.45 * c.wetFraction - 0.1 * c.wetness); }},
            {"vegetation_type_11", "1", "vegetation type (11 classes)",
             [](const Cell &c) { return float(1 + (c.climate * 2 + int(c.wetness * 2)) % 11); }},
            {"wetlandtype", "1", "wetland type (0: none)", [](const Cell &c) { return float(c.wetland); }},
            {"climatetype", "1", "climate zone", [](const Cell &c) { return float(c.climate); }},
        };
        for (const Static &s : statics) {
            int varid = -1;
            NetcdfFile file = createGridFile(layout::fileName(s.name, Cadence::Static, 0), s.name, 0, s.units, s.longName, &varid);
            std::vector<float> values(grid_.cellCount());
            for (std::size_t i = 0; i < cells_.size(); ++i)
                values[i] = cells_[i].land ? s.value(cells_[i]) : kFill;
            const std::size_t start[2] = {0, 0}, count[2] = {std::size_t(grid_.rows), std::size_t(grid_.cols)};
            file.write(varid, start, count, values.data());
            file.close();
        }
    }

    void writeAnnualGases() const
    {
        std::ofstream ch4(root_ / layout::kGridFolder / layout::kCh4File);
        std::ofstream co2(root_ / layout::kGridFolder / layout::kCo2File);
        for (int year = 1979; year <= std::max(2018, options_.lastYear); ++year) {
            const double t = year - 1979;
            ch4 << year << ' ' << 1575.0 + 8.0 * t - 0.06 * t * t << '\n';
            co2 << year << ' ' << 336.8 + 1.45 * t + 0.013 * t * t << '\n';
        }
        if (!ch4 || !co2)
            throw DataError(root_ / layout::kGridFolder, "cannot write the atmospheric CH4/CO2 files");
    }

    void writeYear(int year)
    {
        struct Output {
            const char *variable, *units, *longName;
            std::optional<NetcdfFile> file;
            int varid = -1;
            std::vector<float> month; // rows × cols × 31, day fastest
        };
        std::array<Output, 5> outputs = {{
            {"TAIR", "degC", "air temperature"},
            {"PREC", "mm d-1", "precipitation"},
            {"SOLR", "W m-2", "incoming shortwave radiation"},
            {"VAPR", "hPa", "vapour pressure"},
            {"CH4_emission", "mg CH4 m-2 d-1", "wetland CH4 emission intensity"},
        }};
        for (Output &o : outputs) {
            o.file.emplace(
                createGridFile(layout::fileName(o.variable, Cadence::Daily, year), o.variable, 2, o.units, o.longName, &o.varid));
            o.month.assign(grid_.cellCount() * 31, kFill);
        }
        int nppVar = -1;
        NetcdfFile nppFile = createGridFile(layout::fileName(layout::kNpp, Cadence::Monthly, year), layout::kNpp, 1, "g C m-2 month-1",
                                            "net primary production", &nppVar);
        std::vector<float> npp(grid_.cellCount() * 12, kFill);

        std::normal_distribution<double> n(0.0, 1.0);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int month = 1; month <= 12; ++month) {
            if (feedback_.isCanceled())
                throw Canceled();
            const int days = daysInMonth(year, month);
            for (std::size_t i = 0; i < cells_.size(); ++i) {
                Cell &cell = cells_[i];
                if (!cell.land)
                    continue;
                double tempSum = 0.0, rainSum = 0.0;
                float *tair = &outputs[0].month[i * 31], *prec = &outputs[1].month[i * 31], *solr = &outputs[2].month[i * 31],
                      *vapr = &outputs[3].month[i * 31], *ch4 = &outputs[4].month[i * 31];
                for (int d = 0; d < days; ++d) {
                    const Date date{year, month, d + 1};
                    const int doy = int(toDayNumber(date) - toDayNumber({year, 1, 1})) + 1;
                    const double season = std::sin(2.0 * kPi * (doy - 105) / 365.25) * (cell.lat >= 0 ? 1.0 : -1.0);
                    cell.tempAnomaly = 0.75 * cell.tempAnomaly + 1.6 * n(rng_);
                    const double temp = cell.meanTemp + cell.amplitude * season + cell.tempAnomaly;
                    const double itcz = 7.0 * std::sin(2.0 * kPi * (doy - 105) / 365.25);
                    const double rainMean = (0.3 + 6.5 * std::exp(-std::pow(cell.lat - itcz, 2.0) / (2 * 80.0)) +
                                             2.6 * std::exp(-std::pow(std::abs(cell.lat) - 50.0, 2.0) / (2 * 120.0))) *
                        (0.35 + 1.3 * cell.wetness);
                    const double wetProbability = std::clamp(0.15 + rainMean / 8.0, 0.05, 0.9);
                    const bool wet = u(rng_) < wetProbability;
                    const double rain = wet ? -std::log(1.0 - u(rng_)) * rainMean / wetProbability : 0.0;
                    const double toa = insolation(cell.lat, doy);
                    const double light = toa * (0.72 - (wet ? 0.25 : 0.0) - 0.05 * u(rng_));
                    const double humidity = std::clamp(0.45 + 0.35 * cell.wetness + (wet ? 0.15 : 0.0), 0.2, 0.98);
                    const double vapour = saturationVapourPressureHPa(temp) * humidity;
                    cell.soilTemp += (temp - cell.soilTemp) / 12.0; // soil lags the air
                    cell.rainMemory += (rain - cell.rainMemory) / 20.0;
                    tair[d] = float(temp);
                    prec[d] = float(rain);
                    solr[d] = float(std::max(0.0, light));
                    vapr[d] = float(vapour);
                    tempSum += temp;
                    rainSum += rain;
                }
                const double meanT = tempSum / days, meanRain = rainSum / days;
                const double production =
                    95.0 * std::max(0.0, std::tanh((meanT + 1.0) / 12.0)) * std::min(1.0, meanRain / 2.5) * (days / 30.0);
                npp[i * 12 + std::size_t(month - 1)] = float(production);

                // Methane: Q10 = 3 on the lagged soil temperature, nothing from frozen soil,
                // substrate from this month's production, wetness from recent rain.
                for (int d = 0; d < days; ++d) {
                    if (cell.wetland == 0) {
                        ch4[d] = 0.0f;
                        continue;
                    }
                    const double soil = cell.soilTemp + 0.5 * (tair[d] - meanT);
                    const double thaw = 1.0 / (1.0 + std::exp(-(soil - 0.5) / 1.2));
                    const double q10 = std::pow(3.0, (soil - 20.0) / 10.0);
                    const double substrate = 0.3 + production / 120.0;
                    const double wetness = 0.55 + 0.45 * std::min(1.0, cell.rainMemory / 3.0);
                    ch4[d] = float(90.0 * cell.wetFraction * thaw * q10 * substrate * wetness * std::exp(0.1 * n(rng_)));
                }
                if (towersAtCell_.count(i))
                    for (int d = 0; d < days; ++d)
                        cellRecords_[i].push_back({{year, month, d + 1}, tair[d], prec[d], solr[d], vapr[d], ch4[d]});
            }
            for (Output &o : outputs) {
                const std::size_t start[4] = {0, 0, std::size_t(month - 1), 0};
                const std::size_t count[4] = {std::size_t(grid_.rows), std::size_t(grid_.cols), 1, 31};
                o.file->write(o.varid, start, count, o.month.data());
            }
        }
        for (Output &o : outputs)
            o.file->close();
        const std::size_t start[3] = {0, 0, 0}, count[3] = {std::size_t(grid_.rows), std::size_t(grid_.cols), 12};
        nppFile.write(nppVar, start, count, npp.data());
        nppFile.close();
    }

    // A monthly wetland-fraction map in WAD2M's layout (CF (time, lat, lon), `Fw`, fraction of the
    // cell) at half the grid's step, as WAD2M's 0.25° is finer than TEM-MDM's 0.5°, so budgets
    // regrid it. Fraction: the cell's wetness patched within the cell and inundated more in its
    // summer. WAD2M spans 2000 on: the map has the demo's years from 2000 (only 2000 for an
    // earlier demo, whose budgets then use its climatology).
    void writeWetlandMap()
    {
        const Grid fine = Grid::global(options_.resolution / 2);
        const int first = std::clamp(options_.firstYear, 2000, 2018), last = std::clamp(options_.lastYear, first, 2018);
        const std::size_t months = std::size_t(last - first + 1) * 12;
        std::filesystem::create_directories(root_ / layout::kWetlandFolder);
        NetcdfFile file = NetcdfFile::create(root_ / layout::kWetlandFolder / layout::kDemoWetlandFile);
        const int timeDim = file.addDimension("time", months), latDim = file.addDimension("lat", std::size_t(fine.rows)),
                  lonDim = file.addDimension("lon", std::size_t(fine.cols));
        const int timeVar = file.addVariable("time", std::span(&timeDim, 1), {}, 0, true);
        const int latVar = file.addVariable("lat", std::span(&latDim, 1), {}, 0, true);
        const int lonVar = file.addVariable("lon", std::span(&lonDim, 1), {}, 0, true);
        file.setAttribute(timeVar, "units", "days since 2000-01-01 00:00:00");
        file.setAttribute(timeVar, "calendar", "standard");
        file.setAttribute(timeVar, "standard_name", "time");
        file.setAttribute(latVar, "units", "degrees_north");
        file.setAttribute(lonVar, "units", "degrees_east");
        const int dims[3] = {timeDim, latDim, lonDim};
        const std::size_t chunks[3] = {1, std::size_t(fine.rows), std::size_t(fine.cols)};
        const int fw = file.addVariable("Fw", dims, chunks, 1);
        file.setAttribute(fw, "units", "1");
        file.setAttribute(fw, "long_name", "fraction of the grid cell covered by wetland (synthetic)");
        file.setAttribute(fw, "_FillValue", kFill, true);
        file.setAttribute(NetcdfFile::kGlobal, "Conventions", "CF-1.8");
        file.setAttribute(NetcdfFile::kGlobal, "title", "X-MethaneWet Explorer synthetic wetland map in WAD2M's layout (not WAD2M)");
        file.setAttribute(NetcdfFile::kGlobal, "source", "xmw make-demo, seed " + std::to_string(options_.seed));
        file.endDefinitions();

        std::vector<double> time(months), lat(std::size_t(fine.rows)), lon(std::size_t(fine.cols));
        for (std::size_t m = 0; m < months; ++m)
            time[m] = double(toDayNumber({first + int(m / 12), int(m % 12) + 1, 15}) - toDayNumber({2000, 1, 1}));
        for (int r = 0; r < fine.rows; ++r)
            lat[std::size_t(r)] = fine.lat(r);
        for (int c = 0; c < fine.cols; ++c)
            lon[std::size_t(c)] = fine.lon(c);
        const std::size_t zero = 0, nLat = lat.size(), nLon = lon.size();
        file.write(timeVar, std::span(&zero, 1), std::span(&months, 1), time.data());
        file.write(latVar, std::span(&zero, 1), std::span(&nLat, 1), lat.data());
        file.write(lonVar, std::span(&zero, 1), std::span(&nLon, 1), lon.data());

        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::vector<float> patch(fine.cellCount());
        for (float &p : patch)
            p = float(0.4 + 1.2 * u(rng_));
        std::vector<float> field(fine.cellCount());
        for (std::size_t m = 0; m < months; ++m) {
            const int month = int(m % 12) + 1;
            for (int r = 0; r < fine.rows; ++r)
                for (int c = 0; c < fine.cols; ++c) {
                    const std::size_t i = std::size_t(r) * std::size_t(fine.cols) + std::size_t(c);
                    const Cell &cell = cells_[std::size_t(r / 2) * std::size_t(grid_.cols) + std::size_t(c / 2)];
                    if (!cell.land) {
                        field[i] = kFill;
                        continue;
                    }
                    const double summer = std::sin(2.0 * kPi * (month - 4) / 12.0) * (cell.lat >= 0 ? 1.0 : -1.0);
                    field[i] = float(std::clamp(0.3 * cell.wetFraction * patch[i] * (1.0 + 0.3 * summer), 0.0, 1.0));
                }
            const std::size_t start[3] = {m, 0, 0}, count[3] = {1, std::size_t(fine.rows), std::size_t(fine.cols)};
            file.write(fw, start, count, field.data());
        }
        file.close();
    }

    void writeTowers()
    {
        const auto folder = root_ / layout::kTowerFolder;
        std::filesystem::create_directories(folder);
        std::normal_distribution<double> n(0.0, 1.0);
        std::uniform_real_distribution<double> u(0.0, 1.0);

        std::ofstream meta(folder / "FLUXNET_CH4_2024.csv");
        meta << "SITE_ID,SITE_NAME,LOCATION_LAT,LOCATION_LONG,LOCATION_ELEV,IGBP,MAT,MAP,YEAR_START,YEAR_END\n";
        std::ofstream merged(folder / "FLUXNET_T1_DD.csv");
        merged << "Site,TIMESTAMP,TA_F,VPD_F,P_F,SW_IN_F,FCH4,FCH4_F,FCH4_F_ANNOPTLM\n";
        merged.precision(6);

        // Columns beyond the core set, which real per-site files carry in differing selections.
        static const char *kExtras[] = {"NEE_F",
                                        "GPP_NT",
                                        "RECO_NT",
                                        "LE_F",
                                        "H_F",
                                        "USTAR",
                                        "WS_F",
                                        "PA_F",
                                        "TS_1",
                                        "SWC_1",
                                        "WTD_F",
                                        "G_F",
                                        "LW_IN_F",
                                        "RH",
                                        "NETRAD",
                                        "PPFD_IN",
                                        "TS_2",
                                        "LE_F_ANNOPTLM",
                                        "NEE_F_ANNOPTLM",
                                        "FCH4_F_ANNOPTLM_UNC",
                                        "FCH4_F_ANNOPTLM_QC",
                                        "TA",
                                        "VPD",
                                        "P",
                                        "SW_IN"};

        for (const TowerPlan &plan : towers_) {
            const BenchmarkSite &site = *plan.site;
            const Cell &cell = cells_[plan.cell];
            const auto &records = cellRecords_[plan.cell];
            double tempSum = 0.0, rainSum = 0.0;
            for (const auto &r : records) {
                tempSum += r.tair;
                rainSum += r.prec;
            }
            meta << site.id << ",\"" << site.name << "\"," << site.lat << ',' << site.lon << ',' << int(cell.elevation) << ',' << site.igbp
                 << ',' << tempSum / double(records.size()) << ',' << rainSum / double(records.size()) * 365.0 << ',' << plan.years.front()
                 << ',' << plan.years.back() << '\n';

            std::vector<std::string> extras;
            for (const char *column : kExtras)
                if (u(rng_) < 0.6)
                    extras.push_back(column);
            std::ofstream own;
            std::vector<std::string> columns = {"TIMESTAMP", "TA_F", "VPD_F", "P_F", "SW_IN_F", "FCH4", "FCH4_F", "FCH4_F_ANNOPTLM"};
            columns.insert(columns.end(), extras.begin(), extras.end());
            std::shuffle(columns.begin() + 1, columns.end(), rng_); // found by name, never by position
            if (plan.ownFile) {
                own.open(folder /
                         ("FLX_" + site.id + "_FLUXNET-CH4_DD_" + std::to_string(plan.years.front()) + "-" +
                          std::to_string(plan.years.back()) + "_1-1.csv"));
                for (std::size_t i = 0; i < columns.size(); ++i)
                    own << (i ? "," : "") << columns[i];
                own << '\n';
                own.precision(6);
            }

            std::string mergedId = site.id;
            std::replace(mergedId.begin(), mergedId.end(), '-', '.');
            // As in the real files, FCH4_F has a value on some days whose half-hours were too few
            // for a daily FCH4 (about a fifth of its days there). Drawn from a stream of its own so
            // that every other number of the demo stays as it was.
            std::vector<std::uint32_t> partialKey(site.id.begin(), site.id.end());
            partialKey.push_back(std::uint32_t(options_.seed));
            std::seed_seq partialSeed(partialKey.begin(), partialKey.end());
            std::mt19937_64 partial(partialSeed);
            int gapLeft = 0;
            for (const auto &r : records) {
                if (std::find(plan.years.begin(), plan.years.end(), r.date.year) == plan.years.end())
                    continue;
                const double truth = plan.scale * units::mgPerDayToNmolPerSecond(r.ch4) + plan.offset * (r.ch4 > 0.5f ? 1.0 : 0.2);
                if (gapLeft == 0 && u(rng_) < (r.tair < 0.0f ? 0.02 : 0.006))
                    gapLeft = 10 + int(u(rng_) * 50); // an instrument outage
                const bool measured = gapLeft == 0 && u(rng_) > (r.tair < 0.0f ? 0.45 : 0.2);
                if (gapLeft > 0)
                    --gapLeft;
                const double ta = r.tair + plan.tempOffset + 0.8 * n(rng_);
                const double vpd = std::max(0.0, saturationVapourPressureHPa(ta) - r.vapr * (0.9 + 0.2 * u(rng_)));
                const double rain = std::max(0.0, r.prec * plan.rainFactor + (r.prec > 0 ? 0.3 * n(rng_) : 0.0));
                const double light = std::max(0.0, r.solr * plan.lightFactor + 8.0 * n(rng_));
                const double observed = truth + (0.15 * std::abs(truth) + 1.0) * n(rng_);
                const double filled = truth + (0.08 * std::abs(truth) + 0.5) * n(rng_);
                const bool wholeDay = measured && u(partial) > 0.2;
                const std::string iso = toIsoString(r.date);

                merged << mergedId << ',' << iso << ',' << ta << ',' << vpd << ',' << rain << ',' << light << ',';
                if (wholeDay)
                    merged << observed;
                merged << ',';
                if (measured)
                    merged << observed;
                merged << ',' << filled << '\n';

                if (!plan.ownFile)
                    continue;
                for (std::size_t i = 0; i < columns.size(); ++i) {
                    const std::string &col = columns[i];
                    own << (i ? "," : "");
                    if (col == "TIMESTAMP")
                        own << iso.substr(0, 4) << iso.substr(5, 2) << iso.substr(8, 2);
                    else if (col == "TA_F" || col == "TA")
                        own << ta;
                    else if (col == "VPD_F" || col == "VPD")
                        own << vpd;
                    else if (col == "P_F" || col == "P")
                        own << rain;
                    else if (col == "SW_IN_F" || col == "SW_IN")
                        own << light;
                    else if (col == "FCH4")
                        own << (wholeDay ? observed : -9999.0);
                    else if (col == "FCH4_F")
                        own << (measured ? observed : -9999.0);
                    else if (col == "FCH4_F_ANNOPTLM")
                        own << filled;
                    else if (col == "FCH4_F_ANNOPTLM_UNC")
                        own << 0.08 * std::abs(truth) + 0.5;
                    else if (col == "FCH4_F_ANNOPTLM_QC")
                        own << (measured ? 0 : 2);
                    else
                        own << (u(rng_) < 0.1 ? -9999.0 : 10.0 * n(rng_) + 20.0); // not used by the benchmark
                }
                own << '\n';
            }
            if (plan.ownFile && !own)
                throw DataError(folder, "cannot write the tower file of " + site.id);
        }
        if (!meta || !merged)
            throw DataError(folder, "cannot write the tower files");
    }

    std::filesystem::path root_;
    DemoOptions options_;
    Feedback &feedback_;
    Grid grid_;
    std::mt19937_64 rng_;
    SmoothField regional_, moisture_;
    std::vector<Cell> cells_;
    std::vector<TowerPlan> towers_;
    std::multimap<std::size_t, std::size_t> towersAtCell_;
    std::map<std::size_t, std::vector<DailyRecord>> cellRecords_;
};

std::uintmax_t folderSize(const std::filesystem::path &folder)
{
    std::uintmax_t total = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}

} // namespace

DemoSummary makeDemoDataset(const std::filesystem::path &folder, const DemoOptions &options, Feedback &feedback)
{
    if (options.resolution <= 0.0 || std::abs(180.0 / options.resolution - std::round(180.0 / options.resolution)) > 1e-9)
        throw DataError(folder, "resolution must divide 180°, e.g. 0.5, 1 or 2");
    if (options.firstYear > options.lastYear)
        throw DataError(folder, "years must be a range like 2014-2018");
    // The demo stands in for TEM-MDM, whose record (and atmospheric CH4/CO2 files) spans 1979–2018.
    if (options.firstYear < 1979 || options.lastYear > 2018)
        throw DataError(folder,
                        "years must lie within TEM-MDM's record, 1979–2018 (got " + std::to_string(options.firstYear) + "–" +
                            std::to_string(options.lastYear) + ")");
    std::error_code ec;
    if (std::filesystem::exists(folder, ec))
        throw DataError(folder, "already exists; remove it or choose another folder");

    const std::filesystem::path partial = folder.string() + ".partial-" + std::to_string(::getpid());
    std::filesystem::remove_all(partial, ec);
    try {
        DemoSummary summary = DemoWriter(partial, options, feedback).run();
        std::filesystem::rename(partial, folder);
        summary.bytes = folderSize(folder);
        return summary;
    } catch (...) {
        std::filesystem::remove_all(partial, ec);
        throw;
    }
}

} // namespace xmw::data
