#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/sample_builder.h"
#include "core/data/sample_file.h"
#include "core/data/splits.h"
#include "demo_fixture.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace xmw::data;

namespace {

float at(const SampleSet &s, std::size_t sample, int day, int feature)
{
    return s.x[(sample * kSequenceDays + std::size_t(day)) * kFeatureCount + std::size_t(feature)];
}

} // namespace

class TestSampleBuilder : public QObject {
    Q_OBJECT

    DemoFixture demo_;

private Q_SLOTS:
    void featureOrderIsTheBenchmarks()
    {
        const char *expected[] = {"clelev",
                                  "clfaotxt",
                                  "cltveg",
                                  "phh2o",
                                  "topsoil_bulk_density",
                                  "vegetation_type_11",
                                  "wetlandtype",
                                  "climatetype",
                                  "atmospheric_CH4",
                                  "atmospheric_CO2",
                                  "PREC",
                                  "SOLR",
                                  "TAIR",
                                  "VAPR",
                                  "NPP"};
        for (int i = 0; i < kFeatureCount; ++i)
            QCOMPARE(std::string(features()[std::size_t(i)].name), std::string(expected[i]));
    }

    void towerSamplesFollowTheRecipe()
    {
        const Dataset dataset = Dataset::open(demo_.root());
        xmw::Feedback quiet;
        const SampleSet towers = SampleBuilder(dataset).towerSamples(quiet, Recipe::XMethaneWet);
        QVERIFY(towers.size() > 20);
        QCOMPARE(towers.x.size(), towers.size() * 365 * 15);
        QCOMPARE(towers.y.size(), towers.size() * 365);

        // Find a 2016 (leap-year) sample and check it against the tower's own rows.
        std::size_t i = 0;
        while (i < towers.size() && towers.years[i] != 2016)
            ++i;
        QVERIFY(i < towers.size());
        const Site *site = dataset.sites()->find(towers.sites[i]);
        const SiteSeries &s = site->series;
        const auto mar1 = *s.indexOf({2016, 3, 1});
        // Day 59 is 1 March: 29 February was dropped.
        QCOMPARE(at(towers, i, 59, 12), s.airTemperature.values[mar1]);
        QCOMPARE(at(towers, i, 59, 10), s.precipitation.values[mar1]);
        const double ta = s.airTemperature.values[mar1], vpd = s.vpd.values[mar1];
        const double vapour = 0.6108 * std::exp(17.27 * ta / (ta + 237.3)) * 10.0 - vpd;
        QVERIFY(std::abs(at(towers, i, 59, 13) - vapour) < 1e-3);
        // The target: FCH4_F where it has a value, gap-filled elsewhere (the benchmark's); the
        // measured days: FCH4 alone, which FCH4_F's partly filled days do not count as.
        int partlyFilled = 0;
        for (int d = 0; d < 365; ++d) {
            const Date date = fromDayNumber(toDayNumber({2016, 1, 1}) + d + (d >= 59 ? 1 : 0));
            const auto k = *s.indexOf(date);
            const float expected = std::isnan(s.fch4F.values[k]) ? s.fch4Filled.values[k] : s.fch4F.values[k];
            QCOMPARE(towers.y[i * 365 + std::size_t(d)], expected);
            const float measured = towers.measured[i * 365 + std::size_t(d)];
            QVERIFY(std::isnan(measured) ? std::isnan(s.measured.values[k]) : measured == s.measured.values[k]);
            partlyFilled += std::isnan(measured) && !std::isnan(s.fch4F.values[k]);
        }
        QVERIFY(partlyFilled > 0);
        QCOMPARE(towers.measuredColumn, std::string("FCH4"));
        // The benchmark's wetland code overrides the cell's.
        if (site->info.wetlandType)
            QCOMPARE(at(towers, i, 100, 6), float(*site->info.wetlandType));
        // Gases from the annual files, repeated daily.
        QCOMPARE(at(towers, i, 0, 8), float(*dataset.grid()->atmosphericCh4(2016)));
        QCOMPARE(at(towers, i, 364, 9), float(*dataset.grid()->atmosphericCo2(2016)));

        // One tower alone gives exactly its share of the full set.
        const SampleSet one = SampleBuilder(dataset).towerSamples(quiet, Recipe::XMethaneWet, towers.sites[i]);
        QVERIFY(one.size() > 0);
        std::size_t k = 0;
        for (std::size_t j = 0; j < towers.size(); ++j)
            if (towers.sites[j] == towers.sites[i]) {
                QVERIFY(k < one.size());
                QCOMPARE(one.ids[k], towers.ids[j]);
                QVERIFY(std::equal(one.y.begin() + std::ptrdiff_t(k * 365), one.y.begin() + std::ptrdiff_t((k + 1) * 365),
                                   towers.y.begin() + std::ptrdiff_t(j * 365),
                                   [](float a, float b) { return a == b || (std::isnan(a) && std::isnan(b)); }));
                ++k;
            }
        QCOMPARE(k, one.size());
    }

