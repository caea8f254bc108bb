// The two recipes on data made for each rule of docs/benchmark-recipe.md: a non-WET tower, a tower
// with its own elevation, a missing NPP month, missing grid drivers under a complete tower, a gap in
// a tower's own meteorology, a partial last year, towers outside the folds.
#include "cli_process.h"
#include "core/data/dataset.h"
#include "core/data/sample_builder.h"
#include "core/data/splits.h"
#include "demo_fixture.h"
#include "grid_edit.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

using namespace xmw::data;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

float at(const SampleSet &s, std::size_t sample, int day, int feature)
{
    return s.x[(sample * kSequenceDays + std::size_t(day)) * kFeatureCount + std::size_t(feature)];
}

std::ptrdiff_t indexOf(const SampleSet &s, const std::string &id)
{
    const auto it = std::find(s.ids.begin(), s.ids.end(), id);
    return it == s.ids.end() ? -1 : it - s.ids.begin();
}

bool skippedWith(const SampleSet &s, const std::string &id, const std::string &reason)
{
    return std::any_of(s.skipped.begin(), s.skipped.end(),
                       [&](const std::string &line) { return line.starts_with(id + ":") && line.find(reason) != std::string::npos; });
}

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const auto &line : lines)
        text += line + "\n";
    return text;
}

// Rewrites the metadata line of one tower: the fields after its quoted name, by column offset.
void setMetadata(const std::filesystem::path &root, const std::string &site, int offsetAfterName, const std::string &value)
{
    const auto path = root / "FLUXNET-CH4/FLUXNET_CH4_2024.csv";
    std::ifstream in(path);
    std::string line, text;
    while (std::getline(in, line)) {
        if (line.starts_with(site + ",")) {
            const std::size_t nameEnd = line.find("\",", site.size() + 2) + 2;
            std::vector<std::string> fields;
            std::stringstream rest(line.substr(nameEnd));
            for (std::string field; std::getline(rest, field, ',');)
                fields.push_back(field);
            fields.at(std::size_t(offsetAfterName)) = value;
            line = line.substr(0, nameEnd);
            for (std::size_t i = 0; i < fields.size(); ++i)
                line += (i ? "," : "") + fields[i];
        }
        text += line + '\n';
    }
    DemoFixture::writeText(path, text);
}

} // namespace

class TestRecipe : public QObject {
    Q_OBJECT

