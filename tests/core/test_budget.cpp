// Budgets: cell areas, conservative regridding, wetland maps, regions and totals against answers
// known in closed form.
#include "core/data/budget.h"
#include "core/data/cell_area.h"
#include "core/data/data_error.h"
#include "core/data/netcdf_file.h"
#include "core/data/wetland_area.h"
#include "demo_fixture.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <numbers>
#include <random>

using namespace xmw;
using namespace xmw::data;

namespace {

constexpr double kR = kEarthRadiusMetres;
constexpr double kDaysPerYear = 365; // the benchmark's year

double sphereArea() { return 4 * std::numbers::pi * kR * kR; }
double bandArea(double south, double north)
{
    return 2 * std::numbers::pi * kR * kR * (std::sin(degreesToRadians(north)) - std::sin(degreesToRadians(south)));
}

struct CfField {
    std::string variable = "CH4_emission";
    std::string units = "mg CH4 m-2 d-1";
    std::string calendar = "noleap";
    bool hasUnits = true;
    std::vector<double> time; // days since 2001-01-01; empty: a (lat, lon) field
    std::function<float(int step, double lat, double lon)> value;
};

// A global CF NetCDF file on `grid`.
void writeCf(const std::filesystem::path &path, const Grid &grid, const CfField &f)
{
    NetcdfFile file = NetcdfFile::create(path);
    std::vector<int> dims;
    int timeVar = -1;
    if (!f.time.empty()) {
        dims.push_back(file.addDimension("time", f.time.size()));
        timeVar = file.addVariable("time", std::span(dims.data(), 1), {}, 0, true);
        file.setAttribute(timeVar, "units", "days since 2001-01-01");
        file.setAttribute(timeVar, "calendar", f.calendar);
    }
    dims.push_back(file.addDimension("lat", std::size_t(grid.rows)));
    dims.push_back(file.addDimension("lon", std::size_t(grid.cols)));
    const int latVar = file.addVariable("lat", std::span(&dims[dims.size() - 2], 1), {}, 0, true);
    const int lonVar = file.addVariable("lon", std::span(&dims[dims.size() - 1], 1), {}, 0, true);
    file.setAttribute(latVar, "units", "degrees_north");
    file.setAttribute(lonVar, "units", "degrees_east");
    const int var = file.addVariable(f.variable, dims);
    if (f.hasUnits)
        file.setAttribute(var, "units", f.units);
    file.endDefinitions();
    std::vector<double> lat(std::size_t(grid.rows)), lon(std::size_t(grid.cols));
    for (int r = 0; r < grid.rows; ++r)
        lat[std::size_t(r)] = grid.lat(r);
    for (int c = 0; c < grid.cols; ++c)
        lon[std::size_t(c)] = grid.lon(c);
    const std::size_t zero = 0, nLat = lat.size(), nLon = lon.size(), nTime = f.time.size();
    file.write(latVar, std::span(&zero, 1), std::span(&nLat, 1), lat.data());
    file.write(lonVar, std::span(&zero, 1), std::span(&nLon, 1), lon.data());
    if (timeVar >= 0)
        file.write(timeVar, std::span(&zero, 1), std::span(&nTime, 1), f.time.data());
    std::vector<float> field(grid.cellCount());
    const std::size_t steps = std::max<std::size_t>(nTime, 1);
    for (std::size_t t = 0; t < steps; ++t) {
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                field[std::size_t(r) * std::size_t(grid.cols) + std::size_t(c)] = f.value(int(t), grid.lat(r), grid.lon(c));
        if (timeVar >= 0) {
            const std::size_t start[3] = {t, 0, 0}, count[3] = {1, nLat, nLon};
            file.write(var, start, count, field.data());
        } else {
            const std::size_t start[2] = {0, 0}, count[2] = {nLat, nLon};
            file.write(var, start, count, field.data());
        }
    }
    file.close();
}

std::vector<double> dailyTime(int years)
{
    std::vector<double> t;
    for (int d = 0; d < 365 * years; ++d)
        t.push_back(d);
    return t;
}

std::vector<double> monthlyTime(int firstYear, int years) // mid-month, standard calendar
{
    std::vector<double> t;
    for (int y = firstYear; y < firstYear + years; ++y)
        for (int m = 1; m <= 12; ++m)
            t.push_back(double(toDayNumber({y, m, 15}) - toDayNumber({2001, 1, 1})));
    return t;
}

double wetlandArea(const Grid &grid, const std::vector<float> &fraction)
{
    double total = 0;
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            if (const float f = fraction[std::size_t(r) * std::size_t(grid.cols) + std::size_t(c)]; !std::isnan(f)) // ocean
                total += cellArea(grid, r) * double(f);
    return total;
}

const BudgetRow &rowFor(const std::vector<BudgetRow> &rows, const std::string &source, const std::string &region, int year, int month = 0)
{
    for (const auto &row : rows)
        if (row.source == source && row.region == region && row.year == year && row.month == month)
            return row;
    throw std::runtime_error("no row for " + source + " " + region + " " + std::to_string(year));
}

} // namespace

