#pragma once

#include "core/data/calendar.h"
#include "core/data/grid.h"
#include "core/data/netcdf_file.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace xmw::data {

// One gridded variable in one NetCDF file, in any layout the project reads:
//   X-MethaneWet: (lat, lon), (lat, lon, month), (lat, lon, month, day) — days past a month's end
//                 are padding;
//   CF:           (time, lat, lon), with time decoded from its units and calendar.
// Latitude and longitude are found from coordinate variables (by name, standard_name or units),
// else from dimension names, else by position with X-MethaneWet's grid convention. Values come
// back unpacked (scale_factor, add_offset), with _FillValue, missing_value and non-finite values
// as NaN, rows south to north.
class GridVariableFile {
public:
    enum class Layout { LatLon, LatLonMonth, LatLonMonthDay, TimeLatLon };

    GridVariableFile(const std::filesystem::path &path, const std::string &variable);

    [[nodiscard]] const std::filesystem::path &path() const { return file_.path(); }
    [[nodiscard]] const std::string &name() const { return name_; }
    [[nodiscard]] Layout layout() const { return layout_; }
    [[nodiscard]] const Grid &grid() const { return grid_; }
    [[nodiscard]] const std::string &units() const { return units_; }
    [[nodiscard]] const std::string &longName() const { return longName_; }
    [[nodiscard]] std::vector<std::size_t> shape() const;
    // CF layout: the dates of the time axis, in file order.
    [[nodiscard]] const std::vector<Date> &dates() const { return dates_; }

    // The whole (lat, lon) field at the given month (0–11) and day (0–30) where the layout has them;
    // for CF, `day` indexes the time axis. rows × cols values, row 0 south.
    [[nodiscard]] std::vector<float> readField(int month, int day) const;
    // Daily X-MethaneWet layout: every cell's 31 days of one month (0–11), rows × cols × 31 with the
    // day fastest, row 0 south. One read instead of one per cell, for bulk sampling.
    [[nodiscard]] std::vector<float> readMonth(int month) const;
    // One cell's values along the non-spatial dimensions, in file order (12 × 31 for the daily
    // X-MethaneWet layout, with NaN in the padding).
    [[nodiscard]] std::vector<float> readCell(int row, int col) const;

private:
    void findAxes();
    void unpack(std::vector<float> &values) const;

    NetcdfFile file_;
    std::string name_;
    int varid_ = -1;
    std::vector<NetcdfFile::Dimension> dims_;
    Layout layout_ = Layout::LatLon;
    int latAxis_ = 0, lonAxis_ = 1, monthAxis_ = -1, dayAxis_ = -1, timeAxis_ = -1;
    bool latDescending_ = false;
    Grid grid_;
    std::string units_, longName_;
    std::vector<Date> dates_;
    double scale_ = 1.0, offset_ = 0.0;
    std::vector<float> fills_;
};

} // namespace xmw::data
