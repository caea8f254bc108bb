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
            QCOMPARE(s.fch4.values.size(), s.dates.size());
            QCOMPARE(s.fch4.unit, std::string("nmol CH4 m-2 s-1"));
            QVERIFY(s.measuredDays() < int(s.dates.size())); // measured FCH4 has gaps…
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
            const float a = site->series.fch4.values[i], b = again->series.fch4.values[i];
            QVERIFY(std::isnan(a) == std::isnan(b));
            if (!std::isnan(a))
                QVERIFY(std::abs(a - b) <= 1e-4f * std::max(1.0f, std::abs(a)));
        }
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
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "XX.Abc,2016-01-01,1,1,1,1,1,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "unknown site 'XX-Abc'");

        root = demo_.copy("baddate");
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "US.Los,2016-02-30,1,1,1,1,1,1");
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
        appendLine(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", dotted + "," + toIsoString(mergedSite->series.dates.front()) + ",1,1,1,1,1,1");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "duplicate date");

        root = demo_.copy("no-fch4");
        DemoFixture::writeText(root / "FLUXNET-CH4/FLUXNET_T1_DD.csv", "Site,TIMESTAMP,TA_F\nUS.Los,2016-01-01,1\n");
        XMW_VERIFY_DATA_ERROR(SiteCatalog::open(root), "FLUXNET_T1_DD.csv", "neither FCH4_F nor FCH4_F_ANNOPTLM");
    }
};

QTEST_GUILESS_MAIN(TestSiteCatalog)
#include "test_site_catalog.moc"
