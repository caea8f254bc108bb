#include "core/data/grid_dataset.h"

#include "core/data/data_error.h"
#include "core/data/grid_variable_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <list>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_map>

namespace xmw::data {

namespace layout {

std::string fileName(std::string_view variable, Cadence cadence, int year)
{
    const std::string name(variable);
    if (cadence == Cadence::Static)
        return name + ".nc";
    if (cadence == Cadence::Monthly)
        return "monthly_" + name + "_" + std::to_string(year) + ".nc";
    if (name == kEmission)
        return "CH4_emission_intensity_" + std::to_string(year) + ".nc";
    return "daily_ecmwf_" + name + "_" + std::to_string(year) + ".nc";
}

} // namespace layout

namespace {

constexpr std::size_t kOpenFileLimit = 24; // a cell-year touches 14 files
constexpr std::size_t kFieldCacheLimit = 8;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// "YEAR VALUE" lines.
std::map<int, double> readAnnualSeries(const std::filesystem::path &path)
{
    std::map<int, double> values;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return values;
    std::ifstream in(path);
    if (!in)
        throw DataError(path, "cannot be opened for reading");
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        std::istringstream fields(line);
        int year = 0;
        double value = 0.0;
        std::string extra;
        if (!(fields >> year >> value) || (fields >> extra))
            throw DataError(path, "line " + std::to_string(number) + ": expected 'YEAR VALUE', got '" + line + "'");
        if (!std::isfinite(value))
            throw DataError(path, "line " + std::to_string(number) + ": the value is not a finite number");
        values[year] = value;
    }
    if (values.empty()) // present but empty: a damaged copy, not a dataset without the file
        throw DataError(path, "has no 'YEAR VALUE' lines");
    return values;
}

} // namespace

struct GridDataset::Impl {
    std::filesystem::path path; // the folder with the files, or the CF file
    bool singleFile = false;
    Grid grid;
    std::vector<int> years;
    std::vector<GridVariable> variables;
    std::map<int, double> ch4, co2;
    std::vector<std::filesystem::path> files;

    mutable std::mutex mutex;
    mutable std::list<std::pair<std::string, std::unique_ptr<GridVariableFile>>> openFiles; // most recent first
    mutable std::list<std::pair<std::string, std::vector<float>>> fields;
    mutable std::unordered_map<std::int64_t, int> timeIndex; // CF: day number → time index

    std::filesystem::path fileOf(const GridVariable &v, int year) const
    {
        return singleFile ? path : path / layout::fileName(v.name, v.cadence, year);
    }

    // Caller holds the mutex.
    const GridVariableFile &file(const GridVariable &v, int year) const
    {
        const std::filesystem::path p = fileOf(v, year);
        const std::string key = p.string() + '\n' + v.name;
        for (auto it = openFiles.begin(); it != openFiles.end(); ++it) {
            if (it->first == key) {
                openFiles.splice(openFiles.begin(), openFiles, it);
                return *openFiles.front().second;
            }
        }
        auto opened = std::make_unique<GridVariableFile>(p, v.name);
        if (!opened->grid().sameAs(grid))
            throw DataError(p,
                            "grid " + std::to_string(opened->grid().rows) + "×" + std::to_string(opened->grid().cols) +
                                " differs from the dataset's " + std::to_string(grid.rows) + "×" + std::to_string(grid.cols));
        const auto expected = v.cadence == Cadence::Daily && !singleFile ? GridVariableFile::Layout::LatLonMonthDay
            : v.cadence == Cadence::Monthly                              ? GridVariableFile::Layout::LatLonMonth
            : v.cadence == Cadence::Static                               ? GridVariableFile::Layout::LatLon
                                                                         : GridVariableFile::Layout::TimeLatLon;
        if (opened->layout() != expected)
            throw DataError(p, "variable '" + v.name + "' does not have the layout its file name promises");
        openFiles.emplace_front(key, std::move(opened));
        if (openFiles.size() > kOpenFileLimit)
            openFiles.pop_back();
        return *openFiles.front().second;
    }

    std::optional<int> findTimeIndex(const GridVariableFile &f, Date date) const
    {
        if (timeIndex.empty())
            for (std::size_t i = 0; i < f.dates().size(); ++i)
                timeIndex.emplace(toDayNumber(f.dates()[i]), int(i));
        const auto it = timeIndex.find(toDayNumber(date));
        return it == timeIndex.end() ? std::nullopt : std::optional(it->second);
    }

    int timeIndexOf(const GridVariableFile &f, Date date) const
    {
        if (const auto index = findTimeIndex(f, date))
            return *index;
        throw DataError(path, "no data for " + toIsoString(date));
    }
};