    DemoFixture demo_;
    std::filesystem::path root_;
    std::map<char, std::string> tower_; // the tower each case changes
    std::map<char, std::pair<int, int>> cell_;
    SampleSet reference_, extended_;

private Q_SLOTS:
    void initTestCase()
    {
        // The merged file alone, so that each tower's rows can be changed in one place.
        root_ = demo_.copy("made");
        for (const auto &e : std::filesystem::directory_iterator(root_ / "FLUXNET-CH4"))
            if (e.path().filename().string().starts_with("FLX_"))
                std::filesystem::remove(e.path());

        // Towers with both years as samples, in cells apart from each other's (the files are
        // changed once the dataset is closed: NetCDF-4 files open for reading cannot be written).
        xmw::Feedback quiet;
        std::optional<Dataset> before = Dataset::open(root_);
        const SampleSet all = SampleBuilder(*before).towerSamples(quiet, Recipe::Extended);
        std::vector<std::pair<int, int>> taken;
        const char cases[] = {'A', 'B', 'C', 'D', 'F', 'G'};
        std::size_t next = 0;
        for (std::size_t i = 0; i < all.size() && next < std::size(cases); ++i) {
            const std::string &site = all.sites[i];
            if (all.years[i] != 2015 || indexOf(all, site + "/2016") < 0)
                continue;
            const std::pair cell{all.rows[i], all.cols[i]};
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const auto &c) { return std::abs(c.first - cell.first) < 4 && std::abs(c.second - cell.second) < 4; }))
                continue;
            const Site *info = before->sites()->find(site);
            if (!info || info->info.igbp != "WET")
                continue;
            taken.push_back(cell);
            tower_[cases[next]] = site;
            cell_[cases[next]] = cell;
            ++next;
        }
        QVERIFY2(next == std::size(cases), "the demo has too few towers far apart");
        before.reset();

        // A: not a wetland. B: its own elevation.
        setMetadata(root_, tower_['A'], 3, "CRO"); // LOCATION_LAT,LOCATION_LONG,LOCATION_ELEV,IGBP
        setMetadata(root_, tower_['B'], 2, "1234.5");
        // C: no NPP in May 2016. D: no grid TAIR on 10 June 2016 in its cell.
        const auto tem = root_ / "TEM-MDM";
        setGridValue(tem / layout::fileName(layout::kNpp, Cadence::Monthly, 2016), layout::kNpp,
                     {std::size_t(cell_['C'].first), std::size_t(cell_['C'].second), 4}, kNaN);
        setGridValue(tem / layout::fileName("TAIR", Cadence::Daily, 2016), "TAIR",
                     {std::size_t(cell_['D'].first), std::size_t(cell_['D'].second), 5, 9}, kNaN);
        // F: no TA_F on 3 March 2015. G: a partial 2017 (January only).
        {
            const auto path = root_ / "FLUXNET-CH4/FLUXNET_T1_DD.csv";
            std::ifstream in(path);
            std::string line, text, january;
            std::string f = tower_['F'], g = tower_['G'];
            std::replace(f.begin(), f.end(), '-', '.');
            std::replace(g.begin(), g.end(), '-', '.');
            while (std::getline(in, line)) {
                if (line.starts_with(f + ",2015-03-03,")) {
                    const std::size_t ta = line.find(',', f.size() + 1) + 1;
                    line.erase(ta, line.find(',', ta) - ta);
                }
                if (line.starts_with(g + ",2016-01-"))
                    january += g + ",2017" + line.substr(g.size() + 5) + '\n';
                text += line + '\n';
            }
            DemoFixture::writeText(path, text + january);
        }

        const Dataset dataset = Dataset::open(root_);
        reference_ = SampleBuilder(dataset).towerSamples(quiet, Recipe::XMethaneWet);
        extended_ = SampleBuilder(dataset).towerSamples(quiet, Recipe::Extended);
    }

    void wetlandTowersOnly()
    {
        const std::string &a = tower_['A'];
        QVERIFY2(std::find(reference_.sites.begin(), reference_.sites.end(), a) == reference_.sites.end(), a.c_str());
        QVERIFY2(skippedWith(reference_, a, "IGBP class 'CRO', not WET"), joined(reference_.skipped).c_str());
        QVERIFY(indexOf(extended_, a + "/2015") >= 0);
    }

    void towerElevation()
    {
        const auto r = indexOf(reference_, tower_['B'] + "/2015"), e = indexOf(extended_, tower_['B'] + "/2015");
        QVERIFY(r >= 0 && e >= 0);
        QCOMPARE(at(reference_, std::size_t(r), 0, 0), 1234.5f);
        QCOMPARE(at(reference_, std::size_t(r), 364, 0), 1234.5f);
        QVERIFY(at(extended_, std::size_t(e), 0, 0) != 1234.5f); // the grid cell's clelev
    }

    void missingNppIsZero()
    {
        const std::string id = tower_['C'] + "/2016";
        const auto r = indexOf(reference_, id);
        QVERIFY2(r >= 0, joined(reference_.skipped).c_str());
        // 15 May 2016 is sequence day 134 (31 + 28 + 31 + 30 + 14; 29 February dropped).
        QCOMPARE(at(reference_, std::size_t(r), 134, 14), 0.0f);
        QVERIFY(at(reference_, std::size_t(r), 200, 14) != 0.0f);
        QVERIFY(indexOf(extended_, id) < 0);
        QVERIFY2(skippedWith(extended_, id, "missing NPP"), joined(extended_.skipped).c_str());
    }

    void gridGapsUnderACompleteTower()
    {
        // The tower measured TA that day: both recipes take its value, and neither drops the year.
        const std::string id = tower_['D'] + "/2016";
        const int day = 31 + 28 + 31 + 30 + 31 + 9; // 10 June
        const Dataset dataset = Dataset::open(root_);
        const Site *site = dataset.sites()->find(tower_['D']);
        const float measured = site->series.airTemperature.values[*site->series.indexOf({2016, 6, 10})];
        for (const SampleSet *set : {&reference_, &extended_}) {
            const auto i = indexOf(*set, id);
            QVERIFY2(i >= 0, joined(set->skipped).c_str());
            QCOMPARE(at(*set, std::size_t(i), day, 12), measured);
        }
    }

    void towerGapsDropTheYear()
    {
        const std::string id = tower_['F'] + "/2015";
        QVERIFY(indexOf(reference_, id) < 0);
        QVERIFY2(skippedWith(reference_, id, "TA_F missing on 1 days"), joined(reference_.skipped).c_str());
        const auto e = indexOf(extended_, id);
        QVERIFY(e >= 0);
        // 3 March 2015 is day 61: the grid cell's TAIR fills the tower's gap.
        QVERIFY(!std::isnan(at(extended_, std::size_t(e), 61, 12)));
        QVERIFY(!std::isnan(at(extended_, std::size_t(e), 61, 13)));
    }

    void temporalSplitCountsEveryYearWithRows()
    {
        const Dataset dataset = Dataset::open(root_);
        const std::string &g = tower_['G'];
        QVERIFY(skippedWith(reference_, g + "/2017", "")); // partial, and beyond the grid's years
        const auto role = [&](const SampleSet &s, Recipe recipe, const std::string &id) {
            SplitOptions split;
            split.recipe = recipe;
            return assignRoles(s, *dataset.sites(), split).at(std::size_t(indexOf(s, id)));
        };
        // Reference: years 2015, 2016, 2017 → ⌊2·6/7⌋ = 1: 2015 and 2016 train, 2017 (partial) tests.
        QVERIFY(role(reference_, Recipe::XMethaneWet, g + "/2016") == SampleRole::Train);
        // Extended: the usable years 2015, 2016 → 2016 tests.
        QVERIFY(role(extended_, Recipe::Extended, g + "/2016") == SampleRole::Test);
        QVERIFY(role(extended_, Recipe::Extended, g + "/2015") == SampleRole::Train);
    }

    void spatialFoldsArePublishedOnes()
    {
        const Dataset dataset = Dataset::open(root_);
        const auto published = spatialFolds(*dataset.sites(), 5, 0, Recipe::XMethaneWet);
        QCOMPARE(published.size(),
                 std::size_t(std::count_if(dataset.sites()->sites().begin(), dataset.sites()->sites().end(),
                                           [](const Site &s) { return s.info.spatialFold.has_value(); })));
        QVERIFY(published.size() <= 30);
        QCOMPARE(spatialFolds(*dataset.sites(), 5, 0, Recipe::Extended).size(), dataset.sites()->sites().size());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)spatialFolds(*dataset.sites(), 3, 0, Recipe::XMethaneWet));

        SplitOptions split;
        split.kind = SplitKind::Spatial;
        split.fold = 2;
        const auto roles = assignRoles(reference_, *dataset.sites(), split);
        for (std::size_t i = 0; i < reference_.size(); ++i) {
            const auto fold = dataset.sites()->find(reference_.sites[i])->info.spatialFold;
            const SampleRole expected = !fold ? SampleRole::Unused : *fold == 2 ? SampleRole::Test : SampleRole::Train;
            QVERIFY2(roles[i] == expected, reference_.ids[i].c_str());
        }
        QVERIFY(std::count(roles.begin(), roles.end(), SampleRole::Unused) > 0);
        split.recipe = Recipe::Extended;
        const auto extendedRoles = assignRoles(extended_, *dataset.sites(), split);
        QCOMPARE(std::count(extendedRoles.begin(), extendedRoles.end(), SampleRole::Unused), 0L);
    }

    // The explorer's check of chosen towers, before anything is built.
    void chosenTowersMustMakeTheSplit()
    {
        const Dataset dataset = Dataset::open(root_);
        const SiteCatalog &catalog = *dataset.sites();
        std::string inTwo, inFour, oneYear, twoYears;
        for (const Site &site : catalog.sites()) {
            if (site.info.spatialFold == 2 && inTwo.empty())
                inTwo = site.info.id;
            if (site.info.spatialFold == 4 && inFour.empty())
                inFour = site.info.id;
            (site.series.years().size() >= 2 ? twoYears : oneYear) = site.info.id;
        }
        QVERIFY(!inTwo.empty() && !inFour.empty() && !twoYears.empty());
        SplitOptions split;
        split.kind = SplitKind::Spatial;
        split.fold = 2;
        QVERIFY(!checkTowerChoice(catalog, split, false)); // all towers
        split.sites = {inTwo, inFour};
        QVERIFY(!checkTowerChoice(catalog, split, false));
        auto problem = checkTowerChoice(catalog, split, true); // all folds: fold 0 has none
        QVERIFY(problem && problem->kind == TowerChoiceProblem::Kind::NoneInTestFold && problem->fold == 0);
        split.sites = {inFour};
        problem = checkTowerChoice(catalog, split, false);
        QVERIFY(problem && problem->kind == TowerChoiceProblem::Kind::NoneInTestFold && problem->fold == 2);
        QVERIFY(problem->describe().find("spatial fold 2") != std::string::npos);
        split.sites = {inTwo};
        problem = checkTowerChoice(catalog, split, false);
        QVERIFY(problem && problem->kind == TowerChoiceProblem::Kind::AllInTestFold);
        split.kind = SplitKind::Temporal;
        split.sites = {twoYears};
        QVERIFY(!checkTowerChoice(catalog, split, false));
        if (!oneYear.empty()) {
            split.sites = {oneYear};
            problem = checkTowerChoice(catalog, split, false);
            QVERIFY(problem && problem->kind == TowerChoiceProblem::Kind::NoLaterYear);
        }
    }

    // `xmw samples` against an independent NumPy/h5py program that follows the reference's rules
    // (tests/scripts/check_recipe.py), on the data made above, where every rule matters.
    void crossCheckWithPython_data()
    {
        QTest::addColumn<QStringList>("split");
        QTest::addColumn<QStringList>("checkArgs");
        QTest::newRow("temporal") << QStringList{} << QStringList{};
        QTest::newRow("spatial fold 2") << QStringList{QStringLiteral("--split"), QStringLiteral("spatial"), QStringLiteral("--fold"),
                                                       QStringLiteral("2")}
                                        << QStringList{QStringLiteral("--spatial"), QStringLiteral("2")};
    }
    void crossCheckWithPython()
    {
        QFETCH(QStringList, split);
        QFETCH(QStringList, checkArgs);
        const QString root = QString::fromStdString(root_.string());
        const QString file = QString::fromStdString(demo_.scratch("cross-check.h5").string());
        ProcessResult r =
            runProcess(QStringLiteral(XMW_CLI_PATH),
                       QStringList{QStringLiteral("samples"), root, QStringLiteral("--out"), file, QStringLiteral("--force")} + split);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("recipe: x-methanewet")), qPrintable(r.out));
        r = runProcess(QStringLiteral("/usr/bin/python3"),
                       QStringList{QStringLiteral(XMW_TEST_SCRIPTS_DIR "/check_recipe.py"), root, file,
                                   QStringLiteral(XMW_TEST_SCRIPTS_DIR "/../../resources/sites/xmw_wetland_sites.csv")} +
                           checkArgs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("samples agree")), qPrintable(r.out));
        qInfo("%s", qPrintable(r.out.trimmed()));
    }
};

QTEST_GUILESS_MAIN(TestRecipe)
#include "test_recipe.moc"
