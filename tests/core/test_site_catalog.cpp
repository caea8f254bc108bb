#include "core/data/benchmark_sites.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/site_catalog.h"
#include "demo_fixture.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace xmw::data;

namespace {

std::filesystem::path perSiteFile(const std::filesystem::path &root, const std::string &id)
{
    for (const auto &e : std::filesystem::directory_iterator(root / "FLUXNET-CH4"))
        if (e.path().filename().string().starts_with("FLX_" + id + "_"))
            return e.path();
    return {};
}

// Appends a line to a file.
void appendLine(const std::filesystem::path &path, const std::string &line) { std::ofstream(path, std::ios::app) << line << '\n'; }

} // namespace

class TestSiteCatalog : public QObject {
    Q_OBJECT

    DemoFixture demo_;

private Q_SLOTS:
    void benchmarkSiteList()
    {
        QCOMPARE(benchmarkSites().size(), std::size_t(48));
        const BenchmarkSite *los = findBenchmarkSite("US.Los");
        QVERIFY(los);
        QCOMPARE(los->id, std::string("US-Los"));
        QCOMPARE(*los->wetlandType, 2);
        QCOMPARE(*los->spatialFold, 2);
        QVERIFY(!findBenchmarkSite("US-Ne1"));
        QCOMPARE(canonicalSiteId("us.Los"), std::string("US-Los"));
    }

    void readsMetadataMergedAndPerSiteFiles()
    {
        const SiteCatalog catalog = SiteCatalog::open(demo_.root());
        QCOMPARE(catalog.sites().size(), std::size_t(48));
        int fromOwnFile = 0, fromMerged = 0;
        for (const Site &site : catalog.sites()) {
            const auto &s = site.series;
            QVERIFY(!s.dates.empty());
            QVERIFY(std::is_sorted(s.dates.begin(), s.dates.end()));
            QCOMPARE(s.fch4F.values.size(), s.dates.size());
            QCOMPARE(s.measured.values.size(), s.dates.size());
            QCOMPARE(s.measured.unit, std::string("nmol CH4 m-2 s-1"));
            QVERIFY(!s.measuredFallsBack());
            QVERIFY(s.measuredDays() < int(s.dates.size())); // measured FCH4 has gaps…
            // …more than FCH4_F, which has values on days too short of half-hours for an FCH4.
            const auto count = [](const std::vector<float> &v) {
                return std::count_if(v.begin(), v.end(), [](float x) { return !std::isnan(x); });
            };
            QVERIFY(count(s.measured.values) < count(s.fch4F.values));
            for (std::size_t i = 0; i < s.dates.size(); ++i)
                QVERIFY(std::isnan(s.measured.values[i]) || s.measured.values[i] == s.fch4F.values[i]);
            QVERIFY(std::none_of(s.fch4Filled.values.begin(), s.fch4Filled.values.end(),
                                 [](float v) { return std::isnan(v); })); // …the filled one none
            (site.info.source.filename().string().starts_with("FLX_") ? fromOwnFile : fromMerged)++;
        }
        QVERIFY(fromOwnFile > 0 && fromMerged > 0);
        const Site *los = catalog.find("US.Los");
        QVERIFY(los);
        QCOMPARE(los->info.lat, 46.083);
        QVERIFY(los->info.wetlandType.has_value());
    }

    void climateTypesComeFromTheGrid()
    {
        const Dataset dataset = Dataset::open(demo_.root());
        const auto field = dataset.grid()->dayField("climatetype", {2016, 1, 1});
        const auto &grid = dataset.grid()->grid();
        int assigned = 0;
        for (const auto &site : dataset.sites()->sites()) {
            const float v = field[std::size_t(grid.row(site.info.lat)) * std::size_t(grid.cols) + std::size_t(grid.col(site.info.lon))];
            QCOMPARE(site.info.climateType.has_value(), std::isfinite(v));
            if (site.info.climateType) {
                QCOMPARE(float(*site.info.climateType), v);
                ++assigned;
            }
        }
        QVERIFY(assigned > 10);
        // The towers alone (no grid) have none.
        QVERIFY(!SiteCatalog::open(demo_.root() / "FLUXNET-CH4").sites().front().info.climateType);
    }