    void partialYearsAreSkippedWithAReason()
    {
        const auto root = demo_.copy("partial");
        // Keep only the first half of 2016 in the merged file; remove per-site files so it is used.
        for (const auto &e : std::filesystem::directory_iterator(root / "FLUXNET-CH4"))
            if (e.path().filename().string().starts_with("FLX_"))
                std::filesystem::remove(e.path());
        {
            std::ifstream in(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv");
            std::string line, kept;
            while (std::getline(in, line))
                if (line.find(",2016-07") == std::string::npos && line.find(",2016-08") == std::string::npos &&
                    line.find(",2016-09") == std::string::npos && line.find(",2016-1") == std::string::npos)
                    kept += line + '\n';
            DemoFixture::writeText(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", kept);
        }
        const Dataset dataset = Dataset::open(root);
        xmw::Feedback quiet;
        const SampleSet towers = SampleBuilder(dataset).towerSamples(quiet, Recipe::XMethaneWet);
        QVERIFY(std::none_of(towers.years.begin(), towers.years.end(), [](int y) { return y == 2016; }));
        QVERIFY(!towers.skipped.empty());
        QVERIFY2(towers.skipped.front().find("of 365 days") != std::string::npos, towers.skipped.front().c_str());
    }

    void gridSamplesAreSeededAndValid()
    {
        const Dataset dataset = Dataset::open(demo_.root());
        xmw::Feedback quiet;
        const SampleBuilder builder(dataset);
        const SampleSet a = builder.gridSamples(0.2, 3, quiet), b = builder.gridSamples(0.2, 3, quiet),
                        c = builder.gridSamples(0.2, 4, quiet);
        QVERIFY(a.size() > 50);
        QCOMPARE(a.ids, b.ids);
        QVERIFY(a.ids != c.ids);
        QVERIFY(std::none_of(a.x.begin(), a.x.end(), [](float v) { return std::isnan(v); }));
        // Per-cell reads and bulk month reads agree: compare one sample with the grid directly.
        const auto &grid = *dataset.grid();
        const auto tair = grid.cellSeries("TAIR", a.rows[0], a.cols[0], a.years[0], a.years[0]);
        QCOMPARE(at(a, 0, 200, 12), tair[std::size_t(200 + (isLeapYear(a.years[0]) ? 1 : 0))]);
        const auto emission = grid.cellSeries("CH4_emission", a.rows[0], a.cols[0], a.years[0], a.years[0]);
        QVERIFY(std::abs(a.y[10] - emission[10] / 1.3863f) < 1e-4f * std::max(1.0f, a.y[10]));

        const Normalisation n = Normalisation::of(a);
        QVERIFY(n.stddev[12] > 1.0f); // temperature varies
        QVERIFY(n.mean[8] > 1500.0f); // atmospheric CH4 in ppb
    }

    void splits()
    {
        const Dataset dataset = Dataset::open(demo_.root());
        SampleSet s;
        // One site with 5 years, one with 2, one with 1.
        for (const auto &[site, years] : std::vector<std::pair<std::string, std::vector<int>>>{
                 {"US-Los", {2014, 2012, 2013, 2016, 2015}}, {"FI-Sii", {2015, 2016}}, {"SE-Deg", {2016}}})
            for (const int y : years) {
                s.sites.push_back(site);
                s.years.push_back(y);
                s.ids.push_back(site + "/" + std::to_string(y));
            }
        // The formula on the samples' own years (the extended recipe; test_recipe has the other).
        SplitOptions temporal;
        temporal.recipe = Recipe::Extended;
        const auto roles = assignRoles(s, *dataset.sites(), temporal);
        const auto role = [&](const std::string &id) {
            return roles[std::size_t(std::find(s.ids.begin(), s.ids.end(), id) - s.ids.begin())];
        };
        // n = 5: ⌊4·6/7⌋+1 = 4 train years; n = 2: 1; n = 1: 1.
        for (const char *id : {"US-Los/2012", "US-Los/2013", "US-Los/2014", "US-Los/2015", "FI-Sii/2015", "SE-Deg/2016"})
            QVERIFY2(role(id) == SampleRole::Train, id);
        for (const char *id : {"US-Los/2016", "FI-Sii/2016"})
            QVERIFY2(role(id) == SampleRole::Test, id);

        // Spatial: the published folds where they exist; the rest spread deterministically.
        const auto folds = spatialFolds(*dataset.sites(), 5, 0, Recipe::Extended);
        QCOMPARE(folds.at("BW-Gum"), 0);
        QCOMPARE(folds.at("US-Los"), 2);
        QCOMPARE(folds, spatialFolds(*dataset.sites(), 5, 0, Recipe::Extended));
        std::set<int> used;
        for (const auto &[id, fold] : spatialFolds(*dataset.sites(), 3, 9, Recipe::Extended))
            used.insert(fold);
        QCOMPARE(used, (std::set<int>{0, 1, 2}));

        SplitOptions spatial;
        spatial.recipe = Recipe::Extended;
        spatial.kind = SplitKind::Spatial;
        spatial.fold = 2;
        const auto spatialRoles = assignRoles(s, *dataset.sites(), spatial);
        QVERIFY(spatialRoles[0] == SampleRole::Test); // US-Los is in fold 2
        QVERIFY(spatialRoles[5] == SampleRole::Train);

        // Tower ids as people type them name the same towers.
        SplitOptions chosen;
        chosen.recipe = Recipe::Extended;
        chosen.sites = {"us.Los", "FI_Sii"};
        const auto chosenRoles = assignRoles(s, *dataset.sites(), chosen);
        QCOMPARE(std::count(chosenRoles.begin(), chosenRoles.end(), SampleRole::Unused), 1L); // SE-Deg alone
        QVERIFY(chosenRoles[3] == SampleRole::Test); // US-Los/2016

        SplitOptions half;
        half.recipe = Recipe::Extended;
        half.percent = 50;
        const auto halfRoles = assignRoles(s, *dataset.sites(), half);
        QCOMPARE(std::count(halfRoles.begin(), halfRoles.end(), SampleRole::Train), 3L); // 6 train → 3
        QCOMPARE(std::count(halfRoles.begin(), halfRoles.end(), SampleRole::Unused), 3L);
        QCOMPARE(std::count(halfRoles.begin(), halfRoles.end(), SampleRole::Test), 2L);
    }

    void sampleFileRoundTrip()
    {
        const Dataset dataset = Dataset::open(demo_.root());
        xmw::Feedback quiet;
        const SampleBuilder builder(dataset);
        SampleFile file;
        file.towers = builder.towerSamples(quiet, Recipe::XMethaneWet);
        file.tem = builder.gridSamples(0.05, 1, quiet);
        file.normalisation = Normalisation::of(file.tem);
        file.roles = assignRoles(file.towers, *dataset.sites(), {});
        file.split = "temporal";
        file.inputKey = makeInputKey(dataset.grid()->files(), "x");
        const auto path = demo_.scratch("samples.h5");
        writeSampleFile(path, file);
        QVERIFY(!std::filesystem::exists(path.string() + ".partial-" + std::to_string(::getpid())));

        const SampleFile back = readSampleFile(path);
        QCOMPARE(back.towers.ids, file.towers.ids);
        QCOMPARE(back.towers.sites, file.towers.sites);
        QCOMPARE(back.tem.years, file.tem.years);
        QVERIFY(back.roles == file.roles);
        QCOMPARE(back.split, std::string("temporal"));
        QCOMPARE(*readInputKey(path), file.inputKey);
        for (std::size_t i = 0; i < file.towers.x.size(); i += 997)
            QVERIFY(back.towers.x[i] == file.towers.x[i] || (std::isnan(back.towers.x[i]) && std::isnan(file.towers.x[i])));
        QCOMPARE(back.normalisation.mean, file.normalisation.mean);

        // The key changes when an input changes, and with the options.
        const auto files = dataset.grid()->files();
        QVERIFY(makeInputKey(files, "x") != makeInputKey(files, "y"));
        const auto copy = demo_.copy("touched");
        const auto before = makeInputKey(GridDataset::open(copy).files(), "x");
        std::ofstream(copy / "TEM-MDM/ch4-1979-2018.txt", std::ios::app) << "2019 1860\n";
        QVERIFY(makeInputKey(GridDataset::open(copy).files(), "x") != before);

        XMW_VERIFY_DATA_ERROR(readSampleFile(demo_.scratch("none.h5")), "none.h5", "file not found");
        DemoFixture::writeText(demo_.scratch("bad.h5"), "not hdf5");
        XMW_VERIFY_DATA_ERROR(readSampleFile(demo_.scratch("bad.h5")), "bad.h5", "not a readable HDF5 file");
        QVERIFY(!readInputKey(demo_.scratch("bad.h5")));
    }
};

QTEST_GUILESS_MAIN(TestSampleBuilder)
#include "test_sample_builder.moc"
