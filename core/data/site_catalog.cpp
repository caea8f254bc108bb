#include "core/data/site_catalog.h"

#include "core/data/benchmark_sites.h"
#include "core/data/csv_reader.h"
#include "core/data/data_error.h"
#include "core/data/grid_dataset.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <regex>
#include <set>

namespace xmw::data {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr const char *kMetadataFile = "FLUXNET_CH4_2024.csv";
constexpr const char *kMergedFile = "FLUXNET_T1_DD.csv";

struct Row {
    Date date;
    float measured, fch4F, fch4Filled, ta, vpd, p, sw;
};

// Reads rows of one site (or all sites of the merged file) with columns found by name.
class RowReader {
public:
    explicit RowReader(CsvReader &csv)
        : csv_(csv)
        , timestamp_(csv.requireColumn("TIMESTAMP"))
        , measured_(csv.column(SiteSeries::kMeasuredColumn))
        , fch4F_(csv.column("FCH4_F"))
        , fch4Filled_(csv.column("FCH4_F_ANNOPTLM"))
        , ta_(csv.column("TA_F"))
        , vpd_(csv.column("VPD_F"))
        , p_(csv.column("P_F"))
        , sw_(csv.column("SW_IN_F"))
    {
        if (!fch4F_ && !fch4Filled_)
            throw DataError(csv.path(), "neither FCH4_F nor FCH4_F_ANNOPTLM is among the columns");
    }

    Row read() const
    {
        const std::string_view text = csv_.field(timestamp_);
        const auto date = parseDate(text);
        if (!date)
            csv_.fail("TIMESTAMP '" + std::string(text) + "' is not a date (YYYYMMDD or YYYY-MM-DD)");
        const auto value = [&](const std::optional<std::size_t> &column) { return column ? float(csv_.number(*column)) : kNaN; };
        const float fch4F = value(fch4F_);
        return {*date, measured_ ? value(measured_) : fch4F, fch4F, value(fch4Filled_), value(ta_), value(vpd_), value(p_), value(sw_)};
    }

    // Whether the file has the not-gap-filled FCH4 column; without it `measured` is FCH4_F.
    bool hasMeasuredColumn() const { return measured_.has_value(); }

private:
    CsvReader &csv_;
    std::size_t timestamp_;
    std::optional<std::size_t> measured_, fch4F_, fch4Filled_, ta_, vpd_, p_, sw_;
};

struct PendingSite {
    std::filesystem::path source;
    bool hasMeasuredColumn = true;
    std::vector<std::pair<Row, std::size_t>> rows; // with the line each came from
};

SiteSeries toSeries(PendingSite &pending)
{
    auto &rows = pending.rows;
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first.date < b.first.date; });
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i].first.date == rows[i - 1].first.date)
            throw DataError(pending.source,
                            "line " + std::to_string(rows[i].second) + ": duplicate date " + toIsoString(rows[i].first.date) +
                                " (first on line " + std::to_string(rows[i - 1].second) + ")");
    SiteSeries s;
    if (!pending.hasMeasuredColumn)
        s.measured.name = s.fch4F.name;
    for (const auto &[row, line] : rows) {
        s.dates.push_back(row.date);
        s.measured.values.push_back(row.measured);
        s.fch4F.values.push_back(row.fch4F);
        s.fch4Filled.values.push_back(row.fch4Filled);
        s.airTemperature.values.push_back(row.ta);
        s.vpd.values.push_back(row.vpd);
        s.precipitation.values.push_back(row.p);
        s.shortwave.values.push_back(row.sw);
    }
    return s;
}

} // namespace

std::vector<int> SiteSeries::years() const
{
    std::set<int> years;
    for (const Date &d : dates)
        years.insert(d.year);
    return {years.begin(), years.end()};
}

int SiteSeries::measuredDays() const
{
    return int(std::count_if(measured.values.begin(), measured.values.end(), [](float v) { return !std::isnan(v); }));
}

