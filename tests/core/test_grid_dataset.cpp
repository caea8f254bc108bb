#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/grid_dataset.h"
#include "core/data/netcdf_file.h"
#include "core/data/period_mean.h"
#include "demo_fixture.h"

#include <QTest>

#include <cmath>

using namespace xmw::data;

class TestGridDataset : public QObject {
    Q_OBJECT

    DemoFixture demo_;

private Q_SLOTS:
    void opensTheLayoutLazily()
    {
        const GridDataset grid = GridDataset::open(demo_.root());
        QCOMPARE(grid.grid().rows, 30);
        QCOMPARE(grid.grid().cols, 60);
        QCOMPARE(grid.grid().dLat, 6.0);
        QCOMPARE(grid.years(), (std::vector<int>{2015, 2016}));
        QCOMPARE(grid.variables().size(), std::size_t(14));
        QCOMPARE(grid.variable("CH4_emission").units, std::string("mg CH4 m-2 d-1"));
        QVERIFY(grid.variable("NPP").cadence == Cadence::Monthly);
        QVERIFY(grid.variable("clelev").cadence == Cadence::Static);
        QCOMPARE(*grid.atmosphericCh4(2016) > 1700.0, true);
        XMW_VERIFY_DATA_ERROR(grid.variable("FOO"), "no variable 'FOO'");
    }

    void rowZeroIsSouth()
    {
        const GridDataset grid = GridDataset::open(demo_.root());
        const auto july = grid.dayField("TAIR", {2016, 7, 15});
        const std::size_t cols = std::size_t(grid.grid().cols);
        // Antarctica in (southern) winter is far colder than the Sahara in summer.
        const float antarctica = july[std::size_t(grid.grid().row(-78)) * cols + std::size_t(grid.grid().col(0))];
        const float sahara = july[std::size_t(grid.grid().row(24)) * cols + std::size_t(grid.grid().col(12))];
        QVERIFY2(antarctica < -20.0f && sahara > 20.0f, qPrintable(QStringLiteral("%1 %2").arg(antarctica).arg(sahara)));
        // Ocean is missing.
        QVERIFY(std::isnan(july[std::size_t(grid.grid().row(0)) * cols + std::size_t(grid.grid().col(-30))]));
    }

    void cellSeriesAgreesWithDayFields()
    {
        const GridDataset grid = GridDataset::open(demo_.root());
        const int row = grid.grid().row(60), col = grid.grid().col(30);
        const auto series = grid.cellSeries("TAIR", row, col, 2015, 2016);
        QCOMPARE(series.size(), std::size_t(365 + 366));
        const std::size_t cell = std::size_t(row) * std::size_t(grid.grid().cols) + std::size_t(col);
        for (const Date date : {Date{2015, 1, 1}, Date{2015, 12, 31}, Date{2016, 2, 29}, Date{2016, 8, 9}}) {
            const auto index = std::size_t(toDayNumber(date) - toDayNumber({2015, 1, 1}));
            QCOMPARE(series[index], grid.dayField("TAIR", date)[cell]);
        }
        // Monthly NPP repeats over its month; statics repeat over everything.
        const auto npp = grid.cellSeries("NPP", row, col, 2016, 2016);
        QCOMPARE(npp[31 + 28], npp[31]); // 29 Feb = 1 Feb
        QCOMPARE(npp[31], grid.dayField("NPP", {2016, 2, 10})[cell]);
        const auto elevation = grid.cellSeries("clelev", row, col, 2016, 2016);
        QCOMPARE(elevation.front(), elevation.back());
        XMW_VERIFY_DATA_ERROR(grid.cellSeries("TAIR", row, col, 2016, 2017), "daily_ecmwf_TAIR_2017.nc", "file not found");
    }

