#include "core/data/grid_variable_file.h"

#include "core/data/data_error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <sstream>

namespace xmw::data {

namespace {

enum class Axis { Unknown, Lat, Lon, Time, Month, Day };

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

bool oneOf(const std::string &value, std::initializer_list<const char *> options)
{
    return std::any_of(options.begin(), options.end(), [&](const char *o) { return value == o; });
}

Axis axisFromName(const std::string &rawName)
{
    const std::string name = lower(rawName);
    if (oneOf(name, {"lat", "latitude", "y", "nlat", "rows", "nav_lat"}))
        return Axis::Lat;
    if (oneOf(name, {"lon", "longitude", "x", "nlon", "cols", "nav_lon"}))
        return Axis::Lon;
    if (oneOf(name, {"time", "t"}))
        return Axis::Time;
    if (oneOf(name, {"month", "months", "nmonth"}))
        return Axis::Month;
    if (oneOf(name, {"day", "days", "nday"}))
        return Axis::Day;
    return Axis::Unknown;
}

// What a coordinate variable's attributes say it is (CF: standard_name, units, axis).
Axis axisFromAttributes(const NetcdfFile &file, int varid)
{
    const std::string standardName = lower(file.textAttribute(varid, "standard_name").value_or(""));
    const std::string units = lower(file.textAttribute(varid, "units").value_or(""));
    const std::string axis = lower(file.textAttribute(varid, "axis").value_or(""));
    if (standardName == "latitude" || oneOf(units, {"degrees_north", "degree_north", "degree_n", "degrees_n", "degreen", "degreesn"}) ||
        axis == "y")
        return Axis::Lat;
    if (standardName == "longitude" || oneOf(units, {"degrees_east", "degree_east", "degree_e", "degrees_e", "degreee", "degreese"}) ||
        axis == "x")
        return Axis::Lon;
    if (standardName == "time" || units.find(" since ") != std::string::npos || axis == "t")
        return Axis::Time;
    return Axis::Unknown;
}

std::string describe(const std::vector<NetcdfFile::Dimension> &dims)
{
    std::ostringstream out;
    out << '(';
    for (std::size_t i = 0; i < dims.size(); ++i)
        out << (i ? ", " : "") << dims[i].name << '=' << dims[i].length;
    out << ')';
    return out.str();
}

std::vector<double> readCoordinate(const NetcdfFile &file, int varid, std::size_t length)
{
    std::vector<double> values(length);
    const std::size_t start = 0;
    file.read(varid, std::span(&start, 1), std::span(&length, 1), values.data());
    return values;
}

// CF time: "<unit> since <date>[ <time>]" with the standard or a 365-day calendar.
std::vector<Date> decodeTimes(const NetcdfFile &file, int varid, const std::vector<double> &values)
{
    const std::string units = lower(file.textAttribute(varid, "units").value_or(""));
    const std::string calendar = lower(file.textAttribute(varid, "calendar").value_or("standard"));
    const auto since = units.find(" since ");
    if (since == std::string::npos)
        throw DataError(file.path(), "time units '" + units + "' are not '<unit> since <date>'");
    const std::string unit = units.substr(0, since);
    double perDay = 0.0;
    if (oneOf(unit, {"days", "day", "d"}))
        perDay = 1.0;
    else if (oneOf(unit, {"hours", "hour", "h"}))
        perDay = 24.0;
    else if (oneOf(unit, {"minutes", "minute", "min"}))
        perDay = 1440.0;
    else if (oneOf(unit, {"seconds", "second", "s"}))
        perDay = 86400.0;
    else
        throw DataError(file.path(), "time unit '" + unit + "' is not supported");
    int y = 0, m = 0, d = 0;
    if (std::sscanf(units.c_str() + since + 7, "%d-%d-%d", &y, &m, &d) != 3 || !isValid({y, m, d}))
        throw DataError(file.path(), "time reference date in '" + units + "' is not a date");
    const Date reference{y, m, d};

    const bool noLeap = oneOf(calendar, {"noleap", "365_day"});
    if (!noLeap && !oneOf(calendar, {"standard", "gregorian", "proleptic_gregorian"}))
        throw DataError(file.path(), "calendar '" + calendar + "' is not supported (standard, noleap)");

    std::vector<Date> dates;
    dates.reserve(values.size());
    for (const double value : values) {
        // Within ±100,000 years of the reference: beyond that a value is damage, not a date (and
        // converting it to an integer would be undefined; found by fuzz_grid_variable_file).
        const double days = std::floor(value / perDay + 1e-9);
        if (!(std::abs(days) <= 36.5e6)) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", value);
            throw DataError(file.path(), std::string("time value ") + text + " is not a date within 100,000 years of the reference");
        }
        const auto offset = std::int64_t(days);
        if (!noLeap) {
            dates.push_back(fromDayNumber(toDayNumber(reference) + offset));
            continue;
        }
        // 365-day calendar: count whole years, then place the day in a non-leap year.
        const int refIndex = *sequenceDayIndex(reference == Date{reference.year, 2, 29} ? Date{reference.year, 2, 28} : reference);
        std::int64_t ordinal = std::int64_t(reference.year) * 365 + refIndex + offset;
        const int year = int(ordinal >= 0 ? ordinal / 365 : (ordinal - 364) / 365);
        const int dayOfYear = int(ordinal - std::int64_t(year) * 365);
        Date date = fromDayNumber(toDayNumber({2001, 1, 1}) + dayOfYear); // 2001 is not a leap year
        date.year = year;
        dates.push_back(date);
    }
    return dates;
}

} // namespace