GridDataset GridDataset::open(const std::filesystem::path &path)
{
    auto impl = std::make_shared<Impl>();
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        impl->path = path;
        impl->singleFile = true;
        const NetcdfFile probe = NetcdfFile::open(path);
        std::set<int> years;
        // CF cell bounds (lat_bnds, time_bnds, …) describe the coordinates; they are no fields.
        std::set<std::string> bounds;
        for (const int varid : probe.variables())
            if (const auto named = probe.textAttribute(varid, "bounds"))
                bounds.insert(*named);
        for (const int varid : probe.variables()) {
            const std::string name = probe.variableName(varid);
            if (probe.dimensions(varid).size() < 2 || bounds.count(name))
                continue; // coordinates, their bounds and scalars
            GridVariableFile f(path, name);
            if (impl->variables.empty())
                impl->grid = f.grid();
            if (f.layout() == GridVariableFile::Layout::TimeLatLon) {
                impl->variables.push_back({name, Cadence::Daily, f.units(), f.longName()});
                for (const Date &d : f.dates())
                    years.insert(d.year);
            } else if (f.layout() == GridVariableFile::Layout::LatLon) {
                impl->variables.push_back({name, Cadence::Static, f.units(), f.longName()});
            }
        }
        if (impl->variables.empty())
            throw DataError(path, "no (time, lat, lon) or (lat, lon) variable");
        impl->years.assign(years.begin(), years.end());
        impl->files = {path};
    } else {
        const std::filesystem::path folder =
            std::filesystem::is_directory(path / layout::kGridFolder, ec) ? path / layout::kGridFolder : path;
        if (!std::filesystem::is_directory(folder, ec))
            throw DataError(path, "folder not found");
        impl->path = folder;

        static const std::regex yearly(R"(^(?:daily_ecmwf_(PREC|SOLR|TAIR|VAPR)|(CH4_emission)_intensity|monthly_(NPP))_(\d{4})\.nc$)");
        std::map<std::string, std::set<int>> yearsOf;
        std::set<std::string> statics;
        for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
            const std::string name = entry.path().filename().string();
            std::smatch m;
            if (std::regex_match(name, m, yearly)) {
                const std::string variable = m[1].matched ? m[1].str() : m[2].matched ? m[2].str() : m[3].str();
                yearsOf[variable].insert(std::stoi(m[4].str()));
                impl->files.push_back(entry.path());
            } else {
                for (const char *s : layout::kStaticVariables)
                    if (name == std::string(s) + ".nc") {
                        statics.insert(s);
                        impl->files.push_back(entry.path());
                    }
            }
        }
        if (yearsOf.empty() && statics.empty())
            throw DataError(folder, "no TEM-MDM files (expected files such as clelev.nc or daily_ecmwf_TAIR_<year>.nc)");
        std::sort(impl->files.begin(), impl->files.end());

        for (const char *s : layout::kStaticVariables)
            if (statics.count(s))
                impl->variables.push_back({s, Cadence::Static, {}, {}});
        for (const char *v : {layout::kEmission, "PREC", "SOLR", "TAIR", "VAPR"})
            if (yearsOf.count(v))
                impl->variables.push_back({v, Cadence::Daily, {}, {}});
        if (yearsOf.count(layout::kNpp))
            impl->variables.push_back({layout::kNpp, Cadence::Monthly, {}, {}});

        std::set<int> years;
        for (const auto &[variable, ys] : yearsOf)
            years.insert(ys.begin(), ys.end());
        impl->years.assign(years.begin(), years.end());

        // Headers only: units, names and the grid, which every file must share.
        bool first = true;
        for (GridVariable &v : impl->variables) {
            const int year = v.cadence == Cadence::Static ? 0 : *yearsOf[v.name].begin();
            GridVariableFile f(impl->fileOf(v, year), v.name);
            if (first)
                impl->grid = f.grid();
            else if (!f.grid().sameAs(impl->grid))
                throw DataError(f.path(),
                                "grid " + std::to_string(f.grid().rows) + "×" + std::to_string(f.grid().cols) +
                                    " differs from the other TEM-MDM files' " + std::to_string(impl->grid.rows) + "×" +
                                    std::to_string(impl->grid.cols));
            first = false;
            v.units = f.units();
            v.longName = f.longName();
        }
        impl->ch4 = readAnnualSeries(folder / layout::kCh4File);
        impl->co2 = readAnnualSeries(folder / layout::kCo2File);
        for (const char *txt : {layout::kCh4File, layout::kCo2File})
            if (std::filesystem::exists(folder / txt, ec))
                impl->files.push_back(folder / txt);
    }
    GridDataset dataset;
    dataset.impl_ = std::move(impl);
    return dataset;
}

