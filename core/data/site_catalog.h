#pragma once

#include "core/data/calendar.h"
#include "core/data/grid_dataset.h"

#include <limits>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

// A daily series with its unit; NaN where there is no value.
struct Series {
    std::string name;
    std::string unit;
    std::vector<float> values;
};

struct SiteInfo {
    std::string id; // dash form, "US-Los"
    std::string name;
    double lat = 0.0, lon = 0.0;
    double elevation = std::numeric_limits<double>::quiet_NaN();
    std::string igbp;
    std::optional<int> wetlandType; // the benchmark's code for the tower
    std::optional<int> spatialFold;
    std::optional<int> climateType; // TEM-MDM's climatetype class of the tower's grid cell
    std::filesystem::path source; // the file its rows came from
};

// One tower's daily rows, dates ascending and unique. Three FCH4 columns are kept apart:
//   measured — FCH4, the daily flux from the tower's own half-hours, not gap-filled: what a flux
//              scientist calls measured. A file without an FCH4 column falls back to FCH4_F and
//              says so in `measured.name`;
//   fch4F    — FCH4_F, which FLUXNET-CH4 fills on days with too few half-hours (so partly filled);
//   fch4Filled — FCH4_F_ANNOPTLM, gap-filled on every day.
// The benchmark's target is FCH4_F with its gaps filled from FCH4_F_ANNOPTLM (SampleBuilder).
struct SiteSeries {
    static constexpr const char *kMeasuredColumn = "FCH4";
    std::vector<Date> dates;
    Series measured{kMeasuredColumn, "nmol CH4 m-2 s-1", {}};
    Series fch4F{"FCH4_F", "nmol CH4 m-2 s-1", {}};
    Series fch4Filled{"FCH4_F_ANNOPTLM", "nmol CH4 m-2 s-1", {}};
    Series airTemperature{"TA_F", "degC", {}};
    Series vpd{"VPD_F", "hPa", {}};
    Series precipitation{"P_F", "mm d-1", {}};
    Series shortwave{"SW_IN_F", "W m-2", {}};

    [[nodiscard]] std::vector<int> years() const;
    // True when the file has no FCH4 column, so that `measured` holds FCH4_F instead.
    [[nodiscard]] bool measuredFallsBack() const { return measured.name != kMeasuredColumn; }
    [[nodiscard]] int measuredDays() const;
    [[nodiscard]] double measuredMean() const;
    [[nodiscard]] std::optional<std::size_t> indexOf(Date date) const;
};

struct Site {
    SiteInfo info;
    SiteSeries series;
};

// The FLUXNET-CH4 half of a dataset: site metadata (FLUXNET_CH4_2024.csv), the merged daily file
// (FLUXNET_T1_DD.csv) and the official per-site files FLX_<SITE>_FLUXNET-CH4_DD_<Y1>-<Y2>_<v>.csv.
// A site with a per-site file takes its rows from there; the merged file supplies the others.
// Coordinates come from the metadata file, else from the benchmark's site list.
class SiteCatalog {
public:
    [[nodiscard]] static SiteCatalog open(const std::filesystem::path &folder);

    [[nodiscard]] const std::filesystem::path &folder() const { return folder_; }
    [[nodiscard]] const std::vector<Site> &sites() const { return sites_; }
    [[nodiscard]] const Site *find(const std::string &id) const;
    [[nodiscard]] std::size_t rowCount() const;
    [[nodiscard]] const std::vector<std::filesystem::path> &files() const { return files_; }

    // Which column the measured days of these towers come from: "FCH4", or, where some files have
    // no FCH4 column, "FCH4; FCH4_F at US-Abc, US-Def (their files have no FCH4 column)".
    [[nodiscard]] std::string measuredColumnNote(const std::vector<std::string> &siteIds) const;

    // Sets each tower's climate type from the grid's climatetype field at its cell (one read).
    void assignClimateTypes(const GridDataset &grid);

private:
    std::filesystem::path folder_;
    std::vector<Site> sites_;
    std::vector<std::filesystem::path> files_;
};

} // namespace xmw::data