GridVariableFile::GridVariableFile(const std::filesystem::path &path, const std::string &variable)
    : file_(NetcdfFile::open(path))
    , name_(variable)
    , varid_(file_.variable(variable))
{
    dims_ = file_.dimensions(varid_);
    file_.setChunkCache(varid_, 4u << 20); // up to 24 files stay open: 4 MB each, not NetCDF's default
    findAxes();
    units_ = file_.textAttribute(varid_, "units").value_or("");
    longName_ = file_.textAttribute(varid_, "long_name").value_or("");
    scale_ = file_.numberAttribute(varid_, "scale_factor").value_or(1.0);
    offset_ = file_.numberAttribute(varid_, "add_offset").value_or(0.0);
    for (const char *attribute : {"_FillValue", "missing_value"})
        if (const auto fill = file_.numberAttribute(varid_, attribute))
            fills_.push_back(float(*fill));
}

void GridVariableFile::findAxes()
{
    std::vector<Axis> axes(dims_.size(), Axis::Unknown);
    std::vector<std::optional<int>> coordinates(dims_.size());
    for (std::size_t i = 0; i < dims_.size(); ++i) {
        if (const auto coord = file_.findVariable(dims_[i].name); coord && file_.dimensions(*coord).size() == 1) {
            coordinates[i] = coord;
            axes[i] = axisFromAttributes(file_, *coord);
        }
        if (axes[i] == Axis::Unknown)
            axes[i] = axisFromName(dims_[i].name);
    }
    // Unnamed dimensions: X-MethaneWet's positional layout (lat, lon, month, day).
    const bool anyKnown = std::any_of(axes.begin(), axes.end(), [](Axis a) { return a != Axis::Unknown; });
    if (!anyKnown && dims_.size() >= 2 && dims_.size() <= 4) {
        const Axis positional[] = {Axis::Lat, Axis::Lon, Axis::Month, Axis::Day};
        for (std::size_t i = 0; i < dims_.size(); ++i)
            axes[i] = positional[i];
    }

    const auto find = [&](Axis a) {
        const auto it = std::find(axes.begin(), axes.end(), a);
        return it == axes.end() ? -1 : int(it - axes.begin());
    };
    latAxis_ = find(Axis::Lat);
    lonAxis_ = find(Axis::Lon);
    monthAxis_ = find(Axis::Month);
    dayAxis_ = find(Axis::Day);
    timeAxis_ = find(Axis::Time);

    const std::string shapeText = "variable '" + name_ + "' has dimensions " + describe(dims_);
    const int known = (latAxis_ >= 0) + (lonAxis_ >= 0) + (monthAxis_ >= 0) + (dayAxis_ >= 0) + (timeAxis_ >= 0);
    if (latAxis_ < 0 || lonAxis_ < 0 || known != int(dims_.size()))
        throw DataError(path(), shapeText + ", not (lat, lon[, month[, day]]) or (time, lat, lon)");
    if (timeAxis_ >= 0 && (monthAxis_ >= 0 || dayAxis_ >= 0))
        throw DataError(path(), shapeText + ": both a time axis and month/day axes");
    if (monthAxis_ >= 0 && dims_[std::size_t(monthAxis_)].length != 12)
        throw DataError(path(), shapeText + ": the month dimension must have 12 entries");
    if (dayAxis_ >= 0 && (dims_[std::size_t(dayAxis_)].length != 31 || monthAxis_ < 0 || dayAxis_ < monthAxis_))
        throw DataError(path(), shapeText + ": the day dimension must have 31 entries and follow the month");
    layout_ = timeAxis_ >= 0 ? Layout::TimeLatLon
        : dayAxis_ >= 0      ? Layout::LatLonMonthDay
        : monthAxis_ >= 0    ? Layout::LatLonMonth
                             : Layout::LatLon;

    grid_.rows = int(dims_[std::size_t(latAxis_)].length);
    grid_.cols = int(dims_[std::size_t(lonAxis_)].length);
    if (grid_.rows < 2 || grid_.cols < 2)
        throw DataError(path(), shapeText + ": a grid needs at least 2 × 2 cells");
    // 0.01° globally; TEM-MDM's grid is 0.5°. A damaged header must not make a field of terabytes.
    if (dims_[std::size_t(latAxis_)].length > 18000 || dims_[std::size_t(lonAxis_)].length > 36000)
        throw DataError(path(), shapeText + ": a grid larger than 18000 × 36000 cells (0.01°) is not read");
    const auto latCoord = coordinates[std::size_t(latAxis_)];
    const auto lonCoord = coordinates[std::size_t(lonAxis_)];
    if (latCoord && lonCoord) {
        const auto lat = readCoordinate(file_, *latCoord, std::size_t(grid_.rows));
        const auto lon = readCoordinate(file_, *lonCoord, std::size_t(grid_.cols));
        const auto within = [](const std::vector<double> &v, double low, double high) {
            return std::all_of(v.begin(), v.end(), [&](double x) { return x >= low && x <= high; }); // false for NaN
        };
        if (!within(lat, -90.0, 90.0) || !within(lon, -360.0, 720.0))
            throw DataError(path(), "latitude or longitude coordinates outside the globe (or missing values among them)");
        latDescending_ = lat[1] < lat[0];
        grid_.dLat = std::abs(lat[1] - lat[0]);
        grid_.lat0 = latDescending_ ? lat.back() : lat.front();
        grid_.dLon = lon[1] - lon[0];
        grid_.lon0 = geo::wrapLongitude(lon.front());
        if (grid_.dLat <= 0.0 || grid_.dLon <= 0.0)
            throw DataError(path(), "latitude or longitude coordinates are not strictly monotonic");
    } else {
        if (grid_.cols != 2 * grid_.rows)
            throw DataError(path(), shapeText + ": without lat/lon coordinates it must be a global grid (cols = 2 × rows)");
        grid_ = Grid::global(180.0 / grid_.rows);
    }

    if (timeAxis_ >= 0) {
        const auto timeCoord = coordinates[std::size_t(timeAxis_)];
        if (!timeCoord)
            throw DataError(path(), shapeText + ": the time dimension has no coordinate variable");
        // A century of hourly steps at most: a damaged header must not allocate gigabytes of times.
        if (dims_[std::size_t(timeAxis_)].length > 876600)
            throw DataError(path(), shapeText + ": a time axis longer than 876,600 steps (a century of hours) is not read");
        dates_ = decodeTimes(file_, *timeCoord, readCoordinate(file_, *timeCoord, dims_[std::size_t(timeAxis_)].length));
    }
}

