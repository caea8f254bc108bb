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

// One tower's daily rows, dates ascending and unique. Measured FCH4 (FCH4_F, with gaps) and the
// gap-filled FCH4_F_ANNOPTLM are kept apart.
struct SiteSeries {
    std::vector<Date> dates;
    Series fch4{"FCH4_F", "nmol CH4 m-2 s-1", {}};
    Series fch4Filled{"FCH4_F_ANNOPTLM", "nmol CH4 m-2 s-1", {}};
    Series airTemperature{"TA_F", "degC", {}};
    Series vpd{"VPD_F", "hPa", {}};
    Series precipitation{"P_F", "mm d-1", {}};
    Series shortwave{"SW_IN_F", "W m-2", {}};

    [[nodiscard]] std::vector<int> years() const;
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

    // Sets each tower's climate type from the grid's climatetype field at its cell (one read).
    void assignClimateTypes(const GridDataset &grid);

private:
    std::filesystem::path folder_;
    std::vector<Site> sites_;
    std::vector<std::filesystem::path> files_;
};

} // namespace xmw::data
