#pragma once

#include "core/data/grid.h"
#include "core/data/grid_variable_file.h"

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xmw::data {

// Conservative regridding between two regular latitude-longitude grids: each target cell receives
// the source's area-weighted values over the part of the sphere it shares with each source cell,
// so a total (wetland area) is kept exactly. Cells the source does not cover, and its missing
// values (ocean), count as zero.
class ConservativeRegridder {
public:
    ConservativeRegridder(const Grid &source, const Grid &target);
    // `fraction`: source rows × cols of a per-area quantity (a fraction of each cell). Returns the
    // target's fraction, rows × cols.
    [[nodiscard]] std::vector<float> regrid(const std::vector<float> &fraction) const;

private:
    struct Overlap {
        int index;
        double weight;
    };
    Grid source_, target_;
    std::vector<std::vector<Overlap>> rowOverlaps_; // per source row: target rows and sin-latitude overlaps
    std::vector<std::vector<Overlap>> colOverlaps_; // per source column: target columns and longitude overlaps (radians)
    std::vector<double> targetRowAreas_;
};

// A wetland map beside a dataset: the fraction of each grid cell that is wetland, read from a CF
// NetCDF file — WAD2M (0.25°, monthly, `Fw`), GIEMS-2, or any (time, lat, lon) or (lat, lon)
// field given as a fraction (units "1", "fraction", "m2 m-2"), a percentage ("%"), or an area
// ("m2", "km2") — and regridded conservatively to the dataset's grid. A month the map does not
// have comes from its climatology of that month (the mean over the map's years). Memory does not
// grow with the map's length: one month and the climatology's twelve fields are kept. One thread at
// a time (the caches are not locked).
class WetlandAreaMap {
public:
    static constexpr const char *kDefaultVariable = "Fw";

    WetlandAreaMap(const std::filesystem::path &file, const std::string &variable, const Grid &target);

    [[nodiscard]] const std::filesystem::path &path() const { return file_->path(); }
    [[nodiscard]] const std::string &variable() const { return file_->name(); }
    [[nodiscard]] bool isStatic() const { return file_->layout() == GridVariableFile::Layout::LatLon; }
    // The years with at least one month in the map, ascending (empty for a static map).
    [[nodiscard]] std::pair<int, int> yearSpan() const { return span_; }
    // Whether the map has this month itself (a static map has every month).
    [[nodiscard]] bool hasMonth(int year, int month) const;

    // The wetland fraction (0–1) of each target cell in one month (1–12): rows × cols. From the
    // climatology where the map lacks that month.
    [[nodiscard]] std::vector<float> fraction(int year, int month) const;

private:
    [[nodiscard]] std::vector<float> readRegridded(const std::vector<int> &steps) const;
    [[nodiscard]] std::vector<float> toFraction(std::vector<float> values, int step) const;

    std::unique_ptr<GridVariableFile> file_;
    enum class Kind { Fraction, Percent, SquareMetres, SquareKilometres } kind_ = Kind::Fraction;
    Grid target_;
    ConservativeRegridder regridder_;
    std::map<std::pair<int, int>, std::vector<int>> steps_; // (year, month) → time steps in it
    std::pair<int, int> span_{0, -1};
    mutable std::pair<int, int> cachedMonth_{0, 0};
    mutable std::vector<float> cached_;
    mutable std::array<std::vector<float>, 12> climatology_;
};

// The wetland map a dataset keeps beside it: the one NetCDF file in DATASET/WAD2M/, if any
// (a DataError when there are several: which one is meant must then be said, as `howToSay` tells).
[[nodiscard]] std::optional<std::filesystem::path> wetlandMapBeside(const std::filesystem::path &datasetRoot,
                                                                    const std::string &howToSay = "say which wetland map to use");

} // namespace xmw::data