std::vector<std::size_t> GridVariableFile::shape() const
{
    std::vector<std::size_t> out;
    for (const auto &d : dims_)
        out.push_back(d.length);
    return out;
}

void GridVariableFile::unpack(std::vector<float> &values) const
{
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    for (float &v : values) {
        const bool fill = !std::isfinite(v) || std::abs(v) >= 9.9e36f // NetCDF's default float fill
            || std::find(fills_.begin(), fills_.end(), v) != fills_.end();
        v = fill ? kNaN : float(v * scale_ + offset_);
    }
}

std::vector<float> GridVariableFile::readField(int month, int day) const
{
    std::vector<std::size_t> start(dims_.size(), 0), count(dims_.size(), 1);
    count[std::size_t(latAxis_)] = std::size_t(grid_.rows);
    count[std::size_t(lonAxis_)] = std::size_t(grid_.cols);
    if (monthAxis_ >= 0)
        start[std::size_t(monthAxis_)] = std::size_t(month);
    if (dayAxis_ >= 0)
        start[std::size_t(dayAxis_)] = std::size_t(day);
    if (timeAxis_ >= 0)
        start[std::size_t(timeAxis_)] = std::size_t(day);

    std::vector<float> raw(grid_.cellCount());
    file_.read(varid_, start, count, raw.data());
    unpack(raw);

    const bool latFirst = latAxis_ < lonAxis_;
    if (latFirst && !latDescending_)
        return raw;
    std::vector<float> field(grid_.cellCount());
    for (int r = 0; r < grid_.rows; ++r) {
        const int stored = latDescending_ ? grid_.rows - 1 - r : r;
        for (int c = 0; c < grid_.cols; ++c)
            field[std::size_t(r) * grid_.cols + c] =
                latFirst ? raw[std::size_t(stored) * grid_.cols + c] : raw[std::size_t(c) * grid_.rows + stored];
    }
    return field;
}