    void periodMeansAverageTheDays()
    {
        const GridDataset grid = GridDataset::open(demo_.root());
        xmw::Feedback quiet;
        const int row = grid.grid().row(60), col = grid.grid().col(30);
        const std::size_t cell = std::size_t(row) * std::size_t(grid.grid().cols) + std::size_t(col);
        const auto series = grid.cellSeries("TAIR", row, col, 2016, 2016);
        const auto meanOf = [&](std::size_t first, std::size_t count) {
            double sum = 0;
            for (std::size_t i = first; i < first + count; ++i)
                sum += series[i];
            return sum / double(count);
        };
        const auto same = [](const std::vector<float> &a, const std::vector<float> &b) {
            return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                              [](float x, float y) { return x == y || (std::isnan(x) && std::isnan(y)); });
        };
        const auto february = periodMean(grid, "TAIR", {2016, 2, 10}, Period::Month, quiet);
        QVERIFY(std::abs(february[cell] - meanOf(31, 29)) < 1e-4); // the leap day counts, 30 and 31 February do not
        const auto year = periodMean(grid, "TAIR", {2016, 6, 1}, Period::Year, quiet);
        QVERIFY(std::abs(year[cell] - meanOf(0, 366)) < 1e-4);
        QVERIFY(same(periodMean(grid, "TAIR", {2016, 6, 1}, Period::Day, quiet), grid.dayField("TAIR", {2016, 6, 1})));
        // Ocean stays missing; a month's monthly value is itself; a year of it weighs months by their days.
        QVERIFY(std::isnan(year[std::size_t(grid.grid().row(0)) * std::size_t(grid.grid().cols) + std::size_t(grid.grid().col(-30))]));
        QVERIFY(same(periodMean(grid, "NPP", {2016, 3, 3}, Period::Month, quiet), grid.dayField("NPP", {2016, 3, 1})));
        const auto npp = grid.cellSeries("NPP", row, col, 2016, 2016);
        double nppSum = 0;
        for (const float v : npp)
            nppSum += v;
        QVERIFY(std::abs(periodMean(grid, "NPP", {2016, 3, 3}, Period::Year, quiet)[cell] - nppSum / 366.0) < 1e-3);
        QVERIFY(same(periodMean(grid, "clelev", {2016, 3, 3}, Period::Year, quiet), grid.dayField("clelev", {2016, 3, 3})));
        quiet.cancel();
        QVERIFY_THROWS_EXCEPTION(xmw::Canceled, (void)periodMean(grid, "TAIR", {2016, 6, 1}, Period::Year, quiet));
    }

    void readsGenericCfFiles()
    {
        // (time, lat, lon), latitude descending, packed, with a fill value and a 365-day calendar.
        const auto path = demo_.scratch("cf.nc");
        {
            NetcdfFile f = NetcdfFile::create(path);
            const int t = f.addDimension("time", 3), y = f.addDimension("latitude", 4), x = f.addDimension("longitude", 8);
            const int tv = f.addVariable("time", std::span(&t, 1), {}, 0, true);
            const int yv = f.addVariable("latitude", std::span(&y, 1), {}, 0, true);
            const int xv = f.addVariable("longitude", std::span(&x, 1), {}, 0, true);
            const int dims[3] = {t, y, x};
            const int v = f.addVariable("flux", dims);
            f.setAttribute(tv, "units", "days since 2015-12-31");
            f.setAttribute(tv, "calendar", "noleap");
            f.setAttribute(yv, "standard_name", "latitude");
            f.setAttribute(xv, "units", "degrees_east");
            f.setAttribute(v, "scale_factor", 0.5);
            f.setAttribute(v, "add_offset", 10.0);
            f.setAttribute(v, "_FillValue", -999.0, true);
            f.setAttribute(v, "units", "nmol m-2 s-1");
            f.endDefinitions();
            const double times[3] = {60, 61, 62}; // noleap days after 2015-12-31: 2016-03-01 … 2016-03-03
            const double lats[4] = {67.5, 22.5, -22.5, -67.5};
            const double lons[8] = {-157.5, -112.5, -67.5, -22.5, 22.5, 67.5, 112.5, 157.5};
            std::vector<float> data(3 * 4 * 8);
            for (int i = 0; i < 3; ++i)
                for (int r = 0; r < 4; ++r)
                    for (int c = 0; c < 8; ++c)
                        data[std::size_t((i * 4 + r) * 8 + c)] = float(i * 100 + r * 10 + c);
            data[0] = -999.0f;
            const std::size_t z = 0, nt = 3, ny = 4, nx = 8;
            f.write(tv, std::span(&z, 1), std::span(&nt, 1), times);
            f.write(yv, std::span(&z, 1), std::span(&ny, 1), lats);
            f.write(xv, std::span(&z, 1), std::span(&nx, 1), lons);
            const std::size_t start[3] = {0, 0, 0}, count[3] = {3, 4, 8};
            f.write(v, start, count, data.data());
        }
        const GridDataset cf = GridDataset::open(path);
        QCOMPARE(cf.grid().rows, 4);
        QCOMPARE(cf.grid().lat0, -67.5);
        QCOMPARE(cf.grid().dLat, 45.0);
        QCOMPARE(cf.years(), std::vector<int>{2016});
        const auto field = cf.dayField("flux", {2016, 3, 2}); // time index 1
        // Our row 0 is the file's last (southernmost) row 3: raw 100 + 30 + c.
        QCOMPARE(field[0], float(10.0 + 0.5 * 130));
        QCOMPARE(field[3 * 8 + 7], float(10.0 + 0.5 * 107));
        QVERIFY(std::isnan(cf.dayField("flux", {2016, 3, 1})[3 * 8 + 0])); // the fill value
        const auto series = cf.cellSeries("flux", 0, 0, 2016, 2016);
        QCOMPARE(series.size(), std::size_t(366));
        QCOMPARE(series[59 + 1], float(10.0 + 0.5 * 30)); // 1 March 2016 is day 61 (index 60)
        QVERIFY(std::isnan(series[0]));
        XMW_VERIFY_DATA_ERROR(cf.dayField("flux", {2016, 4, 1}), "no data for 2016-04-01");
        const Dataset asDataset = Dataset::open(path);
        QVERIFY(asDataset.grid() && !asDataset.sites());
    }

    void badInput()
    {
        XMW_VERIFY_DATA_ERROR(GridDataset::open(demo_.scratch("nowhere")), "nowhere", "folder not found");

        const auto wrongShape = demo_.copy("wrong-shape");
        {
            NetcdfFile f = NetcdfFile::create(wrongShape / "TEM-MDM/daily_ecmwf_TAIR_2016.nc");
            const int dims[4] = {f.addDimension("lat", 30), f.addDimension("lon", 60), f.addDimension("month", 12),
                                 f.addDimension("day", 30)};
            f.addVariable("TAIR", dims);
        }
        const GridDataset shaped = GridDataset::open(wrongShape); // opening reads the first year's headers only
        XMW_VERIFY_DATA_ERROR(shaped.dayField("TAIR", {2016, 1, 1}), "daily_ecmwf_TAIR_2016.nc", "day dimension must have 31");

        const auto missingVariable = demo_.copy("missing-variable");
        {
            NetcdfFile f = NetcdfFile::create(missingVariable / "TEM-MDM/daily_ecmwf_PREC_2016.nc");
            const int dims[2] = {f.addDimension("lat", 30), f.addDimension("lon", 60)};
            f.addVariable("RAIN", dims);
        }
        XMW_VERIFY_DATA_ERROR(GridDataset::open(missingVariable).dayField("PREC", {2016, 1, 1}), "daily_ecmwf_PREC_2016.nc",
                              "variable 'PREC' is missing");

        const auto truncated = demo_.copy("truncated");
        std::filesystem::resize_file(truncated / "TEM-MDM/CH4_emission_intensity_2015.nc", 3000);
        XMW_VERIFY_DATA_ERROR(GridDataset::open(truncated), "CH4_emission_intensity_2015.nc");

        const auto corrupt = demo_.copy("corrupt");
        DemoFixture::writeText(corrupt / "TEM-MDM/clelev.nc", "this is not NetCDF\n");
        XMW_VERIFY_DATA_ERROR(GridDataset::open(corrupt), "clelev.nc", "not a readable NetCDF file");

        const auto otherGrid = demo_.copy("other-grid");
        {
            NetcdfFile f = NetcdfFile::create(otherGrid / "TEM-MDM/clelev.nc");
            const int dims[2] = {f.addDimension("lat", 90), f.addDimension("lon", 180)};
            f.addVariable("clelev", dims);
        }
        XMW_VERIFY_DATA_ERROR(GridDataset::open(otherGrid), "differs from the other TEM-MDM files", "90×180");

        const auto badGases = demo_.copy("bad-gases");
        DemoFixture::writeText(badGases / "TEM-MDM/ch4-1979-2018.txt", "1979 1650\n1980 many\n");
        XMW_VERIFY_DATA_ERROR(GridDataset::open(badGases), "ch4-1979-2018.txt", "line 2");
    }
};

QTEST_GUILESS_MAIN(TestGridDataset)
#include "test_grid_dataset.moc"