    void perSiteFileAndMergedFileAgree()
    {
        // The same site read from its own file and, with that file gone, from the merged file.
        const auto copy = demo_.copy("agree");
        const SiteCatalog full = SiteCatalog::open(copy);
        const Site *site = nullptr;
        for (const Site &s : full.sites())
            if (s.info.source.filename().string().starts_with("FLX_"))
                site = &s;
        QVERIFY(site);
        const std::string id = site->info.id;
        std::filesystem::remove(perSiteFile(copy, id));
        const SiteCatalog merged = SiteCatalog::open(copy);
        const Site *again = merged.find(id);
        QVERIFY(again);
        QCOMPARE(again->series.dates, site->series.dates);
        for (std::size_t i = 0; i < site->series.dates.size(); i += 17) {
            for (const auto member : {&SiteSeries::measured, &SiteSeries::fch4F}) {
                const float a = (site->series.*member).values[i], b = (again->series.*member).values[i];
                QVERIFY(std::isnan(a) == std::isnan(b));
                if (!std::isnan(a))
                    QVERIFY(std::abs(a - b) <= 1e-4f * std::max(1.0f, std::abs(a)));
            }
        }
    }

    void aFileWithoutFch4FallsBackToFch4FAndSaysSo()
    {
        // A tower of the merged file alone, written again without the FCH4 column.
        std::string id;
        const SiteCatalog demo = SiteCatalog::open(demo_.root());
        for (const Site &s : demo.sites())
            if (s.info.source.filename() == "FLUXNET_T1_DD.csv")
                id = s.info.id;
        QVERIFY(!id.empty());
        const auto root = demo_.copy("no-measured-column");
        DemoFixture::writeText(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv",
                               "Site,TIMESTAMP,TA_F,VPD_F,P_F,SW_IN_F,FCH4_F,FCH4_F_ANNOPTLM\n" + id + ",2016-01-01,1,1,1,1,2.5,3\n" + id +
                                   ",2016-01-02,1,1,1,1,,3\n");
        const SiteCatalog catalog = SiteCatalog::open(root);
        const Site *merged = catalog.find(id);
        QVERIFY(merged);
        QVERIFY(merged->series.measuredFallsBack());
        QCOMPARE(merged->series.measured.name, std::string("FCH4_F"));
        QCOMPARE(merged->series.measuredDays(), 1);
        QCOMPARE(merged->series.measured.values[0], 2.5f);
        const Site *own = nullptr;
        for (const Site &s : catalog.sites())
            if (s.info.source.filename().string().starts_with("FLX_"))
                own = &s;
        QVERIFY(own && !own->series.measuredFallsBack());
        QCOMPARE(catalog.measuredColumnNote({own->info.id}), std::string("FCH4"));
        QCOMPARE(catalog.measuredColumnNote({own->info.id, id}), "FCH4; FCH4_F at " + id + " (their files have no FCH4 column)");
    }

    void badInput()
    {
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(demo_.scratch("nowhere")), "folder not found");

        // An unparseable TA_F in a row built from the file's own header.
        auto root = demo_.copy("unparseable");
        auto file = perSiteFile(root, "US-Los");
        if (file.empty())
            file = root / "FLUXNET-CH4/FLUXNET_T1_DD.csv";
        {
            std::ifstream in(file);
            std::string header, row;
            std::getline(in, header);
            std::stringstream columns(header);
            for (std::string column; std::getline(columns, column, ',');) {
                row += row.empty() ? "" : ",";
                row += column == "TIMESTAMP" ? (file.filename().string().starts_with("FLX_") ? "21000101" : "2100-01-01")
                    : column == "Site"       ? "US.Los"
                    : column == "TA_F"       ? "oops"
                                             : "1";
            }
            appendLine(file, row);
        }
        const std::string fileName = file.filename().string();
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), fileName.c_str(), "TA_F", "'oops' is not a number");

        root = demo_.copy("ragged");
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "US.Los,2016-01-01,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "ragged or truncated row");

        root = demo_.copy("unknown");
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "XX.Abc,2016-01-01,1,1,1,1,1,1,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "unknown site 'XX-Abc'");

        root = demo_.copy("baddate");
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "US.Los,2016-02-30,1,1,1,1,1,1,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "TIMESTAMP '2016-02-30' is not a date");

        // A duplicate date inside one site's rows (merged-file site: its rows all come from there).
        root = demo_.copy("duplicate");
        const SiteCatalog catalog = SiteCatalog::open(root);
        const Site *mergedSite = nullptr;
        for (const Site &s : catalog.sites())
            if (s.info.source.filename() == "FLUXNET_T1_DD.csv")
                mergedSite = &s;
        QVERIFY(mergedSite);
        std::string dotted = mergedSite->info.id;
        std::replace(dotted.begin(), dotted.end(), '-', '.');
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", dotted + "," + toIsoString(mergedSite->series.dates.front()) + ",1,1,1,1,1,1,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "duplicate date");

        root = demo_.copy("no-fch4");
        DemoFixture::writeText(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "Site,TIMESTAMP,TA_F\nUS.Los,2016-01-01,1\n");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "neither FCH4_F nor FCH4_F_ANNOPTLM");
    }
};

QTEST_GUILESS_MAIN(TestSiteCatalog)
#include "test_site_catalog.moc"