const std::filesystem::path &GridDataset::path() const { return impl_->path; }
const Grid &GridDataset::grid() const { return impl_->grid; }
bool GridDataset::hasMonthBlocks() const { return !impl_->singleFile; }
const std::vector<int> &GridDataset::years() const { return impl_->years; }
const std::vector<GridVariable> &GridDataset::variables() const { return impl_->variables; }
std::vector<std::filesystem::path> GridDataset::files() const { return impl_->files; }

const GridVariable *GridDataset::findVariable(std::string_view name) const
{
    for (const auto &v : impl_->variables)
        if (v.name == name)
            return &v;
    return nullptr;
}

const GridVariable &GridDataset::variable(std::string_view name) const
{
    if (const auto *v = findVariable(name))
        return *v;
    throw DataError(impl_->path, "no variable '" + std::string(name) + "' in this dataset");
}

std::vector<float> GridDataset::dayField(std::string_view name, Date date) const
{
    const GridVariable &v = variable(name);
    const std::string key = v.name + '@' +
        (v.cadence == Cadence::Static        ? std::string("static")
             : v.cadence == Cadence::Monthly ? toIsoString({date.year, date.month, 1})
                                             : toIsoString(date));
    std::lock_guard lock(impl_->mutex);
    for (auto it = impl_->fields.begin(); it != impl_->fields.end(); ++it)
        if (it->first == key) {
            impl_->fields.splice(impl_->fields.begin(), impl_->fields, it);
            return impl_->fields.front().second;
        }

    const GridVariableFile &f = impl_->file(v, date.year);
    std::vector<float> field;
    if (impl_->singleFile && v.cadence == Cadence::Daily)
        field = f.readField(0, impl_->timeIndexOf(f, date));
    else
        field = f.readField(date.month - 1, date.day - 1);
    impl_->fields.emplace_front(key, field);
    if (impl_->fields.size() > kFieldCacheLimit)
        impl_->fields.pop_back();
    return field;
}

std::vector<float> GridDataset::cellSeries(std::string_view name, int row, int col, int firstYear, int lastYear) const
{
    const GridVariable &v = variable(name);
    if (row < 0 || row >= impl_->grid.rows || col < 0 || col >= impl_->grid.cols)
        throw DataError(impl_->path, "cell (" + std::to_string(row) + ", " + std::to_string(col) + ") is outside the grid");
    std::vector<float> series;
    std::lock_guard lock(impl_->mutex);
    if (v.cadence == Cadence::Static || (impl_->singleFile && v.cadence == Cadence::Daily)) {
        const GridVariableFile &f = impl_->file(v, firstYear);
        const std::vector<float> values = f.readCell(row, col);
        for (int year = firstYear; year <= lastYear; ++year)
            for (int m = 1; m <= 12; ++m)
                for (int d = 1; d <= daysInMonth(year, m); ++d) {
                    if (v.cadence == Cadence::Static) {
                        series.push_back(values.front());
                    } else {
                        const auto index = impl_->findTimeIndex(f, {year, m, d});
                        series.push_back(index ? values[std::size_t(*index)] : kNaN);
                    }
                }
        return series;
    }
    for (int year = firstYear; year <= lastYear; ++year) {
        const std::vector<float> values = impl_->file(v, year).readCell(row, col);
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= daysInMonth(year, m); ++d)
                series.push_back(v.cadence == Cadence::Monthly ? values[std::size_t(m - 1)] : values[std::size_t((m - 1) * 31 + d - 1)]);
    }
    return series;
}

std::vector<float> GridDataset::monthBlock(std::string_view name, int year, int month) const
{
    const GridVariable &v = variable(name);
    if (v.cadence != Cadence::Daily || impl_->singleFile)
        throw DataError(impl_->path, "'" + v.name + "' is not a daily variable in the X-MethaneWet layout");
    std::lock_guard lock(impl_->mutex);
    return impl_->file(v, year).readMonth(month - 1);
}

std::optional<double> GridDataset::atmosphericCh4(int year) const
{
    const auto it = impl_->ch4.find(year);
    return it == impl_->ch4.end() ? std::nullopt : std::optional(it->second);
}

std::optional<double> GridDataset::atmosphericCo2(int year) const
{
    const auto it = impl_->co2.find(year);
    return it == impl_->co2.end() ? std::nullopt : std::optional(it->second);
}

} // namespace xmw::data