double SiteSeries::measuredMean() const
{
    double sum = 0.0;
    int n = 0;
    for (const float v : measured.values)
        if (!std::isnan(v)) {
            sum += v;
            ++n;
        }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

std::optional<std::size_t> SiteSeries::indexOf(Date date) const
{
    const auto it = std::lower_bound(dates.begin(), dates.end(), date);
    if (it == dates.end() || *it != date)
        return std::nullopt;
    return std::size_t(it - dates.begin());
}

SiteCatalog SiteCatalog::open(const std::filesystem::path &folderPath)
{
    std::error_code ec;
    const std::filesystem::path folder =
        std::filesystem::is_directory(folderPath / layout::kTowerFolder, ec) ? folderPath / layout::kTowerFolder : folderPath;
    if (!std::filesystem::is_directory(folder, ec))
        throw DataError(folderPath, "folder not found");
    SiteCatalog catalog;
    catalog.folder_ = folder;

    // Metadata, where the folder has it.
    std::map<std::string, SiteInfo> infos;
    if (std::filesystem::exists(folder / kMetadataFile, ec)) {
        CsvReader csv(folder / kMetadataFile);
        const auto id = csv.requireColumn("SITE_ID"), lat = csv.requireColumn("LOCATION_LAT"), lon = csv.requireColumn("LOCATION_LONG");
        const auto name = csv.column("SITE_NAME"), elev = csv.column("LOCATION_ELEV"), igbp = csv.column("IGBP");
        while (csv.next()) {
            SiteInfo info;
            info.id = canonicalSiteId(std::string(csv.field(id)));
            info.lat = csv.number(lat);
            info.lon = csv.number(lon);
            if (std::isnan(info.lat) || std::isnan(info.lon) || std::abs(info.lat) > 90 || std::abs(info.lon) > 180)
                csv.fail("site " + info.id + " has no valid LOCATION_LAT/LOCATION_LONG");
            if (name)
                info.name = csv.field(*name);
            if (elev)
                info.elevation = csv.number(*elev);
            if (igbp)
                info.igbp = csv.field(*igbp);
            infos[info.id] = info;
        }
        catalog.files_.push_back(folder / kMetadataFile);
    }
    const auto describe = [&](const std::string &id, const CsvReader &csv) {
        SiteInfo info;
        if (const auto it = infos.find(id); it != infos.end()) {
            info = it->second;
        } else if (const BenchmarkSite *b = findBenchmarkSite(id)) {
            info.id = b->id;
            info.name = b->name;
            info.lat = b->lat;
            info.lon = b->lon;
            info.igbp = b->igbp;
        } else {
            csv.fail("unknown site '" + id + "' (not in " + kMetadataFile + " nor in the benchmark's site list)");
        }
        if (const BenchmarkSite *b = findBenchmarkSite(id)) {
            info.wetlandType = b->wetlandType;
            info.spatialFold = b->spatialFold;
        }
        return info;
    };

    std::map<std::string, std::pair<SiteInfo, PendingSite>> pending;
    static const std::regex perSite(R"(^FLX_([A-Za-z]{2}[-_.][A-Za-z0-9]{3})_FLUXNET-CH4_DD_(\d{4})-(\d{4})_\d+-\d+\.csv$)");
    std::vector<std::filesystem::path> perSiteFiles;
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec))
        if (std::regex_match(entry.path().filename().string(), perSite))
            perSiteFiles.push_back(entry.path());
    std::sort(perSiteFiles.begin(), perSiteFiles.end());
    for (const auto &path : perSiteFiles) {
        std::smatch m;
        const std::string fileName = path.filename().string();
        std::regex_match(fileName, m, perSite);
        const std::string id = canonicalSiteId(m[1].str());
        CsvReader csv(path);
        const RowReader rows(csv);
        SiteInfo info = describe(id, csv);
        info.source = path;
        if (pending.count(id))
            throw DataError(path, "a second per-site file for " + id);
        PendingSite site{path, rows.hasMeasuredColumn(), {}};
        while (csv.next())
            site.rows.emplace_back(rows.read(), csv.lineNumber());
        pending.emplace(id, std::pair(info, std::move(site)));
        catalog.files_.push_back(path);
    }

    if (std::filesystem::exists(folder / kMergedFile, ec)) {
        CsvReader csv(folder / kMergedFile);
        const RowReader rows(csv);
        const auto siteColumn = csv.requireColumn("Site");
        std::set<std::string> fromOwnFiles;
        for (const auto &[id, entry] : pending)
            fromOwnFiles.insert(id);
        while (csv.next()) {
            const std::string id = canonicalSiteId(std::string(csv.field(siteColumn)));
            const Row row = rows.read(); // validated even when unused: bad input is reported, not skipped
            if (fromOwnFiles.count(id))
                continue; // the per-site file is the fuller record
            auto it = pending.find(id);
            if (it == pending.end()) {
                SiteInfo info = describe(id, csv);
                info.source = folder / kMergedFile;
                it = pending.emplace(id, std::pair(info, PendingSite{folder / kMergedFile, rows.hasMeasuredColumn(), {}})).first;
            }
            it->second.second.rows.emplace_back(row, csv.lineNumber());
        }
        catalog.files_.push_back(folder / kMergedFile);
    }
    if (pending.empty())
        throw DataError(folder,
                        std::string("no tower data (expected ") + kMergedFile + " or FLX_<SITE>_FLUXNET-CH4_DD_<Y1>-<Y2>_1-1.csv files)");

    for (auto &[id, entry] : pending)
        catalog.sites_.push_back({entry.first, toSeries(entry.second)});
    return catalog;
}

const Site *SiteCatalog::find(const std::string &id) const
{
    const std::string wanted = canonicalSiteId(id);
    for (const Site &site : sites_)
        if (site.info.id == wanted)
            return &site;
    return nullptr;
}

std::size_t SiteCatalog::rowCount() const
{
    return std::accumulate(sites_.begin(), sites_.end(), std::size_t(0),
                           [](std::size_t n, const Site &s) { return n + s.series.dates.size(); });
}

std::string SiteCatalog::measuredColumnNote(const std::vector<std::string> &siteIds) const
{
    const std::set<std::string> wanted(siteIds.begin(), siteIds.end());
    std::string fallback;
    for (const Site &site : sites_)
        if (wanted.count(site.info.id) && site.series.measuredFallsBack())
            fallback += (fallback.empty() ? "" : ", ") + site.info.id;
    std::string note = SiteSeries::kMeasuredColumn;
    if (!fallback.empty())
        note += "; FCH4_F at " + fallback + " (their files have no FCH4 column)";
    return note;
}

void SiteCatalog::assignClimateTypes(const GridDataset &grid)
{
    const auto *variable = grid.findVariable("climatetype");
    if (!variable || variable->cadence != Cadence::Static)
        return;
    const std::vector<float> field = grid.dayField(variable->name, {grid.years().empty() ? 2000 : grid.years().front(), 1, 1});
    for (Site &site : sites_) {
        const float v = field[std::size_t(grid.grid().row(site.info.lat)) * std::size_t(grid.grid().cols) +
                              std::size_t(grid.grid().col(site.info.lon))];
        site.info.climateType = std::isfinite(v) ? std::optional<int>(int(std::lround(v))) : std::nullopt;
    }
}

} // namespace xmw::data