std::vector<float> GridVariableFile::readMonth(int month) const
{
    if (layout_ != Layout::LatLonMonthDay || latAxis_ != 0 || lonAxis_ != 1)
        throw DataError(path(), "variable '" + name_ + "' is not in the daily (lat, lon, month, day) layout");
    const std::size_t start[4] = {0, 0, std::size_t(month), 0};
    const std::size_t count[4] = {std::size_t(grid_.rows), std::size_t(grid_.cols), 1, 31};
    std::vector<float> values(grid_.cellCount() * 31);
    file_.read(varid_, start, count, values.data());
    unpack(values);
    if (latDescending_) {
        const std::size_t rowValues = std::size_t(grid_.cols) * 31;
        for (int r = 0; r < grid_.rows / 2; ++r)
            std::swap_ranges(values.begin() + std::ptrdiff_t(r * rowValues), values.begin() + std::ptrdiff_t((r + 1) * rowValues),
                             values.begin() + std::ptrdiff_t((grid_.rows - 1 - r) * rowValues));
    }
    return values;
}

std::vector<float> GridVariableFile::readCell(int row, int col) const
{
    std::vector<std::size_t> start(dims_.size(), 0), count(dims_.size(), 1);
    std::size_t total = 1;
    for (std::size_t i = 0; i < dims_.size(); ++i) {
        if (int(i) == latAxis_)
            start[i] = std::size_t(latDescending_ ? grid_.rows - 1 - row : row);
        else if (int(i) == lonAxis_)
            start[i] = std::size_t(col);
        else
            total *= (count[i] = dims_[i].length);
    }
    std::vector<float> values(total);
    file_.read(varid_, start, count, values.data());
    unpack(values);
    return values;
}

} // namespace xmw::data