class TestBudget : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::filesystem::path file(const std::string &name) const { return std::filesystem::path(dir_.path().toStdString()) / name; }

    // TEM-MDM as one CF file: `flux` mg CH4 m-2 d-1 every day of 2001 (and 2002 when `years` is 2).
    std::filesystem::path uniformTem(const std::string &name, const Grid &grid, float flux, int years = 1)
    {
        const auto path = file(name);
        CfField f;
        f.time = dailyTime(years);
        f.value = [flux](int, double, double) { return flux; };
        writeCf(path, grid, f);
        return path;
    }

    std::filesystem::path staticMap(const std::string &name, const Grid &grid, std::function<float(double, double)> fraction,
                                    const std::string &units = "1")
    {
        const auto path = file(name);
        CfField f;
        f.variable = "Fw";
        f.units = units;
        f.value = [fraction](int, double lat, double lon) { return fraction(lat, lon); };
        writeCf(path, grid, f);
        return path;
    }

private Q_SLOTS:
    void cellAreasSumToTheSphere()
    {
        for (const double step : {0.5, 2.0, 7.5}) {
            const Grid grid = Grid::global(step);
            double total = 0;
            for (const double area : rowAreas(grid))
                total += area * grid.cols;
            QVERIFY2(std::abs(total / sphereArea() - 1) < 1e-12, qPrintable(QString::number(step)));
        }
        QVERIFY(std::abs(sphereArea() / 1e12 - 510.066) < 0.01); // million km²
    }

    void uniformFluxGivesFluxTimesArea()
    {
        const Grid grid = Grid::global(6.0);
        const GridDataset tem = GridDataset::open(uniformTem("uniform.nc", grid, 2.0f));
        const WetlandAreaMap half(staticMap("half.nc", grid, [](double, double) { return 0.5f; }), "Fw", grid);
        Feedback quiet;
        std::vector<ZonalBand> zonal;
        const auto rows = BudgetCalculator(tem, &half, gcpRegions()).compute({BudgetSource::temMdm()}, 2001, 2001, false, quiet, &zonal);
        QCOMPARE(rows.size(), std::size_t(5));
        // The zonal profile: one band per 6° row, each flux × its area, adding up to the globe.
        QCOMPARE(zonal.size(), std::size_t(grid.rows));
        double zonalTotal = 0;
        for (const ZonalBand &band : zonal) {
            QVERIFY(std::abs(band.meanFlux - 2.0) < 1e-9);
            QVERIFY(std::abs(band.teragramsPerYear / (2.0 * 0.5 * bandArea(band.south, band.north) * kDaysPerYear * 1e-15) - 1) < 1e-9);
            zonalTotal += band.teragramsPerYear;
        }
        QVERIFY(std::abs(zonalTotal / rowFor(rows, "TEM-MDM", "Globe", 2001).teragrams - 1) < 1e-9);
        const auto expect = [](double area) { return 2.0 * 0.5 * area * kDaysPerYear * 1e-15; };
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001).teragrams / expect(sphereArea()) - 1) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "30°N–60°N", 2001).teragrams / expect(bandArea(30, 60)) - 1) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "90°S–30°S", 2001).teragrams / expect(bandArea(-90, -30)) - 1) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001).meanFlux - 2.0) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001).wetlandAreaMkm2 - 0.5 * sphereArea() / 1e12) < 1e-6);
        QCOMPARE(rowFor(rows, "TEM-MDM", "Globe", 2001).cells, grid.cellCount());
    }

    void wetlandInOneBandOnly()
    {
        const Grid grid = Grid::global(2.0);
        const GridDataset tem = GridDataset::open(uniformTem("uniform2.nc", grid, 1.0f));
        const WetlandAreaMap map(staticMap("band.nc", grid, [](double lat, double) { return lat > 30 && lat < 60 ? 1.0f : 0.0f; }), "Fw",
                                 grid);
        Feedback quiet;
        const auto rows = BudgetCalculator(tem, &map, gcpRegions()).compute({BudgetSource::temMdm()}, 2001, 2001, true, quiet);
        const double band = bandArea(30, 60) * kDaysPerYear * 1e-15;
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "30°N–60°N", 2001).teragrams / band - 1) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001).teragrams / band - 1) < 1e-9);
        QCOMPARE(rowFor(rows, "TEM-MDM", "60°N–90°N", 2001).teragrams, 0.0);
        QCOMPARE(rowFor(rows, "TEM-MDM", "30°S–30°N", 2001).teragrams, 0.0);
        // Months add up to the year, and February has 28 days of it.
        double months = 0;
        for (int m = 1; m <= 12; ++m)
            months += rowFor(rows, "TEM-MDM", "Globe", 2001, m).teragrams;
        QVERIFY(std::abs(months / band - 1) < 1e-9);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001, 2).teragrams / (band * 28 / 365) - 1) < 1e-9);
    }

    void regriddingKeepsTheWetlandArea()
    {
        const Grid fine = Grid::global(1.0);
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        std::vector<float> patchy(fine.cellCount());
        for (float &v : patchy)
            v = u(rng) < 0.3f ? u(rng) : (u(rng) < 0.2f ? std::numeric_limits<float>::quiet_NaN() : 0.0f);
        const double area = wetlandArea(fine, patchy);
        for (const double step : {7.5, 2.0, 0.5}) {
            const Grid target = Grid::global(step);
            const auto regridded = ConservativeRegridder(fine, target).regrid(patchy);
            QVERIFY2(std::abs(wetlandArea(target, regridded) / area - 1) < 1e-6,
                     qPrintable(QString::number(step) + QStringLiteral(": ") + QString::number(wetlandArea(target, regridded) / area - 1)));
        }
        // A grid whose columns start at 0° (0–360) is the same sphere.
        Grid shifted = Grid::global(2.0);
        shifted.lon0 = 1.0;
        QVERIFY(std::abs(wetlandArea(shifted, ConservativeRegridder(fine, shifted).regrid(patchy)) / area - 1) < 1e-6);
    }

    void percentagesAndAreasBecomeFractions()
    {
        const Grid grid = Grid::global(6.0);
        const WetlandAreaMap percent(staticMap(
                                         "percent.nc", grid, [](double, double) { return 40.0f; }, "%"),
                                     "Fw", grid);
        QVERIFY(std::abs(percent.fraction(2001, 1)[100] - 0.4f) < 1e-6f);
        const WetlandAreaMap km2(
            staticMap(
                "km2.nc", grid, [&](double lat, double) { return float(0.25 * cellArea(grid, grid.row(lat)) / 1e6); }, "km2"),
            "Fw", grid);
        QVERIFY(std::abs(km2.fraction(2001, 7)[200] - 0.25f) < 1e-5f);
    }

    void runsInNmolAndTheirDifference()
    {
        const Grid grid = Grid::global(6.0);
        const GridDataset tem = GridDataset::open(uniformTem("tem-run.nc", grid, 1.0f));
        const auto run = file("run.nc");
        CfField f;
        f.variable = "CH4_prediction";
        f.units = "nmol m-2 s-1";
        f.time = dailyTime(1);
        f.value = [](int, double lat, double) { return lat > 0 ? 1.0f : std::numeric_limits<float>::quiet_NaN(); };
        writeCf(run, grid, f);
        const WetlandAreaMap all(staticMap("all.nc", grid, [](double, double) { return 1.0f; }), "Fw", grid);
        Feedback quiet;
        const auto rows =
            BudgetCalculator(tem, &all, {BudgetRegion::globe()})
                .compute({BudgetSource::temMdm(), BudgetSource::run(run), BudgetSource::runMinusTemMdm(run)}, 2001, 2001, false, quiet);
        const double north = bandArea(0, 90) * kDaysPerYear * 1e-15;
        QVERIFY(std::abs(rowFor(rows, "run", "Globe", 2001).teragrams / (1.3863 * north) - 1) < 1e-6);
        QVERIFY(std::abs(rowFor(rows, "run − TEM-MDM", "Globe", 2001).teragrams / (0.3863 * north) - 1) < 1e-5);
        QVERIFY(std::abs(rowFor(rows, "run", "Globe", 2001).meanFlux - 1.3863) < 1e-6);
        QCOMPARE(rowFor(rows, "run", "Globe", 2001).cells, grid.cellCount() / 2);
    }

    void aMonthTheMapLacksComesFromItsClimatology()
    {
        const Grid grid = Grid::global(6.0);
        const GridDataset tem = GridDataset::open(uniformTem("tem2.nc", grid, 1.0f, 2));
        const auto path = file("monthly.nc");
        CfField f;
        f.variable = "Fw";
        f.units = "1";
        f.calendar = "standard";
        f.time = monthlyTime(2001, 1);
        f.value = [](int step, double, double) { return 0.05f * float(step + 1); }; // month m: 0.05 m
        writeCf(path, grid, f);
        const WetlandAreaMap map(path, "Fw", grid);
        QVERIFY(map.hasMonth(2001, 3));
        QVERIFY(!map.hasMonth(2002, 3));
        QVERIFY(std::abs(map.fraction(2002, 3)[7] - 0.15f) < 1e-6f);
        Feedback quiet;
        const auto rows = BudgetCalculator(tem, &map, {BudgetRegion::globe()}).compute({BudgetSource::temMdm()}, 2001, 2002, true, quiet);
        QVERIFY(!rowFor(rows, "TEM-MDM", "Globe", 2001).wetlandFromClimatology);
        QVERIFY(rowFor(rows, "TEM-MDM", "Globe", 2002).wetlandFromClimatology);
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2002).teragrams / rowFor(rows, "TEM-MDM", "Globe", 2001).teragrams - 1) < 1e-9);
        const double june = 0.3 * sphereArea() * 30 * 1e-15;
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001, 6).teragrams / june - 1) < 1e-6);
    }

    void withoutAMapThereAreNoTotals()
    {
        const Grid grid = Grid::global(6.0);
        const GridDataset tem = GridDataset::open(uniformTem("tem-nomap.nc", grid, 3.0f));
        Feedback quiet;
        const auto rows = BudgetCalculator(tem, nullptr, gcpRegions()).compute({BudgetSource::temMdm()}, 2001, 2001, false, quiet);
        QVERIFY(std::isnan(rowFor(rows, "TEM-MDM", "Globe", 2001).teragrams));
        QVERIFY(std::isnan(rowFor(rows, "TEM-MDM", "Globe", 2001).wetlandAreaMkm2));
        QVERIFY(std::abs(rowFor(rows, "TEM-MDM", "Globe", 2001).meanFlux - 3.0) < 1e-9);
    }

    void regionsHoldTheirCells()
    {
        const BudgetRegion box = BudgetRegion::box(40, 70, 170, -170); // across the antimeridian
        QVERIFY(box.contains(50, 175));
        QVERIFY(box.contains(50, -175));
        QVERIFY(!box.contains(50, 0));
        QVERIFY(!box.contains(35, 175));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)BudgetRegion::box(50, 40, 0, 10));

        const auto path = file("regions.geojson");
        DemoFixture::writeText(path, R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Ring"}, "geometry": {"type": "Polygon", "coordinates": [
                [[0, 0], [20, 0], [20, 20], [0, 20], [0, 0]],
                [[5, 5], [15, 5], [15, 15], [5, 15], [5, 5]]]}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[170, -10], [190, -10], [190, 10], [170, 10], [170, -10]]]]}}]})");
        const auto regions = readGeoJsonRegions(path);
        QCOMPARE(regions.size(), std::size_t(2));
        QCOMPARE(regions[0].name, std::string("Ring"));
        QCOMPARE(regions[1].name, std::string("regions 2"));
        QVERIFY(regions[0].contains(2, 2));
        QVERIFY(!regions[0].contains(10, 10)); // in the hole
        QVERIFY(regions[1].contains(0, -175)); // 185°E
        QVERIFY(!regions[1].contains(0, 0));
    }

    void badInputIsNamed()
    {
        const Grid grid = Grid::global(6.0);
        CfField noUnits;
        noUnits.variable = "Fw";
        noUnits.hasUnits = false;
        noUnits.value = [](int, double, double) { return 0.5f; };
        writeCf(file("nounits.nc"), grid, noUnits);
        XMW_VERIFY_DATA_ERROR(WetlandAreaMap(file("nounits.nc"), "Fw", grid), "nounits.nc", "no units");

        const WetlandAreaMap tooMuch(staticMap("toomuch.nc", grid, [](double lat, double) { return lat > 80 ? 1.7f : 0.1f; }), "Fw", grid);
        XMW_VERIFY_DATA_ERROR(tooMuch.fraction(2001, 1), "toomuch.nc", "1.7", "81.000°N", "within 0–1");

        CfField days360;
        days360.variable = "Fw";
        days360.units = "1";
        days360.calendar = "360_day";
        days360.time = {0, 30};
        days360.value = [](int, double, double) { return 0.1f; };
        writeCf(file("360.nc"), grid, days360);
        XMW_VERIFY_DATA_ERROR(WetlandAreaMap(file("360.nc"), "Fw", grid), "360.nc", "360_day");

        DemoFixture::writeText(file("line.geojson"), R"({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})");
        XMW_VERIFY_DATA_ERROR(readGeoJsonRegions(file("line.geojson")), "line.geojson", "LineString", "Polygon");
        DemoFixture::writeText(file("open.geojson"), R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})");
        XMW_VERIFY_DATA_ERROR(readGeoJsonRegions(file("open.geojson")), "open.geojson", "not closed");
        DemoFixture::writeText(file("typed.geojson"), R"({"type": "FeatureCollection", "features": [{"type": 5}]})");
        XMW_VERIFY_DATA_ERROR(readGeoJsonRegions(file("typed.geojson")), "typed.geojson", "not a GeoJSON Feature");
        DemoFixture::writeText(file("huge.geojson"), R"({"type": "Polygon", "coordinates": [[[233e783, 0]]]})");
        XMW_VERIFY_DATA_ERROR(readGeoJsonRegions(file("huge.geojson")), "huge.geojson", "not JSON");
        DemoFixture::writeText(file("broken.geojson"), "{\"type\": ");
        XMW_VERIFY_DATA_ERROR(readGeoJsonRegions(file("broken.geojson")), "broken.geojson", "not JSON");

        const GridDataset tem = GridDataset::open(uniformTem("tem-bad.nc", grid, 1.0f));
        const auto coarse = file("coarse-run.nc");
        CfField run;
        run.variable = "CH4_prediction";
        run.units = "nmol m-2 s-1";
        run.time = dailyTime(1);
        run.value = [](int, double, double) { return 1.0f; };
        writeCf(coarse, Grid::global(10.0), run);
        Feedback quiet;
        XMW_VERIFY_DATA_ERROR(BudgetCalculator(tem, nullptr, {}).compute({BudgetSource::run(coarse)}, 2001, 2001, false, quiet),
                              "coarse-run.nc", "grid");
        XMW_VERIFY_DATA_ERROR(BudgetCalculator(tem, nullptr, {}).compute({BudgetSource::temMdm()}, 1990, 1995, false, quiet), "1990–1995");
    }

    void theDemoHasAPlausibleBudget()
    {
        const DemoFixture demo;
        const GridDataset tem = GridDataset::open(demo.root());
        const auto mapFile = demo.root() / layout::kWetlandFolder / layout::kDemoWetlandFile;
        const WetlandAreaMap map(mapFile, "Fw", tem.grid());
        Feedback quiet;
        const auto rows = BudgetCalculator(tem, &map, gcpRegions()).compute({BudgetSource::temMdm()}, 2015, 2016, false, quiet);
        for (const int year : {2015, 2016}) {
            const double globe = rowFor(rows, "TEM-MDM", "Globe", year).teragrams;
            QVERIFY2(globe > 20 && globe < 400, qPrintable(QString::number(globe))); // the GCP's ensemble: ~160 Tg
            double bands = 0;
            for (const char *band : {"90°S–30°S", "30°S–30°N", "30°N–60°N", "60°N–90°N"})
                bands += rowFor(rows, "TEM-MDM", band, year).teragrams;
            QVERIFY(std::abs(bands / globe - 1) < 1e-9); // the bands partition the globe
            const double area = rowFor(rows, "TEM-MDM", "Globe", year).wetlandAreaMkm2;
            QVERIFY2(area > 1 && area < 20, qPrintable(QString::number(area)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "test_budget.moc"
