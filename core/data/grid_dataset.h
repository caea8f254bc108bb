#pragma once

#include "core/data/calendar.h"
#include "core/data/grid.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xmw::data {

enum class Cadence { Static, Daily, Monthly };

struct GridVariable {
    std::string name;
    Cadence cadence = Cadence::Static;
    std::string units;
    std::string longName;
};

// The TEM-MDM half of a dataset, read lazily: opening lists files and reads headers only; maps and
// series are hyperslab reads of one day's field or one cell's series, never whole files. A small
// bounded cache keeps recently used files open and recent fields in memory. Safe to share between
// threads (reads are serialised: NetCDF-C is not thread-safe).
class GridDataset {
public:
    // A dataset folder (its TEM-MDM/ subfolder, or the folder itself when it holds the files) in the
    // X-MethaneWet layout, or a single CF NetCDF file with (time, lat, lon) or (lat, lon) variables.
    [[nodiscard]] static GridDataset open(const std::filesystem::path &path);

    [[nodiscard]] const std::filesystem::path &path() const;
    [[nodiscard]] const Grid &grid() const;
    // Years with daily data, ascending.
    [[nodiscard]] const std::vector<int> &years() const;
    [[nodiscard]] const std::vector<GridVariable> &variables() const;
    [[nodiscard]] const GridVariable *findVariable(std::string_view name) const;
    [[nodiscard]] const GridVariable &variable(std::string_view name) const; // throws when unknown

    // One day's global field: rows × cols, row 0 south, NaN where there is no value. Static fields
    // ignore the date; monthly ones give that month's value.
    [[nodiscard]] std::vector<float> dayField(std::string_view name, Date date) const;
    // One cell's daily values for every calendar day of the years (29 February included).
    [[nodiscard]] std::vector<float> cellSeries(std::string_view name, int row, int col, int firstYear, int lastYear) const;

    // A daily variable's whole month: rows × cols × 31 (day fastest; what lies past the month's end
    // is whatever the file holds there, not data: read daysInMonth days). X-MethaneWet layout only; for reading many cells at once.
    [[nodiscard]] std::vector<float> monthBlock(std::string_view name, int year, int month) const;
    [[nodiscard]] bool hasMonthBlocks() const; // false for a single CF file

    // Atmospheric CH4 (ppb) and CO2 (ppm) of a year, from ch4-1979-2018.txt and kco21979-2018.txt.
    [[nodiscard]] std::optional<double> atmosphericCh4(int year) const;
    [[nodiscard]] std::optional<double> atmosphericCo2(int year) const;

    // Every input file that was found, for cache keys.
    [[nodiscard]] std::vector<std::filesystem::path> files() const;

    struct Impl;

private:
    std::shared_ptr<Impl> impl_;
};

// The file names of the X-MethaneWet layout, shared by the reader and the demo generator.
namespace layout {
inline constexpr const char *kGridFolder = "TEM-MDM";
inline constexpr const char *kTowerFolder = "FLUXNET-CH4";
inline constexpr const char *kStaticVariables[] = {
    "clelev", "clfaotxt", "cltveg", "phh2o", "topsoil_bulk_density", "vegetation_type_11", "wetlandtype", "climatetype"};
inline constexpr const char *kDriverVariables[] = {"PREC", "SOLR", "TAIR", "VAPR"};
inline constexpr const char *kEmission = "CH4_emission";
inline constexpr const char *kNpp = "NPP";
inline constexpr const char *kCh4File = "ch4-1979-2018.txt";
inline constexpr const char *kCo2File = "kco21979-2018.txt";
// A wetland map beside the dataset (not part of X-MethaneWet, which has none): budgets in Tg need
// one. `make-demo` writes a synthetic one in WAD2M's layout here; a user may put WAD2M itself here.
inline constexpr const char *kWetlandFolder = "WAD2M";
inline constexpr const char *kDemoWetlandFile = "WAD2M_wetlands_demo.nc";
[[nodiscard]] std::string fileName(std::string_view variable, Cadence cadence, int year);
// Fields whose values are class codes (types of wetland, climate, vegetation, soil texture), not
// quantities: shown in distinct colours per class, never averaged into a ramp or a log scale.
[[nodiscard]] inline bool isCategorical(std::string_view variable)
{
    for (const char *name : {"wetlandtype", "climatetype", "vegetation_type_11", "cltveg", "clfaotxt"})
        if (variable == name)
            return true;
    return false;
}
} // namespace layout

} // namespace xmw::data
